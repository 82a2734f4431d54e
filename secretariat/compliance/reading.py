"""Read one cycle's records into ``Facts`` for the engine: the only module of the
compliance package that touches the database.

Meetings come from the meeting services' list (``list_meetings``); their notice days and
agenda papers are read for all meetings in two statements (the per-meeting record would
take some twenty statements a meeting). Members come from the members' view
(``member_rows``), the notice period from ``terms.notice_days_on``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.compliance import facts as f
from secretariat.compliance.terms import notice_days_by_day, notice_days_on
from secretariat.model import (
    ActionPlanCycle,
    AgendaItem,
    Attestation,
    Commitment,
    CommitmentProposal,
    Consultation,
    Contribution,
    Document,
    Meeting,
    OutreachActivity,
    ProgressUpdate,
    PublicationEntry,
    StakeholderQuestion,
    agenda_item_document,
)
from secretariat.services.cocreation.web import web_page
from secretariat.services.forum import require_forum
from secretariat.services.meetings import list_meetings
from secretariat.services.members.views import member_rows
from secretariat.vocabulary import MeetingStatus


def _local_day(moment: dt.datetime, zone: str) -> dt.date:
    return moment.astimezone(ZoneInfo(zone)).date()


def cycle_facts(s: Session, cycle: ActionPlanCycle) -> f.CycleFacts:
    previous = s.scalar(select(ActionPlanCycle.implementation_ends_on)
                        .where(ActionPlanCycle.implementation_ends_on
                               < cycle.development_starts_on)
                        .order_by(ActionPlanCycle.implementation_ends_on.desc()).limit(1))
    return f.CycleFacts(
        id=cycle.id, name=cycle.name, catalogue=cycle.catalogue,
        development=(cycle.development_starts_on, cycle.development_ends_on),
        implementation=(cycle.implementation_starts_on, cycle.implementation_ends_on),
        plan_submitted_on=cycle.plan_submitted_on, previous_end=previous)


def _meetings(s: Session) -> tuple[f.MeetingFact, ...]:
    notices = dict(s.execute(select(Meeting.id, Meeting.notice_sent_at)).all())
    papers: dict[int, list] = {}
    for meeting_id, doc_id, kind, added in s.execute(
            select(AgendaItem.meeting_id, Document.id, Document.kind, Document.added_at)
            .join(agenda_item_document, agenda_item_document.c.agenda_item_id == AgendaItem.id)
            .join(Document, Document.id == agenda_item_document.c.document_id)):
        papers.setdefault(meeting_id, []).append((doc_id, kind.value, added))
    out = []
    notice_days = notice_days_by_day(s)
    for row in list_meetings(s):
        notice = notices.get(row.id)
        local_day = _local_day(row.starts_at, row.time_zone)
        out.append(f.MeetingFact(
            id=row.id, kind=row.kind.value, modality=row.modality.value,
            held=row.status == MeetingStatus.HELD,
            day=local_day, notice_days=notice_days(local_day),
            notice_day=_local_day(notice, row.time_zone) if notice else None,
            papers=tuple((doc_id, kind, _local_day(added, row.time_zone))
                         for doc_id, kind, added in papers.get(row.id, ()))))
    return tuple(out)


def read_facts(s: Session, cycle: ActionPlanCycle, day: dt.date) -> f.Facts:
    forum = require_forum(s)
    page = web_page(s)
    cid = cycle.id
    commitments = list(s.scalars(select(Commitment).where(Commitment.cycle_id == cid)))
    commitment_ids = [c.id for c in commitments]
    return f.Facts(
        cycle=cycle_facts(s, cycle), forum_id=forum.id, notice_days=notice_days_on(s, day),
        website=(page.address if page else "") or forum.website,
        contact_point=(page.contact_point if page else "") or forum.contact_point,
        web_page_id=page.id if page else None,
        meetings=_meetings(s),
        publications=tuple(f.PublicationFact(p.id, p.subject.value, p.published_on)
                           for p in s.scalars(select(PublicationEntry).where(
                               (PublicationEntry.cycle_id == cid)
                               | PublicationEntry.cycle_id.is_(None)))),
        consultations=tuple(
            f.ConsultationFact(c.id, c.subject.value, c.opens_on, c.closes_on,
                               tuple(ch.value for ch in c.channel_list()))
            for c in s.scalars(select(Consultation).where(Consultation.cycle_id == cid))),
        # Only the columns the checks need: a cycle may hold 50,000 contributions.
        # Only the columns the checks need, straight into tuples: a cycle may hold
        # 50,000 contributions.
        contributions=tuple(map(f.ContributionFact._make, s.execute(select(
            Contribution.id, Contribution.received_on, Contribution.responded_on,
            Contribution.response != "").where(Contribution.cycle_id == cid)))),
        proposals=tuple(f.ProposalFact(p.id, p.outcome.value, bool(p.reason.strip()),
                                       p.decided_on)
                        for p in s.scalars(select(CommitmentProposal)
                                           .where(CommitmentProposal.cycle_id == cid))),
        commitments=tuple(f.CommitmentFact(c.id, c.working_group) for c in commitments),
        progress=tuple(f.ProgressFact(u.id, u.commitment_id, u.reported_on,
                                      u.completion.value, u.published_on)
                       for u in s.scalars(select(ProgressUpdate).where(
                           ProgressUpdate.commitment_id.in_(commitment_ids)))),
        outreach=tuple(f.OutreachFact(a.id, a.held_on, a.kind.value, a.channel.value,
                                      a.audience)
                       for a in s.scalars(select(OutreachActivity)
                                          .where(OutreachActivity.cycle_id == cid))),
        questions=tuple(f.QuestionFact(q.id, q.asked_on, q.answered_on)
                        for q in s.scalars(select(StakeholderQuestion)
                                           .where(StakeholderQuestion.cycle_id == cid))),
        attestations=tuple(f.AttestationFact(a.id, a.requirement_id, a.is_met, a.attested_on)
                           for a in s.scalars(select(Attestation)
                                              .where(Attestation.cycle_id == cid))),
        memberships=tuple(f.MembershipFact(
            m.membership_id, m.side.value, m.sector_code, m.role.value, m.high_level,
            m.term_start, min((d for d in (m.term_end, m.ended_on) if d), default=None))
            for m in member_rows(s, include_past=True)),
        documents=tuple(f.DocumentFact(d.id, d.kind.value, d.is_public,
                                       _local_day(d.added_at, forum.time_zone))
                        for d in s.scalars(select(Document))),
        terms=_terms(s),
    )


def _terms(s: Session) -> tuple[f.TermsFact, ...]:
    from secretariat.model import TermsOfReference
    from secretariat.terms_vocabulary import TermsStatus

    return tuple(f.TermsFact(t.version_no, t.adopted_on, t.adopted_by_decision_id is not None,
                             t.published_on)
                 for t in s.scalars(select(TermsOfReference).where(
                     TermsOfReference.status != TermsStatus.DRAFT,
                     TermsOfReference.adopted_on.is_not(None))
                     .order_by(TermsOfReference.adopted_on, TermsOfReference.version_no)))
