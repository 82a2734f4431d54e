"""The method's inputs besides the pool and the sources: quotas (LEXIMIN), ballots as BLT
text (elections), the rubric and the assessors' scores (scored assessment)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from fractions import Fraction

from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import AssessorScore, CommitteeMember, CommitteeRecusal, SelectionCandidate
from secretariat.selection import blt
from secretariat.services.selection.guards import round_for_change
from secretariat.services.validation import flush, get_or_error, required_text


def set_quotas(s: Session, round_id: int, quotas: Iterable[Mapping[str, object]]) -> list[dict]:
    """Each quota: ``category``, ``feature`` (the value), ``min`` and ``max`` panel members."""
    selection_round = round_for_change(s, round_id)
    clean = []
    seen = set()
    for number, quota in enumerate(quotas, start=1):
        category = required_text(str(quota.get("category", "")), N_("Category"))
        feature = required_text(str(quota.get("feature", "")), N_("Feature value"))
        low, high = _whole(quota.get("min"), number), _whole(quota.get("max"), number)
        if low > high:
            raise SecretariatError(N_("Quota {number}: the minimum {low} is above the "
                                      "maximum {high}."), number=number, low=low, high=high)
        if (category, feature) in seen:
            raise SecretariatError(N_("Quota {number}: {category} = {feature} is given "
                                      "twice."), number=number, category=category,
                                   feature=feature)
        seen.add((category, feature))
        clean.append({"category": category, "feature": feature, "min": low, "max": high})
    selection_round.quotas_json = json.dumps(clean, ensure_ascii=False)
    flush(s)
    return clean


def set_ballots(s: Session, round_id: int, text: str) -> int:
    """The ballots as BLT text (as read from a counting program or a ballot box); returns
    the number of ballot papers. Checked against the pool when the count runs."""
    selection_round = round_for_change(s, round_id)
    election = blt.parse(text)
    selection_round.ballots_blt = text
    flush(s)
    return sum(ballot.weight for ballot in election.ballots)


def set_rubric(s: Session, round_id: int, criteria: Iterable[Mapping[str, object]]) -> list[dict]:
    """Each criterion: ``name``, ``name_en``, ``weight`` (a number > 0), ``low`` and
    ``high`` ends of the scale."""
    selection_round = round_for_change(s, round_id)
    clean = []
    for number, criterion in enumerate(criteria, start=1):
        name = required_text(str(criterion.get("name", "")), N_("Criterion"))
        try:
            weight = Fraction(str(criterion.get("weight", "1")))
        except (ValueError, ZeroDivisionError):
            weight = Fraction(0)
        if weight <= 0:
            raise SecretariatError(N_("Criterion {number}: the weight must be a number above "
                                      "0."), number=number)
        low, high = _whole(criterion.get("low", 0), number), _whole(criterion.get("high"), number)
        if low >= high:
            raise SecretariatError(N_("Criterion {number}: the scale must run from a lower "
                                      "to a higher score."), number=number)
        clean.append({"name": name, "name_en": str(criterion.get("name_en", "")).strip(),
                      "weight": str(weight), "low": low, "high": high})
    if len({c["name"] for c in clean}) != len(clean):
        raise SecretariatError(N_("Two criteria have the same name."))
    selection_round.rubric_json = json.dumps(clean, ensure_ascii=False)
    flush(s)
    return clean


def record_score(s: Session, member_id: int, candidate_id: int, criterion: str,
                 score: int) -> AssessorScore:
    member = get_or_error(s, CommitteeMember, member_id, N_("committee member"))
    selection_round = round_for_change(s, member.round_id)
    candidate = get_or_error(s, SelectionCandidate, candidate_id, N_("candidate"))
    if candidate.round_id != member.round_id:
        raise SecretariatError(N_("That candidate applied to another round."))
    if s.get(CommitteeRecusal, (member.id, candidate.id)) is not None:
        raise SecretariatError(N_("{member} stepped aside for {candidate} and cannot score "
                                  "them."), member=member.name, candidate=candidate.name)
    rubric = {c["name"]: c for c in json.loads(selection_round.rubric_json or "[]")}
    if criterion not in rubric:
        raise SecretariatError(N_("“{criterion}” is not a criterion of the rubric."),
                               criterion=criterion)
    low, high = rubric[criterion]["low"], rubric[criterion]["high"]
    if not isinstance(score, int) or not low <= score <= high:
        raise SecretariatError(N_("Scores for “{criterion}” run from {low} to {high} (got "
                                  "{score})."), criterion=criterion, low=low, high=high,
                               score=score)
    row = s.get(AssessorScore, (member.id, candidate.id, criterion))
    if row is None:
        row = AssessorScore(member_id=member.id, candidate_id=candidate.id,
                            criterion=criterion, score=score)
        s.add(row)
    else:
        row.score = score
    flush(s)
    return row


def _whole(value: object, number: int) -> int:
    try:
        result = int(str(value).strip())
    except (TypeError, ValueError):
        raise SecretariatError(N_("Line {number}: “{value}” is not a whole number."),
                               number=number, value=value) from None
    if result < 0:
        raise SecretariatError(N_("Line {number}: “{value}” is not a whole number."),
                               number=number, value=value)
    return result


def record_scores(s: Session, round_id: int, rows: Iterable[Mapping[str, str]]) -> int:
    """Scores from a table: ``assessor`` and ``candidate`` by their numbers in the round,
    ``criterion`` by name, ``score``. All or nothing: the first bad row stops it, and the
    caller's transaction is rolled back."""
    from secretariat.services.selection.candidates import candidate_at
    from secretariat.services.selection.committee import committee_member_at

    count = 0
    for number, row in enumerate(rows, start=2):
        try:
            member = committee_member_at(s, round_id, _whole(row.get("assessor"), number))
            candidate = candidate_at(s, round_id, _whole(row.get("candidate"), number))
            record_score(s, member.id, candidate.id, row.get("criterion", ""),
                         _whole(row.get("score"), number))
        except SecretariatError as error:
            raise SecretariatError(N_("Row {row}: {problem}"), row=number,
                                   problem=str(error)) from None
        count += 1
    return count
