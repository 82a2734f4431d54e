"""The hash-chained audit log: approved minutes and their decisions enter it, and
``verify_chain`` names the first record changed or entry removed behind the program's
back."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select, text

from secretariat.errors import SecretariatError
from secretariat.model import AuditEntry, DecisionMethod, MinutesEntry
from secretariat.services import audit
from secretariat.services.meetings.decisions import record_decision
from tests.core.factories import make_approved_minutes, make_meeting, make_members


@pytest.fixture
def chain(session):
    """Meeting 1 (two decisions, one voted with a recusal and a dissent) approved at
    meeting 2: entries are minutes, decision 1, decision 2."""
    people = make_members(session, 4)
    first = make_meeting(session, attendees=people)
    second = make_meeting(session, attendees=people)
    agreed = record_decision(session, meeting_id=first.id, text="通過議程")
    voted = record_decision(session, meeting_id=first.id, text="通過行動方案草案",
                            method=DecisionMethod.VOTE, votes_for=2, votes_against=1,
                            recused_person_ids=[people[0].id], recusal_reasons={
                                people[0].id: "利益衝突"}, dissents=[(people[1].id, "反對")])
    minutes, _ = make_approved_minutes(session, first, second, {"Opening": "主席致詞"})
    session.commit()
    return {"minutes": minutes, "agreed": agreed, "voted": voted, "second": second}


def _entries(session) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def _verify(session) -> audit.AuditReport:
    session.commit()
    session.expire_all()
    return audit.verify_chain(session)


def test_approval_enters_minutes_and_their_decisions_in_a_valid_chain(session, chain):
    entries = _entries(session)
    assert [(e.record_type, e.record_id) for e in entries] == [
        ("minutes", chain["minutes"].id), ("decision", chain["agreed"].id),
        ("decision", chain["voted"].id)]
    assert entries[0].prev_hash == "0" * 64
    assert all(later.prev_hash == earlier.entry_hash
               for earlier, later in zip(entries, entries[1:]))
    content = audit.record_content(session, "decision", chain["voted"].id)
    assert entries[2].content_hash == hashlib.sha256(
        audit.canonical_json(content).encode()).hexdigest()
    assert content["recusals"] and content["dissents"] and content["votes_for"] == 2
    report = _verify(session)
    assert report.ok and report.entries_checked == 3 and report.first_problem is None


def test_a_decision_changed_by_direct_sql_is_named(session, chain):
    voted = chain["voted"]
    session.execute(text("UPDATE decision SET text='x' WHERE id=:id"), {"id": voted.id})
    report = _verify(session)
    assert not report.ok
    problem = report.first_problem
    assert (problem.record_type, problem.record_id) == ("decision", voted.id)
    assert voted.number in problem.message and "changed outside" in problem.message


def test_a_changed_recusal_or_minutes_entry_is_detected(session, chain):
    session.execute(text("UPDATE recusal SET reason='' WHERE decision_id=:id"),
                    {"id": chain["voted"].id})
    assert _verify(session).first_problem.record_id == chain["voted"].id
    session.execute(text("UPDATE minutes_entry SET text='改寫' WHERE minutes_id=:id"),
                    {"id": chain["minutes"].id})
    problem = _verify(session).first_problem
    assert (problem.record_type, problem.record_id) == ("minutes", chain["minutes"].id)


def test_a_deleted_entry_is_detected(session, chain):
    middle = _entries(session)[1]
    session.execute(text("DELETE FROM audit_entry WHERE id=:id"), {"id": middle.id})
    report = _verify(session)
    assert not report.ok and report.entries_checked == 2
    assert report.first_problem.entry_id == _entries(session)[1].id
    assert "does not follow" in report.first_problem.message


def test_a_deleted_last_entry_is_detected(session, chain):
    last = _entries(session)[-1]
    session.execute(text("DELETE FROM audit_entry WHERE id=:id"), {"id": last.id})
    problem = _verify(session).first_problem
    assert (problem.record_type, problem.record_id) == ("decision", chain["voted"].id)
    assert "missing from the audit log" in problem.message


def test_an_altered_entry_is_detected(session, chain):
    first = _entries(session)[0]
    session.execute(text("UPDATE audit_entry SET action='edit' WHERE id=:id"),
                    {"id": first.id})
    problem = _verify(session).first_problem
    assert problem.entry_id == first.id and "was altered" in problem.message


def test_a_deleted_record_is_detected(session, chain):
    minutes_id = chain["minutes"].id
    session.execute(text("DELETE FROM minutes_entry WHERE minutes_id=:id"), {"id": minutes_id})
    session.execute(text("DELETE FROM minutes WHERE id=:id"), {"id": minutes_id})
    problem = _verify(session).first_problem
    assert (problem.record_type, problem.record_id) == ("minutes", minutes_id)
    assert "no longer exists" in problem.message


def test_chained_decisions_cannot_be_changed_through_the_orm(session, chain):
    voted = chain["voted"]
    voted.text = "偷改"
    with pytest.raises(SecretariatError, match="cannot be changed"):
        session.flush()
    session.rollback()
    voted.recusals[0].reason = "偷改"
    with pytest.raises(SecretariatError, match="cannot be changed"):
        session.flush()
    session.rollback()
    assert _verify(session).ok


def test_a_decision_recorded_during_a_correction_enters_the_chain_at_once(session, chain):
    from secretariat.services.meetings import minutes as minutes_service

    minutes = session.get(type(chain["minutes"]), chain["minutes"].id)
    # Approved minutes record which decisions were taken: a late one needs a correction.
    with pytest.raises(SecretariatError, match="Minutes → Correct"):
        record_decision(session, meeting_id=minutes.meeting_id, text="補登")
    session.rollback()
    minutes_service.correct_minutes(session, minutes.id, reason="漏列決議")
    late = record_decision(session, meeting_id=minutes.meeting_id, text="補登")
    assert _entries(session)[-1].record_id == late.id
    assert _verify(session).ok


def test_a_correction_is_logged_and_the_chain_stays_valid(session, chain):
    from secretariat.services.meetings import minutes as minutes_service

    corrected = minutes_service.correct_minutes(session, chain["minutes"].id, reason="誤植")
    minutes_service.set_minutes_text(session, corrected.id, text="更正")
    assert _entries(session)[-1].action == "correct"
    assert session.scalar(select(MinutesEntry.text).where(
        MinutesEntry.minutes_id == chain["minutes"].id).order_by(MinutesEntry.position)
        .limit(1)) == "主席致詞"
    assert _verify(session).ok
