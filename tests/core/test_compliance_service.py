"""The compliance service over a real database: meetings held through the meeting
services and the co-creation records decide the statuses; the notice period comes from
the forum; early warning and the due-soon lines."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.compliance import terms
from secretariat.compliance.result import Status
from secretariat.compliance.service import check_cycle
from secretariat.compliance.warnings import due_soon, early_warning
from secretariat.errors import SecretariatError
from secretariat.services.cocreation import consultations, contributions, web
from secretariat.services.cocreation.contributions import ContributionValues
from secretariat.services.meetings import update_meeting
from tests.core.cocreation_helpers import make_cycle
from tests.core.factories import make_meeting

D = dt.date
TAIPEI = dt.timezone(dt.timedelta(hours=8))


def held_meeting(s, day: dt.date, *, notice: dt.date | None = None):
    meeting = make_meeting(s, starts_at=dt.datetime(day.year, day.month, day.day, 14,
                                                    tzinfo=TAIPEI))
    fields = {"status": "held"}
    if notice:
        fields["notice_sent_at"] = dt.datetime(notice.year, notice.month, notice.day, 9,
                                               tzinfo=TAIPEI)
        fields["notice_recipients"] = "全體委員"
    update_meeting(s, meeting.id, **fields)
    return meeting


def by_id(report):
    return {result.entry_id: result for result in report.results}


def test_no_cycle_is_a_clear_message(session, forum):
    with pytest.raises(SecretariatError, match="No action-plan cycle"):
        check_cycle(session)


def test_meetings_and_consultations_decide_their_requirements(session, forum):
    cycle = make_cycle(session)
    first = held_meeting(session, D(2025, 1, 20), notice=D(2025, 1, 6))
    held_meeting(session, D(2025, 4, 21), notice=D(2025, 4, 10))  # 91 days later
    consultations.open_consultation(
        session, cycle.id, subject="draft_commitments", title="承諾草案",
        opens_on=D(2025, 6, 1), closes_on=D(2025, 6, 13), channels=["written", "survey"])
    session.commit()
    report = check_cycle(session, cycle_id=cycle.id, day=D(2025, 7, 1))
    results = by_id(report)
    quarterly = results["seed.cycle.spaces.b1"]
    assert quarterly.status == Status.MET
    assert quarterly.outcome.evidence[0].kind == "meeting"
    assert quarterly.outcome.evidence[0].id == first.id
    notice = results["seed.cycle.info.b5"]  # forum's 14 days: 14 and 11 days ahead
    assert notice.status == Status.PARTLY_MET
    # 13 days, short of two weeks, through the two channels needed: partly.
    window = results["seed.dev.spaces.b4"]
    assert window.status == Status.PARTLY_MET
    assert "13 days" in window.outcome.explanation.text("en")
    # The monthly rule during development: 91 days between meetings.
    assert results["seed.dev.own.b1"].status == Status.NOT_MET
    assert len(report.results) == len(report.catalogue.entries)
    assert report.to_dict()["results"][0]["explanation"]["zh_TW"]


def test_the_notice_period_is_that_of_the_terms_of_reference_in_force(session, forum):
    from secretariat.services.terms import adopting, drafting

    drafting.draft_version(session, rules={"notice_days": 10})
    adopting.adopt_version(session, 1, on=D(2024, 12, 1))
    session.commit()
    assert terms.notice_days_on(session, D(2025, 1, 1)) == 10
    cycle = make_cycle(session)
    held_meeting(session, D(2025, 1, 20), notice=D(2025, 1, 9))  # 11 days ahead
    session.commit()
    results = by_id(check_cycle(session, cycle_id=cycle.id, day=D(2025, 2, 1)))
    assert results["seed.cycle.info.b5"].status == Status.MET


def test_the_2021_catalogue_is_judged_when_the_cycle_chooses_it(session, forum):
    cycle = make_cycle(session, catalogue="2021")
    web.set_web_page(session, address="https://ogp.example.tw", contact_point="秘書處")
    session.commit()
    report = check_cycle(session, cycle_id=cycle.id, day=D(2025, 3, 1))
    assert report.catalogue.name == "2021"
    assert by_id(report)["ogp2021.2.1"].status == Status.MET


def test_due_soon_says_how_long_since_the_forum_met(session, forum):
    cycle = make_cycle(session)
    held_meeting(session, D(2025, 1, 10), notice=D(2024, 12, 20))
    contributions.record_contribution(session, cycle.id, ContributionValues(
        stakeholder_kind="citizen", channel="written", received_on=D(2025, 2, 1),
        text="請延長諮詢"))
    session.commit()
    day = D(2025, 3, 31)  # 80 days after the meeting
    report = check_cycle(session, cycle_id=cycle.id, day=day)
    lines = [line.text("en") for line in due_soon(report.facts, report.results, day)]
    assert "The forum has not met for 80 days; the requirement seed.cycle.spaces.b1 falls " \
           "due in 12 days." in lines
    assert "Contributions waiting for a response past their 20 days: 1." in lines
    triggers = {t.key: t for t in early_warning(report.facts, report.results, day)}
    assert not triggers["action_plan"].reached
    assert triggers["action_plan"].days_left == (D(2026, 8, 31) - day).days
    assert triggers["minimum_requirements"].reached
    assert not triggers["commitment_progress"].reached  # implementation not begun


def test_the_previous_cycle_sets_the_action_plan_deadline(session, forum):
    make_cycle(session, development=(D(2021, 1, 1), D(2021, 8, 31)),
               implementation=(D(2021, 9, 1), D(2023, 8, 31)))
    later = make_cycle(session)  # development from 2025-01-01
    report = check_cycle(session, cycle_id=later.id, day=D(2024, 9, 1))
    assert report.facts.cycle.previous_end == D(2023, 8, 31)
    trigger = {t.key: t for t in early_warning(report.facts, report.results,
                                               D(2024, 9, 1))}["action_plan"]
    assert trigger.reached  # 12 months after 2023-08-31 have passed
