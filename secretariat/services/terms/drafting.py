"""Drafting a new version of the terms of reference, editing it while it is a draft, and
discarding it.

A draft starts as a copy of a version (by default the one in force today, else the
newest adopted one, else the program's defaults) with the changes given; there is at
most one draft at a time, and it is always the newest version. Validate, then write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import LANGUAGES, N_
from secretariat.model import Forum, TermsClause, TermsOfReference, TermsSeats
from secretariat.services.forum import require_forum, sector_by_code
from secretariat.store.terms_guard import ADOPTED_IS_FINAL
from secretariat.services.terms.fields import BY_KEY, FIELD_KEYS, check_value
from secretariat.services.terms.in_force import terms_in_force
from secretariat.services.terms.versions import get_version
from secretariat.services.validation import check_version, flush, lock_for_change, optional_text
from secretariat.terms_vocabulary import TOPIC_KEYS, DecisionRule, TermsStatus

MAX_SEATS = 1000
Texts = Mapping[str, Mapping[str, str]]  # topic -> language -> text
Seats = Mapping[str, tuple[int, int]]  # sector code -> (seats, alternates)


def draft_version(s: Session, *, based_on: int | None = None,
                  rules: Mapping[str, object] | None = None, texts: Texts | None = None,
                  seats: Seats | None = None, change_note: str = "",
                  today: dt.date | None = None) -> TermsOfReference:
    """A new draft version: a copy of ``based_on`` (or the version in force) changed by
    ``rules``, ``texts`` and ``seats`` (a sector's seats replace its row; zero seats and
    alternates remove it)."""
    forum = require_forum(s)
    lock_for_change(s, Forum, forum.id, N_("forum"))  # one version number at a time
    versions = list(s.scalars(select(TermsOfReference)
                              .where(TermsOfReference.forum_id == forum.id)))
    draft = next((v for v in versions if v.status == TermsStatus.DRAFT), None)
    if draft is not None:
        raise SecretariatError(N_(
            "Version {version} of the terms of reference is still a draft: adopt it or "
            "discard it before drafting another."), version=draft.version_no)
    base = _base(s, versions, based_on, today or dt.date.today())
    terms = TermsOfReference(forum_id=forum.id, version_no=1 + max(
        (v.version_no for v in versions), default=0), status=TermsStatus.DRAFT)
    if base is not None:
        for key in FIELD_KEYS:
            setattr(terms, key, getattr(base, key))
        terms.clauses = [TermsClause(topic=c.topic, text_zh_tw=c.text_zh_tw, text_en=c.text_en)
                         for c in base.clauses]
        terms.seats = [TermsSeats(sector_id=row.sector_id, seats=row.seats,
                                  alternates=row.alternates) for row in base.seats]
    else:
        for key in FIELD_KEYS:
            column = TermsOfReference.__table__.c[key]
            setattr(terms, key, column.default.arg if column.default is not None else None)
    _apply(s, terms, rules or {}, texts or {}, seats or {}, change_note)
    s.add(terms)
    flush(s)
    return terms


def update_draft(s: Session, version_no: int, *, rules: Mapping[str, object] | None = None,
                 texts: Texts | None = None, seats: Seats | None = None,
                 change_note: str | None = None,
                 expected_version: int | None = None) -> TermsOfReference:
    terms = _draft(s, version_no)
    check_version(terms, expected_version)
    _apply(s, terms, rules or {}, texts or {}, seats or {}, change_note)
    terms.updated_at = dt.datetime.now(dt.timezone.utc)  # a new record version, for undo
    flush(s)
    return terms


def discard_draft(s: Session, version_no: int, *, expected_version: int | None = None) -> None:
    terms = _draft(s, version_no)
    check_version(terms, expected_version)
    s.delete(terms)
    flush(s)


def _draft(s: Session, version_no: int) -> TermsOfReference:
    terms = get_version(s, version_no)
    if terms.status != TermsStatus.DRAFT:
        raise SecretariatError(ADOPTED_IS_FINAL, version=terms.version_no)
    return terms


def _base(s: Session, versions: list[TermsOfReference], based_on: int | None,
          today: dt.date) -> TermsOfReference | None:
    if based_on is not None:
        return get_version(s, based_on)
    adopted = sorted((v for v in versions if v.status != TermsStatus.DRAFT),
                     key=lambda v: v.version_no)
    return terms_in_force(s, today) or (adopted[-1] if adopted else None)


def _apply(s: Session, terms: TermsOfReference, rules: Mapping[str, object], texts: Texts,
           seats: Seats, change_note: str | None) -> None:
    """Validate every change, then make them, so a refusal changes nothing."""
    values = {}
    for key, value in rules.items():
        if key not in BY_KEY:
            raise SecretariatError(N_("“{name}” is not a rule of the terms of reference "
                                      "(rules: {names})."), name=key, names=", ".join(FIELD_KEYS))
        values[key] = check_value(BY_KEY[key], value)
    rule = values.get("decision_rule", terms.decision_rule)
    majority = values.get("majority_percent", terms.majority_percent)
    if rule == DecisionRule.QUALIFIED_MAJORITY and majority is None:
        raise SecretariatError(N_("A qualified majority needs its share of the votes "
                                  "(majority_percent, from 51 to 100)."))
    clean_texts = {}
    for topic, by_language in texts.items():
        if topic not in TOPIC_KEYS:
            raise SecretariatError(N_("“{name}” is not a topic of the terms of reference "
                                      "(topics: {names})."), name=topic, names=", ".join(TOPIC_KEYS))
        for language, text in by_language.items():
            if language not in LANGUAGES:
                raise SecretariatError(
                    N_("“{language}” is not a supported language (supported: {supported})."),
                    language=language, supported=", ".join(LANGUAGES))
            if not isinstance(text, str):
                raise SecretariatError(N_("The text of “{name}” must be text."), name=topic)
            clean_texts[(topic, language)] = optional_text(text)
    clean_seats = {}
    for code, (count, alternates) in seats.items():
        sector = sector_by_code(s, code)
        for number in (count, alternates):
            if isinstance(number, bool) or not isinstance(number, int) \
                    or not 0 <= number <= MAX_SEATS:
                raise SecretariatError(N_("Seats and alternates must be whole numbers from "
                                          "0 to {max}."), max=MAX_SEATS)
        clean_seats[sector.id] = (count, alternates)
    note = optional_text(change_note) if change_note is not None else None

    for key, value in values.items():
        setattr(terms, key, value)
    if terms.decision_rule != DecisionRule.QUALIFIED_MAJORITY:
        terms.majority_percent = None
    clauses = {c.topic: c for c in terms.clauses}
    for (topic, language), text in clean_texts.items():
        clause = clauses.get(topic)
        if clause is None:
            clause = clauses[topic] = TermsClause(topic=topic, text_zh_tw="", text_en="")
            terms.clauses.append(clause)
        setattr(clause, "text_zh_tw" if language == "zh_TW" else "text_en", text)
    rows = {row.sector_id: row for row in terms.seats}
    for sector_id, (count, alternates) in clean_seats.items():
        row = rows.get(sector_id)
        if count == 0 and alternates == 0:
            if row is not None:
                terms.seats.remove(row)
        elif row is None:
            terms.seats.append(TermsSeats(sector_id=sector_id, seats=count,
                                          alternates=alternates))
        else:
            row.seats, row.alternates = count, alternates
    if note is not None:
        terms.change_note = note

