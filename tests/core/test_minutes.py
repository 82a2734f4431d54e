"""Minutes: draft -> circulated -> approved by a later meeting -> locked; corrections are
new versions, earlier versions stay readable and comparable."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from secretariat.errors import ConflictError, SecretariatError
from secretariat.model import AuditEntry, Minutes, MinutesEntry, MinutesStatus
from secretariat.services.meetings import minutes as svc
from secretariat.services.audit import verify_chain
from secretariat.services.meetings.decisions import record_decision
from secretariat.services.textdiff import DELETE, EQUAL, INSERT
from tests.core.factories import make_approved_minutes, make_meeting, make_members


@pytest.fixture
def meetings(session):
    members = make_members(session, 3)
    first = make_meeting(session, items=["開幕", "行動方案草案"], attendees=members)
    second = make_meeting(session, items=["確認上次會議紀錄"], attendees=members)
    return first, second


def _circulated(s, meeting):
    draft = svc.start_minutes(s, meeting.id)
    svc.circulate_minutes(s, draft.id, circulated_at=meeting.ends_at + dt.timedelta(days=2),
                          circulated_to="全體委員")
    return draft


def test_new_minutes_are_a_draft_with_one_entry_per_agenda_item(session, meetings):
    first, _ = meetings
    draft = svc.start_minutes(session, first.id)
    assert draft.version_no == 1 and draft.status == MinutesStatus.DRAFT
    assert [e.title for e in svc.minutes_entries(session, draft.id)] == ["開幕", "行動方案草案"]
    with pytest.raises(SecretariatError, match="already has minutes"):
        svc.start_minutes(session, first.id)


def test_lifecycle_draft_circulated_approved_and_locked(session, meetings):
    first, second = meetings
    draft = svc.start_minutes(session, first.id)
    item = first.agenda_items[1]
    svc.set_minutes_text(session, draft.id, agenda_item_id=item.id, text="委員同意草案。")
    svc.set_minutes_text(session, draft.id, text="會議於下午兩點開始。")
    sent = first.ends_at + dt.timedelta(days=2)
    svc.circulate_minutes(session, draft.id, circulated_at=sent, circulated_to="全體委員")
    assert draft.status == MinutesStatus.CIRCULATED and draft.circulated_to == "全體委員"

    approval = record_decision(session, meeting_id=second.id, text="確認第一次會議紀錄。")
    approved = svc.approve_minutes(session, draft.id, decision_id=approval.id)
    session.commit()

    assert approved.status == MinutesStatus.LOCKED
    assert approved.approved_by_decision_id == approval.id
    assert approved.approved_at == approval.decided_at and approved.locked_at is not None
    row = svc.minutes_versions(session, first.id)[0]
    assert (row.status, row.approved_by_decision_number) == (MinutesStatus.LOCKED,
                                                             approval.number)
    entries = session.scalars(select(AuditEntry).where(AuditEntry.record_type == "minutes"))
    assert [(e.record_id, e.action) for e in entries] == [(draft.id, "approve")]
    assert verify_chain(session).ok


def test_minutes_must_be_circulated_before_approval(session, meetings):
    first, second = meetings
    draft = svc.start_minutes(session, first.id)
    approval = record_decision(session, meeting_id=second.id, text="確認會議紀錄。")
    with pytest.raises(SecretariatError, match="circulated before"):
        svc.approve_minutes(session, draft.id, decision_id=approval.id)
    assert draft.status == MinutesStatus.DRAFT


@pytest.mark.parametrize("approver", ["same", "earlier"])
def test_approval_by_the_same_or_an_earlier_meeting_is_refused(session, meetings, approver):
    first, second = meetings
    draft = _circulated(session, second)
    by = second if approver == "same" else first
    decision = record_decision(session, meeting_id=by.id, text="確認會議紀錄。")
    with pytest.raises(SecretariatError, match="later meeting"):
        svc.approve_minutes(session, draft.id, decision_id=decision.id)
    assert draft.status == MinutesStatus.CIRCULATED and draft.approved_at is None
    assert session.scalar(select(AuditEntry.id)) is None


def test_approval_at_a_meeting_held_before_circulation_is_refused(session, meetings):
    first, second = meetings
    third = make_meeting(session, items=["確認會議紀錄"])
    draft = svc.start_minutes(session, first.id)
    # Circulated only after the second meeting had started: that meeting cannot approve.
    svc.circulate_minutes(session, draft.id, circulated_at=second.starts_at
                          + dt.timedelta(hours=1), circulated_to="全體委員")
    early = record_decision(session, meeting_id=second.id, text="確認第一次會議紀錄。")
    with pytest.raises(SecretariatError, match="circulated before the meeting that approves"):
        svc.approve_minutes(session, draft.id, decision_id=early.id)
    assert draft.status == MinutesStatus.CIRCULATED and draft.approved_by_decision_id is None
    assert session.scalar(select(AuditEntry.id)) is None

    later = record_decision(session, meeting_id=third.id, text="確認第一次會議紀錄。")
    assert svc.approve_minutes(session, draft.id, decision_id=later.id).status == \
        MinutesStatus.LOCKED


def test_approved_minutes_cannot_be_edited_through_the_services(session, meetings):
    first, second = meetings
    approved, _ = make_approved_minutes(session, first, second, {"開幕": "原文"})
    with pytest.raises(SecretariatError, match="Only draft minutes can be edited"):
        svc.set_minutes_text(session, approved.id, agenda_item_id=first.agenda_items[0].id,
                             text="改寫")
    with pytest.raises(SecretariatError, match="Only draft minutes can be circulated"):
        svc.circulate_minutes(session, approved.id, circulated_at=second.ends_at,
                              circulated_to="x")
    with pytest.raises(SecretariatError, match="already approved"):
        svc.approve_minutes(session, approved.id, decision_id=approved.approved_by_decision_id)
    assert approved.entries[0].text == "原文"


def test_orm_guard_refuses_editing_approved_minutes_in_place(session, meetings):
    first, second = meetings
    approved, _ = make_approved_minutes(session, first, second, {"開幕": "原文"})
    session.commit()
    attempts = [
        lambda m: setattr(m, "general_text", "偷改"),
        lambda m: setattr(m.entries[0], "text", "偷改"),
        lambda m: setattr(m, "status", MinutesStatus.DRAFT),
        lambda m: m.entries.append(MinutesEntry(agenda_item_id=first.agenda_items[1].id,
                                                position=9, text="多一段")),
        session.delete,
    ]
    for attempt in attempts:
        attempt(approved)
        with pytest.raises(SecretariatError, match="cannot be changed"):
            session.flush()
        session.rollback()
        approved = session.get(Minutes, approved.id)
    session.expire_all()
    assert session.get(Minutes, approved.id).entries[0].text == "原文"
    assert verify_chain(session).ok


def test_correction_is_a_new_version_and_the_approved_one_stays(session, meetings):
    first, second = meetings
    approved, _ = make_approved_minutes(session, first, second,
                                        {"行動方案草案": "出席委員三人同意。"})
    with pytest.raises(SecretariatError, match="reason"):
        svc.correct_minutes(session, approved.id, reason="  ")
    corrected = svc.correct_minutes(session, approved.id, reason="出席人數誤植")
    item_id = first.agenda_items[1].id
    svc.set_minutes_text(session, corrected.id, agenda_item_id=item_id,
                         text="出席委員四人同意。")
    session.commit()
    session.expire_all()

    versions = svc.minutes_versions(session, first.id)
    assert [(v.version_no, v.status) for v in versions] == [
        (1, MinutesStatus.LOCKED), (2, MinutesStatus.DRAFT)]
    assert versions[1].supersedes_id == approved.id
    assert versions[1].correction_reason == "出席人數誤植"
    old_texts = {e.agenda_item_id: e.text for e in svc.minutes_entries(session, approved.id)}
    assert old_texts[item_id] == "出席委員三人同意。"
    assert svc.latest_minutes(session, first.id).id == corrected.id
    with pytest.raises(SecretariatError, match="newer version"):
        svc.correct_minutes(session, approved.id, reason="again")
    with pytest.raises(SecretariatError, match="edit the draft"):
        svc.correct_minutes(session, corrected.id, reason="draft")
    assert verify_chain(session).ok


def test_diff_between_versions_shows_the_change_per_agenda_item(session, meetings):
    first, second = meetings
    approved, _ = make_approved_minutes(session, first, second, {
        "開幕": "主席致詞。", "行動方案草案": "出席委員三人同意。\n下次再議。"})
    corrected = svc.correct_minutes(session, approved.id, reason="人數誤植")
    svc.set_minutes_text(session, corrected.id, agenda_item_id=first.agenda_items[1].id,
                         text="出席委員四人同意。\n下次再議。")

    diff = svc.minutes_diff(session, approved.id, corrected.id)
    assert diff.changed and (diff.old_version, diff.new_version) == (1, 2)
    by_title = {item.title: item for item in diff.items}
    assert not by_title["開幕"].changed and not by_title["Other matters"].changed
    # As in the minutes PDF: the items in agenda order, then the other matters.
    assert [item.title for item in diff.items] == ["開幕", "行動方案草案", "Other matters"]
    assert diff.items[-1].agenda_item_id is None
    changed = by_title["行動方案草案"]
    assert changed.changed
    assert "".join(t for op, t in changed.segments if op != INSERT) == "出席委員三人同意。\n下次再議。"
    assert "".join(t for op, t in changed.segments if op != DELETE) == "出席委員四人同意。\n下次再議。"
    assert changed.segments == [(EQUAL, "出席委員"), (DELETE, "三"), (INSERT, "四"),
                                (EQUAL, "人同意。\n下次再議。")]
    assert "-出席委員三人同意。" in diff.unified and "+出席委員四人同意。" in diff.unified


def test_editing_from_a_stale_form_is_a_conflict(session, meetings):
    first, _ = meetings
    draft = svc.start_minutes(session, first.id)
    opened = draft.version
    svc.set_minutes_text(session, draft.id, text="第一次編輯", expected_version=opened)
    with pytest.raises(ConflictError):
        svc.set_minutes_text(session, draft.id, text="過時的編輯", expected_version=opened)
    assert draft.general_text == "第一次編輯"


def test_bad_circulation_and_foreign_agenda_items_are_refused(session, meetings):
    first, second = meetings
    draft = svc.start_minutes(session, first.id)
    with pytest.raises(SecretariatError, match="before the meeting"):
        svc.circulate_minutes(session, draft.id, circulated_at=first.starts_at
                              - dt.timedelta(days=1), circulated_to="全體委員")
    with pytest.raises(SecretariatError, match="to whom"):
        svc.circulate_minutes(session, draft.id, circulated_at=first.ends_at,
                              circulated_to=" ")
    with pytest.raises(SecretariatError, match="not on this meeting's agenda"):
        svc.set_minutes_text(session, draft.id, agenda_item_id=second.agenda_items[0].id,
                             text="x")
    assert draft.status == MinutesStatus.DRAFT
