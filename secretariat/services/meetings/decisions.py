"""Recording decisions: validation of method and votes, stable numbering, audit entry.

Numbers look like ``2026-S03-R02`` (see ``secretariat.decision_numbers``, which also
gives the label people read, 「2026年第3次會議第2號決議」): the meeting's year (in the
meeting's time zone), the ordinal of the meeting among that year's non-cancelled meetings
of the forum ordered by start, and the ordinal of the decision within the meeting. A
number is stored when the decision is recorded and never recomputed. Later decisions of
the same meeting reuse its stored prefix; if a meeting's ordinal prefix is already used by
another meeting (a meeting entered late, earlier in the year), it takes the next prefix
after the highest used that year, so numbers stay unique and never change.

Decisions enter the audit chain when the minutes of their meeting are approved (see
``chain_meeting_decisions``); a decision recorded for a meeting whose minutes are already
approved enters it at once. Until then a mistaken decision can still be deleted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from secretariat.decision_numbers import (
    decision_label,
    decision_number,
    decision_prefix,
    number_parts,
    parse_decision_number,
)
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    AttendeeCapacity,
    Decision,
    DecisionMethod,
    Dissent,
    Forum,
    Meeting,
    MeetingInterest,
    MeetingInterestAction,
    MeetingStatus,
    Membership,
    Minutes,
    Person,
    Recusal,
    Vote,
    VoteChoice,
    utcnow,
)
from secretariat.services import audit
from secretariat.services.validation import (
    check_plausible_time,
    coerce_enum,
    get_for_update,
    get_or_error,
    is_referenced,
    lock_for_change,
)
from secretariat.services.meetings.guards import FROZEN_MINUTES

# Attending in person, online, or through a proxy: counts toward quorum (the meeting's
# attendance summary) and makes a member or alternate entitled to vote.
ATTENDING = (AttendanceStatus.PRESENT, AttendanceStatus.REMOTE, AttendanceStatus.PROXY)


def meeting_local_date(meeting: Meeting) -> dt.date:
    return meeting.starts_at.astimezone(ZoneInfo(meeting.time_zone)).date()


def entitled_voters(s: Session, meeting_id: int) -> set[int]:
    """Person ids entitled to vote: members attending (present, remote or by proxy), and
    attending alternates unless the member they stand in for is attending too."""
    rows = s.execute(
        select(Attendance.person_id, Attendance.capacity).where(
            Attendance.meeting_id == meeting_id,
            Attendance.person_id.is_not(None),
            Attendance.status.in_(ATTENDING),
            Attendance.capacity.in_([AttendeeCapacity.MEMBER, AttendeeCapacity.ALTERNATE]),
        )
    ).all()
    members = {pid for pid, capacity in rows if capacity == AttendeeCapacity.MEMBER}
    alternates = {pid for pid, capacity in rows if capacity == AttendeeCapacity.ALTERNATE}
    if not alternates:
        return members
    day = meeting_local_date(s.get(Meeting, meeting_id))
    principal = aliased(Membership)
    standing_for = s.execute(
        select(Membership, principal.person_id)
        .join(principal, Membership.alternate_for_id == principal.id)
        .where(Membership.person_id.in_(alternates))
    ).all()
    replaced = {m.person_id for m, principal_id in standing_for
                if m.is_active_on(day) and principal_id in members}
    return members | (alternates - replaced)


def _person_name(s: Session, person_id: int) -> str:
    person = s.get(Person, person_id)
    return person.name if person is not None else f"#{person_id}"


def _validate_votes(s, method, counts, named, entitled, recused):
    """The (for, against, abstain) counts to store, or a SecretariatError."""
    if method == DecisionMethod.CONSENSUS:
        if named or any(c is not None for c in counts):
            raise SecretariatError(N_(
                "A decision by consensus has no vote counts. Choose the vote method to "
                "record votes."))
        return (None, None, None)
    for person_id in named:
        if person_id in recused:
            raise SecretariatError(N_("{name} is recused from this decision and cannot "
                                      "vote."), name=_person_name(s, person_id))
        if person_id not in entitled:
            raise SecretariatError(N_(
                "{name} is not entitled to vote at this meeting: only members attending, "
                "or alternates standing in for them, vote."), name=_person_name(s, person_id))
    if named:
        tally = Counter(named.values())
        derived = (tally[VoteChoice.FOR], tally[VoteChoice.AGAINST], tally[VoteChoice.ABSTAIN])
        if any(c is not None and c != d for c, d in zip(counts, derived, strict=True)):
            raise SecretariatError(N_(
                "The vote counts do not match the named votes ({votes_for} for, "
                "{votes_against} against, {votes_abstain} abstaining)."),
                votes_for=derived[0], votes_against=derived[1], votes_abstain=derived[2])
        counts = derived
    if all(c is None for c in counts):
        raise SecretariatError(N_("A vote needs the number of votes for, against and "
                                  "abstaining."))
    counts = tuple(c or 0 for c in counts)
    if any(c < 0 for c in counts):
        raise SecretariatError(N_("Vote counts cannot be negative."))
    may_vote = len(entitled - recused)
    if sum(counts) > may_vote:
        raise SecretariatError(N_(
            "{total} votes were counted but only {entitled} members present are entitled "
            "to vote ({recused} recused)."),
            total=sum(counts), entitled=may_vote, recused=len(recused))
    return counts


def _validate_people(s, recused, entitled, dissents):
    for person_id in recused:
        if person_id not in entitled:
            raise SecretariatError(N_(
                "{name} is not a member attending this meeting, so cannot be recorded as "
                "recused."), name=_person_name(s, person_id))
    for person_id, statement in dissents:
        if not statement.strip():
            raise SecretariatError(N_("A dissenting statement is empty."))
        if person_id is not None and s.get(Person, person_id) is None:
            raise SecretariatError(N_("There is no person with id {id}."), id=person_id)


def _declared_at_meeting(s: Session, agenda_item_id: int | None) -> dict:
    """Person id → (action, nature) of the interests declared on the agenda item."""
    if agenda_item_id is None:
        return {}
    return {d.person_id: (d.action, d.nature) for d in s.scalars(
        select(MeetingInterest).where(MeetingInterest.agenda_item_id == agenda_item_id))}


def _apply_declarations(s, declared, named, entitled, recused, reasons):
    """A member who declared an interest on the item and was recused is recused from
    its decisions (if entitled to vote at all) and cannot be recorded as voting; one who
    declared they abstain can only be recorded as abstaining."""
    for person_id, choice in named.items():
        action, _nature = declared.get(person_id, (None, ""))
        if action == MeetingInterestAction.RECUSED:
            raise SecretariatError(N_(
                "{name} declared a conflict of interest on this agenda item and is "
                "recused from it, so a vote by them cannot be recorded."),
                name=_person_name(s, person_id))
        if action == MeetingInterestAction.ABSTAINED and choice != VoteChoice.ABSTAIN:
            raise SecretariatError(N_(
                "{name} declared a conflict of interest on this agenda item and abstains "
                "on it, so their vote can only be recorded as an abstention."),
                name=_person_name(s, person_id))
    for person_id, (action, nature) in declared.items():
        if action == MeetingInterestAction.RECUSED and person_id in entitled:
            recused.add(person_id)
            reasons.setdefault(person_id, nature)


def _number(s: Session, meeting: Meeting) -> str:
    numbers = [parts for parts in map(number_parts, s.scalars(
        select(Decision.number).where(Decision.meeting_id == meeting.id))) if parts]
    if numbers:
        year, meeting_ordinal, _ordinal = numbers[0]
        return decision_number(decision_prefix(year, meeting_ordinal),
                               max(parts[2] for parts in numbers) + 1)
    zone = ZoneInfo(meeting.time_zone)
    year = meeting.starts_at.astimezone(zone).year
    year_start = dt.datetime(year, 1, 1, tzinfo=zone)
    before = s.scalar(select(func.count(Meeting.id)).where(
        Meeting.forum_id == meeting.forum_id,
        Meeting.status != MeetingStatus.CANCELLED,
        Meeting.starts_at >= year_start,
        Meeting.id != meeting.id,
        (Meeting.starts_at < meeting.starts_at)
        | ((Meeting.starts_at == meeting.starts_at) & (Meeting.id < meeting.id)),
    ))
    used = {parts[1] for parts in map(number_parts, s.scalars(select(Decision.number).where(
        Decision.forum_id == meeting.forum_id, Decision.number.startswith(f"{year}-"))))
        if parts}
    ordinal = before + 1
    if ordinal in used:
        ordinal = max(used) + 1
    return decision_number(decision_prefix(year, ordinal), 1)


def _meeting_minutes_approved(s: Session, meeting_id: int) -> bool:
    return s.scalar(select(Minutes.id).where(
        Minutes.meeting_id == meeting_id, Minutes.status.in_(FROZEN_MINUTES)).limit(1)
    ) is not None


def record_decision(
    s: Session, *, meeting_id: int, agenda_item_id: int | None = None, text: str,
    text_en: str = "", method: DecisionMethod = DecisionMethod.CONSENSUS,
    votes_for: int | None = None, votes_against: int | None = None,
    votes_abstain: int | None = None, named_votes: dict[int, VoteChoice] | None = None,
    recused_person_ids: Iterable[int] = (), recusal_reasons: dict[int, str] | None = None,
    dissents: Iterable[tuple[int | None, str]] = (), rationale: str = "",
    is_public: bool = True, decided_at: dt.datetime | None = None,
) -> Decision:
    meeting = get_or_error(s, Meeting, meeting_id, N_("meeting"))
    if meeting.status == MeetingStatus.CANCELLED:
        raise SecretariatError(N_("The meeting was cancelled, so it cannot take decisions."))
    if meeting.starts_at > utcnow():  # decisions are taken at the meeting, not before
        raise SecretariatError(N_("The meeting of {date} has not started yet: record its "
                                  "decisions once it has taken them."),
                               date=meeting_local_date(meeting))
    if not text.strip():
        raise SecretariatError(N_("The decision text is empty."))
    if agenda_item_id is not None:
        item = s.get(AgendaItem, agenda_item_id)
        if item is None or item.meeting_id != meeting_id:
            raise SecretariatError(N_("That agenda item is not on this meeting's agenda."))
    if decided_at is not None:
        check_plausible_time(decided_at, N_("Time of the decision"))
    method = coerce_enum(DecisionMethod, method, N_("decision method"))
    named = {person_id: coerce_enum(VoteChoice, choice, N_("vote"))
             for person_id, choice in (named_votes or {}).items()}
    recused = set(recused_person_ids)
    dissents = [(person_id, statement) for person_id, statement in dissents]
    entitled = entitled_voters(s, meeting_id)
    reasons = dict(recusal_reasons or {})
    _apply_declarations(s, _declared_at_meeting(s, agenda_item_id), named, entitled,
                        recused, reasons)
    _validate_people(s, recused, entitled, dissents)
    counts = _validate_votes(s, method, (votes_for, votes_against, votes_abstain), named,
                             entitled, recused)
    # Numbers are unique within the forum: decisions recorded at the same time from
    # elsewhere wait for this one (its number committed) before taking theirs.
    lock_for_change(s, Forum, meeting.forum_id, N_("forum"))
    decision = Decision(
        forum_id=meeting.forum_id, number=_number(s, meeting), meeting_id=meeting_id,
        agenda_item_id=agenda_item_id, decided_at=decided_at or meeting.starts_at,
        text=text.strip(), text_en=text_en.strip(), method=method,
        votes_for=counts[0], votes_against=counts[1], votes_abstain=counts[2],
        rationale=rationale.strip(), is_public=is_public,
        recusals=[Recusal(person_id=p, reason=reasons.get(p, "")) for p in sorted(recused)],
        votes=[Vote(person_id=p, choice=c) for p, c in sorted(named.items())],
        dissents=[Dissent(person_id=p, statement=st.strip()) for p, st in dissents],
    )
    s.add(decision)
    s.flush()
    if _meeting_minutes_approved(s, meeting_id):
        audit.append_entry(s, audit.DECISION, decision.id, "record")
    return decision


def get_decision(s: Session, decision_id: int) -> Decision:
    return get_or_error(s, Decision, decision_id, N_("decision"))


def delete_decision(s: Session, decision_id: int, *,
                    expected_version: int | None = None) -> None:
    """Undo a mistaken decision while its meeting's minutes are not yet approved."""
    decision = get_for_update(s, Decision, decision_id, N_("decision"),
                              expected_version=expected_version)
    if audit.is_chained(s, audit.DECISION, decision_id):
        raise SecretariatError(N_(
            "Decision {number} is part of approved minutes and cannot be deleted."),
            number=decision.number)
    if is_referenced(s, Minutes.approved_by_decision_id, decision_id):
        raise SecretariatError(N_("Decision {number} approved minutes and cannot be "
                                  "deleted."), number=decision.number)
    if is_referenced(s, ActionItem.decision_id, decision_id):
        raise SecretariatError(N_("Decision {number} has action items; remove them first."),
                               number=decision.number)
    s.delete(decision)
    s.flush()


def chain_meeting_decisions(s: Session, meeting_id: int, action: str = "approve") -> int:
    """Enter the meeting's decisions not yet in the audit chain; returns how many."""
    chained = audit.chained_ids(s, audit.DECISION)
    ids = s.scalars(select(Decision.id).where(Decision.meeting_id == meeting_id)
                    .order_by(Decision.number))
    added = 0
    for decision_id in ids.all():
        if decision_id not in chained:
            audit.append_entry(s, audit.DECISION, decision_id, action)
            added += 1
    return added


# The decision-log queries live in their own module; re-exported for one import path.
from secretariat.services.meetings.decision_log import (  # noqa: E402
    DecisionRow,
    decision_count,
    decision_rows,
)

__all__ = [
    "DecisionRow", "chain_meeting_decisions", "decision_count", "decision_label",
    "decision_number", "decision_prefix", "decision_rows", "delete_decision",
    "entitled_voters", "get_decision", "meeting_local_date", "parse_decision_number",
    "record_decision",
]
