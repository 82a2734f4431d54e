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


# The private texts ``make_full_meeting`` plants; no public projection may show one.
SECRETS = {
    "paper": "SECRET-PAPER-7f3a",
    "notes": "SECRET-NOTES-91bc",
    "link": "https://meet.example.tw/SECRET-LINK-4d2e",
    "decision": "SECRET-DECISION-TEXT-55aa",
    "decision_en": "SECRET-DECISION-EN-0b1c",
    "rationale": "SECRET-RATIONALE-66de",
    "dissent": "SECRET-DISSENT-12ef",
    "action": "SECRET-ACTION-3344",
    "recipients": "secret-recipient-8899@example.tw",
    "circulated": "secret-circulation-2211@example.tw",
}


def make_full_meeting(s: Session, tmp_path, *, items: int = 3, members: int = 4,
                      decisions_count: int = 1, is_public: bool = False,
                      prefix: str = "") -> dict:
    """A held meeting: ``items`` agenda items each with a public and a restricted paper;
    ``members`` members (the first present, the second by proxy, the third sends
    apologies, the others not recorded), an alternate present, an observer and a guest;
    draft minutes with a text per item; ``decisions_count`` public decisions by vote (with
    a recusal and a dissent) plus one decision not public; an action item per decision.
    Every private text is one of ``SECRETS``. Returns the ids by name."""
    from secretariat.model import DecisionMethod, VoteChoice
    from secretariat.services import documents as document_service
    from secretariat.services.meetings import actions, decisions, minutes
    from secretariat.services.members import people as people_service

    make_forum(s)
    tmp_path.mkdir(parents=True, exist_ok=True)
    people = [make_person_with_membership(
        s, f"{prefix}委員{n:02d}", sector_code=("civil_society", "government_agency")[n % 2],
        organisation=f"組織{n:02d}")[0] for n in range(members)]
    for person in people:
        people_service.update_person(s, person.id, name_en=f"{prefix}Member {person.name[-2:]}")
    alternate, _ = make_person_with_membership(s, f"{prefix}代理人甲", role=Role.ALTERNATE,
                                               seat_label=None)
    observer = people_service.add_person(s, name=f"{prefix}觀察員乙",
                                       name_en=f"{prefix}Observer B")
    stand_in = people_service.add_person(s, name=f"{prefix}代表丙")
    meeting = make_meeting(
        s, title="第5次論壇會議", title_en="Fifth forum meeting",
        items=[f"議題{n:02d}" for n in range(items)], is_public=is_public,
        remote_link=SECRETS["link"],
        attendees=[people[0], (people[1], "proxy", "member", stand_in),
                   (people[2], "apologies"), (alternate, "present", "alternate"),
                   (observer, "present", "observer")])
    meeting_service.update_meeting(
        s, meeting.id, internal_notes=SECRETS["notes"], notice_recipients=SECRETS["recipients"],
        notice_sent_at=meeting.starts_at - dt.timedelta(days=14))
    meeting_service.set_attendance(s, meeting.id, guest_name="訪客丁", status="present",
                                   capacity="guest")
    item_ids = [item.id for item in meeting.agenda_items]
    for n, item_id in enumerate(item_ids):
        for restricted in (False, True):
            source = tmp_path / f"paper-{n}-{restricted}.txt"
            source.write_text(f"paper {n} {restricted}", encoding="utf-8")
            title = f"{SECRETS['paper']} {n}" if restricted else f"公開文件{n:02d}"
            document = document_service.add_document(
                s, documents_dir=tmp_path / "documents", source=source, title=title,
                is_public=not restricted)
            document_service.attach_document(s, item_id, document.id)
    draft = minutes.start_minutes(s, meeting.id)
    for n, item_id in enumerate(item_ids):
        minutes.set_minutes_text(s, draft.id, agenda_item_id=item_id, text=f"紀錄{n:02d}")
    minutes.set_minutes_text(s, draft.id, text="其他事項")
    minutes.circulate_minutes(s, draft.id, circulated_at=meeting.ends_at + dt.timedelta(days=2),
                              circulated_to=SECRETS["circulated"])
    made = []
    for n in range(decisions_count):
        made.append(decisions.record_decision(
            s, meeting_id=meeting.id, agenda_item_id=item_ids[n % len(item_ids)],
            text=f"決議{n:02d}", method=DecisionMethod.VOTE,
            named_votes={people[0].id: VoteChoice.FOR}, recused_person_ids=[people[1].id],
            dissents=[(people[0].id, f"不同意見{n:02d}")], rationale="公開理由"))
    hidden = decisions.record_decision(
        s, meeting_id=meeting.id, text=SECRETS["decision"], text_en=SECRETS["decision_en"],
        rationale=SECRETS["rationale"], dissents=[(None, SECRETS["dissent"])],
        is_public=False)
    for decision in made:
        actions.add_action(s, meeting_id=meeting.id, description=f"辦理{decision.number}",
                           owner_person_id=people[0].id, decision_id=decision.id)
    actions.add_action(s, meeting_id=meeting.id, description=SECRETS["action"],
                       owner_text="秘書處", decision_id=hidden.id)
    s.commit()
    return {"meeting": meeting.id, "people": [p.id for p in people], "items": item_ids,
            "alternate": alternate.id, "observer": observer.id, "stand_in": stand_in.id,
            "hidden": hidden.id, "decisions": [d.id for d in made]}
