"""The audit chain's head, kept outside the database.

Deleting the last audit entries together with the records they cover leaves a shorter
chain that is perfectly consistent in itself; only something the database cannot reach
tells. After every commit that appended entries, the number of entries and the last
entry's hash are written (atomically) to a small head file:

- a database file ``forum.db`` keeps it beside itself as ``forum.db.audit-head``;
- PostgreSQL has no file of its own, so it goes into the documents folder shared by the
  workstations, as ``<database name>.audit-head``.

The head is written only once the commit has succeeded and never moves backwards (a
workstation whose count is not greater leaves it alone), so several workstations can
share it. ``verify_chain`` compares the chain with it.

The Store names the file in each session's ``info`` (``HEAD_PATH_KEY``); a session
without one (e.g. built on a bare engine) keeps no head.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from secretariat.atomic_files import atomic_file

log = logging.getLogger(__name__)

HEAD_PATH_KEY = "secretariat.audit_head_path"
_PENDING_KEY = "secretariat.audit_head_pending"
HEAD_SUFFIX = ".audit-head"


@dataclass(frozen=True)
class Head:
    count: int
    entry_hash: str


def head_path_for(database_path: Path | None, database_name: str | None,
                  documents_dir: Path) -> Path:
    """Beside a database file; else in the documents folder, named for the database."""
    if database_path is not None:
        database_path = Path(database_path).resolve()
        return database_path.with_name(database_path.name + HEAD_SUFFIX)
    if database_name in (None, "", ":memory:"):
        database_name = "memory"
    return Path(documents_dir) / f"{database_name}{HEAD_SUFFIX}"


def read_head(path: Path | None) -> Head | None:
    """The recorded head, or None when there is no (readable) head file."""
    if path is None:
        return None
    try:
        return decode_head(Path(path).read_bytes())
    except OSError:
        return None


def encode_head(head: Head) -> bytes:
    """A head file's content (a backup carries it as it is)."""
    return (json.dumps({"count": head.count, "entry_hash": head.entry_hash}) + "\n").encode()


def decode_head(data: bytes) -> Head | None:
    """The head a head file's content records, None when it is not one."""
    try:
        parsed = json.loads(data.decode("utf-8"))
        return Head(int(parsed["count"]), str(parsed["entry_hash"]))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None


def write_head(path: Path, head: Head, *, force: bool = False) -> bool:
    """Write ``head`` unless the recorded one is already as long (``force``: a restore
    replaces it). Returns whether it was written."""
    path = Path(path)
    current = read_head(path)
    if not force and current is not None and current.count >= head.count:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path, prefix=f".{path.name}.", mode=0o644) as out:
        out.write(encode_head(head))
    return True


def note_appended(s: Session, count: int, entry_hash: str) -> None:
    """Called by ``append_entry``: this transaction's chain now ends here."""
    if s.info.get(HEAD_PATH_KEY) is not None:
        s.info[_PENDING_KEY] = Head(count, entry_hash)


def pending_count(s: Session) -> int | None:
    """Entries in the chain as of this transaction's last append, if it appended."""
    pending = s.info.get(_PENDING_KEY)
    return pending.count if pending is not None else None


@event.listens_for(Session, "after_commit")
def _write_head_after_commit(s: Session) -> None:
    pending = s.info.pop(_PENDING_KEY, None)
    path = s.info.get(HEAD_PATH_KEY)
    if pending is None or path is None:
        return
    try:
        write_head(Path(path), pending)
    except OSError as error:  # the records are committed; the next append retries
        log.warning("Could not write the audit head file %s: %s", path, error)


@event.listens_for(Session, "after_soft_rollback")
def _forget_after_rollback(s: Session, _previous_transaction) -> None:
    # A head must never run ahead of the chain (a rolled-back savepoint may have held
    # appends); one lagging behind is caught up by the next append.
    s.info.pop(_PENDING_KEY, None)


@event.listens_for(Session, "after_transaction_end")
def _forget_when_the_transaction_ends(s: Session, transaction) -> None:
    # After a commit the head is already written; any other end (close, rollback) of the
    # outermost transaction discards its appends.
    if transaction.parent is None:
        s.info.pop(_PENDING_KEY, None)
