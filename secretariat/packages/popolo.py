"""A meeting's record in Popolo's shapes (https://www.popoloproject.com), for ``metadata.json``.

Popolo is the open standard for legislatures' data; a forum fits it well enough: the forum
is an Organization, its seats are Posts, members are Persons holding Memberships, the
meeting is an Event, each decision a Motion (what was decided) with a VoteEvent (how:
counts and named votes). Popolo has no recusal, so a recused member appears as a Vote
with option ``not voting`` and role ``recused``; our own ``decisions.json`` says it in
full. Identifiers are stable and readable (``person/12``, ``post/seat-3``,
``motion/2026-S03-R02``) so two packages of the same records agree.

Only what the record given holds is written: pass the public projection for anything
that leaves the secretariat.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from secretariat.services.meetings.record_rows import MeetingRecord
from secretariat.vocabulary import AttendanceStatus, DecisionMethod, VoteChoice

FORUM_ID = "organization/forum"
_VOTE_OPTION = {VoteChoice.FOR: "yes", VoteChoice.AGAINST: "no", VoteChoice.ABSTAIN: "abstain"}
_ATTENDED = {AttendanceStatus.PRESENT, AttendanceStatus.REMOTE}


def person_id(number: int) -> str:
    return f"person/{number}"


def _names(name: str, name_en: str) -> dict:
    entry = {"name": name}
    if name_en and name_en != name:
        entry["other_names"] = [{"name": name_en, "note": "English"}]
    return entry


def _local(moment: dt.datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")


def meeting_popolo(record: MeetingRecord, roster) -> dict:
    """Popolo collections for one meeting. ``roster``: the member rows active on the
    meeting day (``services.members.views.member_rows``)."""
    d = record.details
    forum = {"id": FORUM_ID, **_names(d.forum_name, d.forum_name_en),
             "classification": "multi-stakeholder forum"}
    persons: dict[str, dict] = {}
    for number, name in sorted(record.names.items()):
        persons[person_id(number)] = {"id": person_id(number), **_names(name.name, name.name_en)}
    posts, memberships = {}, []
    for member in roster:
        post = f"post/seat-{member.seat_id}"
        posts[post] = {"id": post, "label": member.seat_label, "organization_id": FORUM_ID,
                       "role": member.role.value}
        persons.setdefault(person_id(member.person_id),
                           {"id": person_id(member.person_id),
                            **_names(member.name, member.name_en)})
        entry = {"id": f"membership/{member.membership_id}",
                 "person_id": person_id(member.person_id), "organization_id": FORUM_ID,
                 "post_id": post, "role": member.role.value,
                 "start_date": member.term_start.isoformat()}
        end = member.ended_on or member.term_end
        if end:
            entry["end_date"] = end.isoformat()
        memberships.append(entry)
    event_id = f"event/meeting-{d.id}"
    attended = [a for a in record.attendees if a.status in _ATTENDED and a.person_id]
    event = {"id": event_id, **_names(d.title, d.title_en), "classification": d.kind.value,
             "start_date": _local(d.starts_at, d.time_zone),
             "end_date": _local(d.ends_at, d.time_zone), "location": d.location,
             "status": d.status.value, "organization_id": FORUM_ID,
             "attendees": [{"id": person_id(a.person_id), "name": a.name} for a in attended]}
    motions, vote_events = [], []
    for decision in record.decisions:
        row = decision.row
        motion_id = f"motion/{row.number}"
        motions.append({"id": motion_id, "organization_id": FORUM_ID,
                        "legislative_session_id": event_id, "identifier": row.number,
                        "text": row.text, "classification": row.method.value,
                        "date": _local(row.decided_at, d.time_zone), "result": "pass"})
        vote_events.append(_vote_event(decision, motion_id, event_id, d.time_zone))
    return {"organizations": [forum], "persons": sorted(persons.values(), key=_number_order),
            "posts": sorted(posts.values(), key=lambda p: int(p["id"].rsplit("-", 1)[1])),
            "memberships": memberships, "events": [event], "motions": motions,
            "vote_events": vote_events}


def _vote_event(decision, motion_id: str, event_id: str, zone: str) -> dict:
    row = decision.row
    entry = {"id": f"vote_event/{row.number}", "motion_id": motion_id,
             "legislative_session_id": event_id, "identifier": row.number,
             "organization_id": FORUM_ID, "classification": row.method.value,
             "start_date": _local(row.decided_at, zone), "result": "pass"}
    if row.method == DecisionMethod.VOTE:
        entry["counts"] = [{"option": option, "value": value or 0} for option, value in
                           (("yes", row.votes_for), ("no", row.votes_against),
                            ("abstain", row.votes_abstain))]
    votes = [{"voter_id": person_id(p), "option": _VOTE_OPTION[choice]}
             for p, choice in decision.votes]
    votes += [{"voter_id": person_id(r.person_id), "option": "not voting", "role": "recused"}
              for r in decision.recusals]
    if votes:
        entry["votes"] = votes
    return entry


def _number_order(person: dict) -> int:
    return int(person["id"].split("/")[1])
