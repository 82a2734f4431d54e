"""Everything the public site shows, read once: public fields only.

Members carry their public identity and seat (never ``person_contact``); each meeting is
its record's ``public_projection``; documents are the public papers of those agendas.
Nothing here decides privacy itself: it reads only what the core's projections and the
public views return.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Forum
from secretariat.services.meetings import list_meetings, meeting_record, public_projection
from secretariat.services.meetings.record_rows import MeetingRecord
from secretariat.services.members.views import MemberRow, member_rows
from secretariat.vocabulary import MeetingStatus


@dataclass(frozen=True)
class ForumFacts:
    name: str
    name_en: str
    website: str
    contact_point: str
    time_zone: str


@dataclass(frozen=True)
class SiteData:
    forum: ForumFacts
    members: tuple[MemberRow, ...]  # current members, by sector and seat
    meetings: tuple[MeetingRecord, ...]  # public projections, newest first
    built_on: dt.date
    terms: tuple = ()  # published versions of the terms of reference (TermsView), newest first
    register: tuple = ()  # the public register of interests (RegisterRow)
    cocreation: object = None  # publication.cocreation_data.CocreationSite

    @staticmethod
    def minutes_published(record: MeetingRecord) -> bool:
        """Only approved minutes are published: a draft is not yet the forum's record."""
        current = record.minutes.current
        return current is not None and current.status.value in ("approved", "locked")


def read_site_data(s: Session, *, on: dt.date, report=None) -> SiteData:
    forum = s.scalar(select(Forum).order_by(Forum.id).limit(1))
    if forum is None:
        raise SecretariatError(N_("The database holds no forum yet, so there is nothing to "
                                  "publish."))
    facts = ForumFacts(forum.name_zh_tw, forum.name_en, forum.website, forum.contact_point,
                       forum.time_zone)
    members = tuple(m for m in member_rows(s, on=on) if m.active)
    rows = [m for m in list_meetings(s) if m.status != MeetingStatus.CANCELLED]
    rows.sort(key=lambda m: (m.starts_at, m.id), reverse=True)
    meetings = []
    everyone = member_rows(s, on=on, include_past=True)  # every meeting's roster from these
    for done, row in enumerate(rows, start=1):
        record = meeting_record(s, row.id, all_memberships=everyone)
        approved = record.minutes.newest_approved()
        current = record.minutes.current
        if approved is not None and (current is None or current.version_no != approved):
            record = meeting_record(s, row.id, minutes_version=approved,
                                    all_memberships=everyone)
        meetings.append(public_projection(record))
        if report is not None:
            report(done, len(rows), row.title)
    from secretariat.services.interests.register import register_rows
    from secretariat.services.terms.versions import list_views
    from secretariat.terms_vocabulary import TermsStatus

    terms = sorted((v for v in list_views(s) if v.status == TermsStatus.PUBLISHED),
                   key=lambda v: v.version_no, reverse=True)
    from secretariat.publication.cocreation_data import read_cocreation_site

    return SiteData(facts, members, tuple(meetings), on, tuple(terms),
                    tuple(register_rows(s)), read_cocreation_site(s, on))

