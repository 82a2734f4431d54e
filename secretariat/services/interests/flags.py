"""Likely conflicts of interest before a meeting: a member whose current declaration names
an organisation (on record, in either language, or typed) that an agenda item's title or
one of its papers (title or description) names too.

Names are compared after folding what people type differently for the same name: case,
full- and half-width forms (NFKC), runs of spaces, and 臺/台. A name shorter than
``SHORTEST_NAME`` characters is not looked for: it would match everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from secretariat.i18n import N_
from secretariat.interest_vocabulary import InterestKind, MeetingInterestAction
from secretariat.model import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingInterest,
    Membership,
    Role,
)
from secretariat.services.interests.listing import current_declarations
from secretariat.services.meetings.decisions import meeting_local_date
from secretariat.services.validation import get_or_error

SHORTEST_NAME = 2

IN_ITEM_TITLE = N_("the agenda item's title")
IN_PAPER = N_("the paper “{paper}”")


@dataclass(frozen=True)
class ConflictFlag:
    person_id: int
    person_name: str
    person_name_en: str
    agenda_item_id: int
    item_position: int
    item_title: str
    item_title_en: str
    organisation: str  # the name as declared (or as on record) that was found
    kind: InterestKind
    is_private: bool  # the interest is a private item: say so before showing it
    where: str  # msgid: IN_ITEM_TITLE, or IN_PAPER with ``paper``
    paper: str
    declared_action: MeetingInterestAction | None  # already declared at the meeting


def folded(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold().replace("臺", "台")
    return re.sub(r"\s+", " ", text).strip()


def _people_concerned(s: Session, meeting: Meeting) -> set[int]:
    """Members active on the meeting's day (but observers) and everyone on its
    attendance list."""
    day = meeting_local_date(meeting)
    people = {m.person_id for m in s.scalars(select(Membership).where(
        Membership.role != Role.OBSERVER, Membership.term_start <= day))
        if m.is_active_on(day)}
    people |= set(s.scalars(select(Attendance.person_id).where(
        Attendance.meeting_id == meeting.id, Attendance.person_id.is_not(None))))
    return people


def _texts(item: AgendaItem) -> list[tuple[str, str, str]]:
    """(folded text, where msgid, paper title) of what the item says about itself."""
    texts = [(folded(f"{item.title} {item.title_en}"), IN_ITEM_TITLE, "")]
    for paper in item.documents:
        texts.append((folded(f"{paper.title} {paper.description}"), IN_PAPER, paper.title))
    return texts


def likely_conflicts(s: Session, meeting_id: int) -> list[ConflictFlag]:
    meeting = get_or_error(s, Meeting, meeting_id, N_("meeting"))
    concerned = _people_concerned(s, meeting)
    declarations = {pid: row for pid, row in current_declarations(s).items()
                    if pid in concerned}
    items = s.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                      .options(selectinload(AgendaItem.documents))
                      .order_by(AgendaItem.position)).all()
    declared = {(d.agenda_item_id, d.person_id): d.action for d in s.scalars(
        select(MeetingInterest).where(MeetingInterest.meeting_id == meeting_id))}
    flags = []
    for item in items:
        texts = _texts(item)
        for person_id, declaration in sorted(declarations.items(),
                                             key=lambda kv: kv[1].person_name):
            for interest in declaration.items:
                names = [n for n in (interest.organisation, interest.organisation_en)
                         if len(folded(n)) >= SHORTEST_NAME]
                hit = next(((name, where, paper) for name in names
                            for text, where, paper in texts if folded(name) in text), None)
                if hit is None:
                    continue
                name, where, paper = hit
                flags.append(ConflictFlag(
                    person_id=person_id, person_name=declaration.person_name,
                    person_name_en=declaration.person_name_en, agenda_item_id=item.id,
                    item_position=item.position, item_title=item.title,
                    item_title_en=item.title_en, organisation=name, kind=interest.kind,
                    is_private=not interest.is_public, where=where, paper=paper,
                    declared_action=declared.get((item.id, person_id))))
    return flags
