"""Records checks decided by the co-creation records: publications, consultations,
contributions and responses, questions, proposals, progress updates and outreach."""

from __future__ import annotations

import datetime as dt

from secretariat.cocreation_vocabulary import (
    ConsultationSubject,
    OutreachKind,
    ProposalOutcome,
    PublicationSubject,
)
from secretariat.compliance.facts import Facts
from secretariat.compliance.periods import before_start, period, share_outcome
from secretariat.compliance.result import (
    MAX_EVIDENCE,
    Evidence,
    Label,
    Message,
    Outcome,
    Phrases,
    Status,
)
from secretariat.i18n import N_
from secretariat.vocabulary import Phase

RESPONSE_DAYS = 20  # a contribution's response is due 20 days after it arrived
# Publications judged once their phase is over (a self-assessment comes at the end);
# the others are standing duties, missing from the day their phase begins.
_AT_PHASE_END = ("self_assessment", "contributions")


def _gaps_outcome(days: list[tuple[dt.date, Evidence]], span, limit: int, what: Label,
                  remedy: Message) -> Outcome:
    """Records at most ``limit`` days apart, from the phase's start to the day judged."""
    points = [span.start, *(day for day, _e in days), span.end]
    gaps = [(b - a).days for a, b in zip(points, points[1:])]
    evidence = [e for _day, e in days]
    last = days[-1][0] if days else span.start
    due_on = None if span.ended else last + dt.timedelta(days=limit)
    longest = max(gaps)
    if longest > limit:
        late = [gap for gap in gaps if gap > limit]
        return Outcome.of(Status.PARTLY_MET if days else Status.NOT_MET, Message(N_(
            "{what}: gaps of more than {max} days: {count} (the longest: {gap} days)."),
            {"what": what, "count": len(late), "max": limit, "gap": longest}),
            remedy=remedy, evidence=evidence, due_on=due_on)
    if not days:
        return Outcome.of(Status.NOT_YET_DUE, Message(N_(
            "{what}: nothing yet; the first is due by {due}."), {"what": what, "due": due_on}),
            remedy=remedy, due_on=due_on)
    return Outcome.of(Status.MET, Message(N_(
        "{what}: entries: {count}, never more than {max} days apart."),
        {"what": what, "count": len(days), "max": limit}), evidence=evidence, due_on=due_on)


def publication(params, facts: Facts, day: dt.date) -> Outcome:
    subject = params["subject"]
    span = period(facts, params, day)
    early = before_start(span)
    if early:
        return early
    what = Label(PublicationSubject(subject).label)
    found = sorted(((p.day, Evidence("publication", p.id, p.day)) for p in facts.publications
                    if p.subject == subject and span.holds(p.day)), key=lambda f: f[0])
    if subject == "website" and facts.web_page_id is not None:
        found.insert(0, (span.start, Evidence("web_page", facts.web_page_id)))
    remedy = Message(N_("Publish “{what}” and record it in the publication log."),
                     {"what": what})
    if params.get("max_days"):
        return _gaps_outcome(found, span, params["max_days"], what, Message(N_(
            "Publish “{what}” at least every {max} days."),
            {"what": what, "max": params["max_days"]}))
    if found:
        return Outcome.of(Status.MET, Message(N_("“{what}” published; entries in the log: {count}."),
                                              {"what": what, "count": len(found)}),
                          evidence=[e for _d, e in found])
    if subject in _AT_PHASE_END and not span.ended:
        return Outcome.of(Status.NOT_YET_DUE, Message(N_(
            "“{what}” not published yet; due by the end of the phase on {end}."),
            {"what": what, "end": span.last}), remedy=remedy, due_on=span.last)
    return Outcome.of(Status.NOT_MET, Message(N_("“{what}” has not been published."),
                                              {"what": what}), remedy=remedy)


def commitment_progress(params, facts: Facts, day: dt.date) -> Outcome:
    span = period(facts, params, day, Phase.IMPLEMENTATION)
    early = before_start(span)
    if early:
        return early
    published = sorted((u for u in facts.progress
                        if u.published_on is not None and span.holds(u.published_on)),
                       key=lambda u: u.published_on)
    what = Label(N_("Progress updates published"))
    if params.get("every_commitment"):
        updated = {u.commitment_id for u in published}
        good = [Evidence("commitment", c.id) for c in facts.commitments if c.id in updated]
        bad = [Evidence("commitment", c.id, ok=False) for c in facts.commitments
               if c.id not in updated]
        return share_outcome(good, bad, what=Message(N_(
            "{good} of {total} commitments have a published progress update.")),
            remedy=Message(N_("Publish a progress update for every commitment.")),
            nothing=Message(N_("The action plan has no commitments recorded yet.")))
    if params.get("max_days"):
        return _gaps_outcome([(u.published_on, Evidence("progress_update", u.id,
                                                        u.published_on)) for u in published],
                             span, params["max_days"], what, Message(N_(
                                 "Publish progress updates at least every {max} days."),
                                 {"max": params["max_days"]}))
    if published:
        return Outcome.of(Status.MET, Message(N_("Progress updates published: {count}."),
                                              {"count": len(published)}),
                          evidence=[Evidence("progress_update", u.id, u.published_on)
                                    for u in published])
    return Outcome.of(Status.NOT_YET_DUE if not span.ended else Status.NOT_MET,
                      Message(N_("No progress update published yet.")),
                      remedy=Message(N_("Publish the commitments' progress updates.")),
                      due_on=None if span.ended else span.last)


