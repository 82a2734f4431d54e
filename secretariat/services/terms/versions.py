"""Reading the versions of the terms of reference: the list, one version as plain data
(its rules, the text of every topic in both languages, its composition)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import Decision, TermsOfReference
from secretariat.services.forum import require_forum
from secretariat.services.terms.fields import FIELD_KEYS
from secretariat.terms_vocabulary import TOPIC_KEYS, TermsStatus


@dataclass(frozen=True)
class SeatsRow:
    sector_code: str
    sector_zh_tw: str
    sector_en: str
    side: str
    seats: int
    alternates: int


@dataclass(frozen=True)
class TermsView:
    id: int
    version_no: int
    status: TermsStatus
    adopted_on: dt.date | None
    adopted_by_decision_number: str | None
    published_on: dt.date | None
    change_note: str
    rules: dict[str, object]  # FIELD_KEYS -> value
    texts: dict[str, tuple[str, str]]  # topic -> (zh_TW, en); every topic present
    seats: list[SeatsRow]
    version: int  # the record's, for expected_version

    def text(self, topic: str, language: str) -> str:
        zh_tw, en = self.texts[topic]
        return zh_tw if language == "zh_TW" else en


def all_versions(s: Session) -> list[TermsOfReference]:
    forum = require_forum(s)
    return list(s.scalars(select(TermsOfReference)
                          .where(TermsOfReference.forum_id == forum.id)
                          .order_by(TermsOfReference.version_no)))


def get_version(s: Session, version_no: int) -> TermsOfReference:
    forum = require_forum(s)
    terms = s.scalars(select(TermsOfReference).where(
        TermsOfReference.forum_id == forum.id,
        TermsOfReference.version_no == version_no)).first()
    if terms is None:
        raise SecretariatError(N_("The terms of reference have no version {version}."),
                               version=version_no)
    return terms


def view(s: Session, terms: TermsOfReference) -> TermsView:
    texts = {topic: ("", "") for topic in TOPIC_KEYS}
    for clause in terms.clauses:
        texts[clause.topic] = (clause.text_zh_tw, clause.text_en)
    number = (s.scalar(select(Decision.number).where(Decision.id == terms.adopted_by_decision_id))
              if terms.adopted_by_decision_id else None)
    seats = sorted(terms.seats, key=lambda row: (row.sector.sort_order, row.sector.id))
    return TermsView(
        id=terms.id, version_no=terms.version_no, status=terms.status,
        adopted_on=terms.adopted_on, adopted_by_decision_number=number,
        published_on=terms.published_on, change_note=terms.change_note,
        rules={key: getattr(terms, key) for key in FIELD_KEYS}, texts=texts,
        seats=[SeatsRow(row.sector.code, row.sector.name_zh_tw, row.sector.name_en,
                        row.sector.side.value, row.seats, row.alternates) for row in seats],
        version=terms.version)


def view_version(s: Session, version_no: int) -> TermsView:
    return view(s, get_version(s, version_no))


def list_views(s: Session) -> list[TermsView]:
    return [view(s, terms) for terms in all_versions(s)]
