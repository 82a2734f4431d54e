"""Seats, terms and the member list: the rules a clerk relies on when seating people."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.errors import ConflictError, SecretariatError
from secretariat.model import Membership, Person, Role, Seat
from secretariat.services.forum import create_forum, sector_by_code
from secretariat.services.members import (
    add_member,
    add_seat,
    assign_seat,
    end_term,
    member_rows,
    remove_membership,
    reopen_term,
    update_membership,
)
from secretariat.services.members.people import add_person, list_people

D = dt.date


@pytest.fixture
def cso_seat(session, forum):
    seat = add_seat(session, label="公民社會席次 1", sector_id=sector_by_code(session, "civil_society").id)
    session.commit()
    return seat


def _person(session, name):
    return add_person(session, name=name)


def test_assign_seat_records_the_term(session, cso_seat):
    lin = _person(session, "林美玲")
    m = assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, role=Role.CO_CHAIR,
                    term_start=D(2025, 1, 1), term_end=D(2026, 12, 31), high_level=True)
    session.commit()
    [row] = member_rows(session, on=D(2025, 6, 1))
    assert (row.membership_id, row.name, row.role, row.high_level, row.active) == (
        m.id, "林美玲", Role.CO_CHAIR, True, True)
    assert row.sector_code == "civil_society" and row.seat_label == "公民社會席次 1"


def test_term_end_before_start_is_refused(session, cso_seat):
    lin = _person(session, "林美玲")
    with pytest.raises(SecretariatError, match="Term end Dec 31, 2024 is before term start Jan 1, 2025"):
        assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2025, 1, 1),
                    term_end=D(2024, 12, 31))
    assert session.query(Membership).count() == 0


def test_seat_cannot_have_two_holders_at_once(session, cso_seat):
    lin, chen = _person(session, "林美玲"), _person(session, "陳志明")
    assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2025, 1, 1),
                term_end=D(2026, 12, 31))
    with pytest.raises(SecretariatError, match="already held by 林美玲"):
        assign_seat(session, seat_id=cso_seat.id, person_id=chen.id, role="co_chair",
                    term_start=D(2026, 6, 1))
    # The next holder may start the day after the term's last day.
    assign_seat(session, seat_id=cso_seat.id, person_id=chen.id, term_start=D(2027, 1, 1))
    assert session.query(Membership).count() == 2


def test_alternate_and_observer_may_share_an_occupied_seat(session, cso_seat):
    lin, wang = _person(session, "林美玲"), _person(session, "王大同")
    holder = assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2025, 1, 1))
    alternate = assign_seat(session, seat_id=cso_seat.id, person_id=wang.id, role=Role.ALTERNATE,
                            term_start=D(2025, 1, 1), alternate_for_id=holder.id)
    assert alternate.alternate_for_id == holder.id


def test_same_person_not_twice_on_a_seat(session, cso_seat):
    lin = _person(session, "林美玲")
    assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, role=Role.OBSERVER,
                term_start=D(2025, 1, 1))
    with pytest.raises(SecretariatError, match="林美玲 already has a term on seat"):
        assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, role=Role.ALTERNATE,
                    term_start=D(2025, 3, 1))


def test_only_an_alternate_stands_in_for_someone(session, cso_seat):
    lin, wang = _person(session, "林美玲"), _person(session, "王大同")
    holder = assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2025, 1, 1))
    with pytest.raises(SecretariatError, match="Only an alternate"):
        assign_seat(session, seat_id=cso_seat.id, person_id=wang.id, role=Role.OBSERVER,
                    term_start=D(2025, 1, 1), alternate_for_id=holder.id)


def test_end_term_then_reopen_term(session, cso_seat):
    lin = _person(session, "林美玲")
    m = assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2025, 1, 1))
    session.commit()
    end_term(session, m.id, ended_on=D(2025, 6, 30), reason="辭職")
    session.commit()
    assert member_rows(session, on=D(2025, 7, 1)) == []
    [past] = member_rows(session, on=D(2025, 7, 1), include_past=True)
    assert (past.ended_on, past.active) == (D(2025, 6, 30), False)
    with pytest.raises(SecretariatError, match="already ended on Jun 30, 2025"):
        end_term(session, m.id, ended_on=D(2025, 7, 31))
    reopen_term(session, m.id)
    session.commit()
    [row] = member_rows(session, on=D(2025, 7, 1))
    assert row.active and row.ended_on is None
    assert session.get(Membership, m.id).end_reason == ""


def test_end_term_before_it_started_is_refused(session, cso_seat):
    lin = _person(session, "林美玲")
    m = assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2025, 1, 1))
    with pytest.raises(SecretariatError, match="before it started"):
        end_term(session, m.id, ended_on=D(2024, 12, 1))
    assert session.get(Membership, m.id).ended_on is None


def test_reopen_refused_when_the_seat_was_taken_meanwhile(session, cso_seat):
    lin, chen = _person(session, "林美玲"), _person(session, "陳志明")
    m = assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2025, 1, 1))
    end_term(session, m.id, ended_on=D(2025, 6, 30))
    assign_seat(session, seat_id=cso_seat.id, person_id=chen.id, term_start=D(2025, 7, 1))
    with pytest.raises(SecretariatError, match="already held by 陳志明"):
        reopen_term(session, m.id)
    assert session.get(Membership, m.id).ended_on == D(2025, 6, 30)


def test_update_membership_rechecks_the_rules_and_changes_nothing_on_refusal(session, cso_seat):
    lin, chen = _person(session, "林美玲"), _person(session, "陳志明")
    first = assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2025, 1, 1),
                        term_end=D(2025, 12, 31))
    second = assign_seat(session, seat_id=cso_seat.id, person_id=chen.id, term_start=D(2026, 1, 1))
    session.commit()
    with pytest.raises(SecretariatError, match="already held by 陳志明"):
        update_membership(session, first.id, term_end=D(2026, 6, 30))
    assert session.get(Membership, first.id).term_end == D(2025, 12, 31)
    update_membership(session, second.id, term_start=D(2026, 2, 1), high_level=True)
    session.commit()
    assert session.get(Membership, second.id).high_level


def test_conflicting_edits_raise_conflict_error(store):
    with store.session() as s:
        create_forum(s, name_zh_tw="論壇", name_en="Forum")
        m = add_member(s, name="林美玲", sector_code="academia", role="member",
                       term_start=D(2025, 1, 1))
        s.commit()
        membership_id, opened_version = m.id, m.version
    with store.session() as theirs:
        update_membership(theirs, membership_id, high_level=True)
        theirs.commit()
    with store.session() as mine:
        with pytest.raises(ConflictError, match="changed by someone else"):
            update_membership(mine, membership_id, expected_version=opened_version,
                              term_end=D(2026, 12, 31))
        with pytest.raises(ConflictError):
            end_term(mine, membership_id, ended_on=D(2025, 5, 1), expected_version=opened_version)


def test_add_member_creates_person_organisation_and_seat(session, forum):
    m = add_member(session, name="張家豪", name_en="Chang Chia-hao", organisation="國家發展委員會",
                   sector_code="government_agency", role="co_chair", term_start=D(2025, 1, 1),
                   high_level=True, email="chang@ndc.example.tw")
    session.commit()
    assert m.seat.label == "政府機關 1"
    assert m.person.organisation.name == "國家發展委員會"
    assert m.person.organisation.sector.code == "government_agency"
    assert m.person.contact.email == "chang@ndc.example.tw"
    second = add_member(session, name="李雅婷", sector_code="government_agency", role="member",
                        term_start=D(2025, 1, 1))
    assert second.seat.label == "政府機關 2"


def test_add_member_on_named_seat_of_another_sector_is_refused(session, cso_seat):
    with pytest.raises(SecretariatError, match="belongs to another sector"):
        add_member(session, name="張家豪", sector_code="academia", role="member",
                   term_start=D(2025, 1, 1), seat_label="公民社會席次 1")
    assert list_people(session) == []


def test_add_member_refusal_leaves_no_person_behind(session, cso_seat):
    add_member(session, name="林美玲", sector_code="civil_society", role="member",
               term_start=D(2025, 1, 1), seat_label="公民社會席次 1")
    session.commit()
    with pytest.raises(SecretariatError, match="already held by 林美玲"):
        add_member(session, name="陳志明", organisation="新組織", sector_code="civil_society",
                   role="member", term_start=D(2025, 3, 1), seat_label="公民社會席次 1")
    assert [p.name for p in list_people(session)] == ["林美玲"]


def test_add_member_alternate_on_occupied_seat_stands_in_for_the_holder(session, cso_seat):
    holder = add_member(session, name="林美玲", sector_code="civil_society", role="member",
                        term_start=D(2025, 1, 1), seat_label="公民社會席次 1")
    alternate = add_member(session, name="王大同", sector_code="civil_society", role="alternate",
                           term_start=D(2025, 2, 1), seat_label="公民社會席次 1")
    assert alternate.alternate_for_id == holder.id


def test_remove_membership_undoes_add_member(session, forum):
    m = add_member(session, name="張家豪", sector_code="media", role="member",
                   term_start=D(2025, 1, 1), email="x@example.org")
    session.commit()
    remove_membership(session, m.id, delete_orphan_person=True, delete_empty_seat=True)
    session.commit()
    assert session.query(Membership).count() == 0
    assert session.query(Person).count() == 0
    assert session.query(Seat).count() == 0


def test_remove_membership_keeps_a_person_with_other_terms(session, cso_seat):
    lin = _person(session, "林美玲")
    first = assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2023, 1, 1),
                        term_end=D(2024, 12, 31))
    assign_seat(session, seat_id=cso_seat.id, person_id=lin.id, term_start=D(2025, 1, 1))
    remove_membership(session, first.id, delete_orphan_person=True, delete_empty_seat=True)
    session.commit()
    assert session.get(Person, lin.id) is not None
    assert session.get(Seat, cso_seat.id) is not None


def test_member_rows_search_and_future_terms(session, forum):
    add_member(session, name="林美玲", name_en="Lin Mei-ling", organisation="台灣透明組織",
               sector_code="civil_society", role="member", term_start=D(2025, 1, 1))
    add_member(session, name="張家豪", organisation="國家發展委員會",
               sector_code="government_agency", role="member", term_start=D(2026, 1, 1))
    rows = member_rows(session, on=D(2025, 6, 1))
    # Government sectors sort first; a term starting later is listed but not active.
    assert [(r.name, r.active) for r in rows] == [("張家豪", False), ("林美玲", True)]
    assert [r.name for r in member_rows(session, on=D(2025, 6, 1), search="透明")] == ["林美玲"]
    assert [r.name for r in member_rows(session, on=D(2025, 6, 1), search="lin mei")] == ["林美玲"]
    assert [r.name for r in member_rows(session, on=D(2025, 6, 1), search="公民社會")] == ["林美玲"]


def test_member_list_orders_seat_numbers_as_numbers(session, forum):
    """Seats 1 to 12 read 1, 2, …, 10, 11, 12 as a clerk counts them, not 1, 10, 11, 12, 2."""
    for number in (12, 2, 10, 1, 11, 3):
        add_member(session, name=f"委員{number}", sector_code="civil_society", role="member",
                   term_start=D(2025, 1, 1), seat_label=f"公民社會席次 {number}")
    add_member(session, name="林部長", sector_code="government_agency", role="member",
               term_start=D(2025, 1, 1), seat_label="政府席次 9")
    session.commit()
    rows = member_rows(session, on=D(2025, 6, 1))
    # Sectors keep their own order (government first), whatever the seat labels say.
    assert [r.seat_label for r in rows] == ["政府席次 9"] + [
        f"公民社會席次 {n}" for n in (1, 2, 3, 10, 11, 12)]
