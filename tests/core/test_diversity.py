"""Balance and diversity on a date: the arithmetic a clerk checks against the appointment
letters, at the edges of terms (inclusive last days), vacancies and quarters."""

from __future__ import annotations

import datetime as dt

from secretariat.services.meetings import update_meeting
from secretariat.services.members import end_term
from secretariat.services.balance.diversity import (
    balance_by_quarter, diversity, quarter_ends, vacancies,
)
from secretariat.vocabulary import MeetingStatus, Side
from tests.core.factories import make_meeting, make_person_with_membership

D = dt.date


def _forum_with_a_term_change(s):
    """Two government and two civil-society seats; one civil-society member leaves on
    2025-06-30 and is replaced from 2025-08-01; a government term ends 2026-03-31."""
    gov_a, _ = make_person_with_membership(s, "部長甲", sector_code="government_agency")
    gov_b, short = make_person_with_membership(s, "司長乙", sector_code="government_agency",
                                               term_end=D(2026, 3, 31))
    cso_a, leaving = make_person_with_membership(s, "理事長丙", seat_label="公民社會席次 1")
    cso_b, _ = make_person_with_membership(s, "執行長丁", seat_label="公民社會席次 2")
    end_term(s, leaving.id, ended_on=D(2025, 6, 30), reason="辭職")
    make_person_with_membership(s, "研究員戊", seat_label="公民社會席次 1",
                                term_start=D(2025, 8, 1))
    s.commit()
    return {"short": short, "leaving": leaving}


def test_the_last_day_of_a_term_still_counts(session, forum):
    _forum_with_a_term_change(session)
    on_last_day = diversity(session, on=D(2025, 6, 30)).seats
    day_after = diversity(session, on=D(2025, 7, 1)).seats
    assert (on_last_day.government, on_last_day.non_government) == (2, 2)
    assert (day_after.government, day_after.non_government) == (2, 1)


def test_a_seat_is_vacant_between_holders_only(session, forum):
    _forum_with_a_term_change(session)
    assert vacancies(session, on=D(2025, 6, 30)) == ()
    (vacant,) = vacancies(session, on=D(2025, 7, 15))
    assert (vacant.label, vacant.side, vacant.vacant_since) == (
        "公民社會席次 1", Side.NON_GOVERNMENT, D(2025, 7, 1))
    assert vacancies(session, on=D(2025, 8, 1)) == ()


def test_terms_ending_within_90_days_include_day_90_not_91(session, forum):
    _forum_with_a_term_change(session)
    ends = D(2026, 3, 31)
    assert [r.name for r in diversity(session, on=ends - dt.timedelta(days=90)).terms_ending] \
        == ["司長乙"]
    assert diversity(session, on=ends - dt.timedelta(days=91)).terms_ending == ()


def test_seats_by_side_per_quarter_follow_the_changes(session, forum):
    _forum_with_a_term_change(session)
    quarters = balance_by_quarter(session, start=D(2025, 1, 1), end=D(2026, 5, 15))
    assert [(q.year, q.quarter, q.government, q.non_government) for q in quarters] == [
        (2025, 1, 2, 2), (2025, 2, 2, 2),  # the leaver's last day is 30 June: still in Q2
        (2025, 3, 2, 2), (2025, 4, 2, 2),  # replaced on 1 August
        (2026, 1, 2, 2),  # the short term ends on 31 March, the quarter's last day
        (2026, 2, 1, 2)]
    assert quarters[-1].on == D(2026, 5, 15)


def test_quarter_ends_cover_partial_quarters():
    assert quarter_ends(D(2025, 11, 5), D(2026, 1, 2)) == [
        (2025, 4, D(2025, 12, 31)), (2026, 1, D(2026, 1, 2))]


def test_attendance_balance_counts_held_forum_meetings_of_the_year(session, forum):
    gov, _ = make_person_with_membership(session, "部長甲", sector_code="government_agency")
    cso, _ = make_person_with_membership(session, "理事長丙")
    held = make_meeting(session, attendees=[gov, cso])
    update_meeting(session, held.id, status=MeetingStatus.HELD)
    make_meeting(session, attendees=[gov])  # still planned: not counted
    session.commit()
    day = held.starts_at.date() + dt.timedelta(days=1)
    attendance = diversity(session, on=day).attendance
    assert (attendance.meetings, attendance.government, attendance.non_government) == (1, 1, 1)
    assert diversity(session, on=day + dt.timedelta(days=366)).attendance.meetings == 0


def test_high_level_members_are_counted_by_side(session, forum):
    from secretariat.services.members import add_member
    from secretariat.vocabulary import Role

    add_member(session, name="部長甲", sector_code="government_agency", term_start=D(2025, 1, 1), role=Role.MEMBER,
               high_level=True)
    add_member(session, name="科長乙", sector_code="government_agency", term_start=D(2025, 1, 1), role=Role.MEMBER)
    add_member(session, name="理事長丙", sector_code="civil_society", term_start=D(2025, 1, 1), role=Role.MEMBER,
               high_level=True)
    session.commit()
    assert diversity(session, on=D(2025, 2, 1)).high_level == {
        Side.GOVERNMENT: 1, Side.NON_GOVERNMENT: 1}


def test_gender_and_region_count_where_recorded_and_are_never_required(session, forum):
    from secretariat.services.members import add_member
    from secretariat.vocabulary import Role

    for name, gender, region in (("甲", "female", "臺北市"), ("乙", "male", "臺北市"),
                                 ("丙", "female", "花蓮縣"), ("丁", "", "")):
        add_member(session, name=name, sector_code="civil_society", role=Role.MEMBER,
                   term_start=D(2025, 1, 1), gender=gender, region=region)
    session.commit()
    found = diversity(session, on=D(2025, 2, 1))
    assert found.genders == {"": 1, "female": 2, "male": 1, "other": 0}
    assert found.regions == (("臺北市", 2), ("花蓮縣", 1), ("", 1))  # not recorded last
