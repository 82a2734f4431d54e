"""``secretariat members list`` and ``secretariat import members FILE.csv``: who sits in
which seat on a day, and people, organisations, sectors and seats from a spreadsheet."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from secretariat import dates
from secretariat.cli.commands import Commands, opened_store, print_table
from secretariat.cli.editing import calendar_date
from secretariat.cli.demo import StderrProgress
from secretariat.i18n import N_, _, format_number, localized, ngettext
from secretariat.member_columns import columns_help

# Column keys of the CSV and JSON forms: stable English names scripts can rely on.
LIST_FIELDS = ("seat", "seat_en", "name", "name_en", "gender", "region", "organisation",
               "organisation_en", "sector", "side", "role", "term_start", "term_end", "high_level", "person_id",
               "membership_id")


def register(commands: Commands) -> None:
    group = commands.group("members", help=_("list the forum's members and their seats"))
    listing = group.add(
        "list", handler=list_members,
        help=_("list the members in office on a day, by sector and seat"),
        description=_("List the members in office on a day (today unless --date says "
                      "otherwise), by sector and seat. Contact details are never shown."))
    listing.add_argument("--date", metavar=_("DATE"),
                         help=_("the day, e.g. 2026-12-31 (default: today)"))
    listing.add_argument("--format", choices=("text", "csv", "json"), default="text",
                         help=_("text for reading (default), csv or json for other programs"))

    imports = commands.group("import", help=_("import records from a file"))
    members = imports.add(
        "members", handler=import_members,
        help=_("import members from a CSV file exported from a spreadsheet"),
        description=_("Import members (people, organisations, seats and terms) from a CSV "
                      "file in UTF-8. Every row is checked first: if any row is invalid, "
                      "all problems are listed with their row numbers and nothing is "
                      "imported."))
    members.epilog = columns_help()
    members.add_argument("file", type=Path, metavar=_("FILE.csv"), help=_("the CSV file"))


def import_members(args: argparse.Namespace) -> int:
    from secretariat.services.members.import_csv import import_members_csv

    progress = _ImportProgress()
    try:
        with opened_store(args) as store:
            report = store.run_transaction(
                lambda s: import_members_csv(s, args.file, progress=progress))
    finally:
        progress.close()
    print(_("Imported {path}:").format(path=args.file))
    print_table([
        ("  " + _("People added"), format_number(report.people_added)),
        ("  " + _("Organisations added"), format_number(report.organisations_added)),
        ("  " + _("Seats added"), format_number(report.seats_added)),
        ("  " + _("Memberships added"), format_number(report.memberships_added)),
    ], right_align=True)
    return 0


class _ImportProgress:
    """The percentage on stderr when it is a terminal (nothing in logs and pipes); the line
    is ended however the import ends, so a refusal's message starts on a line of its own."""

    def __init__(self, stream=None):
        self.bar = StderrProgress(stream)
        self.percent = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if self.bar.interactive and percent != self.percent:  # thousands of reports
            self.percent = percent
            self.bar(done, total, _("Importing members…"))

    def close(self) -> None:
        if self.bar.interactive and 0 <= self.percent < 100:
            self.bar.stream.write("\n")
            self.bar.stream.flush()


def list_members(args: argparse.Namespace) -> int:
    from secretariat.services.members import member_rows

    day = calendar_date(args.date, N_("Date")) if args.date else dt.date.today()
    with opened_store(args) as store, store.session() as s:
        rows = [row for row in member_rows(s, on=day) if row.active]
    records = [_record(row) for row in rows]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=LIST_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        _print_text(rows, day)
    return 0


def _record(row) -> dict[str, object]:
    return {
        "seat": row.seat_label, "seat_en": row.seat_label_en, "name": row.name,
        "name_en": row.name_en, "gender": row.gender, "region": row.region,
        "organisation": row.organisation, "organisation_en": row.organisation_en,
        "sector": row.sector_code,
        "side": row.side.value, "role": row.role.value,
        "term_start": row.term_start.isoformat(),
        "term_end": row.term_end.isoformat() if row.term_end else None,
        "high_level": row.high_level, "person_id": row.person_id,
        "membership_id": row.membership_id,
    }


def _print_text(rows, day: dt.date) -> None:
    when = dates.format_date(day, fmt="medium")
    if not rows:
        print(_("No members in office on {date}.").format(date=when))
        return
    print(_("Members in office on {date}:").format(date=when))
    sector = None
    for row in rows:
        sector_name = localized(row.sector_name_zh_tw, row.sector_name_en)
        if sector_name != sector:
            sector = sector_name
            print()
            print(sector_name)
        term = dates.format_date(row.term_start, fmt="medium") + " – " + (
            dates.format_date(row.term_end, fmt="medium") if row.term_end else "")
        notes = [_(row.role.label), term]
        if row.high_level:
            notes.append(_("high-level"))
        name = localized(row.name, row.name_en)
        organisation = localized(row.organisation, row.organisation_en)
        who = f"{name} ({organisation})" if organisation else name
        seat = localized(row.seat_label, row.seat_label_en)
        print(f"  {seat}  {who}  [{' · '.join(notes)}]")
    print()
    print(ngettext("{count} member.", "{count} members.", len(rows)).format(
        count=format_number(len(rows))))
