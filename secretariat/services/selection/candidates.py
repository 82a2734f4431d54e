"""Adding a candidate to a round's pool, in the order applications arrived."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import SelectionCandidate
from secretariat.services.selection.guards import round_taking_applications
from secretariat.services.validation import flush, optional_text, required_text


def add_candidate(s: Session, round_id: int, *, name: str, name_en: str = "",
                  organisation: str = "", sector_code: str = "",
                  features: Mapping[str, str] | None = None) -> SelectionCandidate:
    selection_round = round_taking_applications(s, round_id)
    values = candidate_values(name=name, name_en=name_en, organisation=organisation,
                              sector_code=sector_code, features=features or {})
    if duplicate_of(s, round_id, values["name"], values["organisation"]) is not None:
        raise SecretariatError(N_("{name} ({organisation}) has already applied to this "
                                  "round."), name=values["name"],
                               organisation=values["organisation"] or "—")
    position = (s.scalar(select(func.max(SelectionCandidate.position))
                         .where(SelectionCandidate.round_id == selection_round.id)) or 0) + 1
    candidate = SelectionCandidate(round_id=selection_round.id, position=position, **values)
    selection_round.candidates.append(candidate)  # keeps the loaded collection current
    flush(s)
    return candidate


def candidate_values(*, name: str, name_en: str, organisation: str, sector_code: str,
                     features: Mapping[str, str]) -> dict[str, object]:
    """The checked columns of a candidate (also used row by row by the CSV import)."""
    clean = {}
    for key, value in features.items():
        category = required_text(key, N_("Feature"))
        clean[category] = required_text(value, N_("Feature value"))
    return {"name": required_text(name, N_("Name")), "name_en": optional_text(name_en),
            "organisation": optional_text(organisation),
            "sector_code": optional_text(sector_code),
            "features_json": json.dumps(clean, ensure_ascii=False, sort_keys=True)}


def duplicate_of(s: Session, round_id: int, name: str,
                 organisation: str) -> SelectionCandidate | None:
    """The same person applying twice: same name and organisation, spaces and case
    aside."""
    key = _identity(name, organisation)
    for candidate in s.scalars(select(SelectionCandidate)
                               .where(SelectionCandidate.round_id == round_id)):
        if _identity(candidate.name, candidate.organisation) == key:
            return candidate
    return None


def _identity(name: str, organisation: str) -> tuple[str, str]:
    return (" ".join(name.split()).casefold(), " ".join(organisation.split()).casefold())


def features_of(candidate: SelectionCandidate) -> dict[str, str]:
    return json.loads(candidate.features_json or "{}")


def candidate_at(s: Session, round_id: int, position: int) -> SelectionCandidate:
    """A candidate by their number in the round's list of applications."""
    candidate = s.scalars(select(SelectionCandidate).where(
        SelectionCandidate.round_id == round_id, SelectionCandidate.position == position)).first()
    if candidate is None:
        raise SecretariatError(N_("Round {round} has no candidate number {number}."),
                               round=round_id, number=position)
    return candidate