def consultation_window(params, facts: Facts, day: dt.date) -> Outcome:
    """A consultation on the subject open at least ``min_days`` (both ends counted) and
    through at least ``min_channels`` channels."""
    subject = params["subject"]
    min_days, min_channels = params.get("min_days"), params.get("min_channels")
    phase = Phase.IMPLEMENTATION if subject == "self_assessment" else Phase.DEVELOPMENT
    span = period(facts, {"phase": phase.value}, day)
    what = Label(ConsultationSubject(subject).label)
    found = [c for c in facts.consultations if c.subject == subject and c.opens_on <= day]
    remedy = Message(N_("Open a consultation on “{what}” for at least {days} days through "
                        "at least {channels} channels."),
                     {"what": what, "days": min_days or 1, "channels": min_channels or 1})
    long_enough = [c for c in found if not min_days or c.days >= min_days]
    wide_enough = [c for c in found if not min_channels or len(c.channels) >= min_channels]
    both = [c for c in long_enough if c in wide_enough]
    evidence = [Evidence("consultation", c.id, c.opens_on, c in both) for c in found]
    if both:
        best = max(both, key=lambda c: c.days)
        return Outcome.of(Status.MET, Message(N_(
            "A consultation on “{what}” was open {days} days, through {channels} "
            "channels."), {"what": what, "days": best.days, "channels": len(best.channels)}),
            evidence=evidence)
    if found:
        longest = max(found, key=lambda c: c.days)
        widest = max(len(c.channels) for c in found)
        # Partly: one of two demanded conditions holds (a long window through too few
        # channels, or enough channels for too short a time).
        halfway = min_days and min_channels and (long_enough or wide_enough)
        status = Status.PARTLY_MET if halfway else Status.NOT_MET
        return Outcome.of(status, Message(N_(
            "The consultation on “{what}” was open {days} days (at least {min_days} "
            "needed) through {channels} channels (at least {min_channels} needed)."),
            {"what": what, "days": longest.days, "min_days": min_days or 1,
             "channels": widest, "min_channels": min_channels or 1}),
            remedy=remedy, evidence=evidence)
    if not span.ended:
        return Outcome.of(Status.NOT_YET_DUE, Message(N_(
            "No consultation on “{what}” yet; the phase ends on {end}."),
            {"what": what, "end": span.last}), remedy=remedy, due_on=span.last)
    return Outcome.of(Status.NOT_MET, Message(N_("No consultation on “{what}” was held."),
                                              {"what": what}), remedy=remedy)


def response_time(params, facts: Facts, day: dt.date) -> Outcome:
    """Every question asked in the phase answered, within ``max_days`` where given; one
    still within its time counts for neither side."""
    span = period(facts, params, day)
    early = before_start(span)
    if early:
        return early
    limit = params.get("max_days")
    grace = limit or RESPONSE_DAYS
    good, bad = [], []
    for q in facts.questions:
        if not span.holds(q.asked_on):
            continue
        if q.answered_on is not None and q.answered_on <= day:
            ok = limit is None or (q.answered_on - q.asked_on).days <= limit
        elif (day - q.asked_on).days <= grace:
            continue  # still within its time
        else:
            ok = False
        (good if ok else bad).append(Evidence("question", q.id, q.asked_on, ok))
    if limit:
        return share_outcome(good, bad, what=Message(N_(
            "{good} of {total} questions answered within {max} days."), {"max": limit}),
            remedy=Message(N_("Answer every question within {max} days."), {"max": limit}),
            nothing=Message(N_("No question from stakeholders to judge yet.")))
    return share_outcome(good, bad, what=Message(N_("{good} of {total} questions answered.")),
                         remedy=Message(N_("Answer every question and record the answer.")),
                         nothing=Message(N_("No question from stakeholders to judge yet.")))


