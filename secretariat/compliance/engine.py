"""Evaluate catalogue entries for a cycle on a day, over plain data.

A records rule goes to its check (``CHECKS``; one without an implementation says
"cannot tell" and why, never "met"); an attestation rule reads the latest attestation of
the entry made by the day; an ``all_of`` rule combines its parts: all met (or attested)
is met (attested); a failure beside a success is partly met; only failures is not met;
else "cannot tell" wins over "not yet due".
"""

from __future__ import annotations

import datetime as dt

from secretariat.compliance import checks_forum, checks_meetings, checks_records
from secretariat.compliance.facts import Facts
from secretariat.compliance.result import Evidence, Label, Message, Outcome, Result, Status
from secretariat.i18n import N_
from secretariat.standards.catalogue import Catalogue, Entry
from secretariat.standards.rules import ALL_OF, ATTESTATION, Rule

CHECKS = {
    "meeting_interval": checks_meetings.meeting_interval,
    "meeting_count": checks_meetings.meeting_count,
    "remote_participation": checks_meetings.remote_participation,
    "advance_notice": checks_meetings.advance_notice,
    "meeting_papers": checks_meetings.meeting_papers,
    "document_tabled": checks_meetings.document_tabled,
    "publication": checks_records.publication,
    "commitment_progress": checks_records.commitment_progress,
    "consultation_window": checks_records.consultation_window,
    "response_time": checks_records.response_time,
    "contributions_answered": checks_records.contributions_answered,
    "proposals_reasoned": checks_records.proposals_reasoned,
    "outreach_activities": checks_records.outreach_activities,
    "forum_details": checks_forum.forum_details,
    "membership_balance": checks_forum.membership_balance,
    "sector_diversity": checks_forum.sector_diversity,
    "high_level_member": checks_forum.high_level_member,
    "co_chairs": checks_forum.co_chairs,
    "terms_of_reference": checks_forum.terms_of_reference,
    "working_groups": checks_forum.working_groups,
}
# Checks whose records other capabilities keep and that are not built yet: the reason
# each cannot be decided.
NOT_DECIDABLE = {
    "decision_adopted": N_("Decisions do not yet record what they adopt (the development "
                           "process, the commitments)."),
    "member_selection": N_("Selection rounds of members are not recorded yet."),
    "ethics_declarations": N_("Ethics statements and declarations of interests are not "
                              "recorded yet."),
}


def evaluate(entry: Entry, facts: Facts, day: dt.date) -> Result:
    if entry.rule.kind == ALL_OF:
        parts = tuple(_outcome(part, entry, facts, day) for part in entry.rule.parts)
        outcome = combine(parts)
    else:
        parts = ()
        outcome = _outcome(entry.rule, entry, facts, day)
    return Result(entry.id, entry.level.value, entry.phase.value, entry.element.value,
                  outcome, parts)


def evaluate_catalogue(catalogue: Catalogue, facts: Facts, day: dt.date) -> list[Result]:
    return [evaluate(entry, facts, day) for entry in catalogue.entries]


def _outcome(rule: Rule, entry: Entry, facts: Facts, day: dt.date) -> Outcome:
    if rule.kind == ATTESTATION:
        return attested(entry.id, facts, day)
    check = CHECKS.get(rule.check)
    if check is None:
        reason = NOT_DECIDABLE.get(rule.check, N_("This check is not implemented yet."))
        return Outcome.of(Status.CANNOT_TELL, Message(reason), remedy=Message(N_(
            "Attest the requirement with evidence.")))
    return check(rule.params, facts, day)


def attested(entry_id: str, facts: Facts, day: dt.date) -> Outcome:
    found = sorted((a for a in facts.attestations
                    if a.requirement_id == entry_id and a.day <= day),
                   key=lambda a: (a.day, a.id))
    if not found:
        return Outcome.of(Status.CANNOT_TELL, Message(N_(
            "The records cannot decide this; no one has attested it.")), remedy=Message(N_(
                "Attest it with a statement and evidence (a document or a link).")))
    latest = found[-1]
    evidence = [Evidence("attestation", latest.id, latest.day, latest.is_met)]
    if latest.is_met:
        return Outcome.of(Status.ATTESTED, Message(N_("Attested as met on {day}."),
                                                   {"day": latest.day}), evidence=evidence)
    return Outcome.of(Status.NOT_MET, Message(N_("Attested as not met on {day}."),
                                              {"day": latest.day}),
                      remedy=Message(N_("Do what the requirement asks, then attest again.")),
                      evidence=evidence)


def combine(parts: tuple[Outcome, ...]) -> Outcome:
    statuses = {part.status for part in parts}
    good = {Status.MET, Status.ATTESTED}
    bad = {Status.NOT_MET, Status.PARTLY_MET}
    if statuses <= good:
        status = Status.ATTESTED if Status.ATTESTED in statuses else Status.MET
    elif statuses & bad:
        status = Status.PARTLY_MET if statuses & (good | {Status.PARTLY_MET}) \
            else Status.NOT_MET
    elif Status.CANNOT_TELL in statuses:
        status = Status.CANNOT_TELL
    else:
        status = Status.NOT_YET_DUE
    counts = {s: sum(1 for part in parts if part.status == s) for s in Status}
    explanation = Message(N_("{met} of {total} parts met or attested: {statuses}."), {
        "met": counts[Status.MET] + counts[Status.ATTESTED], "total": len(parts),
        "statuses": tuple(Label(part.status.label) for part in parts)})
    remedies = [part.remedy for part in parts if part.remedy is not None
                and part.status not in good]
    dues = [part.due_on for part in parts if part.due_on is not None]
    return Outcome.of(status, explanation,
                      remedy=Message(N_("{remedies}"), {"remedies": tuple(remedies)})
                      if remedies else None,
                      evidence=[e for part in parts for e in part.evidence],
                      due_on=min(dues) if dues else None)
