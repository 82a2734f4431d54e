"""Records checks decided by the forum's own record and its membership: contact details,
balance, diversity, high-level members, co-chairs, published terms of reference, working
groups per commitment."""

from __future__ import annotations

import datetime as dt

from secretariat.compliance.facts import Facts, MembershipFact
from secretariat.compliance.periods import before_start, period, share_outcome
from secretariat.compliance.result import Evidence, Label, Message, Outcome, Status
from secretariat.i18n import N_
from secretariat.vocabulary import Role, Side

VOTING = (Role.MEMBER.value, Role.CO_CHAIR.value)
_FIELD_LABELS = {"contact_point": N_("contact point"), "website": N_("website")}


def _voting_on(facts: Facts, day: dt.date) -> list[MembershipFact]:
    return [m for m in facts.memberships if m.role in VOTING and m.active_on(day)]


def _members_evidence(members) -> list[Evidence]:
    return [Evidence("membership", m.id, m.starts_on) for m in members]


def forum_details(params, facts: Facts, day: dt.date) -> Outcome:
    have = {"contact_point": bool(facts.contact_point.strip()),
            "website": bool(facts.website.strip())}
    missing = [field for field in params["fields"] if not have[field]]
    evidence = [Evidence("web_page", facts.web_page_id)] if facts.web_page_id else []
    evidence.append(Evidence("forum", facts.forum_id))
    if not missing:
        return Outcome.of(Status.MET, Message(N_("The forum's record names its {fields}."),
                                              {"fields": tuple(Label(_FIELD_LABELS[f])
                                                               for f in params["fields"])}),
                          evidence=evidence)
    status = Status.PARTLY_MET if len(missing) < len(params["fields"]) else Status.NOT_MET
    return Outcome.of(status, Message(N_("The forum's record does not name its {fields}."),
                                      {"fields": tuple(Label(_FIELD_LABELS[f])
                                                       for f in missing)}),
                      remedy=Message(N_("Record the national OGP web page's address and "
                                        "contact point.")), evidence=evidence)


def _change_days(facts: Facts, start: dt.date, end: dt.date) -> list[dt.date]:
    """The days the membership changed within [start, end], and start itself."""
    days = {start}
    for m in facts.memberships:
        for day in (m.starts_on, m.ends_on and m.ends_on + dt.timedelta(days=1)):
            if day is not None and start < day <= end:
                days.add(day)
    return sorted(days)


def membership_balance(params, facts: Facts, day: dt.date) -> Outcome:
    """On every day of the cycle so far, each side held at least the share of the voting
    seats (checked on each day the membership changed)."""
    span = period(facts, params, day)
    early = before_start(span)
    if early:
        return early
    share = params["min_share_each_side"]
    short_days = []
    for changed in _change_days(facts, span.start, span.end):
        members = _voting_on(facts, changed)
        government = sum(1 for m in members if m.side == Side.GOVERNMENT.value)
        if not members or min(government, len(members) - government) < share * len(members):
            short_days.append((changed, government, len(members)))
    members = _voting_on(facts, span.end)
    if not members:
        return Outcome.of(Status.CANNOT_TELL, Message(N_("No voting member is on record.")),
                          remedy=Message(N_("Record the forum's members and seats.")))
    government = sum(1 for m in members if m.side == Side.GOVERNMENT.value)
    percent = round(share * 100)
    if not short_days:
        return Outcome.of(Status.MET, Message(N_(
            "Each side held at least {percent}% of the voting seats on every day; now "
            "{government} government and {other} non-government."),
            {"percent": percent, "government": government, "other": len(members) - government}),
            evidence=_members_evidence(members))
    first, gov, total = short_days[0]
    now_short = short_days[-1][0] == _change_days(facts, span.start, span.end)[-1]
    return Outcome.of(Status.NOT_MET if now_short else Status.PARTLY_MET, Message(N_(
        "On {count} changes of membership a side held less than {percent}% of the voting "
        "seats; first on {day}: {government} government of {total}."),
        {"count": len(short_days), "percent": percent, "day": first, "government": gov,
         "total": total}), remedy=Message(N_(
             "Fill seats so that each side holds at least {percent}% of the voting seats."),
             {"percent": percent}), evidence=_members_evidence(members))


def sector_diversity(params, facts: Facts, day: dt.date) -> Outcome:
    minimum = params["min_sectors_per_side"]
    members = _voting_on(facts, min(day, facts.cycle.period("whole_cycle")[1]))
    sectors = {side.value: {m.sector for m in members if m.side == side.value} for side in Side}
    short = [side for side in Side if len(sectors[side.value]) < minimum]
    evidence = _members_evidence(members)
    explanation = Message(N_("Voting seats come from {government} government and {other} "
                             "non-government sectors (at least {min} each needed)."),
                          {"government": len(sectors["government"]),
                           "other": len(sectors["non_government"]), "min": minimum})
    if not short:
        return Outcome.of(Status.MET, explanation, evidence=evidence)
    return Outcome.of(Status.PARTLY_MET if len(short) == 1 else Status.NOT_MET, explanation,
                      remedy=Message(N_("Seat members from at least {min} sectors on each "
                                        "side."), {"min": minimum}), evidence=evidence)


