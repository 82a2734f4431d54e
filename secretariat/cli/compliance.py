"""``secretariat check``: every requirement of the cycle's standards catalogue judged on
a day, with the reason, the evidence records and what would make it met; then how far the
forum is from the IRM's "acting contrary to process" triggers, and what falls due soon.
The JSON form carries the same in both languages for other programs."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.cli.editing import calendar_date
from secretariat.i18n import N_, _, format_date


def register(commands: Commands) -> None:
    check = commands.add("check", handler=check_standards, help=_(
        "judge the cycle against its standards catalogue"), description=_(
        "Judge every requirement of the cycle's standards catalogue on a day: met, partly "
        "met, not met, not yet due, attested or cannot tell, each with its reason, the "
        "records that decide it and what would make it met."))
    check.add_argument("--cycle", dest="cycle_id", type=record_number, metavar=_("ID"),
                       help=_("the cycle (default: the one running on the day)"))
    check.add_argument("--date", metavar=_("DATE"), help=_("the day judged (today)"))
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help=_("text for reading (default), or json for other programs"))


def check_standards(args: argparse.Namespace) -> int:
    from secretariat.compliance.service import check_cycle
    from secretariat.compliance.warnings import due_soon, early_warning

    day = calendar_date(args.date, N_("Date")) if args.date else dt.date.today()
    with opened_store(args) as store, store.session() as s:
        report = check_cycle(s, cycle_id=args.cycle_id, day=day)
    triggers = early_warning(report.facts, report.results, day)
    soon = due_soon(report.facts, report.results, day)
    if args.format == "json":
        data = report.to_dict()
        data["early_warning"] = [{"trigger": t.key, "reached": t.reached,
                                  "days_left": t.days_left,
                                  "message": t.message.to_dict()} for t in triggers]
        data["due_soon"] = [line.to_dict() for line in soon]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    _print_text(report, triggers, soon)
    return 0


def _print_text(report, triggers, soon) -> None:
    from secretariat.compliance.result import EVIDENCE_KINDS, Status

    from secretariat.i18n import current_language

    print(_("{cycle} · {catalogue} · {day}").format(
        cycle=report.cycle_name, catalogue=report.catalogue.title(current_language()),
        day=format_date(report.day)))
    print()
    counts = {status: 0 for status in Status}
    for result in report.results:
        outcome = result.outcome
        counts[outcome.status] += 1
        print(f"[{_(outcome.status.label)}] {result.entry_id}")
        print(f"    {outcome.explanation.text()}")
        if outcome.remedy is not None:
            print("    " + _("To meet it: {remedy}").format(remedy=outcome.remedy.text()))
        if outcome.evidence:
            shown = _(", ").join(f"{_(EVIDENCE_KINDS[e.kind])} {e.id}"
                                 for e in outcome.evidence[:8])
            more = outcome.evidence_total - min(8, len(outcome.evidence))
            if more > 0:
                shown += " " + _("(and {count} more)").format(count=more)
            print("    " + _("Evidence: {records}").format(records=shown))
    print()
    print(_("Statuses: {counts}").format(counts=_(", ").join(
        f"{_(status.label)} {count}" for status, count in counts.items())))
    print()
    print(_("Acting contrary to process:"))
    for trigger in triggers:
        mark = _("REACHED") if trigger.reached else _("not reached")
        print(f"  [{mark}] {trigger.message.text()}")
    if soon:
        print()
        print(_("Due soon:"))
        for line in soon:
            print(f"  {line.text()}")

