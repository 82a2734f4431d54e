"""Contributions from the public and civil society, the government's reasoned response to
each, and the list of those whose response is overdue.

A response is due ``RESPONSE_DAYS`` days after the contribution arrived: one received on
1 March is answered in time up to and including 21 March.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from secretariat.cocreation_vocabulary import Channel, StakeholderKind
from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import ActionPlanCycle, Consultation, Contribution
from secretariat.services.cocreation.checks import check_day
from secretariat.services.validation import (
    coerce_enum,
    flush,
    get_for_update,
    get_or_error,
    optional_text,
    required_text,
)

RESPONSE_DAYS = 20
MAX_TEXT = 20_000


def response_due(received_on: dt.date) -> dt.date:
    return received_on + dt.timedelta(days=RESPONSE_DAYS)


@dataclass(frozen=True)
class ContributionValues:
    """One contribution as typed or read from a CSV row, before it is checked."""

    stakeholder_kind: StakeholderKind | str
    channel: Channel | str
    received_on: dt.date
    text: str
    contributor: str = ""
    region: str = ""
    topic: str = ""
    consultation_id: int | None = None
    response: str = ""
    responded_on: dt.date | None = None


def checked_contribution(cycle_id: int, values: ContributionValues) -> Contribution:
    """The contribution as it would be stored, or SecretariatError; touches no database
    (the CSV import checks every row with it before writing any)."""
    received = check_day(values.received_on, N_("Date received"))
    text = required_text(values.text, N_("Contribution text"))
    if len(text) > MAX_TEXT:
        raise SecretariatError(N_("The contribution is longer than {limit} characters."),
                               limit=MAX_TEXT)
    response = optional_text(values.response, N_("Response"))
    responded = values.responded_on
    if responded is not None:
        responded = check_day(responded, N_("Response date"))
        _check_response_date(received, responded)
        if not response:
            raise SecretariatError(N_("A response date needs the response's text."))
    elif response:
        raise SecretariatError(N_("Give the date of the response."))
    return Contribution(
        cycle_id=cycle_id, consultation_id=values.consultation_id,
        stakeholder_kind=coerce_enum(StakeholderKind, values.stakeholder_kind,
                                     N_("Stakeholder")),
        channel=coerce_enum(Channel, values.channel, N_("Channel")), received_on=received,
        text=text, contributor=optional_text(values.contributor, N_("Contributor")),
        region=optional_text(values.region, N_("Region")),
        topic=optional_text(values.topic, N_("Topic")), response=response,
        responded_on=responded)


def _check_response_date(received: dt.date, responded: dt.date) -> None:
    if responded < received:
        raise SecretariatError(N_("The response is dated {responded}, before the "
                                  "contribution was received on {received}."),
                               responded=responded, received=received)


def record_contribution(s: Session, cycle_id: int,
                        values: ContributionValues) -> Contribution:
    cycle = get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    if values.consultation_id is not None:
        consultation = get_or_error(s, Consultation, values.consultation_id,
                                    N_("consultation"))
        if consultation.cycle_id != cycle.id:
            raise SecretariatError(N_("That consultation belongs to another cycle."))
    contribution = checked_contribution(cycle.id, values)
    s.add(contribution)
    flush(s)
    return contribution


def respond(s: Session, contribution_id: int, *, response: str, responded_on: dt.date,
            expected_version: int | None = None) -> Contribution:
    """Record (or replace) the government's reasoned response."""
    contribution = get_for_update(s, Contribution, contribution_id, N_("contribution"),
                                  expected_version=expected_version)
    text = required_text(response, N_("Response"))
    day = check_day(responded_on, N_("Response date"))
    _check_response_date(contribution.received_on, day)
    contribution.response, contribution.responded_on = text, day
    flush(s)
    return contribution


def overdue_contributions(s: Session, on: dt.date, *,
                          cycle_id: int | None = None) -> list[Contribution]:
    """Contributions without a response whose due day is before ``on``, oldest first."""
    query = (select(Contribution)
             .where(Contribution.responded_on.is_(None),
                    Contribution.received_on < on - dt.timedelta(days=RESPONSE_DAYS))
             .order_by(Contribution.received_on, Contribution.id))
    if cycle_id is not None:
        query = query.where(Contribution.cycle_id == cycle_id)
    return list(s.scalars(query))


def contribution_rows(s: Session, cycle_id: int, *, search: str = "",
                      limit: int | None = None) -> list[Contribution]:
    """A cycle's contributions, newest first; ``search`` finds text, topic, region or
    contributor containing it."""
    query = (select(Contribution).where(Contribution.cycle_id == cycle_id)
             .order_by(Contribution.received_on.desc(), Contribution.id.desc()))
    query = _matching(s, query, search)
    if limit is not None:
        query = query.limit(limit)
    return list(s.scalars(query))


def _matching(s: Session, query, search: str):
    """``query`` kept to contributions whose text, topic, region or contributor contains
    ``search`` (as typed: % and _ are characters, not wildcards)."""
    if not search.strip():
        return query
    # SQLite's LIKE already ignores ASCII case and is about twice as fast as the lower()
    # ILIKE becomes there; PostgreSQL's LIKE does not, so it gets ILIKE.
    insensitive = s.get_bind().dialect.name != "sqlite"
    return query.where(or_(*(
        (column.icontains if insensitive else column.contains)(search.strip(),
                                                                 autoescape=True)
        for column in (Contribution.text, Contribution.topic, Contribution.region,
                       Contribution.contributor))))


@dataclass(frozen=True)
class ContributionRow:
    """A contribution as lists show it (plain values, no ORM object)."""

    id: int
    received_on: dt.date
    stakeholder_kind: StakeholderKind
    channel: Channel
    region: str
    topic: str
    text: str
    responded_on: dt.date | None
    version: int

    @property
    def response_due(self) -> dt.date:
        return response_due(self.received_on)

    def overdue_on(self, day: dt.date) -> bool:
        return self.responded_on is None and self.response_due < day


def contribution_list(s: Session, cycle_id: int, *, search: str = "",
                      limit: int | None = 500) -> list[ContributionRow]:
    """``contribution_rows`` as plain rows, reading only the columns a list shows."""
    query = (select(Contribution.id, Contribution.received_on, Contribution.stakeholder_kind,
                    Contribution.channel, Contribution.region, Contribution.topic,
                    func.substr(Contribution.text, 1, 200), Contribution.responded_on,
                    Contribution.version)
             .where(Contribution.cycle_id == cycle_id)
             .order_by(Contribution.received_on.desc(), Contribution.id.desc()))
    query = _matching(s, query, search)
    if limit is not None:
        query = query.limit(limit)
    return [ContributionRow(*row) for row in s.execute(query)]


def contribution_count(s: Session, cycle_id: int) -> int:
    return s.scalar(select(func.count(Contribution.id))
                    .where(Contribution.cycle_id == cycle_id)) or 0
