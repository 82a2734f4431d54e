"""Adopting a draft version of the terms of reference, and publishing an adopted one.

A version is adopted by a recorded forum decision (its meeting's date becomes the
adoption date) or, for terms adopted before the decision log was kept, on a date. From
then on it is in force until a later version is adopted, and it never changes (see
``secretariat.store.terms_guard``). Versions come into force in their order: a version
cannot be adopted on a date before an earlier version's adoption. Adopting and
publishing enter the version in the audit log (``services.audit.terms_content``), so a
change made behind the program's back shows in ``audit verify``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Decision, Forum, Meeting, TermsOfReference
from secretariat.services.audit.chain import append_entry
from secretariat.services.audit.terms_content import TERMS
from secretariat.services.terms.versions import get_version
from secretariat.services.validation import (
    check_date,
    check_version,
    flush,
    get_or_error,
    lock_for_change,
    plausible_year_problem,
)
from secretariat.terms_vocabulary import DecisionRule, TermsStatus


def adopt_version(s: Session, version_no: int, *, decision_id: int | None = None,
                  on: dt.date | str | None = None, expected_version: int | None = None,
                  today: dt.date | None = None) -> TermsOfReference:
    if (decision_id is None) == (on is None):
        raise SecretariatError(N_("Say how the version was adopted: by a decision, or on "
                                  "a date (not both)."))
    terms = get_version(s, version_no)
    lock_for_change(s, Forum, terms.forum_id, N_("forum"))
    check_version(terms, expected_version)
    if terms.status != TermsStatus.DRAFT:
        raise SecretariatError(N_("Version {version} of the terms of reference is adopted "
                                  "already."), version=terms.version_no)
    if terms.decision_rule == DecisionRule.QUALIFIED_MAJORITY and terms.majority_percent is None:
        raise SecretariatError(N_("A qualified majority needs its share of the votes "
                                  "(majority_percent, from 51 to 100)."))
    if decision_id is not None:
        decision = get_or_error(s, Decision, decision_id, N_("decision"))
        other = s.scalar(select(TermsOfReference.version_no).where(
            TermsOfReference.adopted_by_decision_id == decision.id))
        if other is not None:
            raise SecretariatError(N_("Decision {number} adopted version {version} of the "
                                      "terms of reference already."),
                                   number=decision.number, version=other)
        meeting = s.get(Meeting, decision.meeting_id)
        day = decision.decided_at.astimezone(ZoneInfo(meeting.time_zone)).date()
    else:
        day = check_date(on, N_("Adoption date"))
        problem = plausible_year_problem(day, N_("Adoption date"))
        if problem is not None:
            raise problem
        _check_before_the_decision_log(s, terms.forum_id, day)
    if day > (today or dt.date.today()):
        raise SecretariatError(N_("The adoption date {date} is still to come: adopt the "
                                  "version once the forum has decided."), date=day.isoformat())
    later = s.scalars(select(TermsOfReference).where(
        TermsOfReference.forum_id == terms.forum_id,
        TermsOfReference.status != TermsStatus.DRAFT,
        TermsOfReference.adopted_on > day)).first()
    if later is not None:
        raise SecretariatError(N_(
            "Version {later} was adopted on {later_date}, after {date}: a new version can "
            "only come into force after the versions before it."),
            later=later.version_no, later_date=later.adopted_on.isoformat(), date=day.isoformat())
    terms.status = TermsStatus.ADOPTED
    terms.adopted_on = day
    terms.adopted_by_decision_id = decision_id
    flush(s)
    append_entry(s, TERMS, terms.id, "adopt")
    return terms


def _check_before_the_decision_log(s: Session, forum_id: int, day: dt.date) -> None:
    """A date stands in for the adopting decision only before the forum recorded
    decisions: from its first recorded decision on, adoption is by a decision."""
    first = s.execute(select(Decision.decided_at, Meeting.time_zone)
                      .join(Meeting, Meeting.id == Decision.meeting_id)
                      .where(Decision.forum_id == forum_id)
                      .order_by(Decision.decided_at).limit(1)).first()
    if first is None:
        return
    log_starts = first.decided_at.astimezone(ZoneInfo(first.time_zone)).date()
    if day >= log_starts:
        raise SecretariatError(N_(
            "The forum records its decisions since {date}: a version adopted on {day} is "
            "adopted by its decision (give the decision's number)."),
            date=log_starts.isoformat(), day=day.isoformat())


def publish_version(s: Session, version_no: int, *, on: dt.date | str,
                    expected_version: int | None = None) -> TermsOfReference:
    terms = get_version(s, version_no)
    check_version(terms, expected_version)
    day = check_date(on, N_("Publication date"))
    if terms.status == TermsStatus.DRAFT:
        raise SecretariatError(N_("Version {version} of the terms of reference is a draft: "
                                  "adopt it before publishing it."), version=terms.version_no)
    if terms.status == TermsStatus.PUBLISHED:
        raise SecretariatError(N_("Version {version} of the terms of reference was "
                                  "published on {date}."), version=terms.version_no,
                               date=terms.published_on.isoformat())
    if terms.adopted_on is not None and day < terms.adopted_on:
        raise SecretariatError(N_("A version cannot be published before its adoption "
                                  "({date})."), date=terms.adopted_on.isoformat())
    terms.status, terms.published_on = TermsStatus.PUBLISHED, day
    flush(s)
    append_entry(s, TERMS, terms.id, "publish")
    return terms


def adopt_by_decision_number(s: Session, version_no: int, number: str, *,
                             expected_version: int | None = None) -> TermsOfReference:
    """``adopt_version`` by the decision a clerk types (``2026-S03-R02``, any case, or
    the earlier spelling ``2026-03-02``)."""
    from secretariat.decision_numbers import parse_decision_number

    value = (number or "").strip()
    decision_id = s.scalar(select(Decision.id).where(
        Decision.number == (parse_decision_number(value) or value)))
    if decision_id is None:
        raise SecretariatError(N_("There is no decision numbered {number}."), number=value)
    return adopt_version(s, version_no, decision_id=decision_id,
                         expected_version=expected_version)
