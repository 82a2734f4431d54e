"""Conflicts of interest in the small demo: every current member declared interests at
appointment (some items private, carrying ``texts.PRIVATE_MARKER``) except one, whose
declaration is overdue; the most recent held meeting has a member who declared a
conflict on an agenda item and is recused from the decision taken on it; a planned meeting has a
paper naming an organisation a member declared a board seat in (a likely conflict);
and the breaches log has one entry with its sanction.

Runs after the meeting records (``small_records``), through the services, on the
meetings whose minutes are not yet approved (approved records cannot change).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.demo import texts
from secretariat.interest_vocabulary import (
    DeclarationOccasion,
    InterestKind,
    MeetingInterestAction,
)
from secretariat.model import (
    Decision,
    DocumentKind,
    Meeting,
    MeetingStatus,
    Membership,
    Person,
    Role,
)
from secretariat.services import documents
from secretariat.services.interests import breaches, meeting_declare
from secretariat.services.interests.declare import ItemInput, declare_interests
from secretariat.services.meetings import decisions
from secretariat.services.meetings.decisions import entitled_voters, meeting_local_date
from secretariat.store.guards import frozen_meeting_ids

# Declared a board seat here; a paper of the next forum meeting names it.
FLAGGED_ORGANISATION = "臺灣開放資料協會"
FLAGGED_ORGANISATION_EN = "Taiwan Open Data Association"
RECUSAL_NATURE = "擔任受補助團體之理事"


def add_interests(s: Session, documents_dir: Path, *, today: dt.date) -> None:
    current = _current_members(s, today)
    overdue_person = current[-1].person_id  # declares nothing: the overdue one
    board_member = current[0].person_id
    for number, membership in enumerate(current):
        if membership.person_id != overdue_person:
            _declare(s, membership, number, today, board=membership.person_id == board_member)
    _recusal_at_latest_meeting(s, recused=board_member, exclude={overdue_person})
    _flagged_paper(s, documents_dir, today)
    breaches.record_breach(
        s, person_id=current[1].person_id, occurred_on=today - dt.timedelta(days=120),
        description="未於討論前揭露受託研究案",
        sanction="書面警告", decided_on=today - dt.timedelta(days=100))


def _current_members(s: Session, today: dt.date) -> list[Membership]:
    """Active memberships but observers', one per person, in a stable order."""
    seen, found = set(), []
    for membership in s.scalars(select(Membership).where(Membership.role != Role.OBSERVER)
                                .order_by(Membership.id)):
        if membership.is_active_on(today) and membership.person_id not in seen:
            seen.add(membership.person_id)
            found.append(membership)
    return found


def _declare(s: Session, membership: Membership, number: int, today: dt.date, *,
             board: bool) -> None:
    person = s.get(Person, membership.person_id)
    items = []
    if person.organisation is not None:
        items.append(ItemInput(kind=InterestKind.EMPLOYMENT,
                               description=person.job_title or "任職",
                               organisation_id=person.organisation_id))
    if board:
        items.append(ItemInput(kind=InterestKind.BOARD_SEAT, description="理事",
                               description_en="Board member",
                               organisation_name=FLAGGED_ORGANISATION))
    if number % 4 == 1:  # some private items, with the marker privacy checks look for
        items.append(ItemInput(kind=InterestKind.SHAREHOLDING, is_public=False,
                               description=f"{texts.PRIVATE_MARKER} 持有上市公司股票",
                               description_en=f"{texts.PRIVATE_MARKER} Listed shares"))
    if number % 7 == 3:
        items.append(ItemInput(kind=InterestKind.FAMILY_TIE, is_public=False,
                               description=f"{texts.PRIVATE_MARKER} 配偶任職於承包廠商"))
    declared_on = min(membership.term_start + dt.timedelta(days=10 + number % 15), today)
    declare_interests(s, person_id=person.id, declared_on=declared_on, items=items,
                      occasion=DeclarationOccasion.APPOINTMENT)


def _recusal_at_latest_meeting(s: Session, *, recused: int, exclude: set[int]) -> None:
    """At the newest held meeting with open minutes, the association's board member
    declares a conflict on a matter for decision and is recused from the grant decision
    (recorded after the declaration, so the recusal comes from it); another member
    declares a past tie and stays."""
    held = list(s.scalars(select(Meeting).where(Meeting.status == MeetingStatus.HELD)
                          .order_by(Meeting.starts_at.desc())))
    frozen = frozen_meeting_ids(s, [m.id for m in held])
    for meeting in held:
        voters = entitled_voters(s, meeting.id)
        decided = set(s.scalars(select(Decision.agenda_item_id).where(
            Decision.meeting_id == meeting.id, Decision.agenda_item_id.is_not(None))))
        items = [i for i in meeting.agenda_items[1:] if i.id not in decided]
        items.sort(key=lambda i: i.purpose.value != "decision")
        if meeting.id in frozen or recused not in voters or not items:
            continue
        item = items[0]
        meeting_declare.declare_at_meeting(
            s, meeting_id=meeting.id, agenda_item_id=item.id, person_id=recused,
            nature=RECUSAL_NATURE, action=MeetingInterestAction.RECUSED)
        others = sorted(voters - exclude - {recused})
        if others:
            meeting_declare.declare_at_meeting(
                s, meeting_id=meeting.id, agenda_item_id=item.id, person_id=others[0],
                nature="曾任該協會顧問",
                action=MeetingInterestAction.DECLARED_ONLY)
        decisions.record_decision(
            s, meeting_id=meeting.id, agenda_item_id=item.id,
            text=f"同意補助{FLAGGED_ORGANISATION}辦理公民參與工作坊。",
            text_en=f"A grant to the {FLAGGED_ORGANISATION_EN} for public participation "
                    "workshops is approved.")
        return


def _flagged_paper(s: Session, documents_dir: Path, today: dt.date) -> None:
    upcoming = s.scalars(select(Meeting).where(Meeting.status == MeetingStatus.PLANNED)
                         .order_by(Meeting.starts_at)).all()
    meeting = next((m for m in upcoming if meeting_local_date(m) > today
                    and len(m.agenda_items) > 1), None)
    if meeting is None:
        return
    # A matter for discussion or decision, not the opening or any other business.
    middle = meeting.agenda_items[1:-1] or meeting.agenda_items
    item = next((i for i in middle if i.purpose.value in ("discussion", "decision")),
                middle[-1])
    title = f"{FLAGGED_ORGANISATION}補助計畫書"
    with tempfile.TemporaryDirectory(prefix="secretariat-demo-") as tmp:
        source = Path(tmp) / "grant-proposal.txt"
        source.write_text(f"{title}\n{FLAGGED_ORGANISATION_EN} grant proposal\n",
                          encoding="utf-8")
        paper = documents.add_document(
            s, documents_dir=documents_dir, source=source, title=title,
            kind=DocumentKind.PAPER, description=f"{FLAGGED_ORGANISATION_EN} grant proposal")
    documents.attach_document(s, item.id, paper.id)
