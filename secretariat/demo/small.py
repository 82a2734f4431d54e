"""The small demo forum: a year in the life of a bilingual Taiwan OGP forum.

Built only through the services, so it is valid by construction and exercises the same
rules a clerk meets: 32 seats (16 government, 16 non-government) over the standard
sectors, two co-chairs, alternates and observers, a previous term that has ended and an
early resignation; twelve meetings over the last year and two upcoming, with agendas,
attendance and papers (one restricted). Minutes, decisions and action items come from
``small_records``. Private fields carry ``texts.PRIVATE_MARKER``.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.demo import roster, schedule, texts
from secretariat.demo.interests import add_interests
from secretariat.demo.small_records import MeetingContext, add_meeting_records
from secretariat.demo.steps import Steps
from secretariat.demo.selection import add_selection_rounds
from secretariat.demo.terms import add_terms
from secretariat.i18n import N_
from secretariat.model import (
    AttendanceStatus,
    AttendeeCapacity,
    DocumentKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    Role,
)
from secretariat.services import documents
from secretariat.services import forum
from secretariat.services import meetings
from secretariat.services import members
from secretariat.services.members import people

SEED = 2024
K = MeetingKind
PAST_KINDS = [K.FORUM, K.WORKING_GROUP, K.FORUM, K.CONSULTATION, K.FORUM, K.WORKING_GROUP,
              K.OPEN, K.FORUM, K.MINISTERIAL, K.FORUM, K.WORKING_GROUP, K.FORUM]
UPCOMING_KINDS = [K.FORUM, K.OPEN]
WEIGHTS = {"forum": 5, "members": 30, "meetings": 30, "documents": 15, "records": 20}


def build_small(s: Session, documents_dir: Path, *, now: dt.datetime, progress=None,
                cancel=None) -> None:
    """Add the small demo forum to an empty database (the caller commits)."""
    steps = Steps(progress, cancel, WEIGHTS)
    rng = random.Random(SEED)
    steps.phase("forum", N_("Creating the forum…"))
    forum.create_forum(
        s, name_zh_tw=texts.FORUM_NAME_ZH_TW, name_en=texts.FORUM_NAME_EN,
        time_zone=texts.TIME_ZONE, jurisdiction=texts.FORUM_JURISDICTION,
        website=texts.FORUM_WEBSITE, contact_point=texts.FORUM_CONTACT)
    today = now.astimezone(schedule.ZONE).date()

    steps.phase("members", N_("Adding members and seats…"))
    terms = _add_members(s, rng, today, steps)

    steps.phase("meetings", N_("Scheduling meetings…"))
    plans = schedule.plan_meetings(rng, first_day=today - dt.timedelta(days=350), now=now,
                                   past=len(PAST_KINDS), upcoming=len(UPCOMING_KINDS),
                                   kinds=PAST_KINDS + UPCOMING_KINDS)
    held = []
    for number, plan in enumerate(plans, start=1):
        meeting = _add_meeting(s, rng, plan, terms, now=now, private_note=number == 1)
        if meeting.status == MeetingStatus.HELD:
            held.append(meeting)
        steps.report(number / len(plans))

    steps.phase("documents", N_("Filing meeting papers…"))
    _add_papers(s, rng, documents_dir, _all_meetings(s), steps)

    steps.phase("records", N_("Writing minutes and decisions…"))
    add_meeting_records(MeetingContext(s, rng, now, held, terms), steps)
    add_interests(s, documents_dir, today=today)
    add_terms(s, rng, now)
    add_selection_rounds(s, today=today)
    steps.finish()


def _add_members(s: Session, rng: random.Random, today: dt.date,
                 steps: Steps) -> list[Membership]:
    sectors = {sector.code: sector.id for sector in forum.list_sectors(s)}
    seat_plans = roster.seats()
    # The current term began about ten months ago; the previous one has ended.
    current = (today - dt.timedelta(days=300)).replace(day=1)
    pool = roster.PeoplePool(200)
    plans = roster.terms(rng, seat_plans, roster.term_starts(current, 2), pool,
                         alternate_share=0.4, observers=2)
    names = texts.unique_names(rng, pool.size)
    seat_ids = {p.index: members.add_seat(s, label=p.label, label_en=p.label_en,
                                           sector_id=sectors[p.sector_code],
                                           established_on=plans[0].term_start).id
                for p in seat_plans}
    plan_of_seat = {seat_id: seat_plans[index] for index, seat_id in seat_ids.items()}
    person_ids: dict[int, int] = {}
    created: list[Membership] = []
    for number, plan in enumerate(plans):
        seat = seat_plans[plan.seat]
        if plan.person not in person_ids:
            person_ids[plan.person] = _add_person(s, rng, names[plan.person], plan.person,
                                                  seat, sectors).id
        alternate_for = created[plan.alternate_for].id if plan.alternate_for is not None else None
        created.append(members.assign_seat(
            s, seat_id=seat_ids[plan.seat], person_id=person_ids[plan.person], role=plan.role,
            term_start=plan.term_start, term_end=plan.term_end, high_level=plan.high_level,
            alternate_for_id=alternate_for))
        steps.report(number / len(plans))
    # A non-government member resigned mid-term and a successor took the seat.
    current_members = [m for m in created if m.term_start == current and m.role == Role.MEMBER
                       and not plan_of_seat[m.seat_id].government]
    leaving = rng.choice(current_members)
    last_day = today - dt.timedelta(days=90)
    members.end_term(s, leaving.id, ended_on=last_day, reason="轉任他職")
    index = pool.take()
    successor = _add_person(s, rng, names[index], index, plan_of_seat[leaving.seat_id], sectors)
    created.append(members.assign_seat(
        s, seat_id=leaving.seat_id, person_id=successor.id, role=Role.MEMBER,
        term_start=last_day + dt.timedelta(days=1), term_end=leaving.term_end))
    return created


def _add_person(s: Session, rng: random.Random, name: texts.PersonName, index: int,
                seat: roster.SeatPlan, sectors: dict[str, int]):
    titles = texts.JOB_TITLES_GOV if seat.government else texts.JOB_TITLES_NGO
    if seat.organisation:
        people.get_or_create_organisation(s, seat.organisation, name_en=seat.organisation_en,
                                          sector_id=sectors[seat.sector_code])
    return people.add_person(
        s, name=name.name, name_en=name.name_en, job_title=rng.choice(titles),
        gender=name.gender, region=name.region,
        organisation=seat.organisation or None, email=texts.email_for(name, index),
        phone=texts.phone_for(rng), address="臺北市中正區寶慶路 3 號",
        # Every person has private notes; the first carries the marker privacy tests look for.
        internal_notes=(f"{texts.PRIVATE_MARKER} 私人聯絡備註" if index == 0
                        else "偏好以電子郵件聯絡"))


def _add_meeting(s: Session, rng: random.Random, plan: schedule.MeetingPlan,
                 terms: list[Membership], *, now: dt.datetime, private_note: bool) -> Meeting:
    meeting = meetings.schedule_meeting(
        s, title=plan.title, title_en=plan.title_en, starts_at=plan.starts_at,
        ends_at=plan.ends_at, kind=plan.kind, phase=plan.phase, modality=plan.modality,
        location=plan.location, remote_link=plan.remote_link, is_public=plan.is_public)
    count = rng.randint(4, 8)
    for title, title_en, purpose in texts.agenda_titles(rng, count, topic=plan.topic):
        presenter = rng.choice(terms).person
        meetings.add_agenda_item(
            s, meeting.id, title=title, title_en=title_en, purpose=purpose,
            presenter=presenter.name, planned_minutes=rng.choice((10, 15, 20, 30)),
            proposed_by=texts.proposed_by(rng, title))
    notice = plan.starts_at - dt.timedelta(days=14)
    changes: dict[str, object] = {}
    if notice < now:
        changes.update(notice_sent_at=notice, notice_recipients=texts.ALL_MEMBERS_AND_OBSERVERS)
    if private_note:
        changes["internal_notes"] = f"{texts.PRIVATE_MARKER} 場地押金尚未退還"
    if plan.status == MeetingStatus.HELD:
        changes["status"] = MeetingStatus.HELD
    if changes:
        meetings.update_meeting(s, meeting.id, **changes)
    if plan.status == MeetingStatus.CANCELLED:
        meetings.cancel_meeting(s, meeting.id)
    if plan.status == MeetingStatus.HELD:
        _record_attendance(s, rng, meeting, plan.local_date, terms)
    return meeting


def _record_attendance(s: Session, rng: random.Random, meeting: Meeting, day: dt.date,
                       terms: list[Membership]) -> None:
    active = [m for m in terms if m.is_active_on(day)]
    alternate_of = {m.alternate_for_id: m for m in active if m.role == Role.ALTERNATE}
    for m in active:
        if m.role == Role.ALTERNATE:
            continue  # alternates come only for a member who cannot
        if m.role == Role.OBSERVER:
            meetings.set_attendance(s, meeting.id, person_id=m.person_id,
                                    status=AttendanceStatus.PRESENT,
                                    capacity=AttendeeCapacity.OBSERVER)
            continue
        roll = rng.random()
        alternate = alternate_of.get(m.id)
        if roll < 0.12 and alternate is not None:
            meetings.set_attendance(s, meeting.id, person_id=m.person_id,
                                    status=AttendanceStatus.PROXY,
                                    represented_by_id=alternate.person_id)
            meetings.set_attendance(s, meeting.id, person_id=alternate.person_id,
                                    status=AttendanceStatus.PRESENT,
                                    capacity=AttendeeCapacity.ALTERNATE)
            continue
        status = (AttendanceStatus.PRESENT if roll < 0.7 else AttendanceStatus.REMOTE
                  if roll < 0.88 or meeting.modality.value == "remote"
                  else AttendanceStatus.APOLOGIES)
        meetings.set_attendance(s, meeting.id, person_id=m.person_id, status=status)
    meetings.set_attendance(s, meeting.id, guest_name="吳佳蓉（專題報告人）",
                            status=AttendanceStatus.PRESENT, capacity=AttendeeCapacity.GUEST)


def _all_meetings(s: Session) -> list[Meeting]:
    return list(s.scalars(select(Meeting).order_by(Meeting.starts_at)))


def _add_papers(s: Session, rng: random.Random, documents_dir: Path,
                all_meetings: list[Meeting], steps: Steps) -> None:
    """A paper for about half the agenda items; one restricted, with a private marker."""
    with tempfile.TemporaryDirectory(prefix="secretariat-demo-") as tmp:
        folder = Path(tmp)
        for number, meeting in enumerate(all_meetings, start=1):
            for item in meeting.agenda_items:
                restricted = number == 2 and item.position == 2
                if not restricted and (item.title == texts.CLOSING_ITEM[0] or (
                        item.purpose.value == "information" and rng.random() < 0.5)):
                    continue  # any other business has no papers
                title = f"{item.title}（會議資料）"
                description = f"{meeting.title}議程第{item.position}案資料"
                if restricted:
                    title = f"{item.title}（限閱：人事資料 {texts.RESTRICTED_DOC_MARKER}）"
                    description = f"限閱：含個人資料。{texts.RESTRICTED_DOC_MARKER}"
                source = folder / f"m{meeting.id:03d}-item{item.position}.txt"
                source.write_text(f"{title}\n{item.title_en}\n\n{meeting.title}\n"
                                  f"{meeting.title_en}\n", encoding="utf-8")
                document = documents.add_document(
                    s, documents_dir=documents_dir, source=source, title=title,
                    kind=DocumentKind.PAPER, is_public=not restricted, description=description)
                documents.attach_document(s, item.id, document.id)
            steps.report(number / len(all_meetings))
        report = folder / "國家行動方案期中自評報告.txt"
        report.write_text("國家行動方案期中自我評估報告（草案）\nMid-term self-assessment (draft)\n",
                          encoding="utf-8")
        documents.add_document(s, documents_dir=documents_dir, source=report,
                               title="國家行動方案期中自我評估報告（草案）",
                               kind=DocumentKind.REPORT, language="zh_TW")
