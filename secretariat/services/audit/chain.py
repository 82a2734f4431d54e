"""The hash-chained audit log of records that became immutable.

Each entry stores ``content_hash`` = SHA-256 of the record's canonical content (JSON with
sorted keys and no whitespace, of its significant fields) and ``entry_hash`` = SHA-256 of
``prev_hash + action + record_type + record_id + content_hash + recorded_at (ISO, UTC)``.
The first entry's ``prev_hash`` is 64 zeros.

``verify_chain`` walks the chain in order and reports the first problem: a broken link
(an entry deleted or rewritten), an entry whose own hash does not match, a record whose
current content differs from the content recorded by its latest entry (a row changed
behind the program's back), a recorded row that disappeared, or an approved record that
should be in the chain but is not (e.g. the last entry deleted). With a documents folder
it also re-hashes the stored bytes of every paper that approved minutes record; with a
head file (``head``) it names entries removed from the end of the chain together with
the records they covered, which leave no other trace.

Record types are pluggable: ``register_record_type`` names a loader returning the
canonical dict of many records at once, so verification stays a handful of queries even
for thousands of entries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from secretariat.i18n import N_, _
from secretariat.model import AuditEntry, Decision, Minutes, MinutesStatus, utcnow
from secretariat.store import guards  # noqa: F401  (installs the ORM immutability guard)
from secretariat.store import audit_head as chain_head
from secretariat.services.audit.terms_content import CHANGED_MSGID as TERMS_CHANGED
from secretariat.services.audit.terms_content import TERMS, load_terms, terms_label
from secretariat.services.audit.content import (  # noqa: F401  (re-exported)
    canonical_json,
    content_hash,
    iso,
    load_decisions,
    load_decisions_0005,
    load_minutes,
    load_minutes_0005,
    load_minutes_v1,
)

GENESIS_HASH = "0" * 64
MINUTES = "minutes"
DECISION = "decision"

# Serialises appends from several PostgreSQL workstations so the chain never forks (two
# entries with the same predecessor). Any constant other than store's upgrade lock key:
# every workstation takes that one when it opens the database, and sharing it would make
# opening wait for whoever is approving minutes to commit.
_PG_CHAIN_LOCK = 0x5EC2E7A2

ContentLoader = Callable[[Session, list[int]], dict[int, dict]]
LabelParams = Callable[[Session, int], dict]


@dataclass(frozen=True)
class RecordType:
    load: ContentLoader
    # msgid used when the record's content no longer matches; fields from ``label``.
    changed_msgid: str
    label: LabelParams
    # Loaders of earlier content versions: an entry matching one of them is intact.
    earlier: tuple[ContentLoader, ...] = ()


_RECORD_TYPES: dict[str, RecordType] = {}


def register_record_type(name: str, record_type: RecordType) -> None:
    """Let other aggregates (e.g. declarations) enter the chain."""
    _RECORD_TYPES[name] = record_type


def _minutes_label(s: Session, record_id: int) -> dict:
    row = s.execute(
        select(Minutes.meeting_id, Minutes.version_no).where(Minutes.id == record_id)
    ).one()
    return {"meeting_id": row.meeting_id, "version": row.version_no}


def _decision_label(s: Session, record_id: int) -> dict:
    return {"number": s.scalar(select(Decision.number).where(Decision.id == record_id))}


register_record_type(MINUTES, RecordType(
    load_minutes,
    N_("Minutes version {version} of meeting {meeting_id} (record {record_id}) no longer "
       "match the content recorded in audit entry {entry_id}: they, or what they record "
       "(the meeting's details, agenda, attendance, papers, decisions taken or the names "
       "of the people in them), were changed outside the program."),
    _minutes_label,
    earlier=(load_minutes_v1, load_minutes_0005),
))
register_record_type(TERMS, RecordType(load_terms, TERMS_CHANGED, terms_label))
register_record_type(DECISION, RecordType(
    load_decisions,
    N_("Decision {number} (record {record_id}) no longer matches the content recorded in "
       "audit entry {entry_id}: it was changed outside the program."),
    _decision_label,
    earlier=(load_decisions_0005,),
))


def record_content(s: Session, record_type: str, record_id: int) -> dict | None:
    """The canonical content of one record as the chain hashes it (None if missing)."""
    return _RECORD_TYPES[record_type].load(s, [record_id]).get(record_id)


# --- appending -------------------------------------------------------------------------


def entry_hash(prev_hash: str, action: str, record_type: str, record_id: int,
               content_digest: str, recorded_at: dt.datetime) -> str:
    material = f"{prev_hash}{action}{record_type}{record_id}{content_digest}{iso(recorded_at)}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def append_entry(s: Session, record_type: str, record_id: int, action: str) -> AuditEntry:
    """Append an entry for the record's current content (pending changes are flushed
    first, so the hash covers exactly what the database holds)."""
    if record_type not in _RECORD_TYPES:
        raise ValueError(f"unknown audit record type {record_type!r}")
    s.flush()
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_CHAIN_LOCK})
    content = record_content(s, record_type, record_id)
    if content is None:
        raise ValueError(f"no {record_type} record {record_id} to enter in the audit log")
    prev = s.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1))
    # The chain is locked for this transaction (PostgreSQL advisory lock, SQLite write
    # lock), so its length only grows by our own appends.
    count = chain_head.pending_count(s)
    if count is None:
        count = s.scalar(select(func.count(AuditEntry.id))) or 0
    # Microseconds dropped: every back end stores whole seconds identically.
    recorded_at = utcnow().replace(microsecond=0)
    digest = content_hash(content)
    entry = AuditEntry(
        recorded_at=recorded_at,
        action=action,
        record_type=record_type,
        record_id=record_id,
        content_hash=digest,
        prev_hash=prev or GENESIS_HASH,
        entry_hash=entry_hash(prev or GENESIS_HASH, action, record_type, record_id, digest,
                              recorded_at),
    )
    s.add(entry)
    s.flush()
    chain_head.note_appended(s, count + 1, entry.entry_hash)
    return entry


def chained_ids(s: Session, record_type: str) -> set[int]:
    return set(s.scalars(
        select(AuditEntry.record_id).where(AuditEntry.record_type == record_type).distinct()
    ))


def is_chained(s: Session, record_type: str, record_id: int) -> bool:
    return s.scalar(
        select(AuditEntry.id)
        .where(AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)
        .limit(1)
    ) is not None


# --- verification ----------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    entry_id: int | None
    record_type: str
    record_id: int | None
    reason_msgid: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        """Translated when read, so it follows the user's current language."""
        return _(self.reason_msgid).format(**self.params)


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    entries_checked: int
    first_problem: Problem | None
    # Worth knowing but not a failure (e.g. no head file yet for an older database).
    notes: tuple[Problem, ...] = ()


