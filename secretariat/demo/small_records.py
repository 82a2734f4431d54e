"""What the small demo's meetings produced: minutes, decisions and action items.

Kept apart from ``small`` so each later capability can add its own meeting records here
(``add_meeting_records`` is the one place to extend). Everything goes through the
services, in the order a secretariat works: a meeting takes its decisions (the first
confirms the minutes of earlier meetings, which approves and locks them), then its own
minutes are drafted and circulated a week later, and actions are followed up.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from secretariat.demo import texts
from secretariat.demo.schedule import ZONE
from secretariat.demo.steps import Steps
from secretariat.model import (
    ActionStatus,
    DecisionMethod,
    ItemPurpose,
    Meeting,
    MeetingKind,
    Membership,
    Minutes,
    Role,
    Side,
)
from secretariat.services.meetings import actions
from secretariat.services.meetings import decisions
from secretariat.services.meetings import minutes

DECIDING_KINDS = (MeetingKind.FORUM, MeetingKind.WORKING_GROUP, MeetingKind.MINISTERIAL)
CIRCULATE_AFTER = dt.timedelta(days=7)


@dataclass
class MeetingContext:
    s: Session
    rng: random.Random
    now: dt.datetime
    held: list[Meeting]  # in time order
    terms: list[Membership]
    pending_minutes: list[Minutes] = field(default_factory=list)  # circulated, not approved
    vote_recorded: bool = False
    private_recorded: bool = False


def add_meeting_records(ctx: MeetingContext, steps: Steps) -> None:
    """Decisions, minutes and action items of every held meeting, oldest first."""
    for number, meeting in enumerate(ctx.held, start=1):
        taken = _decide(ctx, meeting) if meeting.kind in DECIDING_KINDS else []
        _follow_up(ctx, meeting, taken)
        _write_minutes(ctx, meeting, last=number == len(ctx.held))
        steps.report(number / len(ctx.held))
    _correct_first_approved_minutes(ctx)


def _decide(ctx: MeetingContext, meeting: Meeting) -> list:
    """Decisions on the meeting's decision items; the first confirms earlier minutes.
    Returns the decisions that call for action (not the confirmation)."""
    taken = []
    for item in meeting.agenda_items:
        if item.purpose != ItemPurpose.DECISION:
            continue
        if item.position == 1:  # 確認上次會議紀錄
            if meeting.kind == MeetingKind.FORUM and ctx.pending_minutes:
                _confirm_minutes(ctx, meeting, item.id)
            continue
        if ctx.rng.random() < 0.25:
            continue  # discussed but deferred
        taken.append(_ordinary_decision(ctx, meeting, item.id))
    return taken


def _confirm_minutes(ctx: MeetingContext, meeting: Meeting, item_id: int):
    """Approve the minutes circulated before this meeting; minutes circulated later (a
    meeting held a few days earlier) wait for the next forum meeting."""
    ready = [m for m in ctx.pending_minutes if m.circulated_at <= meeting.starts_at]
    if not ready:
        return None
    decision = decisions.record_decision(
        ctx.s, meeting_id=meeting.id, agenda_item_id=item_id,
        text=texts.CONFIRMATION[0], text_en=texts.CONFIRMATION[1])
    for pending in ready:
        minutes.approve_minutes(ctx.s, pending.id, decision_id=decision.id)
    ctx.pending_minutes[:] = [m for m in ctx.pending_minutes if m not in ready]
    return decision


def _ordinary_decision(ctx: MeetingContext, meeting: Meeting, item_id: int):
    item = next(item for item in meeting.agenda_items if item.id == item_id)
    text, text_en = texts.decision_text(ctx.rng, texts.topic_of(item.title),
                                        working_group=meeting.kind == MeetingKind.WORKING_GROUP)
    if not ctx.vote_recorded and meeting.kind == MeetingKind.FORUM:
        voters = sorted(decisions.entitled_voters(ctx.s, meeting.id))
        if len(voters) >= 8:
            # One contested decision: a recusal, a vote and a dissenting statement.
            ctx.vote_recorded = True
            recused, dissenter = voters[0], voters[1]
            may_vote = len(voters) - 1
            return decisions.record_decision(
                ctx.s, meeting_id=meeting.id, agenda_item_id=item_id, text=text,
                text_en=text_en, method=DecisionMethod.VOTE, votes_for=may_vote - 4,
                votes_against=2, votes_abstain=1, recused_person_ids=[recused],
                recusal_reasons={recused: "所屬機構為本計畫受補助單位，依利益迴避原則迴避。"},
                dissents=[(dissenter, "本席認為公眾諮詢期間不足兩週，應予延長。")],
                rationale="多數委員支持，依議事規則表決通過。")
    private = not ctx.private_recorded and ctx.rng.random() < 0.3
    ctx.private_recorded = ctx.private_recorded or private
    return decisions.record_decision(
        ctx.s, meeting_id=meeting.id, agenda_item_id=item_id, text=text, text_en=text_en,
        is_public=not private,
        rationale="涉及個人資料，不予公開。" if private
        else "")


def _follow_up(ctx: MeetingContext, meeting: Meeting, taken: list) -> None:
    """An action item per decision: owners from government seats, some done, some late."""
    day = decisions.meeting_local_date(meeting)
    owners = [m.person_id for m in ctx.terms if m.is_active_on(day)
              and m.role in (Role.MEMBER, Role.CO_CHAIR) and m.seat.sector.side == Side.GOVERNMENT]
    today = ctx.now.astimezone(ZONE).date()
    for decision in taken:
        due = day + dt.timedelta(days=ctx.rng.choice((30, 45, 60)))
        action = actions.add_action(
            ctx.s, meeting_id=meeting.id, decision_id=decision.id,
            agenda_item_id=decision.agenda_item_id, owner_person_id=ctx.rng.choice(owners),
            description=texts.ACTION_DESCRIPTION.format(
                decision=texts.decision_label_zh(decision.number)),
            due_on=due)
        if due < today and ctx.rng.random() < 0.7:
            actions.update_action(ctx.s, action.id, status=ActionStatus.DONE,
                                  completed_on=due - dt.timedelta(days=3))
        elif ctx.rng.random() < 0.4:
            actions.update_action(ctx.s, action.id, status=ActionStatus.IN_PROGRESS)


def _write_minutes(ctx: MeetingContext, meeting: Meeting, *, last: bool) -> None:
    """Draft minutes for every held meeting; circulated a week later unless it is the most
    recent meeting (its minutes are still being drafted)."""
    draft = minutes.start_minutes(ctx.s, meeting.id)
    minutes.set_minutes_text(  # the general remarks close the minutes (other matters)
        ctx.s, draft.id, text=texts.CLOSING_REMARKS.format(title=meeting.title))
    for item in meeting.agenda_items:
        minutes.set_minutes_text(
            ctx.s, draft.id, agenda_item_id=item.id,
            text=texts.minutes_entry(ctx.rng, item.title, item.presenter))
    circulate_at = meeting.ends_at + CIRCULATE_AFTER
    if not last and circulate_at < ctx.now:
        minutes.circulate_minutes(ctx.s, draft.id, circulated_at=circulate_at,
                                  circulated_to=texts.ALL_MEMBERS)
        ctx.pending_minutes.append(draft)


def _correct_first_approved_minutes(ctx: MeetingContext) -> None:
    """A correction after approval: a new draft version with its reason."""
    for meeting in ctx.held:
        latest = minutes.latest_minutes(ctx.s, meeting.id)
        if latest is not None and latest.approved_by_decision_id is not None:
            corrected = minutes.correct_minutes(
                ctx.s, latest.id, reason="更正出席人員職稱")
            minutes.set_minutes_text(ctx.s, corrected.id,
                                     text=corrected.general_text + "（職稱已更正）")
            return