def contributions_answered(params, facts: Facts, day: dt.date) -> Outcome:
    """Every contribution answered (with reasons: a response's text); one still within its
    20 days counts for neither side. ``published``: contributions and responses are in
    the publication log too."""
    good, bad = [], []
    late_from = day - dt.timedelta(days=RESPONSE_DAYS)  # received before: past its time
    for c in facts.contributions:
        received, responded = c.received_on, c.responded_on
        if received > day:
            continue
        if responded is not None and responded <= day and c.has_response:
            good.append(c)
        elif received < late_from:
            bad.append(c)
    # Only the records that will be listed become evidence (failures first).
    counts = (len(good), len(bad))
    bad = [Evidence("contribution", c.id, c.received_on, False) for c in bad[:MAX_EVIDENCE]]
    good = [Evidence("contribution", c.id, c.received_on)
            for c in good[:MAX_EVIDENCE - len(bad)]]
    outcome = share_outcome(good, bad, what=Message(N_(
        "{good} of {total} contributions have the government's reasoned response.")),
        remedy=Message(N_("Respond to every contribution, giving reasons.")),
        nothing=Message(N_("No contribution to judge yet.")), counts=counts)
    if not params.get("published") or outcome.status == Status.NOT_YET_DUE:
        return outcome
    published = [p for p in facts.publications if p.subject == "contributions" and p.day <= day]
    if published:
        return Outcome.of(outcome.status, outcome.explanation, remedy=outcome.remedy,
                          evidence=[*outcome.evidence,
                                    *(Evidence("publication", p.id, p.day) for p in published)])
    return Outcome.of(Status.PARTLY_MET if outcome.status == Status.MET else outcome.status,
                      Message(N_("{answered} The contributions and responses have not been "
                                 "published."), {"answered": outcome.explanation}),
                      remedy=Message(N_("Publish the contributions with their responses.")),
                      evidence=outcome.evidence)


def proposals_reasoned(params, facts: Facts, day: dt.date) -> Outcome:
    outcomes = {ProposalOutcome.INCLUDED.value, ProposalOutcome.MERGED.value}
    if params["include_rejected"]:
        outcomes.add(ProposalOutcome.REJECTED.value)
    good, bad = [], []
    for p in facts.proposals:
        if p.outcome in outcomes and p.decided_on is not None and p.decided_on <= day:
            (good if p.has_reason else bad).append(
                Evidence("proposal", p.id, p.decided_on, p.has_reason))
    outcome = share_outcome(good, bad, what=Message(N_(
        "{good} of {total} decided commitment proposals record their reasons.")),
        remedy=Message(N_("Record the reason for each decision on a proposal.")),
        nothing=Message(N_("No commitment proposal decided yet.")))
    if not params.get("published") or outcome.status == Status.NOT_YET_DUE:
        return outcome
    published = [p for p in facts.publications
                 if p.subject == "proposal_reasons" and p.day <= day]
    if published:
        return Outcome.of(outcome.status, outcome.explanation, remedy=outcome.remedy,
                          evidence=[*outcome.evidence,
                                    *(Evidence("publication", p.id, p.day) for p in published)])
    return Outcome.of(Status.PARTLY_MET if outcome.status == Status.MET else outcome.status,
                      Message(N_("{decided} The reasons have not been published."),
                              {"decided": outcome.explanation}),
                      remedy=Message(N_("Publish the reasons for the proposals' outcomes.")),
                      evidence=outcome.evidence)


def outreach_activities(params, facts: Facts, day: dt.date) -> Outcome:
    span = period(facts, params, day)
    early = before_start(span)
    if early:
        return early
    found = [a for a in facts.outreach if span.holds(a.day)]
    minimum, min_channels = params.get("min_count", 1), params.get("min_channels")
    channels = {a.channel for a in found}
    targeted = [a for a in found if a.kind == OutreachKind.TARGETED.value]
    evidence = [Evidence("outreach", a.id, a.day) for a in found]
    shortfalls = []
    if len(found) < minimum:
        shortfalls.append(Message(N_("{count} of at least {min} activities"),
                                  {"count": len(found), "min": minimum}))
    if min_channels and len(channels) < min_channels:
        shortfalls.append(Message(N_("{count} of at least {min} channels"),
                                  {"count": len(channels), "min": min_channels}))
    if params.get("targeted") and (not targeted or any(not a.audience for a in targeted)):
        shortfalls.append(Message(N_("no targeted outreach naming its audience")))
    if not shortfalls:
        return Outcome.of(Status.MET, Message(N_(
            "{count} outreach activities through {channels} channels ({targeted} "
            "targeted)."), {"count": len(found), "channels": len(channels),
                            "targeted": len(targeted)}), evidence=evidence)
    needs = [Message(N_("at least {min} activities"), {"min": minimum})]
    if min_channels:
        needs.append(Message(N_("through at least {min} channels"), {"min": min_channels}))
    if params.get("targeted"):
        needs.append(Message(N_("targeted ones naming their audience")))
    remedy = Message(N_("Record outreach: {needs}."), {"needs": Phrases(needs)})
    shortfall = Message(N_("Outreach so far: {shortfalls}."),
                        {"shortfalls": Phrases(shortfalls)})
    if not span.ended and not found:
        return Outcome.of(Status.NOT_YET_DUE, shortfall, remedy=remedy, due_on=span.last)
    return Outcome.of(Status.PARTLY_MET if found else Status.NOT_MET, shortfall,
                      remedy=remedy, evidence=evidence)


