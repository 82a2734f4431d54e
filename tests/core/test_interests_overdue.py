"""Who owes a declaration of interests: 30 days after appointment (day 30 is still in
time, day 31 is late), then every 12 months; only members with an active membership."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.errors import SecretariatError
from secretariat.interest_vocabulary import DeclarationOccasion, InterestKind
from secretariat.model import Role
from secretariat.services.interests import overdue
from secretariat.services.interests.declare import ItemInput, declare_interests
from secretariat.services.members import membership as membership_service
from tests.core.factories import make_person_with_membership

APPOINTED = dt.date(2026, 3, 1)


def _overdue_names(session, day):
    return [row.person_name for row in overdue.overdue_declarations(session, day)]


def test_the_periods_are_named_constants():
    assert overdue.APPOINTMENT_DECLARATION_DAYS == 30
    assert overdue.YEARLY_DECLARATION_MONTHS == 12


def test_without_a_declaration_day_30_is_in_time_and_day_31_overdue(session):
    make_person_with_membership(session, "王小明", term_start=APPOINTED)
    assert _overdue_names(session, APPOINTED + dt.timedelta(days=30)) == []
    assert _overdue_names(session, APPOINTED + dt.timedelta(days=31)) == ["王小明"]
    row = overdue.overdue_declarations(session, dt.date(2026, 4, 1))[0]
    assert (row.reason, row.appointed_on, row.due_on, row.last_declared_on) == (
        overdue.AT_APPOINTMENT, APPOINTED, dt.date(2026, 3, 31), None)


def test_a_declaration_at_appointment_lasts_twelve_months_to_the_day(session):
    person, _ = make_person_with_membership(session, "王小明", term_start=APPOINTED)
    declare_interests(session, person_id=person.id, declared_on=APPOINTED,
                      occasion=DeclarationOccasion.APPOINTMENT)
    assert _overdue_names(session, dt.date(2026, 4, 15)) == []
    assert _overdue_names(session, dt.date(2027, 3, 1)) == []
    assert _overdue_names(session, dt.date(2027, 3, 2)) == ["王小明"]
    row = overdue.overdue_declarations(session, dt.date(2027, 3, 2))[0]
    assert (row.reason, row.last_declared_on, row.due_on) == (
        overdue.YEARLY, APPOINTED, dt.date(2027, 3, 1))


def test_a_late_declaration_is_no_longer_overdue(session):
    person, _ = make_person_with_membership(session, "王小明", term_start=APPOINTED)
    declare_interests(session, person_id=person.id, declared_on=dt.date(2026, 5, 20),
                      items=[ItemInput(kind=InterestKind.EMPLOYMENT, description="顧問")])
    assert _overdue_names(session, dt.date(2026, 6, 1)) == []
    # A declaration dated after the day asked about does not count for that day.
    assert _overdue_names(session, dt.date(2026, 5, 1)) == ["王小明"]


def test_a_declaration_before_a_new_term_does_not_cover_it(session):
    person, _ = make_person_with_membership(session, "王小明", term_start=APPOINTED)
    declare_interests(session, person_id=person.id, declared_on=dt.date(2026, 2, 20))
    assert _overdue_names(session, dt.date(2026, 4, 1)) == ["王小明"]


def test_leap_day_plus_twelve_months_is_the_28th_of_february():
    assert overdue.add_months(dt.date(2028, 2, 29), 12) == dt.date(2029, 2, 28)
    assert overdue.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert overdue.add_months(dt.date(2026, 12, 15), 12) == dt.date(2027, 12, 15)


def test_observers_and_former_members_owe_nothing(session):
    make_person_with_membership(session, "Observer", role=Role.OBSERVER,
                                term_start=APPOINTED)
    _, former = make_person_with_membership(session, "Former", term_start=dt.date(2025, 1, 1))
    membership_service.end_term(session, former.id, ended_on=dt.date(2026, 1, 31),
                               reason="resigned")
    make_person_with_membership(session, "Future", term_start=dt.date(2026, 9, 1))
    assert _overdue_names(session, dt.date(2026, 6, 1)) == []
    assert "Former" in _overdue_names(session, dt.date(2026, 1, 15))


def test_a_declaration_cannot_be_dated_in_the_future(session):
    person, _ = make_person_with_membership(session, "王小明", term_start=APPOINTED)
    with pytest.raises(SecretariatError, match="after today"):
        declare_interests(session, person_id=person.id,
                          declared_on=dt.date.today() + dt.timedelta(days=1))
