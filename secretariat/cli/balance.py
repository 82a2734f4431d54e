"""``secretariat members balance [--date D] [--format text|json]``: is the forum balanced?

Seats by side and sector, high-level members, gender and region where recorded, how each
side attended the forum meetings
of the year before, vacant seats, terms ending within 90 days, and the seats by side at
the end of each of the eight quarters up to the day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from secretariat import dates
from secretariat.cli.commands import Commands, opened_store, print_table
from secretariat.cli.editing import calendar_date
from secretariat.i18n import N_, _, format_number, format_percent, localized
from secretariat.vocabulary import Gender, Side

QUARTERS_SHOWN = 8


def register(commands: Commands) -> None:
    register_balance(commands)
    register_export(commands)


def register_balance(commands: Commands) -> None:
    group = commands.group("members", help=_("list the forum's members and their seats"))
    parser = group.add(
        "balance", handler=show_balance,
        help=_("show the balance of government and non-government members on a day"),
        description=_("Show the balance of the forum on a day (today unless --date says "
                      "otherwise): seats by side and sector, high-level members, attendance "
                      "by side at the forum meetings of the year before, vacant seats, terms "
                      "ending within 90 days, and seats by side per quarter."))
    parser.add_argument("--date", metavar=_("DATE"),
                        help=_("the day, e.g. 2026-12-31 (default: today)"))
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=_("text for reading (default) or json for other programs"))


def show_balance(args: argparse.Namespace) -> int:
    from secretariat.services.balance.diversity import balance_by_quarter, diversity

    day = calendar_date(args.date, N_("Date")) if args.date else dt.date.today()
    start = dt.date(day.year - 1, 1, 1) if day.month > 3 else dt.date(day.year - 2, 1, 1)
    with opened_store(args) as store, store.session() as s:
        found = diversity(s, on=day)
        quarters = balance_by_quarter(s, start=start, end=day)[-QUARTERS_SHOWN:]
    if args.format == "json":
        json.dump(_as_json(found, quarters), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_text(found, quarters)
    return 0


def _as_json(found, quarters) -> dict:
    seats = found.seats
    return {
        "date": found.on.isoformat(),
        "seats": {"total": seats.total, "government": seats.government,
                  "non_government": seats.non_government,
                  "by_sector": [{"sector": c.code, "side": c.side.value, "seats": c.count}
                                for c in seats.by_sector]},
        "high_level": {side.value: count for side, count in found.high_level.items()},
        "gender": {(value or "not_recorded"): count for value, count in found.genders.items()},
        "regions": [{"region": region or None, "members": count}
                    for region, count in found.regions],
        "attendance": {"forum_meetings": found.attendance.meetings,
                       "government": found.attendance.government,
                       "non_government": found.attendance.non_government},
        "vacant_seats": [{"seat": v.label, "side": v.side.value,
                          "vacant_since": v.vacant_since.isoformat() if v.vacant_since else None}
                         for v in found.vacancies],
        "terms_ending": [{"name": r.name, "seat": r.seat_label,
                          "ends": min(d for d in (r.term_end, r.ended_on) if d).isoformat()}
                         for r in found.terms_ending],
        "quarters": [{"year": q.year, "quarter": q.quarter, "on": q.on.isoformat(),
                      "government": q.government, "non_government": q.non_government}
                     for q in quarters],
    }


def _share(part: int, total: int) -> str:
    return format_percent(part / total if total else 0.0)


def _print_text(found, quarters) -> None:
    seats = found.seats
    print(_("Balance of the forum on {date}").format(date=dates.format_date(found.on)))
    print(_("Seats: {total}; government {government} ({government_share}), non-government "
            "{non_government} ({non_government_share})").format(
        total=format_number(seats.total), government=format_number(seats.government),
        government_share=_share(seats.government, seats.total),
        non_government=format_number(seats.non_government),
        non_government_share=_share(seats.non_government, seats.total)))
    print_table([(f"  {localized(c.name_zh_tw, c.name_en)} ({_(c.side.label)})",
                  format_number(c.count)) for c in seats.by_sector if c.count],
                right_align=True)
    print(_("High-level members: government {government}, non-government {non_government}")
          .format(government=found.high_level[Side.GOVERNMENT],
                  non_government=found.high_level[Side.NON_GOVERNMENT]))
    print(_("Gender, where recorded: {genders}").format(genders="; ".join(
        f"{_(Gender(value).label)} {format_number(count)}"
        for value, count in found.genders.items() if count)))
    print(_("Regions: {regions}").format(regions="; ".join(
        f"{region or _('not recorded')} {format_number(count)}"
        for region, count in found.regions) or _("none")))
    a = found.attendance
    print(_("Attendance at the {meetings} forum meetings of the year before: government "
            "{government} ({government_share}), non-government {non_government}").format(
        meetings=format_number(a.meetings), government=format_number(a.government),
        government_share=_share(a.government, a.government + a.non_government),
        non_government=format_number(a.non_government)))
    print(_("Vacant seats:") + ("" if found.vacancies else " " + _("none")))
    for v in found.vacancies:
        since = dates.format_date(v.vacant_since) if v.vacant_since else _("never filled")
        print(f"  {v.label}  ({_(v.side.label)}; {since})")
    print(_("Terms ending within 90 days:") + ("" if found.terms_ending else " " + _("none")))
    for row in found.terms_ending:
        end = min(d for d in (row.term_end, row.ended_on) if d)
        print(f"  {localized(row.name, row.name_en)}  {row.seat_label}  "
              f"{dates.format_date(end)}")
    print(_("Seats by side at the end of each quarter:"))
    for q in quarters:
        print("  " + _("{year} Q{quarter}: government {government}, non-government "
                       "{non_government}").format(year=q.year, quarter=q.quarter,
                                                  government=q.government,
                                                  non_government=q.non_government))


def register_export(commands: Commands) -> None:
    export = commands.group("export", help=_("write documents out of the records"))
    parser = export.add(
        "membership", handler=export_membership,
        help=_("write the membership and balance PDF"),
        description=_("Write a PDF of the members in office on a day (today unless --date), "
                      "with the balance of seats by side and sector and a chart of the seats "
                      "by side per quarter. It holds no contact details."))
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"),
                        help=_("the PDF to write"))
    parser.add_argument("--date", metavar=_("DATE"),
                        help=_("the day, e.g. 2026-12-31 (default: today)"))
    parser.add_argument("--lang", choices=("zh_TW", "en"), default="zh_TW",
                        help=_("the document's language (default zh_TW)"))
    parser.add_argument("--roc", action="store_true", help=_("dates with 民國 years"))


def export_membership(args: argparse.Namespace) -> int:
    from secretariat.cli.export import checked_output
    from secretariat.export.pdf_membership import load_membership, write_membership_pdf

    out = checked_output(args.out, ".pdf")
    day = calendar_date(args.date, N_("Date")) if args.date else dt.date.today()
    with opened_store(args) as store, store.session() as s:
        data = load_membership(s, on=day)
    write_membership_pdf(data, out, language=args.lang, roc=args.roc and args.lang == "zh_TW")
    print(_("Wrote {path}.").format(path=out))
    return 0
