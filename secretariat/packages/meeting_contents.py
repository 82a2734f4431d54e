"""What a meeting evidence package holds, as data files built from the meeting record.

Each function takes the record already reduced to its audience (the public projection
unless the secretariat chose to include private content) and returns bytes, so what the
package may contain is decided once, by ``public_projection``, and never here.
"""

from __future__ import annotations

import csv
import io
import json

from secretariat.decision_numbers import decision_label
from secretariat.i18n import language_override
from secretariat.services.meetings.record_rows import MeetingRecord


def to_json(value) -> bytes:
    """Stable bytes: sorted keys, so two exports of the same records are identical."""
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def attendance_csv(record: MeetingRecord) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["person_number", "name", "name_en", "organisation", "organisation_en",
                     "side", "capacity", "status", "represented_by", "on_roster"])
    for a in record.attendees:
        writer.writerow([a.person_id or "", a.name or a.guest_name, a.name_en, a.organisation,
                         a.organisation_en, a.side.value if a.side else "", a.capacity.value,
                         a.status.value if a.status else "not_recorded", a.represented_by,
                         "yes" if a.expected else "no"])
    # A BOM so that Excel, which most secretariats open CSV files with, reads UTF-8.
    return "\ufeff".encode() + out.getvalue().encode()


def decisions_json(record: MeetingRecord) -> bytes:
    names = record.names
    decisions = []
    for decision in record.decisions:
        row = decision.row
        labels = {}
        for language in ("zh_TW", "en"):
            with language_override(language):
                labels[language] = decision_label(row.number)
        decisions.append({
            "number": row.number, "label_zh_TW": labels["zh_TW"], "label_en": labels["en"],
            "agenda_item": row.agenda_item_title, "decided_at": row.decided_at.isoformat(),
            "text": row.text, "text_en": row.text_en, "rationale": decision.rationale,
            "method": row.method.value, "votes_for": row.votes_for,
            "votes_against": row.votes_against, "votes_abstain": row.votes_abstain,
            "public": row.is_public,
            "named_votes": [{"person_number": p, "name": _name(names, p), "choice": c.value}
                            for p, c in decision.votes],
            "recusals": [{"person_number": r.person_id, "name": r.name, "name_en": r.name_en,
                          "reason": r.reason} for r in decision.recusals],
            "dissents": [{"person_number": x.person_id, "name": x.name, "name_en": x.name_en,
                          "statement": x.statement} for x in decision.dissents],
        })
    return to_json({"meeting": record.details.id, "decisions": decisions})


def notice_json(record: MeetingRecord) -> bytes:
    d = record.details
    sent = d.notice_sent_at
    notice = {"meeting_starts_at": d.starts_at.isoformat(),
              "notice_sent_at": sent.isoformat() if sent else None,
              "days_of_notice": (d.starts_at - sent).days if sent else None}
    if d.notice_recipients:  # present only when private content was chosen
        notice["recipients"] = d.notice_recipients
    return to_json(notice)


def declarations_json(declarations, *, with_nature: bool) -> bytes:
    """Who declared an interest on which item, and what they did (recused, abstained,
    declared only): public, as the minutes record recusals. What the interest is
    (``nature``) is the member's own account and goes only into the internal package."""
    rows = []
    for d in declarations:
        row = {"agenda_item": d.item_position, "agenda_item_title": d.item_title,
               "person_number": d.person_id, "name": d.person_name,
               "name_en": d.person_name_en, "action": d.action.value}
        if with_nature:
            row["nature"] = d.nature
        rows.append(row)
    return to_json({"declarations": rows})


def _name(names, number: int) -> str:
    person = names.get(number)
    return person.name if person else ""
