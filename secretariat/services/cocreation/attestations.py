"""Attest a requirement the records cannot decide: a statement (met or not) by a named
person, with its evidence, a document of the repository or a link. Without evidence an
attestation is refused."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import ActionPlanCycle, Attestation, Document
from secretariat.services.cocreation.checks import check_day
from secretariat.services.validation import flush, get_or_error, optional_text, required_text
from secretariat.standards.catalogue import load


def attest(s: Session, cycle_id: int, *, requirement_id: str, statement: str,
           attested_on: dt.date, attested_by: str = "", is_met: bool = True,
           evidence_document_id: int | None = None,
           evidence_link: str = "") -> Attestation:
    cycle = get_or_error(s, ActionPlanCycle, cycle_id, N_("action-plan cycle"))
    try:
        load(cycle.catalogue).entry(requirement_id)
    except KeyError:
        raise SecretariatError(N_("The catalogue this cycle is judged by has no "
                                  "requirement “{id}”."), id=requirement_id) from None
    link = optional_text(evidence_link, N_("Evidence link"))
    if link and not link.lower().startswith(("http://", "https://")):
        raise SecretariatError(N_("The address must begin with http:// or https:// "
                                  "(got “{value}”)."), value=link)
    if evidence_document_id is not None:
        get_or_error(s, Document, evidence_document_id, N_("document"))
    elif not link:
        raise SecretariatError(N_("An attestation needs its evidence: attach a document "
                                  "or give a link."))
    attestation = Attestation(
        cycle_id=cycle.id, requirement_id=requirement_id,
        statement=required_text(statement, N_("Statement")),
        attested_on=check_day(attested_on, N_("Date attested")),
        attested_by=optional_text(attested_by, N_("Attested by")), is_met=bool(is_met),
        evidence_document_id=evidence_document_id, evidence_link=link)
    s.add(attestation)
    flush(s)
    return attestation


def attestations_of(s: Session, cycle_id: int) -> list[Attestation]:
    return list(s.scalars(select(Attestation).where(Attestation.cycle_id == cycle_id)
                          .order_by(Attestation.attested_on, Attestation.id)))
