"""Once minutes are approved, everything they record is frozen: the meeting's details,
agenda, attendance, papers, decisions and action items (not their progress), and the
names of the people in them. Edits are refused from every path with a message saying how
to correct; a correction opens them again until it is approved. The audit chain covers
all of it, the papers' stored bytes, and (through the head file kept outside the
database) entries removed from its end."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from secretariat.errors import SecretariatError
from secretariat.model import (
    ActionStatus,
    AttendanceStatus,
    AuditEntry,
    Meeting,
    MeetingStatus,
    Minutes,
)
from secretariat.services import audit, documents
from secretariat.services import meetings as meeting_service
from secretariat.services.documents import stored_path
from secretariat.services.meetings import actions, decisions
from secretariat.services.meetings import minutes as minutes_service
from secretariat.services.members.people import update_person
from tests.core.factories import make_recorded_meeting

CORRECT = "Minutes → Correct"


@pytest.fixture
def recorded(store, session, tmp_path):
    return make_recorded_meeting(session, store.documents_dir, tmp_path)


def _verify(store, session) -> audit.AuditReport:
    session.commit()
    session.expire_all()
    return audit.verify_chain(session, documents_dir=store.documents_dir,
                              head_path=store.audit_head_path)


def _refused(session, change) -> str:
    with pytest.raises(SecretariatError, match=CORRECT) as refusal:
        change()
        session.flush()
    session.rollback()
    session.expire_all()
    return str(refusal.value)


def test_approval_marks_the_meeting_held_and_chains_a_valid_record(store, session,
                                                                     recorded):
    assert session.get(Meeting, recorded["meeting"].id).status == MeetingStatus.HELD
    content = audit.record_content(session, audit.MINUTES, recorded["minutes"].id)
    record = content["record"]
    assert content["content_version"] == 2 and content["superseded_by"] is None
    assert record["meeting"]["title"] == recorded["meeting"].title
    assert [row[2] for row in record["agenda"]] == ["開會", "討論行動方案"]
    assert {row[2] for row in record["attendance"]} >= {"旁聽者"}
    names = {row[1][1] for row in record["attendance"] if row[1][0] is not None}
    assert names == {p.name for p in recorded["people"]}
    [[_, number, people]] = record["decisions"]
    assert number == recorded["decision"].number
    assert {p[1] for p in people["votes"]} == {recorded["people"][1].name,
                                               recorded["people"][2].name}
    [[_item, document_id, sha, is_public, file_name, *_rest]] = record["papers"]
    assert (document_id, sha, is_public, file_name) == (
        recorded["paper"].id, recorded["paper"].sha256, False, "paper.txt")
    report = _verify(store, session)
    assert report.ok and not report.notes


def test_every_edit_of_what_approved_minutes_record_is_refused(store, session, recorded):
    meeting_id = recorded["meeting"].id
    item, people, paper = recorded["item"], recorded["people"], recorded["paper"]
    first_item = recorded["meeting"].agenda_items[0].id
    attempts = {
        "attendance": lambda: meeting_service.set_attendance(
            session, meeting_id, person_id=people[1].id, status=AttendanceStatus.APOLOGIES),
        "guest": lambda: meeting_service.set_attendance(
            session, meeting_id, guest_name="新來賓", status=AttendanceStatus.PRESENT),
        "absent": lambda: meeting_service.remove_attendance(session, recorded["guest"].id),
        "title": lambda: meeting_service.update_meeting(session, meeting_id, title="改名"),
        "start": lambda: meeting_service.update_meeting(
            session, meeting_id, starts_at=recorded["meeting"].starts_at
            - dt.timedelta(hours=1)),
        "move": lambda: meeting_service.move_agenda_item(session, item.id, 1),
        "add item": lambda: meeting_service.add_agenda_item(session, meeting_id, title="臨時"),
        "edit item": lambda: meeting_service.update_agenda_item(session, first_item,
                                                                presenter="某人"),
        "add action": lambda: actions.add_action(session, meeting_id=meeting_id,
                                                 description="新工作"),
        "edit action": lambda: actions.update_action(session, recorded["action"].id,
                                                     description="改寫"),
        "drop action": lambda: actions.remove_action(session, recorded["action"].id),
        "decision": lambda: decisions.record_decision(session, meeting_id=meeting_id,
                                                      text="補登決議"),
        "attach": lambda: documents.attach_document(session, first_item, paper.id),
        "detach": lambda: documents.detach_document(session, item.id, paper.id),
        "public flag": lambda: setattr(session.get(type(paper), paper.id), "is_public", True),
        "rename voter": lambda: update_person(session, people[2].id, name="改名者"),
    }
    messages = {name: _refused(session, change) for name, change in attempts.items()}
    assert "approved, so what they record cannot change: attendance" in messages["guest"]
    assert "the agenda" in messages["move"] and "the papers" in messages["attach"]
    assert "named in the approved minutes of meeting" in messages["rename voter"]
    report = _verify(store, session)
    assert report.ok, report.first_problem and report.first_problem.message


def test_follow_up_work_and_the_secretariats_notes_stay_editable(store, session, recorded):
    done = actions.update_action(session, recorded["action"].id, status=ActionStatus.DONE,
                                 completed_on=dt.date(2026, 6, 1))
    assert done.completed_on == dt.date(2026, 6, 1)
    meeting_service.update_meeting(session, recorded["meeting"].id, internal_notes="已歸檔")
    # The approving meeting is not frozen by the minutes it approved.
    meeting_service.set_attendance(session, recorded["approving"].id,
                                   guest_name="記者", status=AttendanceStatus.PRESENT)
    assert _verify(store, session).ok


def test_a_correction_opens_the_record_and_its_approval_chains_the_new_state(
        store, session, recorded):
    meeting_id, guest = recorded["meeting"].id, recorded["guest"]
    corrected = minutes_service.correct_minutes(session, recorded["minutes"].id,
                                                reason="出席紀錄誤植")
    meeting_service.set_attendance(session, meeting_id, guest_name="旁聽者",
                                   status=AttendanceStatus.REMOTE,
                                   capacity=guest.capacity)
    meeting_service.update_meeting(session, meeting_id, title="第一次會議（更正）")
    assert _verify(store, session).ok  # the superseded version keeps what it approved
    minutes_service.circulate_minutes(
        session, corrected.id, circulated_to="全體委員",
        circulated_at=recorded["meeting"].ends_at + dt.timedelta(days=5))
    later = decisions.record_decision(session, meeting_id=recorded["approving"].id,
                                      text="確認更正後會議紀錄")
    minutes_service.approve_minutes(session, corrected.id, decision_id=later.id)
    session.commit()
    record = audit.record_content(session, audit.MINUTES, corrected.id)["record"]
    assert record["meeting"]["title"] == "第一次會議（更正）"
    assert audit.record_content(session, audit.MINUTES, recorded["minutes"].id)[
        "superseded_by"] == corrected.id
    _refused(session, lambda: meeting_service.update_meeting(session, meeting_id,
                                                             title="再改"))
    assert _verify(store, session).ok
    session.execute(text("UPDATE meeting SET title = 'x' WHERE id = :id"), {"id": meeting_id})
    problem = _verify(store, session).first_problem
    assert (problem.record_type, problem.record_id) == ("minutes", corrected.id)


@pytest.mark.parametrize("statement", [
    "UPDATE attendance SET status = 'apologies' WHERE meeting_id = :meeting AND "
    "guest_name = ''",
    "DELETE FROM attendance WHERE meeting_id = :meeting AND guest_name <> ''",
    "UPDATE agenda_item SET position = -position WHERE meeting_id = :meeting; "
         "UPDATE agenda_item SET position = 3 + position WHERE meeting_id = :meeting",
    "UPDATE agenda_item SET title = '改' WHERE meeting_id = :meeting",
    "UPDATE meeting SET starts_at = starts_at WHERE id = :meeting; "
    "UPDATE meeting SET location = '他處' WHERE id = :meeting",
    "UPDATE meeting SET time_zone = 'UTC' WHERE id = :meeting",
    "UPDATE person SET name = '改名' WHERE id IN (SELECT person_id FROM vote)",
    "UPDATE document SET is_public = TRUE",
    "UPDATE document SET sha256 = 'ab' || substr(sha256, 3)",
    "DELETE FROM agenda_item_document",
    "INSERT INTO attendance (meeting_id, guest_name, capacity, status, version) "
    "VALUES (:meeting, '闖入者', 'observer', 'present', 1)",
])
def test_direct_edits_of_the_record_are_named(store, session, recorded, statement):
    for part in statement.split("; "):
        session.execute(text(part), {"meeting": recorded["meeting"].id}
                        if ":meeting" in part else {})
    report = _verify(store, session)
    assert not report.ok
    problem = report.first_problem
    assert (problem.record_type, problem.record_id) == ("minutes", recorded["minutes"].id)
    assert f"meeting {recorded['meeting'].id}" in problem.message
    assert "changed outside the program" in problem.message


def test_a_papers_changed_or_missing_file_is_named(store, session, recorded):
    path = stored_path(store.documents_dir, recorded["paper"].sha256)
    path.chmod(0o644)
    path.write_bytes(b"forged")
    problem = _verify(store, session).first_problem
    assert "行動方案草案" in problem.message and "bytes no longer match" in problem.message
    path.unlink()
    problem = _verify(store, session).first_problem
    assert "is missing from the documents folder" in problem.message


def _entries(session) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_the_last_entry_deleted_with_its_record_is_named_through_the_head(
        store, session, recorded):
    # Opening a correction logs the approved version; deleting that entry together with
    # the correction's draft leaves a chain consistent in itself.
    draft = minutes_service.correct_minutes(session, recorded["minutes"].id, reason="補正")
    session.commit()
    entries = _entries(session)
    assert audit.read_head(store.audit_head_path) == audit.Head(len(entries),
                                                                entries[-1].entry_hash)
    assert entries[-1].action == "correct"
    session.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": entries[-1].id})
    session.execute(text("DELETE FROM minutes_entry WHERE minutes_id = :id"), {"id": draft.id})
    session.execute(text("DELETE FROM minutes WHERE id = :id"), {"id": draft.id})
    assert audit.verify_chain(session).ok  # without the head, nothing shows
    problem = _verify(store, session).first_problem
    assert problem.message.startswith(
        f"1 audit entries were removed after entry {entries[-2].id}")


def test_a_deleted_last_decision_and_its_entry_are_named(store, session, recorded):
    last = _entries(session)[-1]
    assert (last.record_type, last.record_id) == ("decision", recorded["decision"].id)
    session.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": last.id})
    for table in ("vote", "recusal", "dissent"):
        session.execute(text(f"DELETE FROM {table} WHERE decision_id = :id"),  # noqa: S608
                        {"id": last.record_id})
    session.execute(text("UPDATE action_item SET decision_id = NULL"))
    session.execute(text("DELETE FROM decision WHERE id = :id"), {"id": last.record_id})
    # The minutes record which decisions their meeting took.
    assert _verify(store, session).first_problem.record_id == recorded["minutes"].id


def test_a_replaced_chain_end_is_named_and_a_missing_head_is_only_a_note(
        store, session, recorded):
    entries = _entries(session)
    audit.write_head(store.audit_head_path, audit.Head(len(entries), "f" * 64), force=True)
    problem = _verify(store, session).first_problem
    assert problem.entry_id == entries[-1].id and "was replaced" in problem.message
    store.audit_head_path.unlink()
    report = _verify(store, session)
    assert report.ok and "no head file" in report.notes[0].message
    # The next append writes it again.
    minutes_service.correct_minutes(session, recorded["minutes"].id, reason="補正")
    session.commit()
    count = session.scalar(select(text("count(*)")).select_from(AuditEntry))
    assert audit.read_head(store.audit_head_path).count == count


def test_the_head_is_written_only_after_a_commit_and_never_moves_back(store, session,
                                                                        recorded):
    path = store.audit_head_path
    before = audit.read_head(path)
    minutes_service.correct_minutes(session, recorded["minutes"].id, reason="補正")
    assert audit.read_head(path) == before  # not committed yet
    session.rollback()
    assert audit.read_head(path) == before
    assert not audit.write_head(path, audit.Head(before.count - 1, "0" * 64))
    assert audit.read_head(path) == before


def test_entries_hashed_before_the_record_was_covered_still_verify(store, session, recorded):
    """Chains written by the previous program hashed minutes without their record."""
    prev = audit.GENESIS_HASH
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        if e.record_type == audit.MINUTES:
            old = audit.load_minutes_v1(session, [e.record_id])[e.record_id]
            e.content_hash = audit.content_hash(old)
        e.prev_hash = prev
        e.entry_hash = prev = audit.entry_hash(prev, e.action, e.record_type, e.record_id,
                                               e.content_hash, e.recorded_at)
    session.flush()
    audit.write_head(store.audit_head_path, audit.Head(
        session.scalar(select(text("count(*)")).select_from(AuditEntry)), prev), force=True)
    assert _verify(store, session).ok
    session.execute(text("UPDATE minutes SET general_text = '改' WHERE id = :id"),
                    {"id": recorded["minutes"].id})
    assert _verify(store, session).first_problem.record_id == recorded["minutes"].id


def test_minutes_of_a_later_meeting_can_still_be_approved(store, session, recorded):
    """The approving meeting's own minutes, approved in turn at a third meeting."""
    from tests.core.factories import make_approved_minutes, make_meeting

    third = make_meeting(session, attendees=recorded["people"])
    approving = session.get(Meeting, recorded["approving"].id)
    minutes, _ = make_approved_minutes(session, approving, third)
    assert session.get(Minutes, minutes.id).status.value == "locked"
    assert _verify(store, session).ok


