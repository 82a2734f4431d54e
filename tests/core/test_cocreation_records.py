"""Co-creation services: what they record, and the bad input each refuses with a message
while saving nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from secretariat.errors import SecretariatError
from secretariat.model import (
    Attestation,
    Consultation,
    Contribution,
    ProgressUpdate,
    StakeholderQuestion,
)
from secretariat.services.cocreation import (
    attestations,
    commitments,
    consultations,
    contributions,
    cycles,
    outreach,
    proposals,
    web,
)
from secretariat.services.cocreation.contributions import ContributionValues
from tests.core.cocreation_helpers import make_cycle

D = dt.date


def count(s, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


def values(**changes) -> ContributionValues:
    base = dict(stakeholder_kind="civil_society", channel="written",
                received_on=D(2025, 3, 1), text="請公開預算資料")
    return ContributionValues(**{**base, **changes})


@pytest.fixture
def cycle(session, forum):
    return make_cycle(session)


def test_a_cycle_refuses_phases_out_of_order_and_unknown_catalogues(session, forum):
    with pytest.raises(SecretariatError, match="Implementation start"):
        cycles.create_cycle(session, name="x", development_starts_on=D(2025, 1, 1),
                            development_ends_on=D(2025, 8, 31),
                            implementation_starts_on=D(2025, 8, 1),
                            implementation_ends_on=D(2027, 8, 31))
    with pytest.raises(SecretariatError, match="not a standards catalogue"):
        cycles.create_cycle(session, name="x", catalogue="2017",
                            development_starts_on=D(2025, 1, 1),
                            development_ends_on=D(2025, 8, 31),
                            implementation_starts_on=D(2025, 9, 1),
                            implementation_ends_on=D(2027, 8, 31))
    assert cycles.list_cycles(session) == []


def test_a_consultation_closing_before_it_opens_is_refused(session, cycle):
    with pytest.raises(SecretariatError, match="closes on .* before it opens"):
        consultations.open_consultation(
            session, cycle.id, subject="draft_commitments", title="草案",
            opens_on=D(2025, 5, 14), closes_on=D(2025, 5, 13), channels=["written"])
    with pytest.raises(SecretariatError, match="not a valid choice for Channel"):
        consultations.open_consultation(
            session, cycle.id, subject="draft_commitments", title="草案",
            opens_on=D(2025, 5, 1), closes_on=D(2025, 5, 14), channels=["fax"])
    assert count(session, Consultation) == 0


def test_a_window_counts_both_its_first_and_last_day(session, cycle):
    window = consultations.open_consultation(
        session, cycle.id, subject="draft_commitments", title="草案",
        opens_on=D(2025, 6, 1), closes_on=D(2025, 6, 14),
        channels=["written", "survey", "written"])
    assert consultations.window_days(window) == 14
    assert window.channels == "written,survey"


@pytest.mark.parametrize("changes, message", [
    ({"text": "   "}, "Contribution text"),
    ({"channel": "carrier pigeon"}, "not a valid choice for Channel"),
    ({"stakeholder_kind": "alien"}, "not a valid choice for Stakeholder"),
    ({"response": "謝謝", "responded_on": D(2025, 2, 28)}, "before the contribution"),
    ({"responded_on": D(2025, 3, 5)}, "needs the response's text"),
])
def test_bad_contributions_are_refused_and_nothing_is_saved(session, cycle, changes,
                                                            message):
    with pytest.raises(SecretariatError, match=message):
        contributions.record_contribution(session, cycle.id, values(**changes))
    session.rollback()
    assert count(session, Contribution) == 0


def test_a_response_dated_before_the_contribution_is_refused(session, cycle):
    item = contributions.record_contribution(session, cycle.id, values())
    session.commit()
    with pytest.raises(SecretariatError, match="before the contribution was received"):
        contributions.respond(session, item.id, response="已納入", responded_on=D(2025, 2, 28))
    session.rollback()
    assert session.get(Contribution, item.id).responded_on is None


def test_overdue_starts_the_day_after_the_twentieth(session, cycle):
    item = contributions.record_contribution(session, cycle.id, values())
    assert contributions.response_due(item.received_on) == D(2025, 3, 21)
    assert contributions.overdue_contributions(session, D(2025, 3, 21)) == []
    assert [c.id for c in contributions.overdue_contributions(session, D(2025, 3, 22))] \
        == [item.id]
    contributions.respond(session, item.id, response="已納入第3項承諾",
                          responded_on=D(2025, 3, 25))
    assert contributions.overdue_contributions(session, D(2025, 4, 1)) == []


def test_an_attestation_without_evidence_is_refused(session, cycle):
    with pytest.raises(SecretariatError, match="needs its evidence"):
        attestations.attest(session, cycle.id, requirement_id="seed.cycle.info.b3",
                            statement="資訊已以易懂語言提供", attested_on=D(2025, 3, 1))
    with pytest.raises(SecretariatError, match="no requirement"):
        attestations.attest(session, cycle.id, requirement_id="ogp2021.1.1.a",
                            statement="x", attested_on=D(2025, 3, 1),
                            evidence_link="https://example.org")
    assert count(session, Attestation) == 0
    done = attestations.attest(session, cycle.id, requirement_id="seed.cycle.info.b3",
                               statement="資訊已以易懂語言提供", attested_on=D(2025, 3, 1),
                               evidence_link="https://ogp.example.tw/plain")
    assert done.is_met and done.evidence_link.startswith("https://")


def test_proposals_need_a_reason_and_merged_ones_their_commitment(session, cycle):
    proposal = proposals.record_proposal(session, cycle.id, title="開放採購資料",
                                         submitted_on=D(2025, 4, 1))
    with pytest.raises(SecretariatError, match="Reason"):
        proposals.decide_proposal(session, proposal.id, outcome="rejected", reason=" ",
                                  decided_on=D(2025, 5, 1))
    with pytest.raises(SecretariatError, match="merged into"):
        proposals.decide_proposal(session, proposal.id, outcome="merged", reason="重疊",
                                  decided_on=D(2025, 5, 1))
    with pytest.raises(SecretariatError, match="before Date submitted"):
        proposals.decide_proposal(session, proposal.id, outcome="rejected", reason="範圍外",
                                  decided_on=D(2025, 3, 1))
    commitment = commitments.add_commitment(session, cycle.id, title="採購透明",
                                            lead_agency="工程會")
    decided = proposals.decide_proposal(session, proposal.id, outcome="merged",
                                        reason="與採購透明重疊", decided_on=D(2025, 5, 1),
                                        commitment_id=commitment.id)
    assert decided.outcome.value == "merged" and decided.commitment_id == commitment.id


def test_a_delay_needs_its_reason(session, cycle):
    commitment = commitments.add_commitment(session, cycle.id, title="採購透明",
                                            lead_agency="工程會")
    with pytest.raises(SecretariatError, match="why the commitment is delayed"):
        commitments.record_progress(session, commitment.id, reported_on=D(2026, 3, 1),
                                    completion="limited", delayed=True)
    with pytest.raises(SecretariatError, match="not a valid choice for Completion"):
        commitments.record_progress(session, commitment.id, reported_on=D(2026, 3, 1),
                                    completion="halfway")
    assert count(session, ProgressUpdate) == 0
    update = commitments.record_progress(session, commitment.id, reported_on=D(2026, 3, 1),
                                         completion="substantial", next_steps="上線測試")
    assert update.completion.value == "substantial"


def test_questions_are_answered_on_or_after_the_day_asked(session, cycle):
    question = outreach.record_question(session, cycle.id, asked_on=D(2025, 3, 10),
                                        question="何時公布草案？", asked_by="某協會")
    with pytest.raises(SecretariatError, match="before Date asked"):
        outreach.answer_question(session, question.id, answer="4月", answered_on=D(2025, 3, 9))
    outreach.answer_question(session, question.id, answer="4月", answered_on=D(2025, 3, 10))
    assert session.get(StakeholderQuestion, question.id).answered_on == D(2025, 3, 10)
    with pytest.raises(SecretariatError, match="names its audience"):
        outreach.record_outreach(session, cycle.id, held_on=D(2025, 3, 1), kind="targeted",
                                 channel="event", description="原住民族說明會")


def test_web_page_and_publications(session, cycle):
    with pytest.raises(SecretariatError, match="http"):
        web.set_web_page(session, address="ogp.example.tw", contact_point="秘書處")
    page = web.set_web_page(session, address="https://ogp.example.tw",
                            contact_point="秘書處 ogp@example.tw")
    again = web.set_web_page(session, address="https://ogp.example.tw/",
                             contact_point="秘書處")
    assert again.id == page.id
    entry = web.record_publication(session, subject="development_update", cycle_id=cycle.id,
                                   published_on=D(2025, 2, 1), title="一月進度")
    assert entry.subject.value == "development_update"
    with pytest.raises(SecretariatError, match="not a valid choice for Subject"):
        web.record_publication(session, subject="gossip", published_on=D(2025, 2, 1),
                               title="x")


def test_contributions_list_newest_first_and_search_finds_substrings(session, cycle):
    for day, text, topic in ((D(2025, 3, 1), "請公開預算資料", "預算"),
                             (D(2025, 3, 5), "100% 開放", "Open Data"),
                             (D(2025, 3, 3), "增加說明會", "參與")):
        contributions.record_contribution(session, cycle.id, values(received_on=day,
                                                                    text=text, topic=topic))
    rows = contributions.contribution_rows(session, cycle.id)
    assert [r.received_on.day for r in rows] == [5, 3, 1]
    assert [r.text for r in contributions.contribution_rows(session, cycle.id,
                                                            search="預算")] == ["請公開預算資料"]
    assert [r.topic for r in contributions.contribution_rows(session, cycle.id,
                                                             search="open data")] \
        == ["Open Data"]
    # A percent sign is a character searched for, not a wildcard.
    assert [r.text for r in contributions.contribution_rows(session, cycle.id,
                                                            search="0%")] == ["100% 開放"]
    assert contributions.contribution_count(session, cycle.id) == 3