def _problem(entry_id, record_type, record_id, msgid, **params) -> Problem:
    params = {"entry_id": entry_id, "record_type": record_type, "record_id": record_id,
              **params}
    return Problem(entry_id, record_type, record_id, msgid, params)


def _chain_problem(entries) -> Problem | None:
    prev = GENESIS_HASH
    for e in entries:
        if e.prev_hash != prev:
            return _problem(e.id, e.record_type, e.record_id, N_(
                "Audit entry {entry_id} does not follow the entry before it: an entry was "
                "deleted or altered just before it."))
        if e.entry_hash != entry_hash(e.prev_hash, e.action, e.record_type, e.record_id,
                                      e.content_hash, e.recorded_at):
            return _problem(e.id, e.record_type, e.record_id, N_(
                "Audit entry {entry_id} was altered: its hash does not match its contents."))
        prev = e.entry_hash
    return None


def _content_problems(s: Session, entries, loaded: dict[str, dict] | None = None
                      ) -> list[Problem]:
    """``loaded`` receives each record type's current contents, by id."""
    latest: dict[tuple[str, int], object] = {}
    for e in entries:
        latest[(e.record_type, e.record_id)] = e
    problems = []
    by_type: dict[str, list[int]] = {}
    for record_type, record_id in latest:
        by_type.setdefault(record_type, []).append(record_id)
    for record_type, ids in by_type.items():
        kind = _RECORD_TYPES.get(record_type)
        if kind is None:
            e = latest[(record_type, ids[0])]
            problems.append(_problem(e.id, record_type, e.record_id, N_(
                "Audit entry {entry_id} names an unknown kind of record: {record_type}.")))
            continue
        contents = kind.load(s, ids)
        if loaded is not None:
            loaded[record_type] = contents
        mismatched = []
        for record_id in ids:
            e = latest[(record_type, record_id)]
            content = contents.get(record_id)
            if content is None:
                problems.append(_problem(e.id, record_type, record_id, N_(
                    "The {record_type} record {record_id} named in audit entry {entry_id} "
                    "no longer exists: it was deleted outside the program.")))
            elif content_hash(content) != e.content_hash:
                mismatched.append(record_id)
        for earlier in kind.earlier:
            if not mismatched:
                break
            old = earlier(s, mismatched)
            mismatched = [i for i in mismatched if i not in old or content_hash(old[i])
                          != latest[(record_type, i)].content_hash]
        for record_id in mismatched:
            e = latest[(record_type, record_id)]
            problems.append(_problem(e.id, record_type, record_id, kind.changed_msgid,
                                     **kind.label(s, record_id)))
    return problems


