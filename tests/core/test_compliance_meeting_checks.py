"""Compliance checks decided by meetings, at the boundaries of each computed rule: a 92-
vs 93-day gap, counts per year and per phase, notice days, papers, tabled documents."""

from __future__ import annotations

import pytest

from secretariat.compliance.checks_meetings import (
    advance_notice,
    document_tabled,
    meeting_count,
    meeting_interval,
    meeting_papers,
    remote_participation,
)
from secretariat.compliance.facts import PublicationFact
from secretariat.compliance.result import Status
from tests.core.compliance_helpers import DEV, IMPL, D, days_after, facts, meeting, meetings_every

QUARTERLY = {"meeting_kinds": ["forum_meeting"], "max_days": 92, "phase": "whole_cycle"}


@pytest.mark.parametrize("gap, status", [(92, Status.MET), (93, Status.NOT_MET)])
def test_a_gap_of_92_days_is_quarterly_and_93_is_not(gap, status):
    records = facts(meetings=meetings_every(DEV[0], [30, gap, 30]))
    day = days_after(DEV[0], 30 + gap + 30 + 10)
    outcome = meeting_interval(QUARTERLY, records, day)
    assert outcome.status == status
    if status == Status.NOT_MET:
        assert outcome.explanation.params["gap"] == 93
        assert "93 days" in outcome.explanation.text("en")
        assert outcome.remedy is not None


@pytest.mark.parametrize("since, status", [(92, Status.MET), (93, Status.NOT_MET)])
def test_the_time_since_the_last_meeting_counts_up_to_the_day_judged(since, status):
    records = facts(meetings=meetings_every(DEV[0], [60]))
    last = days_after(DEV[0], 60)
    outcome = meeting_interval(QUARTERLY, records, days_after(last, since))
    assert outcome.status == status


def test_the_first_meeting_is_due_within_the_interval_from_the_phase_start():
    assert meeting_interval(QUARTERLY, facts(), days_after(DEV[0], 92)).status \
        == Status.NOT_YET_DUE
    assert meeting_interval(QUARTERLY, facts(), days_after(DEV[0], 93)).status \
        == Status.NOT_MET
    first_late = facts(meetings=(meeting(1, days_after(DEV[0], 93)),))
    assert meeting_interval(QUARTERLY, first_late, days_after(DEV[0], 100)).status \
        == Status.NOT_MET


def test_due_on_is_the_last_meeting_plus_the_interval():
    records = facts(meetings=meetings_every(DEV[0], [80]))
    day = days_after(DEV[0], 160)  # 80 days after the last meeting
    outcome = meeting_interval(QUARTERLY, records, day)
    assert outcome.status == Status.MET
    assert outcome.due_on == days_after(DEV[0], 80 + 92)
    assert [e.id for e in outcome.evidence] == [1, 2]


def test_planned_cancelled_and_other_kinds_do_not_count():
    records = facts(meetings=(meeting(1, days_after(DEV[0], 10)),
                              meeting(2, days_after(DEV[0], 60), held=False),
                              meeting(3, days_after(DEV[0], 90), kind="open_meeting")))
    outcome = meeting_interval(QUARTERLY, records, days_after(DEV[0], 103))
    assert outcome.status == Status.NOT_MET  # 93 days since meeting 1


def test_monthly_in_development_is_judged_only_in_development():
    monthly = {"meeting_kinds": ["forum_meeting"], "max_days": 31, "phase": "development"}
    records = facts(meetings=meetings_every(DEV[0], [31] * 7))
    assert meeting_interval(monthly, records, D(2026, 6, 1)).status == Status.MET
    late = facts(meetings=meetings_every(DEV[0], [31, 32, 31, 31, 31, 31, 31]))
    assert meeting_interval(monthly, late, D(2026, 6, 1)).status == Status.NOT_MET
    assert meeting_interval(monthly, records, D(2024, 12, 31)).status == Status.NOT_YET_DUE


def test_per_group_intervals_cannot_be_told():
    params = {**QUARTERLY, "meeting_kinds": ["working_group"], "per_group": True}
    assert meeting_interval(params, facts(), D(2026, 1, 1)).status == Status.CANNOT_TELL


TWICE_A_YEAR = {"meeting_kinds": ["open_meeting"], "min_count": 2, "per": "year",
                "phase": "implementation"}


def _open(*days):
    return tuple(meeting(n, day, kind="open_meeting") for n, day in enumerate(days, 1))


def test_two_a_year_counts_each_year_of_the_phase_from_its_first_day():
    first_year_end = D(2026, 8, 31)
    one = facts(meetings=_open(D(2025, 10, 1)))
    # The year is still running: not yet due, due at its end.
    running = meeting_count(TWICE_A_YEAR, one, D(2026, 8, 30))
    assert running.status == Status.NOT_YET_DUE and running.due_on == first_year_end
    # On its last day it is judged: one of two.
    assert meeting_count(TWICE_A_YEAR, one, first_year_end).status == Status.NOT_MET
    two = facts(meetings=_open(D(2025, 10, 1), first_year_end))
    assert meeting_count(TWICE_A_YEAR, two, first_year_end).status == Status.MET
    # Second year with one meeting, judged at the end of the phase: partly met.
    three = facts(meetings=_open(D(2025, 10, 1), D(2026, 3, 1), D(2027, 1, 1)))
    assert meeting_count(TWICE_A_YEAR, three, IMPL[1]).status == Status.PARTLY_MET


