"""Canonical content of the records in the audit chain.

A record's content is the JSON (sorted keys, no whitespace, UTF-8) of its significant
fields, read straight from the tables so the program and ``verify`` hash exactly what the
database holds. Loaders take many ids at once: verification is a handful of queries even
for thousands of entries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.model import Decision, Dissent, Minutes, MinutesEntry, Recusal, Vote

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


def load_minutes(s: Session, ids: list[int]) -> dict[int, dict]:
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


def load_decisions(s: Session, ids: list[int]) -> dict[int, dict]:
    out: dict[int, dict] = {}
    for chunk in _chunks(ids):
        for d in s.execute(select(Decision.__table__).where(Decision.id.in_(chunk))).mappings():
            out[d["id"]] = {
                "forum_id": d["forum_id"],
                "number": d["number"],
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
