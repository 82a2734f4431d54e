"""Canonical content of the records in the audit chain.

A record's content is the JSON (sorted keys, no whitespace, UTF-8) of its significant
fields, read straight from the tables so the program and ``verify`` hash exactly what the
database holds. Loaders take many ids at once: verification is a handful of queries even
for thousands of entries.

Minutes content has two versions. Version 1 (entries written before the meeting record
was covered) is the minutes' own fields and texts: ``load_minutes_v1``, kept so those
entries stay verifiable. Version 2 (``load_minutes``, ``"content_version": 2``) adds,
while the minutes are their meeting's newest version, everything they record under
``"record"``: the meeting's details, the agenda in order with its papers (id, SHA-256,
public flag, file name), attendance with names, which decisions the meeting took (each
decision's own content is its own entry) with the names of who voted, recused or
dissented, and the action items' substance (not their progress). A
superseded version records ``"superseded_by"`` instead: the correction now speaks for the
meeting, and the superseded version's earlier entries keep the record it was approved
with. Which version an entry used is inferred: the two never hash alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.decision_numbers import legacy_number
from secretariat.model import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Dissent,
    Document,
    Meeting,
    Minutes,
    MinutesEntry,
    Person,
    Recusal,
    Vote,
    agenda_item_document,
)

MINUTES_CONTENT_VERSION = 2

# Keeps SQL parameter lists well under SQLite's limit.
_CHUNK = 500


def iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.timezone.utc).isoformat()


def _value(value: object) -> object:
    return getattr(value, "value", value)  # enums by their stored value


def canonical_json(content: dict) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(content: dict) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def load_minutes_v1(s: Session, ids: list[int]) -> dict[int, dict]:
    """Minutes content as hashed before the meeting record was covered."""
    out: dict[int, dict] = {}
    for chunk in _chunks(ids):
        for m in s.execute(select(Minutes.__table__).where(Minutes.id.in_(chunk))).mappings():
            out[m["id"]] = {
                "meeting_id": m["meeting_id"],
                "version_no": m["version_no"],
                "status": _value(m["status"]),
                "circulated_at": iso(m["circulated_at"]),
                "circulated_to": m["circulated_to"],
                "approved_at": iso(m["approved_at"]),
                "approved_by_decision_id": m["approved_by_decision_id"],
                "locked_at": iso(m["locked_at"]),
                "supersedes_id": m["supersedes_id"],
                "correction_reason": m["correction_reason"],
                "general_text": m["general_text"],
                "entries": [],
            }
        entries = s.execute(
            select(MinutesEntry.minutes_id, MinutesEntry.agenda_item_id, MinutesEntry.text)
            .where(MinutesEntry.minutes_id.in_(chunk))
            .order_by(MinutesEntry.minutes_id, MinutesEntry.position, MinutesEntry.id)
        )
        for minutes_id, item_id, entry_text in entries:
            out[minutes_id]["entries"].append([item_id, entry_text])
    return out


def _as_stored(number: str) -> str:
    return number


def load_decisions(s: Session, ids: list[int], spell=_as_stored) -> dict[int, dict]:
    """``spell`` writes each number as the content hashes it (see ``load_decisions_0005``)."""
    out: dict[int, dict] = {}
    for chunk in _chunks(ids):
        for d in s.execute(select(Decision.__table__).where(Decision.id.in_(chunk))).mappings():
            out[d["id"]] = {
                "forum_id": d["forum_id"],
                "number": spell(d["number"]),
                "meeting_id": d["meeting_id"],
                "agenda_item_id": d["agenda_item_id"],
                "decided_at": iso(d["decided_at"]),
                "text": d["text"],
                "text_en": d["text_en"],
                "method": _value(d["method"]),
                "votes_for": d["votes_for"],
                "votes_against": d["votes_against"],
                "votes_abstain": d["votes_abstain"],
                "rationale": d["rationale"],
                "is_public": bool(d["is_public"]),
                "recusals": [],
                "votes": [],
                "dissents": [],
            }
        children = (
            ("recusals", select(Recusal.decision_id, Recusal.person_id, Recusal.reason)
             .order_by(Recusal.decision_id, Recusal.person_id)),
            ("votes", select(Vote.decision_id, Vote.person_id, Vote.choice)
             .order_by(Vote.decision_id, Vote.person_id)),
            ("dissents", select(Dissent.decision_id, Dissent.person_id, Dissent.statement)
             .order_by(Dissent.decision_id, Dissent.id)),
        )
        for key, query in children:
            model = query.selected_columns[0].table
            for decision_id, *values in s.execute(query.where(model.c.decision_id.in_(chunk))):
                out[decision_id][key].append([_value(v) for v in values])
    return out


def load_minutes(s: Session, ids: list[int], spell=_as_stored) -> dict[int, dict]:
    """Minutes content (version 2): the minutes' own fields and, for the newest version
    of their meeting, everything they record."""
    out = load_minutes_v1(s, ids)
    newest: dict[int, int] = {}
    for chunk in _chunks(sorted({c["meeting_id"] for c in out.values()})):
        for meeting_id, minutes_id, version_no in s.execute(
                select(Minutes.meeting_id, Minutes.id, Minutes.version_no)
                .where(Minutes.meeting_id.in_(chunk))
                .order_by(Minutes.meeting_id, Minutes.version_no)):
            newest[meeting_id] = minutes_id
    current = {minutes_id: c["meeting_id"] for minutes_id, c in out.items()
               if newest.get(c["meeting_id"]) == minutes_id}
    records = meeting_records(s, sorted(set(current.values())), spell)
    for minutes_id, content in out.items():
        content["content_version"] = MINUTES_CONTENT_VERSION
        if minutes_id in current:
            content["record"] = records.get(content["meeting_id"])
            content["superseded_by"] = None
        else:
            content["record"] = None
            content["superseded_by"] = newest.get(content["meeting_id"])
    return out


def _names(s: Session, person_ids: set[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    for chunk in _chunks(sorted(p for p in person_ids if p is not None)):
        for person_id, name, name_en in s.execute(
                select(Person.id, Person.name, Person.name_en).where(Person.id.in_(chunk))):
            names[person_id] = [name, name_en]
    return names


def _person(names: dict[int, list[str]], person_id: int | None) -> list:
    return [person_id, *names.get(person_id, ["", ""])] if person_id is not None else [None]


def meeting_records(s: Session, meeting_ids: list[int], spell=_as_stored
                    ) -> dict[int, dict]:
    """What approved minutes record about their meeting, by meeting id."""
    out: dict[int, dict] = {}
    for chunk in _chunks(meeting_ids):
        _meeting_records(s, chunk, out, spell)
    return out


def _meeting_records(s: Session, chunk: list[int], out: dict[int, dict], spell) -> None:
    for m in s.execute(select(Meeting.__table__).where(Meeting.id.in_(chunk))).mappings():
        out[m["id"]] = {
            "meeting": {
                "forum_id": m["forum_id"], "title": m["title"], "title_en": m["title_en"],
                "kind": _value(m["kind"]), "phase": _value(m["phase"]),
                "modality": _value(m["modality"]), "status": _value(m["status"]),
                "starts_at": iso(m["starts_at"]), "ends_at": iso(m["ends_at"]),
                "time_zone": m["time_zone"], "location": m["location"],
                "remote_link": m["remote_link"], "is_public": bool(m["is_public"]),
                "notice_sent_at": iso(m["notice_sent_at"]),
                "notice_recipients": m["notice_recipients"],
            },
            "agenda": [], "attendance": [], "decisions": [], "actions": [], "papers": [],
        }
    items = s.execute(select(AgendaItem.__table__).where(AgendaItem.meeting_id.in_(chunk))
                      .order_by(AgendaItem.meeting_id, AgendaItem.position, AgendaItem.id)
                      ).mappings().all()
    attendance = s.execute(select(Attendance.__table__)
                           .where(Attendance.meeting_id.in_(chunk))
                           .order_by(Attendance.meeting_id, Attendance.id)).mappings().all()
    actions = s.execute(select(ActionItem.__table__).where(ActionItem.meeting_id.in_(chunk))
                        .order_by(ActionItem.meeting_id, ActionItem.id)).mappings().all()
    decision_rows = s.execute(select(Decision.meeting_id, Decision.id)
                              .where(Decision.meeting_id.in_(chunk))
                              .order_by(Decision.meeting_id, Decision.number, Decision.id)
                              ).all()
    decisions = load_decisions(s, [d for _, d in decision_rows], spell)
    links: dict[int, list[int]] = {}
    papers: dict[int, dict] = {}
    item_ids = [i["id"] for i in items]
    for item_chunk in _chunks(item_ids):
        for item_id, document_id in s.execute(
                select(agenda_item_document.c.agenda_item_id, agenda_item_document.c.document_id)
                .where(agenda_item_document.c.agenda_item_id.in_(item_chunk))
                .order_by(agenda_item_document.c.agenda_item_id,
                          agenda_item_document.c.document_id)):
            links.setdefault(item_id, []).append(document_id)
    for doc_chunk in _chunks(sorted({d for ds in links.values() for d in ds})):
        for d in s.execute(select(Document.__table__).where(Document.id.in_(doc_chunk))
                           ).mappings():
            papers[d["id"]] = d
    people = {i["presenter_person_id"] for i in items}
    people |= {a["person_id"] for a in attendance} | {a["represented_by_id"] for a in attendance}
    people |= {a["owner_person_id"] for a in actions}
    for d in decisions.values():
        people |= {row[0] for key in ("recusals", "votes", "dissents") for row in d[key]}
    names = _names(s, people)
    item_meeting = {}
    for i in items:
        item_meeting[i["id"]] = i["meeting_id"]
        out[i["meeting_id"]]["agenda"].append([
            i["id"], i["position"], i["title"], i["title_en"], _value(i["purpose"]),
            i["presenter"], _person(names, i["presenter_person_id"]), i["planned_minutes"],
            _value(i["proposed_by"]), links.get(i["id"], [])])
    for item_id, document_ids in sorted(links.items()):
        for document_id in document_ids:
            d = papers.get(document_id)
            out[item_meeting[item_id]]["papers"].append(
                [item_id, document_id] + ([] if d is None else [
                    d["sha256"], bool(d["is_public"]), d["file_name"], d["title"],
                    d["size_bytes"]]))
    for a in attendance:
        out[a["meeting_id"]]["attendance"].append([
            a["id"], _person(names, a["person_id"]), a["guest_name"], _value(a["capacity"]),
            _value(a["status"]), _person(names, a["represented_by_id"])])
    for a in actions:
        out[a["meeting_id"]]["actions"].append([
            a["id"], a["agenda_item_id"], a["decision_id"], a["description"],
            _person(names, a["owner_person_id"]), a["owner_text"],
            None if a["due_on"] is None else a["due_on"].isoformat()])
    # A decision's own content is its own chain entry; the minutes record which
    # decisions the meeting took and the names of who voted, recused or dissented.
    for meeting_id, decision_id in decision_rows:
        d = decisions[decision_id]
        out[meeting_id]["decisions"].append([decision_id, d["number"], {
            key: [_person(names, row[0]) for row in d[key]]
            for key in ("recusals", "votes", "dissents")}])


# Migration 0006 respelled every decision number (``2026-03-02`` became ``2026-S03-R02``,
# same digits, same order). Entries written before it hashed the earlier spelling: these
# loaders reproduce that content, so such an entry stays intact while the number is the
# documented respelling of the one it recorded; any other change still shows.
def load_decisions_0005(s: Session, ids: list[int]) -> dict[int, dict]:
    return load_decisions(s, ids, legacy_number)


def load_minutes_0005(s: Session, ids: list[int]) -> dict[int, dict]:
    return load_minutes(s, ids, legacy_number)
