"""Compliance checks decided by the co-creation records, at their boundaries: 13 vs 14
days of consultation, a response on day 20 vs 21, progress 183 vs 184 days apart."""

from __future__ import annotations

import pytest

from secretariat.compliance.checks_records import (
    commitment_progress,
    consultation_window,
    contributions_answered,
    outreach_activities,
    proposals_reasoned,
    publication,
    response_time,
)
from secretariat.compliance.facts import (
    CommitmentFact,
    ConsultationFact,
    ContributionFact,
    OutreachFact,
    ProgressFact,
    ProposalFact,
    PublicationFact,
    QuestionFact,
)
from secretariat.compliance.result import Status
from tests.core.compliance_helpers import DEV, IMPL, D, days_after, facts

TWO_WEEKS = {"subject": "draft_commitments", "min_days": 14, "min_channels": 2}


def window(days: int, channels=("written", "online_discussion"), subject="draft_commitments"):
    opens = D(2025, 5, 1)
    return ConsultationFact(1, subject, opens, days_after(opens, days - 1), channels)


@pytest.mark.parametrize("days, status", [(14, Status.MET), (13, Status.NOT_MET)])
def test_a_consultation_of_14_days_is_two_weeks_and_13_is_not(days, status):
    outcome = consultation_window({"subject": "draft_commitments", "min_days": 14},
                                  facts(consultations=(window(days),)), D(2025, 6, 1))
    assert outcome.status == status
    assert outcome.evidence[0].kind == "consultation"


@pytest.mark.parametrize("days, status", [(28, Status.MET), (27, Status.NOT_MET)])
def test_a_self_assessment_consultation_needs_four_weeks(days, status):
    params = {"subject": "self_assessment", "min_days": 28}
    records = facts(consultations=(window(days, subject="self_assessment"),))
    assert consultation_window(params, records, D(2025, 7, 1)).status == status


def test_a_long_window_through_one_channel_is_partly_met():
    records = facts(consultations=(window(20, channels=("written",)),))
    outcome = consultation_window(TWO_WEEKS, records, D(2025, 6, 1))
    assert outcome.status == Status.PARTLY_MET
    assert "1 channels" in outcome.explanation.text("en")


def test_no_consultation_is_not_yet_due_in_development_and_not_met_after():
    assert consultation_window(TWO_WEEKS, facts(), D(2025, 8, 30)).status == Status.NOT_YET_DUE
    assert consultation_window(TWO_WEEKS, facts(), DEV[1]).status == Status.NOT_MET
    # A window that opens later than the day judged does not count yet.
    assert consultation_window(TWO_WEEKS, facts(consultations=(window(14),)),
                               D(2025, 4, 30)).status == Status.NOT_YET_DUE


@pytest.mark.parametrize("after, status", [(20, Status.MET), (21, Status.NOT_MET)])
def test_an_answer_on_day_20_is_in_time_and_day_21_is_late(after, status):
    params = {"subject": "questions", "max_days": 20, "phase": "implementation"}
    asked = D(2026, 1, 5)
    records = facts(questions=(QuestionFact(1, asked, days_after(asked, after)),))
    assert response_time(params, records, D(2026, 3, 1)).status == status


def test_an_unanswered_question_counts_only_once_its_time_is_up():
    params = {"subject": "questions", "max_days": 20, "phase": "implementation"}
    asked = D(2026, 1, 5)
    records = facts(questions=(QuestionFact(1, asked, None),))
    assert response_time(params, records, days_after(asked, 20)).status == Status.NOT_YET_DUE
    assert response_time(params, records, days_after(asked, 21)).status == Status.NOT_MET


def _contribution(id_, received, responded):
    return ContributionFact(id_, received, responded, responded is not None)


@pytest.mark.parametrize("waited, counts", [(20, False), (21, True)])
def test_an_unanswered_contribution_fails_from_day_21(waited, counts):
    received = D(2025, 3, 1)
    records = facts(contributions=(_contribution(1, received, D(2025, 3, 2)),
                                   _contribution(2, received, None)))
    outcome = contributions_answered({}, records, days_after(received, waited))
    assert outcome.status == (Status.PARTLY_MET if counts else Status.MET)


def test_contributions_answered_but_not_published_is_partly_met():
    records = facts(contributions=(_contribution(1, D(2025, 3, 1), D(2025, 3, 5)),))
    outcome = contributions_answered({"published": True}, records, D(2025, 6, 1))
    assert outcome.status == Status.PARTLY_MET
    assert "not been published" in outcome.explanation.text("en")
    published = facts(contributions=records.contributions,
                      publications=(PublicationFact(5, "contributions", D(2025, 5, 1)),))
    outcome = contributions_answered({"published": True}, published, D(2025, 6, 1))
    assert outcome.status == Status.MET
    assert ("publication", 5) in {(e.kind, e.id) for e in outcome.evidence}


