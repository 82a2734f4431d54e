"""The small demo's conflicts of interest: one member's declaration overdue, a member
recused at a meeting through their declaration (and listed on the decision), a likely
conflict flagged on a planned meeting, private items that stay out of the register."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from secretariat.demo import PRIVATE_MARKER, load_demo
from secretariat.demo.interests import FLAGGED_ORGANISATION, RECUSAL_NATURE
from secretariat.interest_vocabulary import MeetingInterestAction
from secretariat.model import InterestItem, Meeting, MeetingInterest, MeetingStatus, Recusal
from secretariat.services.interests import breaches, flags, overdue, register

NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.timezone.utc)
TODAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """Built once: the tests only read it."""
    from secretariat.store import open_store

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    load_demo(store, scale="small", now=NOW)
    with store.session() as s:
        yield s
    store.close()


def test_one_member_is_overdue(demo):
    assert len(overdue.overdue_declarations(demo, TODAY)) == 1


def test_a_declared_conflict_made_a_recusal_on_the_decision(demo):
    declared = demo.scalars(select(MeetingInterest).where(
        MeetingInterest.action == MeetingInterestAction.RECUSED)).one()
    recusal = demo.scalars(select(Recusal).where(Recusal.reason == RECUSAL_NATURE)).one()
    assert recusal.person_id == declared.person_id
    assert recusal.decision.agenda_item_id == declared.agenda_item_id


def test_a_planned_meeting_has_a_likely_conflict(demo):
    planned = demo.scalars(select(Meeting).where(Meeting.status == MeetingStatus.PLANNED)
                           .order_by(Meeting.starts_at)).all()
    found = [f for m in planned for f in flags.likely_conflicts(demo, m.id)]
    assert [f.organisation for f in found] == [FLAGGED_ORGANISATION]


def test_private_items_carry_the_marker_and_stay_out_of_the_register(demo):
    private = demo.scalars(select(InterestItem).where(InterestItem.is_public.is_(False))).all()
    assert private and all(PRIVATE_MARKER in item.description for item in private)
    data = register.register_csv(register.register_rows(demo))
    assert PRIVATE_MARKER.encode() not in data
    assert len(breaches.breach_rows(demo)) == 1
