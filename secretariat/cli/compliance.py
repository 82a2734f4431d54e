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

    export = commands.group("export", help=_("write documents out of the records"))
    report = export.add("compliance", handler=export_compliance, help=_(
        "write the standards compliance report as PDF or JSON"))
    report.add_argument("--out", required=True, metavar=_("FILE"),
                        help=_("the file to write: .pdf or .json"))
    report.add_argument("--cycle", dest="cycle_id", type=record_number, metavar=_("ID"),
                        help=_("the cycle (default: the one running on the day)"))
    report.add_argument("--date", metavar=_("DATE"), help=_("the day judged (today)"))


def _judged(args: argparse.Namespace):
    from secretariat.compliance.service import check_cycle
    from secretariat.compliance.warnings import due_soon, early_warning
    from secretariat.services.forum import require_forum

    day = calendar_date(args.date, N_("Date")) if args.date else dt.date.today()
    with opened_store(args) as store, store.session() as s:
        report = check_cycle(s, cycle_id=args.cycle_id, day=day)
        forum = require_forum(s)
        names = {"zh_TW": forum.name_zh_tw, "en": forum.name_en or forum.name_zh_tw}
    return (report, early_warning(report.facts, report.results, day),
            due_soon(report.facts, report.results, day), names)


def _json(report, triggers, soon) -> dict:
    data = report.to_dict()
    data["early_warning"] = [{"trigger": t.key, "reached": t.reached,
                              "days_left": t.days_left,
                              "message": t.message.to_dict()} for t in triggers]
    data["due_soon"] = [line.to_dict() for line in soon]
    return data


def check_standards(args: argparse.Namespace) -> int:
    report, triggers, soon, _names = _judged(args)
    if args.format == "json":
        json.dump(_json(report, triggers, soon), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    _print_text(report, triggers, soon)
    return 0


def export_compliance(args: argparse.Namespace) -> int:
    from pathlib import Path

    from secretariat.atomic_files import write_atomically
    from secretariat.errors import SecretariatError
    from secretariat.i18n import current_language

    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".json"):
        raise SecretariatError(N_("Name the report file .pdf or .json."))
    report, triggers, soon, names = _judged(args)
    if out.suffix.lower() == ".json":
        write_atomically(out, json.dumps(_json(report, triggers, soon), ensure_ascii=False,
                                         indent=2).encode("utf-8"))
    else:
        from secretariat.export.pdf_compliance import write_compliance_pdf

        language = current_language()
        write_compliance_pdf(report, triggers, out, language=language,
                             forum_name=names[language])
    print(_("Wrote {path}.").format(path=out))
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

