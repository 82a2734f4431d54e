"""Transactions that several workstations (or processes) run at the same time.

    result = store.run_transaction(lambda s: services.record_decision(s, ...))

``run_transaction`` opens a writing session, runs ``fn(session)``, commits, and repeats
the whole function when the database reports a *transient* failure: another writer held
the lock too long (SQLite ``database is locked``, PostgreSQL lock timeouts, deadlocks or
serialization failures), or lost a race that a fresh read settles (a unique number or
position taken meanwhile, an optimistic-locking UPDATE that found a newer version). When
every attempt fails it raises a translated ``BusyError`` or ``ConflictError``, never the
driver's exception, so neither the command line nor the desktop application shows a
traceback for it.

Locking strategy, per back end (see also ``services.validation.lock_for_change``):

* SQLite: a writing session starts with ``BEGIN IMMEDIATE``, taking the database's single
  write lock before its first read, so what it reads (numbers, positions, versions) cannot
  go stale before it writes; other writers wait (``busy_timeout``) instead of failing.
* PostgreSQL: services lock the row that numbers or positions are derived from with
  ``SELECT … FOR UPDATE`` (the forum for decision numbers, the meeting for agenda positions
  and attendance), so concurrent assignments queue on that row. Unique constraints make a
  duplicate impossible even for code that forgets the lock; a violation is retried.

``fn`` may run more than once: it must do its work through the session it is given (and
may build messages from what it returns), not through side effects that cannot repeat.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import exc
from sqlalchemy.orm.exc import StaleDataError

from secretariat.errors import BusyError, ConflictError
from secretariat.i18n import N_
from secretariat.services.validation import CONFLICT_MESSAGE

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from secretariat.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_RETRIES = 4  # attempts after the first
# Not only another clerk saving: a database tool holding the file open keeps it busy too,
# and waiting will not help then.
BUSY_MESSAGE = N_(
    "The database is busy: another workstation or program is using it (saving changes, "
    "or holding it open in a database tool). Nothing was saved; try again in a moment, "
    "or close the other program if it stays busy."
)
# A race lost through every retry reads like any optimistic-locking conflict.
RACE_MESSAGE = CONFLICT_MESSAGE

BUSY = "busy"   # locks held by others: wait and try again
RACE = "race"   # another transaction changed what this one read: read again and redo

# SQLite primary result codes (extended codes carry them in the low byte).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CONSTRAINT = 5, 6, 19
_SQLITE_CONSTRAINT_PRIMARYKEY, _SQLITE_CONSTRAINT_UNIQUE = 1555, 2067
# PostgreSQL SQLSTATEs.
_PG_BUSY = {"40001", "40P01", "55P03", "57014"}  # serialization, deadlock, lock/statement timeout
_PG_UNIQUE = "23505"


def transient_kind(error: BaseException) -> str | None:
    """``BUSY`` or ``RACE`` for a failure that running the transaction again may cure,
    None for everything else (which must not be retried)."""
    if isinstance(error, StaleDataError) or (
            isinstance(error, ConflictError) and error.lost_race):
        return RACE
    if not isinstance(error, exc.DBAPIError):
        return None
    orig = error.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate is not None:  # psycopg
        if sqlstate in _PG_BUSY:
            return BUSY
        return RACE if sqlstate == _PG_UNIQUE else None
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:  # sqlite3
        if code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return BUSY
        if code in (_SQLITE_CONSTRAINT_UNIQUE, _SQLITE_CONSTRAINT_PRIMARYKEY):
            return RACE
        return None
    text = str(orig).lower()  # drivers without codes
    if "database is locked" in text or "database table is locked" in text:
        return BUSY
    return RACE if "unique constraint failed" in text else None


def friendly_error(error: BaseException) -> BusyError | ConflictError | None:
    """The translated error to show for a transient failure (None if it is not one)."""
    kind = transient_kind(error)
    if kind == BUSY:
        return BusyError(BUSY_MESSAGE)
    if kind == RACE:
        return error if isinstance(error, ConflictError) else ConflictError(RACE_MESSAGE)
    return None


def run_transaction(store: Store, fn: Callable[[Session], T], *,
                    retries: int = DEFAULT_RETRIES, write: bool = True,
                    backoff: float = 0.05) -> T:
    """``fn(session)`` in one transaction, committed; repeated up to ``retries`` more
    times after a transient failure, with a growing random pause between attempts.

    Errors ``fn`` raises itself (``SecretariatError`` and any other) roll back and
    propagate at once. ``write=False`` starts a plain (deferred) session, for jobs that
    only read.
    """
    attempt = 0
    while True:
        with store.session(write=write) as s:
            try:
                result = fn(s)
                s.commit()
                return result
            except BaseException as error:
                s.rollback()
                kind = transient_kind(error)
                if kind is None:
                    raise
                if attempt >= retries:
                    log.info("Giving up after %d attempts: %s", attempt + 1, error)
                    raise friendly_error(error) from error
                log.debug("Transient failure (%s), attempt %d: %s", kind, attempt + 1, error)
        attempt += 1
        time.sleep(backoff * (2 ** (attempt - 1)) * random.uniform(0.5, 1.5))
