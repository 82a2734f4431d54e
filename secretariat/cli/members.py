"""``secretariat import members FILE.csv``: people, organisations, sectors and seats."""

from __future__ import annotations

import argparse
from pathlib import Path

from secretariat.cli.commands import Commands, opened_store, print_table
from secretariat.i18n import _, format_number


def register(commands: Commands) -> None:
    imports = commands.group("import", help=_("import records from a file"))
    members = imports.add(
        "members", handler=import_members,
        help=_("import members from a CSV file exported from a spreadsheet"),
        description=_("Import members (people, organisations, seats and terms) from a CSV "
                      "file in UTF-8. Every row is checked first: if any row is invalid, "
                      "all problems are listed with their row numbers and nothing is "
                      "imported."))
    members.add_argument("file", type=Path, metavar=_("FILE.csv"), help=_("the CSV file"))


def import_members(args: argparse.Namespace) -> int:
    from secretariat.services.members.import_csv import import_members_csv

    with opened_store(args) as store:
        report = store.run_transaction(lambda s: import_members_csv(s, args.file))
    print(_("Imported {path}:").format(path=args.file))
    print_table([
        ("  " + _("People added"), format_number(report.people_added)),
        ("  " + _("Organisations added"), format_number(report.organisations_added)),
        ("  " + _("Seats added"), format_number(report.seats_added)),
        ("  " + _("Memberships added"), format_number(report.memberships_added)),
    ], right_align=True)
    return 0
