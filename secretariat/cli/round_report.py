"""``secretariat round report ROUND --out FILE.pdf`` and ``secretariat round open-data
ROUND --out FOLDER``: the round's report and the open data to re-check it."""

from __future__ import annotations

import argparse
from pathlib import Path

from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.i18n import _


def register(commands: Commands) -> None:
    group = commands.group("round", help=_("selection rounds for non-government seats"))
    report = group.add("report", handler=write_report,
                       help=_("write the round's report as a PDF"))
    report.add_argument("round", type=record_number, metavar=_("ROUND"), help=_("round number"))
    report.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"),
                        help=_("the PDF file to write"))
    report.add_argument("--language", choices=("zh_TW", "en"), default="zh_TW",
                        help=_("the report's language (default: %(default)s)"))
    data = group.add("open-data", handler=write_data,
                     help=_("write the round's open data (CSV, JSON, BLT) to a folder"))
    data.add_argument("round", type=record_number, metavar=_("ROUND"), help=_("round number"))
    data.add_argument("--out", type=Path, required=True, metavar=_("FOLDER"),
                      help=_("the folder to write the files in"))


def write_report(args: argparse.Namespace) -> int:
    from secretariat.services.selection.report import report_data, write_pdf

    with opened_store(args) as store, store.session() as s:
        data = report_data(s, args.round)
    write_pdf(data, args.out.expanduser(), args.language)
    print(_("Wrote {path}").format(path=args.out))
    return 0


def write_data(args: argparse.Namespace) -> int:
    from secretariat.services.selection.open_data import write_open_data

    with opened_store(args) as store, store.session() as s:
        written = write_open_data(s, args.round, args.out.expanduser())
    for path in written:
        print(path)
    return 0
