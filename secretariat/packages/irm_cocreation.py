"""Two sections of the IRM package: the co-creation records of the period (contributions and
the government's responses, consultations, the outreach and communications log) and the
compliance report, whose every entry names the files of the package that support it.

A contributor's name is not part of the public record (the standards ask for the kind of
stakeholder and the region): it goes into the internal package only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.packages.meeting_contents import to_json

CONTRIBUTIONS = "cocreation/contributions.csv"
CONSULTATIONS = "cocreation/consultations.csv"
OUTREACH = "cocreation/outreach.csv"


def _csv(columns: list[str], rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v.isoformat() if isinstance(v, dt.date)
                             else getattr(v, "value", v)) for k, v in row.items()})
    return "\ufeff".encode() + out.getvalue().encode()


def read_cocreation(s: Session, period, include_private: bool) -> dict:
    from secretariat.model import Consultation, Contribution, OutreachActivity

    def within(column):
        return column.between(period.date_from, period.date_to)

    contributions = []
    for c in s.scalars(select(Contribution).where(within(Contribution.received_on))
                       .order_by(Contribution.received_on, Contribution.id)):
        row = {"id": c.id, "cycle": c.cycle_id, "received_on": c.received_on,
               "stakeholder_kind": c.stakeholder_kind, "region": c.region,
               "channel": c.channel, "topic": c.topic, "text": c.text,
               "response": c.response, "responded_on": c.responded_on}
        if include_private:
            row["contributor"] = c.contributor
        contributions.append(row)
    consultations = [{"id": c.id, "cycle": c.cycle_id, "subject": c.subject, "title": c.title,
                      "opens_on": c.opens_on, "closes_on": c.closes_on,
                      "channels": c.channels, "materials": c.materials}
                     for c in s.scalars(select(Consultation).where(
                         Consultation.opens_on <= period.date_to,
                         Consultation.closes_on >= period.date_from).order_by(Consultation.id))]
    outreach = [{"id": o.id, "cycle": o.cycle_id, "held_on": o.held_on, "kind": o.kind,
                 "channel": o.channel, "audience": o.audience, "description": o.description}
                for o in s.scalars(select(OutreachActivity).where(within(OutreachActivity.held_on))
                                   .order_by(OutreachActivity.held_on, OutreachActivity.id))]
    return {"contributions": contributions, "consultations": consultations,
            "outreach": outreach}


def write_cocreation(data: dict, _scratch: Path) -> dict:
    files = {}
    for name, key in ((CONTRIBUTIONS, "contributions"), (CONSULTATIONS, "consultations"),
                      (OUTREACH, "outreach")):
        rows = data[key]
        columns = list(rows[0]) if rows else ["id"]
        files[name] = _csv(columns, rows)
        files[name.replace(".csv", ".json")] = to_json(
            {key: [{k: (v.isoformat() if isinstance(v, dt.date) else getattr(v, "value", v))
                    for k, v in row.items()} for row in rows]})
    return files


def read_compliance(s: Session, period, _include_private: bool):
    """The compliance report of the cycle running at the period's end, judged that day;
    None when no cycle is recorded (the section then says so in the manifest)."""
    from secretariat.compliance.service import check_cycle
    from secretariat.compliance.warnings import early_warning
    from secretariat.errors import SecretariatError
    from secretariat.services.forum import require_forum

    try:
        report = check_cycle(s, day=period.date_to)
    except SecretariatError:
        return None
    forum = require_forum(s)
    return report, early_warning(report.facts, report.results, period.date_to), \
        {"zh_TW": forum.name_zh_tw, "en": forum.name_en or forum.name_zh_tw}


def write_compliance(data, scratch: Path, folders: dict[int, str] | None = None) -> dict:
    """The report as JSON (every entry's evidence mapped to the package's files) and as a
    PDF in each language."""
    from secretariat.export.pdf_compliance import write_compliance_pdf

    if data is None:
        return {"compliance/no-cycle-recorded.json": to_json({"note": "no action-plan cycle"})}
    report, triggers, names = data
    folders = folders or {}
    body = report.to_dict()
    for entry, result in zip(body["results"], report.results):
        evidence = [*result.outcome.evidence, *(e for part in result.parts for e in part.evidence)]
        entry["package_files"] = sorted({path for e in evidence
                                         if (path := _file_of(e, folders))})
    body["early_warning"] = [{"trigger": t.key, "reached": t.reached,
                              "days_left": t.days_left} for t in triggers]
    files = {"compliance/compliance-report.json": to_json(body)}
    scratch.mkdir(parents=True, exist_ok=True)
    for language in ("zh_TW", "en"):
        out = scratch / f"compliance-report-{language}.pdf"
        write_compliance_pdf(report, triggers, out, language=language,
                             forum_name=names[language])
        files[f"compliance/{out.name}"] = out
    return files


def _file_of(evidence, folders: dict[int, str]) -> str | None:
    if evidence.kind == "meeting" and evidence.id in folders:
        return f"data/{folders[evidence.id]}/"
    if evidence.kind == "terms_of_reference":
        return f"data/terms_of_reference/terms-of-reference-v{evidence.id}.pdf"
    table = {"contribution": CONTRIBUTIONS, "consultation": CONSULTATIONS,
             "outreach": OUTREACH}.get(evidence.kind)
    return f"data/{table}" if table else None