def test_evidence_is_capped_but_counted():
    many = tuple(_contribution(n, D(2025, 3, 1), None) for n in range(1, 501))
    outcome = contributions_answered({}, facts(contributions=many), D(2025, 6, 1))
    assert outcome.status == Status.NOT_MET
    assert len(outcome.evidence) == 50 and outcome.evidence_total == 500


@pytest.mark.parametrize("gap, status", [(183, Status.MET), (184, Status.PARTLY_MET)])
def test_progress_every_six_months_is_183_days(gap, status):
    params = {"max_days": 183, "phase": "implementation"}
    first = days_after(IMPL[0], 100)
    records = facts(commitments=(CommitmentFact(1, ""),), progress=(
        ProgressFact(1, 1, first, "limited", first),
        ProgressFact(2, 1, days_after(first, gap), "substantial", days_after(first, gap))))
    assert commitment_progress(params, records, days_after(first, gap + 1)).status == status


def test_unpublished_progress_does_not_count_and_every_commitment_is_a_share():
    params = {"every_commitment": True, "phase": "implementation"}
    records = facts(commitments=(CommitmentFact(1, ""), CommitmentFact(2, "")), progress=(
        ProgressFact(1, 1, D(2026, 1, 1), "limited", D(2026, 1, 2)),
        ProgressFact(2, 2, D(2026, 1, 1), "limited", None)))
    assert commitment_progress(params, records, D(2026, 2, 1)).status == Status.PARTLY_MET


@pytest.mark.parametrize("gap, status", [(31, Status.MET), (32, Status.PARTLY_MET)])
def test_monthly_development_updates(gap, status):
    params = {"subject": "development_update", "max_days": 31, "phase": "development"}
    first = days_after(DEV[0], 20)
    records = facts(publications=(PublicationFact(1, "development_update", first),
                                  PublicationFact(2, "development_update",
                                                  days_after(first, gap))))
    assert publication(params, records, days_after(first, gap + 1)).status == status


def test_a_standing_publication_is_missing_from_the_start_and_a_final_one_only_at_the_end():
    assert publication({"subject": "repository"}, facts(), D(2025, 2, 1)).status \
        == Status.NOT_MET
    self_assessment = {"subject": "self_assessment"}
    assert publication(self_assessment, facts(), D(2026, 2, 1)).status == Status.NOT_YET_DUE
    assert publication(self_assessment, facts(), IMPL[1]).status == Status.NOT_MET
    records = facts(web_page_id=3)
    outcome = publication({"subject": "website"}, records, D(2025, 2, 1))
    assert outcome.status == Status.MET and outcome.evidence[0].kind == "web_page"


def test_proposals_reasons_and_their_publication():
    records = facts(proposals=(ProposalFact(1, "included", True, D(2025, 5, 1)),
                               ProposalFact(2, "rejected", False, D(2025, 5, 1)),
                               ProposalFact(3, "pending", False, None)))
    assert proposals_reasoned({"include_rejected": False}, records, D(2025, 6, 1)).status \
        == Status.MET
    assert proposals_reasoned({"include_rejected": True}, records, D(2025, 6, 1)).status \
        == Status.PARTLY_MET
    assert proposals_reasoned({"include_rejected": False}, facts(), D(2025, 6, 1)).status \
        == Status.NOT_YET_DUE


def test_outreach_channels_and_targeted_audiences():
    one = facts(outreach=(OutreachFact(1, D(2025, 2, 1), "awareness", "website", ""),))
    assert outreach_activities({"min_count": 1}, one, D(2025, 3, 1)).status == Status.MET
    assert outreach_activities({"min_channels": 2}, one, D(2025, 3, 1)).status \
        == Status.PARTLY_MET
    assert outreach_activities({"targeted": True}, one, D(2025, 3, 1)).status \
        == Status.PARTLY_MET
    two = facts(outreach=(*one.outreach,
                          OutreachFact(2, D(2025, 2, 5), "targeted", "event", "原住民族團體")))
    outcome = outreach_activities({"min_channels": 2, "targeted": True}, two, D(2025, 3, 1))
    assert outcome.status == Status.MET
    assert outreach_activities({"min_count": 1}, facts(), D(2025, 3, 1)).status \
        == Status.NOT_YET_DUE
    assert outreach_activities({"min_count": 1}, facts(), IMPL[1]).status == Status.NOT_MET
