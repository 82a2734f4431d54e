"""``secretariat stv --ballots FILE.blt``: count a ranked-choice election (single
transferable vote) from a BLT ballot file. Needs no database.

Prints the elected candidates in order of election, one per line, each name exactly as
in the ballot file, so the output can be compared or piped; ``--report`` prints the whole
count sheet instead (votes per candidate per stage, transfers, non-transferable votes,
quota).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secretariat.cli.commands import Commands
from secretariat.i18n import _

METHODS = ("scottish", "meek")


def register(commands: Commands) -> None:
    stv = commands.add(
        "stv", handler=count_stv,
        help=_("count a ranked-choice election (single transferable vote) from a BLT "
               "ballot file"),
        description=_("Count a ranked-choice election by the single transferable vote "
                      "and print the candidates elected, in order of election, one per "
                      "line. Needs no database. Ties that the rules leave to lot are "
                      "drawn from --seed, so anyone with the seed and the ballot file "
                      "gets the same result."))
    stv.add_argument("--ballots", required=True, type=Path, metavar=_("FILE"),
                     help=_("the ballot file, in BLT format"))
    stv.add_argument("--method", choices=METHODS, default="scottish",
                     help=_("counting rules: scottish (the Scottish local government "
                            "rules, the default) or meek (Meek's method)"))
    stv.add_argument("--report", action="store_true",
                     help=_("print the whole count, stage by stage"))
    stv.add_argument("--seed", metavar=_("TEXT"),
                     help=_("published text from which any drawing of lots is made "
                            "(e.g. the result of a public draw)"))


def count_stv(args: argparse.Namespace) -> int:
    from secretariat.selection import blt, meek, scottish
    from secretariat.selection.stv_report import format_report

    election = blt.read_file(args.ballots.expanduser())
    counter = meek if args.method == "meek" else scottish
    result = counter.count(election, seed=args.seed)
    out = sys.stdout
    if args.report:
        out.write(format_report(result, election.title))
    else:
        for name in result.elected_names:
            print(name, file=out)
    return 0