def high_level_member(params, facts: Facts, day: dt.date) -> Outcome:
    side, minimum = params["side"], params["min_count"]
    found = [m for m in _voting_on(facts, day) if m.side == side and m.high_level]
    explanation = Message(N_("High-level members from the side “{side}”: {count} (at least "
                             "{min} needed)."), {"count": len(found),
                                                 "side": Label(Side(side).label),
                                                 "min": minimum})
    if len(found) >= minimum:
        return Outcome.of(Status.MET, explanation, evidence=_members_evidence(found))
    return Outcome.of(Status.PARTLY_MET if found else Status.NOT_MET, explanation,
                      remedy=Message(N_("Seat a member with decision-making authority and "
                                        "mark the seat high-level.")),
                      evidence=_members_evidence(found))


def co_chairs(params, facts: Facts, day: dt.date) -> Outcome:
    chairs = [m for m in facts.memberships
              if m.role == Role.CO_CHAIR.value and m.active_on(day)]
    missing = [side for side in params["sides"] if side not in {m.side for m in chairs}]
    evidence = _members_evidence(chairs)
    if not missing:
        return Outcome.of(Status.MET, Message(N_("A serving co-chair from each side.")),
                          evidence=evidence)
    return Outcome.of(Status.PARTLY_MET if chairs else Status.NOT_MET, Message(N_(
        "No serving co-chair from: {sides}."), {"sides": tuple(Label(Side(s).label)
                                                              for s in missing)}),
        remedy=Message(N_("Elect a co-chair from each side.")), evidence=evidence)


def terms_of_reference(params, facts: Facts, day: dt.date) -> Outcome:
    """Published: a published version of the terms of reference (``services.terms``), or
    a public document of that kind in the repository. Adopted by a forum decision: the
    version in force on the day was adopted by a recorded decision; without recorded
    versions the records cannot tell."""
    found = [d for d in facts.documents
             if d.kind == "terms_of_reference" and d.is_public and d.day <= day]
    published = [t for t in facts.terms if t.published_on and t.published_on <= day]
    evidence = [Evidence("document", d.id, d.day) for d in found]
    evidence += [Evidence("terms_of_reference", t.version_no, t.published_on)
                 for t in published]
    remedy = Message(N_("Add the terms of reference to the repository as a public "
                        "document."))
    if not found and not published:
        return Outcome.of(Status.NOT_MET, Message(N_(
            "No public terms of reference in the repository.")), remedy=remedy)
    in_force = [t for t in facts.terms if t.adopted_on <= day]
    if params.get("adopted_by_forum_decision") and in_force:
        current = in_force[-1]
        if current.by_decision:
            return Outcome.of(Status.MET, Message(N_(
                "Version {version} of the terms of reference, in force, was adopted by a "
                "decision of the forum and is published."), {"version": current.version_no}),
                evidence=evidence)
        return Outcome.of(Status.NOT_MET, Message(N_(
            "Version {version} of the terms of reference, in force, was adopted on a date, "
            "not by a recorded decision of the forum."), {"version": current.version_no}),
            remedy=Message(N_("Adopt the terms of reference by a decision of the forum.")),
            evidence=evidence)
    if params.get("adopted_by_forum_decision"):
        return Outcome.of(Status.CANNOT_TELL, Message(N_(
            "The terms of reference are published; whether a forum decision adopted them "
            "the records cannot tell yet.")), remedy=Message(N_(
                "Attest the adopting decision with its minutes as evidence.")),
            evidence=evidence)
    return Outcome.of(Status.MET, Message(N_("The terms of reference are published.")),
                      evidence=evidence)


def working_groups(params, facts: Facts, day: dt.date) -> Outcome:
    span = period(facts, params, day)
    early = before_start(span)
    if early:
        return early
    if params.get("both_sides") or not params.get("per_commitment"):
        return Outcome.of(Status.CANNOT_TELL, Message(N_(
            "Working groups' members are not recorded, so their make-up cannot be "
            "judged.")), remedy=Message(N_("Attest the working groups' membership with "
                                           "evidence.")))
    good = [Evidence("commitment", c.id) for c in facts.commitments if c.working_group]
    bad = [Evidence("commitment", c.id, ok=False) for c in facts.commitments
           if not c.working_group]
    return share_outcome(good, bad, what=Message(N_(
        "{good} of {total} commitments name their working group.")),
        remedy=Message(N_("Name a working group for every commitment.")),
        nothing=Message(N_("The action plan has no commitments recorded yet.")))