def _paper_problems(entries, minutes: dict[int, dict], documents_dir: Path) -> list[Problem]:
    """Re-hash the stored bytes of every paper recorded by chained minutes."""
    latest = {e.record_id: e for e in entries if e.record_type == MINUTES}
    problems = []
    checked: dict[str, bool | None] = {}
    for minutes_id, content in sorted(minutes.items()):
        if content.get("record") is None:
            continue
        for _item_id, document_id, *paper in content["record"]["papers"]:
            if not paper:
                continue
            sha, title = paper[0], paper[3]
            if sha not in checked:
                checked[sha] = _stored_bytes_match(documents_dir, sha)
            if checked[sha] is None:
                problems.append(_problem(
                    latest[minutes_id].id, MINUTES, minutes_id, N_(
                        "The file of paper “{title}” (document {document_id}), recorded by "
                        "approved minutes of meeting {meeting_id}, is missing from the "
                        "documents folder {folder}."),
                    title=title, document_id=document_id, meeting_id=content["meeting_id"],
                    folder=str(documents_dir)))
            elif not checked[sha]:
                problems.append(_problem(
                    latest[minutes_id].id, MINUTES, minutes_id, N_(
                        "The file of paper “{title}” (document {document_id}), recorded by "
                        "approved minutes of meeting {meeting_id}, was changed in the "
                        "documents folder: its bytes no longer match the recorded hash."),
                    title=title, document_id=document_id, meeting_id=content["meeting_id"]))
    return problems


def _stored_bytes_match(documents_dir: Path, sha: str) -> bool | None:
    from secretariat.services.documents import stored_path

    path = stored_path(documents_dir, sha)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest() == sha


def _head_problem(entries, head: chain_head.Head | None) -> Problem | None:
    """Entries removed from the end of the chain, which only the head file shows."""
    if head is None or head.count <= 0:
        return None
    if len(entries) < head.count:
        last = entries[-1].id if entries else 0
        return _problem(last or None, "audit", None, N_(
            "{removed} audit entries were removed after entry {last_entry}: the chain had "
            "{expected} entries when the audit head file, kept outside the database, was "
            "last written."),
            removed=head.count - len(entries), last_entry=last, expected=head.count)
    if entries[head.count - 1].entry_hash != head.entry_hash:
        e = entries[head.count - 1]
        return _problem(e.id, "audit", None, N_(
            "Audit entry {entry_id} is not the entry that the audit head file, kept outside "
            "the database, recorded as entry number {expected}: the end of the chain was "
            "replaced."),
            expected=head.count)
    return None


def _missing_problem(s: Session) -> Problem | None:
    """Approved records absent from the chain: the trace of a deleted last entry."""
    locked = select(Minutes.id).where(
        Minutes.status.in_([MinutesStatus.APPROVED, MinutesStatus.LOCKED])
    )
    chained_minutes = chained_ids(s, MINUTES)
    for minutes_id in s.scalars(locked.order_by(Minutes.id)):
        if minutes_id not in chained_minutes:
            return _problem(None, MINUTES, minutes_id, N_(
                "Approved minutes (record {record_id}) are missing from the audit log: an "
                "entry was removed."))
    chained_decisions = chained_ids(s, DECISION)
    approved_meetings = locked.with_only_columns(Minutes.meeting_id)
    decisions = s.execute(
        select(Decision.id, Decision.number)
        .where(Decision.meeting_id.in_(approved_meetings))
        .order_by(Decision.id)
    )
    for decision_id, number in decisions:
        if decision_id not in chained_decisions:
            return _problem(None, DECISION, decision_id, N_(
                "Decision {number} (record {record_id}) belongs to approved minutes but is "
                "missing from the audit log: an entry was removed."), number=number)
    return None


def verify_chain(s: Session, *, documents_dir: Path | None = None,
                 head_path: Path | None = None) -> AuditReport:
    """Walk the chain; with ``documents_dir`` re-hash the recorded papers' files, with
    ``head_path`` compare the chain's end with the head file kept outside the database."""
    entries = s.execute(
        select(AuditEntry.id, AuditEntry.recorded_at, AuditEntry.action,
               AuditEntry.record_type, AuditEntry.record_id, AuditEntry.content_hash,
               AuditEntry.prev_hash, AuditEntry.entry_hash).order_by(AuditEntry.id)
    ).all()
    loaded: dict[str, dict] = {}
    candidates = [p for p in [_chain_problem(entries), *_content_problems(s, entries, loaded)]
                  if p]
    if documents_dir is not None:
        candidates += _paper_problems(entries, loaded.get(MINUTES, {}), Path(documents_dir))
    notes: list[Problem] = []
    head_problem = None
    if head_path is not None:
        head = chain_head.read_head(head_path)
        head_problem = _head_problem(entries, head)
        if head is None and entries:
            notes.append(_problem(None, "audit", None, N_(
                "There is no head file for the audit log yet ({path}); older databases had "
                "none. It is written with the next approval, and from then on entries "
                "removed from the end of the chain are detected."), path=str(head_path)))
    # The first problem along the chain; then what only the chain's end can show.
    first = (min(candidates, key=lambda p: p.entry_id) if candidates
             else _missing_problem(s) or head_problem)
    return AuditReport(ok=first is None, entries_checked=len(entries), first_problem=first,
                       notes=tuple(notes))

