"""The large demo forum of DESIGN §4: about ten forum-years of records, for benchmarks.

Built with bulk Core inserts in batches (``session.execute(insert(Model), rows)``) rather
than one service call per record: going through the services would validate each of the
tens of thousands of rows against the database and take many minutes; the rows generated
here follow the same rules by construction (terms never overlap on a seat, meetings of a
kind never overlap, agenda positions are 1..n, decision numbers follow
``services.decisions``). Everything comes from one ``random.Random(seed)``, so the same
seed and date give the same forum.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from secretariat.demo import roster, schedule, texts
from secretariat.demo.files import write_blob
from secretariat.demo.large_records import add_large_meeting_records
from secretariat.demo.steps import Steps, batches
from secretariat.i18n import N_
from secretariat.model import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    AttendeeCapacity,
    Decision,
    DecisionMethod,
    Document,
    DocumentKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    Organisation,
    Person,
    PersonContact,
    ProposedBy,
    Role,
    Seat,
    agenda_item_document,
)
from secretariat.services import forum as forum_service
from secretariat.services.meetings.decisions import decision_number

BATCH = 2000


@dataclass(frozen=True)
class LargeSpec:
    """How big the large demo is; tests use a scaled-down spec of the same generator."""

    people: int = 500
    meetings: int = 1000
    upcoming_meetings: int = 10
    agenda_items: int = 20_000
    decisions: int = 10_000
    documents: int = 5_000
    years: int = 10
    seed: int = 20_240_701


LARGE = LargeSpec()

WEIGHTS = {"people": 10, "meetings": 5, "agenda": 25, "attendance": 15, "decisions": 15,
           "records": 15, "documents": 15}


def build_large(s: Session, documents_dir: Path, *, now: dt.datetime, progress=None,
                cancel=None, spec: LargeSpec = LARGE) -> None:
    """Add the large demo forum to an empty database (the caller commits)."""
    steps = Steps(progress, cancel, WEIGHTS)
    rng = random.Random(spec.seed)
    forum = forum_service.create_forum(
        s, name_zh_tw=texts.FORUM_NAME_ZH_TW, name_en=texts.FORUM_NAME_EN,
        time_zone=texts.TIME_ZONE, jurisdiction=texts.FORUM_JURISDICTION,
        website=texts.FORUM_WEBSITE, contact_point=texts.FORUM_CONTACT)
    today = now.astimezone(schedule.ZONE).date()
    builder = _Builder(s, rng, steps, forum.id, spec)

    steps.phase("people", N_("Adding people and seats…"))
    builder.add_people_and_seats(today)
    steps.phase("meetings", N_("Scheduling meetings…"))
    first_day = today.replace(year=today.year - spec.years)
    builder.add_meetings(first_day, now)
    steps.phase("agenda", N_("Writing agendas…"))
    builder.add_agenda_items()
    steps.phase("attendance", N_("Recording attendance…"))
    builder.add_attendance()
    steps.phase("decisions", N_("Recording decisions…"))
    builder.add_decisions()
    steps.phase("records", N_("Writing minutes and action items…"))
    add_large_meeting_records(builder)
    steps.phase("documents", N_("Filing documents…"))
    builder.add_documents(documents_dir)
    steps.finish()


class _Builder:
    """Generates and inserts one kind of record after another, keeping the ids it needs."""

    def __init__(self, s: Session, rng: random.Random, steps: Steps, forum_id: int,
                 spec: LargeSpec):
        self.s, self.rng, self.steps, self.forum_id, self.spec = s, rng, steps, forum_id, spec
        self.person_ids: list[int] = []
        self.person_names: list[str] = []
        self.terms: list[tuple[int, roster.TermPlan]] = []  # (membership id, plan)
        self.plans: list[schedule.MeetingPlan] = []
        self.meeting_ids: list[int] = []
        # meeting index -> (id, purpose, Chinese title) of its agenda items
        self.items_by_meeting: dict[int, list[tuple[int, str, str]]] = {}
        self.decisions: list[tuple[int, int, int]] = []  # (id, meeting index, agenda item id)

    def insert(self, model, rows: list[dict], *, ids: bool = True,
               span: tuple[float, float] = (0.0, 1.0)) -> list[int]:
        """Insert ``rows`` in batches, reporting progress over ``span`` of the current
        phase and honouring cancel; returns the new ids in the order of ``rows``."""
        new_ids: list[int] = []
        for chunk, done in batches(rows, BATCH):
            if ids:
                stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
                new_ids += self.s.scalars(stmt, chunk).all()
            else:
                self.s.execute(insert(model), chunk)
            self.steps.report(span[0] + (span[1] - span[0]) * done)
        return new_ids

    def add_people_and_seats(self, today: dt.date) -> None:
        sectors = {sector.code: sector.id for sector in forum_service.list_sectors(self.s)}
        seat_plans = roster.seats()
        org_rows = [{"name": p.organisation, "name_en": p.organisation_en,
                     "sector_id": sectors[p.sector_code]} for p in seat_plans if p.organisation]
        extra = [(f"{topic}{zh}", f"{_title_case(topic_en)} {en}", "civil_society")
                 for topic, topic_en in texts.TOPICS
                 for zh, en in texts.EXTRA_ORGANISATION_KINDS]
        org_rows += [{"name": n, "name_en": e, "sector_id": sectors[c]} for n, e, c in extra]
        org_ids = dict(zip([r["name"] for r in org_rows], self.insert(Organisation, org_rows),
                           strict=True))

        names = texts.unique_names(self.rng, self.spec.people)
        current = today.replace(day=1, month=1)
        # One term more than the years hold, so the earliest meetings have members too.
        starts = roster.term_starts(current, self.spec.years // roster.TERM_YEARS + 1)
        plans = roster.terms(self.rng, seat_plans, starts, roster.PeoplePool(len(names)))
        seat_of_person = {p.person: seat_plans[p.seat] for p in plans}
        person_rows = []
        for index, name in enumerate(names):
            seat = seat_of_person.get(index)
            org = seat.organisation if seat else self.rng.choice(extra)[0]
            titles = texts.JOB_TITLES_GOV if seat and seat.government else texts.JOB_TITLES_NGO
            person_rows.append({"name": name.name, "name_en": name.name_en,
                                "gender": name.gender, "region": name.region,
                                "job_title": self.rng.choice(titles),
                                "organisation_id": org_ids.get(org)})
        self.person_ids = self.insert(Person, person_rows)
        self.person_names = [n.name for n in names]
        self.insert(PersonContact, [
            {"person_id": pid, "email": texts.email_for(name, i),
             "phone": texts.phone_for(self.rng), "address": "臺北市中正區重慶南路一段 122 號",
             "internal_notes": texts.PRIVATE_MARKER if i == 0 else ""}
            for i, (pid, name) in enumerate(zip(self.person_ids, names, strict=True))
        ], ids=False)

        seat_ids = self.insert(Seat, [
            {"forum_id": self.forum_id, "label": p.label, "label_en": p.label_en,
             "sector_id": sectors[p.sector_code],
             "established_on": starts[0]} for p in seat_plans])
        # Members first, then alternates that point at them (ids known by then).
        membership_ids: dict[int, int] = {}
        for alternates in (False, True):
            chosen = [(i, p) for i, p in enumerate(plans)
                      if (p.alternate_for is not None) == alternates]
            rows = [{"seat_id": seat_ids[p.seat], "person_id": self.person_ids[p.person],
                     "role": p.role, "term_start": p.term_start, "term_end": p.term_end,
                     "high_level": p.high_level,
                     "alternate_for_id": membership_ids.get(p.alternate_for)}
                    for _, p in chosen]
            for (i, p), new_id in zip(chosen, self.insert(Membership, rows), strict=True):
                membership_ids[i] = new_id
                self.terms.append((new_id, p))

    def add_meetings(self, first_day: dt.date, now: dt.datetime) -> None:
        past = self.spec.meetings - self.spec.upcoming_meetings
        self.plans = schedule.plan_meetings(self.rng, first_day=first_day, now=now, past=past,
                                            upcoming=self.spec.upcoming_meetings)
        rows = []
        for p in self.plans:
            held = p.status != MeetingStatus.PLANNED
            rows.append({
                "forum_id": self.forum_id, "title": p.title, "title_en": p.title_en,
                "kind": p.kind, "phase": p.phase, "modality": p.modality, "status": p.status,
                "starts_at": p.starts_at, "ends_at": p.ends_at, "time_zone": texts.TIME_ZONE,
                "location": p.location, "remote_link": p.remote_link, "is_public": p.is_public,
                "notice_sent_at": p.starts_at - dt.timedelta(days=14) if held else None,
                "notice_recipients": texts.ALL_MEMBERS if held else "",
            })
        self.meeting_ids = self.insert(Meeting, rows)

    def add_agenda_items(self) -> None:
        counts = schedule.spread(self.rng, self.spec.agenda_items, len(self.plans), 12, 28)
        rows, owners = [], []
        for index, count in enumerate(counts):
            topic = self.plans[index].topic
            for position, (zh, en, purpose) in enumerate(
                    texts.agenda_titles(self.rng, count, topic=topic), 1):
                presenter = self.rng.randrange(len(self.person_ids))
                rows.append({
                    "meeting_id": self.meeting_ids[index], "position": position, "title": zh,
                    "title_en": en, "purpose": purpose,
                    "presenter": self.person_names[presenter],
                    "presenter_person_id": self.person_ids[presenter],
                    "planned_minutes": self.rng.choice((10, 15, 20, 30)),
                    "proposed_by": ProposedBy(texts.proposed_by(self.rng, zh)),
                })
                owners.append((index, purpose, zh))
        for item_id, (index, purpose, title) in zip(self.insert(AgendaItem, rows), owners,
                                                    strict=True):
            self.items_by_meeting.setdefault(index, []).append((item_id, purpose, title))

    def add_attendance(self) -> None:
        rows = []
        for index, plan in enumerate(self.plans):
            if plan.status != MeetingStatus.HELD:
                continue
            day = plan.local_date
            seen: set[int] = set()
            for _, term in self.terms:
                person = self.person_ids[term.person]
                if not term.term_start <= day <= term.term_end or person in seen:
                    continue
                seen.add(person)
                roll = self.rng.random()
                if term.role == Role.ALTERNATE and roll < 0.6:
                    continue  # alternates come when their member cannot
                status = (AttendanceStatus.PRESENT if roll < 0.65 else AttendanceStatus.REMOTE
                          if roll < 0.85 else AttendanceStatus.APOLOGIES)
                rows.append({"meeting_id": self.meeting_ids[index], "person_id": person,
                             "status": status, "capacity": _CAPACITY[term.role]})
            rows.append({"meeting_id": self.meeting_ids[index], "person_id": None,
                         "guest_name": "列席專題報告人", "status": AttendanceStatus.PRESENT,
                         "capacity": AttendeeCapacity.GUEST})
        self.insert(Attendance, rows, ids=False)

    def add_decisions(self) -> None:
        deciding = [i for i, p in enumerate(self.plans) if p.takes_decisions]
        prefixes = schedule.decision_prefixes(self.plans)
        counts = schedule.spread(self.rng, self.spec.decisions, len(deciding), 5, 25)
        rows, origins = [], []
        for index, count in zip(deciding, counts, strict=True):
            items = self.items_by_meeting[index]
            # Decisions are taken on the items put to the meeting for decision.
            items = [item for item in items if item[1] == "decision" and texts.topic_of(
                item[2])] or items
            for number in range(1, count + 1):
                item_id, _purpose, item_title = self.rng.choice(items)
                zh, en = texts.decision_text(
                    self.rng, texts.topic_of(item_title),
                    working_group=self.plans[index].kind == MeetingKind.WORKING_GROUP)
                by_vote = self.rng.random() < 0.2
                rows.append({
                    "forum_id": self.forum_id, "number": decision_number(prefixes[index], number),
                    "meeting_id": self.meeting_ids[index],
                    "agenda_item_id": item_id,
                    "decided_at": self.plans[index].starts_at + dt.timedelta(minutes=number),
                    "text": zh, "text_en": en,
                    "method": DecisionMethod.VOTE if by_vote else DecisionMethod.CONSENSUS,
                    "votes_for": self.rng.randint(10, 18) if by_vote else None,
                    "votes_against": self.rng.randint(0, 5) if by_vote else None,
                    "votes_abstain": self.rng.randint(0, 3) if by_vote else None,
                    "is_public": self.rng.random() > 0.03,
                })
                origins.append((index, rows[-1]["agenda_item_id"]))
        ids = self.insert(Decision, rows)
        self.decisions = [(d, index, item) for d, (index, item) in zip(ids, origins, strict=True)]

    def add_documents(self, documents_dir: Path) -> None:
        rows, links = [], []
        kinds = (DocumentKind.PAPER,) * 6 + (DocumentKind.REPORT, DocumentKind.EVIDENCE)
        for number in range(1, self.spec.documents + 1):
            index = self.rng.randrange(len(self.plans))
            plan = self.plans[index]
            zh, en, _ = texts.agenda_titles(self.rng, 3)[1]
            public = self.rng.random() > 0.05
            title = f"{zh}（會議資料 {number}）"
            data = f"{title}\n{en}\n{plan.title}\n{number}\n".encode()
            rows.append({
                "forum_id": self.forum_id, "title": title, "kind": self.rng.choice(kinds),
                "language": "zh_TW", "is_public": public, "sha256": write_blob(documents_dir, data),
                "file_name": f"paper-{number:05d}.txt", "media_type": "text/plain",
                "size_bytes": len(data), "added_at": plan.starts_at - dt.timedelta(days=7),
                "description": "" if public else f"限閱：含個人資料。{texts.RESTRICTED_DOC_MARKER}",
            })
            links.append(index)
            if number % BATCH == 0:
                self.steps.report(number / self.spec.documents * 0.6)
        document_ids = self.insert(Document, rows, span=(0.6, 0.9))
        pairs = set()
        for document_id, index in zip(document_ids, links, strict=True):
            if self.rng.random() < 0.8 and index in self.items_by_meeting:
                pairs.add((self.rng.choice(self.items_by_meeting[index])[0], document_id))
        self.insert(agenda_item_document, [{"agenda_item_id": a, "document_id": d}
                                           for a, d in sorted(pairs)], ids=False, span=(0.9, 1.0))


def _title_case(phrase: str) -> str:
    """"open data" -> "Open Data" for an organisation's name (``str.title`` would also
    capitalise after an apostrophe or a hyphen)."""
    return " ".join(word[:1].upper() + word[1:] for word in phrase.split())


_CAPACITY = {Role.CO_CHAIR: AttendeeCapacity.MEMBER, Role.MEMBER: AttendeeCapacity.MEMBER,
             Role.ALTERNATE: AttendeeCapacity.ALTERNATE, Role.OBSERVER: AttendeeCapacity.OBSERVER}