def test_approval_in_a_fresh_session_marks_the_meeting_held(store, session):
    """The meeting is not loaded yet when the minutes are locked (as on the command line)."""
    from tests.core.factories import make_meeting, make_members

    people = make_members(session, 2)
    first, second = make_meeting(session, attendees=people), make_meeting(session)
    draft = minutes_service.start_minutes(session, first.id)
    minutes_service.circulate_minutes(session, draft.id, circulated_to="全體委員",
                                      circulated_at=first.ends_at + dt.timedelta(days=1))
    approval = decisions.record_decision(session, meeting_id=second.id, text="確認紀錄")
    session.commit()
    with store.session() as fresh:
        minutes_service.approve_minutes(fresh, draft.id, decision_id=approval.id)
        fresh.commit()
        assert fresh.get(Meeting, first.id).status == MeetingStatus.HELD
    assert _verify(store, session).ok


def test_a_session_closed_without_commit_leaves_the_head_alone(store, session, recorded):
    path = store.audit_head_path
    before = audit.read_head(path)
    with store.session() as other:
        minutes_service.correct_minutes(other, recorded["minutes"].id, reason="補正")
        other.close()
        other.commit()  # a new, empty transaction: nothing was appended in it
    assert audit.read_head(path) == before
    assert _verify(store, session).ok


