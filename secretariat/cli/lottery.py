"""``secretariat lottery``: a publicly verifiable draw (RFC 3797) from a numbered pool.

It needs no database: the pool is the published list, numbered 1…N, and the result is the
chosen positions in the order drawn, one per line, so anyone can redo it with the same
sources (``--verbose`` shows the key string and each digest, as the RFC's example does).
"""

from __future__ import annotations

import argparse

from secretariat.cli.commands import Commands, record_number
from secretariat.i18n import _


def register(commands: Commands) -> None:
    lottery = commands.add(
        "lottery", handler=run_lottery,
        help=_("draw positions from a numbered pool, verifiably (RFC 3797)"),
        description=_("Draw SEATS distinct positions from a pool numbered 1 to N by the "
                      "method of RFC 3797: the random sources (numbers published after "
                      "the draw was announced, e.g. lottery results) are written as the "
                      "RFC's key string and hashed; anyone can repeat the draw. Needs no "
                      "database."))
    lottery.add_argument("--pool-size", type=record_number, required=True, metavar="N",
                         help=_("how many positions the published pool has"))
    lottery.add_argument("--seats", type=record_number, required=True, metavar="K",
                         help=_("how many positions to draw"))
    add_source_options(lottery)
    lottery.add_argument("--verbose", action="store_true",
                         help=_("also show the key string and each digest"))


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """``--source`` (repeatable, in the announced order) and ``--hash``."""
    from secretariat.selection.rfc3797 import DEFAULT_HASH, HASHES

    parser.add_argument("--source", action="append", metavar=_("TEXT"), help=_(
        "one random source: its numbers separated by spaces or commas; repeat the "
        "option for each source, in the order they were announced"))
    parser.add_argument("--hash", choices=list(HASHES), default=DEFAULT_HASH, help=_(
        "the hash function (default: %(default)s, as RFC 3797)"))


def run_lottery(args: argparse.Namespace) -> int:
    from secretariat.selection.rfc3797 import check_counts, key_string, select

    check_counts(args.pool_size, args.seats)
    key = key_string(args.source or [])
    steps = select(args.pool_size, args.seats, key, args.hash)
    if args.verbose:
        print(_("Key string: {key}").format(key=key))
        print(_("Hash: {name}").format(name=args.hash))
        for step in steps:
            print(_("{index}  {digest}  ÷ {divisor}  → {position}").format(
                index=step.index, digest=step.digest, divisor=step.divisor,
                position=step.position))
        print(_("Chosen positions, in the order drawn:"))
    for step in steps:
        print(step.position)
    return 0