def test_a_meeting_on_the_first_day_of_the_next_year_counts_for_that_year():
    records = facts(meetings=_open(D(2025, 10, 1), D(2026, 9, 1)))
    assert meeting_count(TWICE_A_YEAR, records, D(2026, 9, 2)).status == Status.NOT_MET


def test_count_per_phase_and_modalities():
    params = {"meeting_kinds": ["open_meeting", "public_consultation"], "min_count": 2,
              "per": "phase", "phase": "development", "modalities": ["in_person", "hybrid"]}
    records = facts(meetings=(meeting(1, D(2025, 3, 1), kind="open_meeting"),
                              meeting(2, D(2025, 4, 1), kind="public_consultation",
                                      modality="remote")))
    assert meeting_count(params, records, D(2025, 8, 30)).status == Status.NOT_YET_DUE
    assert meeting_count(params, records, DEV[1]).status == Status.PARTLY_MET
    hybrid = facts(meetings=(*records.meetings[:1],
                             meeting(2, D(2025, 4, 1), kind="public_consultation",
                                     modality="hybrid")))
    assert meeting_count(params, hybrid, D(2025, 5, 1)).status == Status.MET


def test_remote_participation_needs_a_remote_or_hybrid_meeting():
    params = {"min_count": 1}
    assert remote_participation(params, facts(meetings=(meeting(1, D(2025, 2, 1)),)),
                                IMPL[1]).status == Status.NOT_MET
    hybrid = facts(meetings=(meeting(1, D(2025, 2, 1), modality="hybrid"),))
    assert remote_participation(params, hybrid, D(2025, 3, 1)).status == Status.MET


@pytest.mark.parametrize("ahead, status", [(14, Status.MET), (13, Status.NOT_MET)])
def test_notice_of_14_days_is_enough_and_13_is_not(ahead, status):
    day = D(2025, 3, 15)
    records = facts(notice_days=14, meetings=(
        meeting(1, day, notice_day=days_after(day, -ahead)),))
    assert advance_notice({"subject": "meeting"}, records, D(2025, 4, 1)).status == status


def test_notice_without_min_days_uses_the_terms_of_reference_and_shares_are_partly():
    day = D(2025, 3, 15)
    records = facts(notice_days=7, meetings=(
        meeting(1, day, notice_day=days_after(day, -7)),
        meeting(2, days_after(day, 30), notice_day=None)))
    outcome = advance_notice({"subject": "meeting"}, records, D(2025, 5, 1))
    assert outcome.status == Status.PARTLY_MET
    assert outcome.explanation.text("en").startswith("1 of 2 forum meetings")
    assert advance_notice({"subject": "meeting", "min_days": 8}, records,
                          D(2025, 5, 1)).status == Status.NOT_MET


@pytest.mark.parametrize("published, status", [
    (D(2024, 12, 18), Status.MET), (D(2024, 12, 19), Status.PARTLY_MET)])
def test_the_timeline_is_published_14_days_before_development(published, status):
    params = {"subject": "co_creation_timeline", "min_days": 14, "phase": "development"}
    records = facts(publications=(PublicationFact(1, "development_timeline", published),))
    assert advance_notice(params, records, D(2025, 2, 1)).status == status
    assert advance_notice(params, facts(), D(2024, 12, 18)).status == Status.NOT_YET_DUE
    assert advance_notice(params, facts(), D(2024, 12, 19)).status == Status.NOT_MET


def test_papers_must_be_attached_by_the_notice_day():
    params = {"meeting_kinds": ["open_meeting"], "phase": "development"}
    day = D(2025, 4, 1)
    on_time = meeting(1, day, kind="open_meeting", notice_day=D(2025, 3, 20),
                      papers=[(7, "paper", D(2025, 3, 20))])
    late = meeting(2, days_after(day, 20), kind="open_meeting", notice_day=D(2025, 4, 5),
                   papers=[(8, "paper", D(2025, 4, 6))])
    assert meeting_papers(params, facts(meetings=(on_time,)), DEV[1]).status == Status.MET
    assert meeting_papers(params, facts(meetings=(on_time, late)), DEV[1]).status \
        == Status.PARTLY_MET


def test_a_report_tabled_at_a_forum_meeting_in_implementation():
    params = {"document_kind": "report", "meeting_kinds": ["forum_meeting"],
              "phase": "implementation"}
    tabled = facts(meetings=(meeting(1, D(2026, 5, 1), papers=[(9, "report", D(2026, 4, 1))]),))
    outcome = document_tabled(params, tabled, D(2026, 6, 1))
    assert outcome.status == Status.MET
    assert {(e.kind, e.id) for e in outcome.evidence} == {("meeting", 1), ("document", 9)}
    assert document_tabled(params, facts(), D(2026, 6, 1)).status == Status.NOT_YET_DUE
    assert document_tabled(params, facts(), IMPL[1]).status == Status.NOT_MET
    assert document_tabled(params, facts(), D(2025, 1, 5)).status == Status.NOT_YET_DUE


def test_each_meeting_is_judged_by_the_notice_period_in_force_on_its_day():
    """10 days' notice meets the 10 days of the terms in force then, even though the terms
    in force on the day judged ask 14."""
    import dataclasses

    day = D(2025, 3, 15)
    held = meeting(1, day, notice_day=days_after(day, -10))
    under_old_terms = dataclasses.replace(held, notice_days=10)
    assert advance_notice({"subject": "meeting"}, facts(notice_days=14, meetings=(held,)),
                          D(2025, 4, 1)).status == Status.NOT_MET
    assert advance_notice({"subject": "meeting"},
                          facts(notice_days=14, meetings=(under_old_terms,)),
                          D(2025, 4, 1)).status == Status.MET
