"""The demo forums: a realistic small one to try the program on, and the large dataset of
DESIGN §4 for benchmarks.

    summary = load_demo(store, scale="small")      # or "large"
    summary.counts["meetings"]

Both hold every kind of record the program keeps, private contact details and restricted
documents included (with planted marker strings, ``texts.PRIVATE_MARKER`` and
``texts.RESTRICTED_DOC_MARKER``), so exports and privacy rules can be tried on them.
The whole demo is one transaction: an error or a cancel leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.demo import schedule
from secretariat.demo.steps import CancelCallback, DemoCancelled, ProgressCallback
from secretariat.demo.texts import PRIVATE_MARKER, RESTRICTED_DOC_MARKER
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.model import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Document,
    Meeting,
    Membership,
    Minutes,
    Organisation,
    Person,
    PersonContact,
    Seat,
)
from secretariat.services.forum import get_forum

SCALES = ("small", "large")
__all__ = ["SCALES", "DemoCancelled", "DemoSummary", "PRIVATE_MARKER", "RESTRICTED_DOC_MARKER",
           "count_label", "load_demo", "record_counts"]

# What a demo summary counts, in display order: key -> (model, label msgid).
COUNTED = {
    "organisations": (Organisation, N_("Organisations")),
    "people": (Person, N_("People")),
    "contacts": (PersonContact, N_("Private contact records")),
    "seats": (Seat, N_("Seats")),
    "memberships": (Membership, N_("Memberships")),
    "meetings": (Meeting, N_("Meetings")),
    "agenda_items": (AgendaItem, N_("Agenda items")),
    "attendance": (Attendance, N_("Attendance records")),
    "documents": (Document, N_("Documents")),
    "decisions": (Decision, N_("Decisions")),
    "minutes": (Minutes, N_("Minutes versions")),
    "action_items": (ActionItem, N_("Action items")),
}


def count_label(key: str) -> str:
    """The translated label of a key of ``DemoSummary.counts``."""
    return _(COUNTED[key][1])


@dataclass(frozen=True)
class DemoSummary:
    scale: str
    counts: dict[str, int]
    seconds: float


def record_counts(s: Session) -> dict[str, int]:
    return {key: s.scalar(select(func.count()).select_from(model)) or 0
            for key, (model, _label) in COUNTED.items()}


def load_demo(store, *, scale: str = "small", progress: ProgressCallback | None = None,
              cancel: CancelCallback | None = None, now: dt.datetime | None = None,
              spec=None) -> DemoSummary:
    """Fill an empty database with the demo forum and commit.

    ``progress(done, total, label)`` is called as work proceeds; ``cancel()`` returning
    True stops at the next batch with ``DemoCancelled`` and nothing saved. ``now`` (aware)
    fixes the date the demo is built around; ``spec`` scales the large demo down (tests).
    Refuses a database that already has a forum.
    """
    if scale not in SCALES:
        raise SecretariatError(N_("Unknown demo size “{scale}” (choose small or large)."),
                               scale=scale)
    now = now or dt.datetime.now(dt.timezone.utc)
    started = dt.datetime.now(dt.timezone.utc)
    with store.session() as s:
        forum = get_forum(s)
        if forum is not None:
            raise SecretariatError(
                N_("This database already holds the forum “{name}”; the demo forum can only "
                   "be loaded into an empty database."), name=forum.name_zh_tw)
        try:
            if scale == "small":
                from secretariat.demo.small import build_small

                build_small(s, store.documents_dir, now=now, progress=progress, cancel=cancel)
            else:
                from secretariat.demo.large import LARGE, build_large

                build_large(s, store.documents_dir, now=now, progress=progress,
                            cancel=cancel, spec=spec or LARGE)
            from secretariat.demo.cocreation import (
                LARGE_CONTRIBUTIONS,
                SMALL_CONTRIBUTIONS,
                build_cocreation,
            )

            # The co-creation records of one action-plan cycle (DESIGN §7-8); a large
            # demo scaled down by ``spec`` (tests) gets a few hundred contributions.
            build_cocreation(s, today=now.astimezone(schedule.ZONE).date(),
                             contributions=SMALL_CONTRIBUTIONS if scale == "small"
                             else LARGE_CONTRIBUTIONS if spec is None
                             else 10 * SMALL_CONTRIBUTIONS)
            s.commit()
        except BaseException:
            s.rollback()
            raise
        counts = record_counts(s)
    seconds = (dt.datetime.now(dt.timezone.utc) - started).total_seconds()
    return DemoSummary(scale, counts, seconds)