def test_an_edit_racing_an_approval_on_another_workstation_is_refused(store, session):
    """PostgreSQL: the edit waits for the approval's commit, then sees the minutes
    approved (SQLite lets only one writer in at a time anyway)."""
    import threading

    from tests.core.factories import make_meeting, make_members

    if store.is_sqlite:
        pytest.skip("SQLite serialises writers")
    people = make_members(session, 2)
    first, second = make_meeting(session, attendees=people), make_meeting(session)
    draft = minutes_service.start_minutes(session, first.id)
    minutes_service.circulate_minutes(session, draft.id, circulated_to="全體委員",
                                      circulated_at=first.ends_at + dt.timedelta(days=1))
    approval = decisions.record_decision(session, meeting_id=second.id, text="確認紀錄")
    session.commit()
    outcome = {}

    def other_workstation():
        # As the application's worker and the command line run an edit: a lost race
        # (the meeting changed while the edit waited for its lock) is retried afresh.
        try:
            store.run_transaction(lambda other: meeting_service.set_attendance(
                other, first.id, guest_name="遲到者", status=AttendanceStatus.PRESENT))
            outcome["result"] = "saved"
        except SecretariatError as error:
            outcome["result"] = str(error)

    with store.session() as approving:
        minutes_service.approve_minutes(approving, draft.id, decision_id=approval.id)
        editor = threading.Thread(target=other_workstation)
        editor.start()
        editor.join(timeout=1.0)
        assert editor.is_alive()  # waiting for the approval
        approving.commit()
    editor.join(timeout=30)
    assert CORRECT in outcome["result"]
    assert _verify(store, session).ok
