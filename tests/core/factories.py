"""Small builders for test data, going through the real services so that test rows are
rows a user could have made.

    forum = make_forum(s)
    alice, alice_membership = make_person_with_membership(s, "Alice")
    meeting = make_meeting(s, items=["Opening", "Budget"], attendees=[alice])
    meeting = make_meeting(s, starts_at=aware_dt, attendees=[(bob, "remote"),
                                                            (carol, "proxy", "member", alice)])

Meetings without an explicit start are placed one a month from January 2026 (local time
Asia/Taipei), so they never overlap and their order is the order of creation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.model import (
    AttendanceStatus,
    AttendeeCapacity,
    Forum,
    Meeting,
    Membership,
    Person,
    Role,
)
from secretariat.services import forum as forum_service
from secretariat.services import meetings as meeting_service
from secretariat.services import members as member_service

TAIPEI = ZoneInfo("Asia/Taipei")
FIRST_MEETING = dt.datetime(2026, 1, 15, 14, 0, tzinfo=TAIPEI)


def make_forum(s: Session, **fields) -> Forum:
    """The forum (created once per database; later calls return the same one)."""
    existing = forum_service.get_forum(s)
    if existing is not None:
        return existing
    values = {"name_zh_tw": "開放政府國家行動方案多方利害關係人論壇",
              "name_en": "Open Government Multi-stakeholder Forum"}
    values.update(fields)
    return forum_service.create_forum(s, **values)


def make_person_with_membership(
    s: Session, name: str, *, sector_code: str = "civil_society", role: Role = Role.MEMBER,
    term_start: dt.date = dt.date(2025, 1, 1), term_end: dt.date | None = None,
    seat_label: str | None = None, organisation: str | None = None,
) -> tuple[Person, Membership]:
    """A person holding a seat (a new seat unless ``seat_label`` names an existing one:
    an ALTERNATE on an existing seat stands in for its holder)."""
    make_forum(s)
    membership = member_service.add_member(
        s, name=name, sector_code=sector_code, role=role, term_start=term_start,
        term_end=term_end, seat_label=seat_label, organisation=organisation)
    return s.get(Person, membership.person_id), membership


def make_members(s: Session, count: int, *, prefix: str = "Member") -> list[Person]:
    """``count`` members alternating between non-government and government seats."""
    sectors = ("civil_society", "government_agency")
    return [make_person_with_membership(s, f"{prefix} {i + 1}",
                                        sector_code=sectors[i % 2])[0]
            for i in range(count)]


Attendee = Person | tuple  # person, or (person, status[, capacity[, represented_by]])


def _next_start(s: Session) -> dt.datetime:
    existing = s.scalar(select(func.count(Meeting.id))) or 0
    local = FIRST_MEETING
    month = local.month - 1 + existing
    return local.replace(year=local.year + month // 12, month=month % 12 + 1)


def make_meeting(
    s: Session, *, title: str | None = None, starts_at: dt.datetime | None = None,
    hours: float = 2, items: Sequence[str] = ("Opening", "Matters for decision"),
    attendees: Iterable[Attendee] = (), **fields,
) -> Meeting:
    """A meeting with agenda items (titles, in order) and attendance. An attendee given as
    a bare person is a member present; a tuple adds status, capacity and the proxy."""
    make_forum(s)
    start = starts_at or _next_start(s)
    values = {"location": "Conference room 1", "time_zone": "Asia/Taipei"}
    values.update(fields)
    meeting = meeting_service.schedule_meeting(
        s, title=title or f"Forum meeting {start:%Y-%m-%d}", starts_at=start,
        ends_at=start + dt.timedelta(hours=hours), **values)
    for item_title in items:
        meeting_service.add_agenda_item(s, meeting.id, title=item_title)
    for attendee in attendees:
        person, status, capacity, proxy = _attendee(attendee)
        meeting_service.set_attendance(
            s, meeting.id, person_id=person.id, status=status, capacity=capacity,
            represented_by_id=proxy.id if proxy is not None else None)
    s.refresh(meeting)
    return meeting


def _attendee(attendee: Attendee):
    if isinstance(attendee, Person):
        return attendee, AttendanceStatus.PRESENT, AttendeeCapacity.MEMBER, None
    person, status, *rest = attendee
    capacity = rest[0] if rest else AttendeeCapacity.MEMBER
    proxy = rest[1] if len(rest) > 1 else None
    return person, AttendanceStatus(status), AttendeeCapacity(capacity), proxy


def make_approved_minutes(s: Session, meeting: Meeting, approving_meeting: Meeting,
                          texts: dict[str, str] | None = None):
    """Minutes of ``meeting`` written (``texts`` by agenda item title), circulated, and
    approved by a decision of ``approving_meeting``; returns (minutes, decision)."""
    from secretariat.services.meetings import decisions
    from secretariat.services.meetings import minutes

    draft = minutes.start_minutes(s, meeting.id)
    titles = {item.title: item.id for item in meeting.agenda_items}
    for title, text in (texts or {}).items():
        minutes.set_minutes_text(s, draft.id, agenda_item_id=titles[title], text=text)
    minutes.circulate_minutes(s, draft.id, circulated_at=meeting.ends_at + dt.timedelta(days=3),
                              circulated_to="All members")
    approval = decisions.record_decision(
        s, meeting_id=approving_meeting.id,
        text=f"The minutes of {meeting.title} are approved.")
    return minutes.approve_minutes(s, draft.id, decision_id=approval.id), approval


def make_recorded_meeting(s: Session, documents_dir, tmp_folder) -> dict:
    """A meeting with everything approved minutes record: agenda with a paper, attendance
    (a member, a proxy, a guest), a named vote with a recusal and a dissent, and an action
    item; its minutes approved at the next meeting. Returns the pieces by name."""
    from pathlib import Path

    from secretariat.model import DecisionMethod, VoteChoice
    from secretariat.services import documents
    from secretariat.services.meetings import actions, decisions

    people = make_members(s, 4)
    meeting = make_meeting(s, items=["開會", "討論行動方案"], attendees=[
        people[0], people[1], people[2], (people[3], "proxy", "member", people[0])])
    guest = meeting_service.set_attendance(s, meeting.id, guest_name="旁聽者",
                                           status=AttendanceStatus.PRESENT,
                                           capacity=AttendeeCapacity.OBSERVER)
    approving = make_meeting(s, attendees=people)
    source = Path(tmp_folder) / "paper.txt"
    source.write_bytes("行動方案草案\n".encode())
    paper = documents.add_document(s, documents_dir=documents_dir, source=source,
                                   title="行動方案草案", is_public=False)
    item = meeting.agenda_items[1]
    documents.attach_document(s, item.id, paper.id)
    voted = decisions.record_decision(
        s, meeting_id=meeting.id, agenda_item_id=item.id, text="通過行動方案草案",
        method=DecisionMethod.VOTE, named_votes={people[1].id: VoteChoice.FOR,
                                                 people[2].id: VoteChoice.AGAINST},
        recused_person_ids=[people[0].id], dissents=[(people[2].id, "仍需修正")])
    action = actions.add_action(s, meeting_id=meeting.id, description="公布行動方案",
                                owner_person_id=people[1].id, decision_id=voted.id)
    minutes, approval = make_approved_minutes(s, meeting, approving, {"開會": "主席致詞"})
    s.commit()
    return {"meeting": meeting, "approving": approving, "people": people, "guest": guest,
            "paper": paper, "item": item, "decision": voted, "action": action,
            "minutes": minutes, "approval": approval}
