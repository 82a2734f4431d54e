"""The evaluation rules of the standards catalogues: a small closed vocabulary, as data.

Every catalogue entry carries one rule, a JSON object. The future compliance engine reads
it; this module only defines what a well-formed rule is, checks it when a catalogue is
loaded, and describes it in words. Three kinds:

``{"kind": "attestation"}``
    The records cannot decide it: a person states met / not met and attaches evidence.

``{"kind": "records", "check": CHECK, PARAM: VALUE, ...}``
    The secretariat's records decide it. ``CHECK`` is one of ``CHECKS`` below, and the
    parameters sit beside it (flat), each with a type and, where it names something, a
    value from a closed list (meeting kinds, phases, sides… as stored by the program).
    ``phase`` (where allowed) limits the evaluation to that phase of the action-plan
    cycle as the co-creation timeline records it; without it the whole period counts.

``{"kind": "all_of", "rules": [RULE, RULE, ...]}``
    Met when every part is: used when the records decide part of a requirement and a
    person must attest the rest (``"across the country"``, ``"clear sanctions"``).

Checks and their parameters (``*`` required):

* ``meeting_interval`` — held meetings of ``meeting_kinds``* never more than
  ``max_days``* apart (nor from the start of the period to the first, or from the last
  to today); ``per_group``: for working groups, each group separately. Quarterly is
  92 days, monthly 31, every six months 183.
* ``meeting_count`` — at least ``min_count``* held meetings of ``meeting_kinds``* in
  every ``per``* (``year`` or ``phase``); ``modalities`` restricts to in person /
  remote / hybrid.
* ``remote_participation`` — at least ``min_count``* meetings (of ``meeting_kinds``)
  held remote or hybrid.
* ``advance_notice`` — notice of each ``subject``* (``meeting``, or the
  ``co_creation_timeline``) given at least ``min_days`` ahead; without ``min_days`` the
  notice period of the terms of reference in force.
* ``meeting_papers`` — meetings of ``meeting_kinds``* had their papers attached and
  circulated with the notice.
* ``document_tabled`` — a document of ``document_kind``* was on the agenda of a
  meeting of ``meeting_kinds``*.
* ``publication`` — the ``subject``* (see ``PUBLICATION_SUBJECTS``) was published;
  with ``max_days``, never more than that many days between publications.
* ``commitment_progress`` — progress updates published, at most ``max_days`` apart;
  ``every_commitment``: for each commitment of the plan.
* ``consultation_window`` — a consultation on ``subject``* was open at least
  ``min_days`` (14 = two weeks, 28 = four weeks) and, with ``min_channels``, took
  responses through that many channels.
* ``response_time`` — every recorded ``subject``* (``questions``) has a recorded
  answer, within ``max_days`` where given.
* ``contributions_answered`` — every public contribution has a response;
  ``reasoned``: giving reasons; ``published``: the contributions and responses are
  published.
* ``proposals_reasoned`` — every included commitment proposal (``include_rejected``*:
  and every rejected one) records its reason; ``published``: the reasons are published.
* ``outreach_activities`` — outreach recorded: at least ``min_count`` activities
  (default 1), through at least ``min_channels`` channels; ``targeted``: each names its
  audience.
* ``forum_details`` — the forum's record names its ``fields``* (``contact_point``,
  ``website``).
* ``terms_of_reference`` — terms of reference in force; ``published``*: published;
  ``adopted_by_forum_decision``: adopted by a decision of the forum.
* ``decision_adopted`` — the forum adopted, by a recorded decision, its ``subject``*
  (``development_process`` or ``commitments``).
* ``membership_balance`` — on every day, each side (government / non-government) holds
  at least ``min_share_each_side``* of the voting seats.
* ``sector_diversity`` — voting seats held from at least ``min_sectors_per_side``*
  sectors on each side (1 = both sides take part).
* ``high_level_member`` — at least ``min_count``* members of ``side``* flagged
  high-level (decision-making authority).
* ``co_chairs`` — a serving co-chair from each of ``sides``*.
* ``member_selection`` — every serving member of ``side``* was chosen in a recorded
  selection round; ``led_by_side``: run by a committee of that side;
  ``published_report``: whose report is published.
* ``ethics_declarations`` — every serving member signed the ethics statement and
  declared interests; ``yearly``: renewed every year.
* ``working_groups`` — working groups recorded; ``per_commitment``: one for each
  commitment; ``both_sides``: with government and non-government members.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from secretariat.i18n import N_
from secretariat.vocabulary import DocumentKind, MeetingKind, Modality, Phase, Side

ATTESTATION = "attestation"
RECORDS = "records"
ALL_OF = "all_of"

RULE_KIND_LABELS: dict[str, str] = {
    RECORDS: N_("Decided by the records"),
    ATTESTATION: N_("Attested, with evidence"),
    ALL_OF: N_("All of these"),
}

PUBLICATION_SUBJECTS = (
    "website", "repository", "forum_record", "development_timeline",
    "development_update", "contributions", "self_assessment",
)
CONSULTATION_SUBJECTS = (
    "draft_commitments", "draft_action_plan", "action_plan_input", "self_assessment",
)


@dataclass(frozen=True)
class Param:
    """One parameter of a check: its type and, for names, the values allowed."""

    type: type
    required: bool = False
    choices: tuple[str, ...] | None = None
    many: bool = False  # a non-empty list of such values


def _values(enum) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


_KINDS = Param(str, True, _values(MeetingKind), many=True)
_PHASE = Param(str, False, _values(Phase))
_DAYS = Param(int, True)
_OPTIONAL_DAYS = Param(int)
_FLAG = Param(bool)
_SIDE = Param(str, True, _values(Side))

CHECKS: dict[str, dict[str, Param]] = {
    "meeting_interval": {"meeting_kinds": _KINDS, "max_days": _DAYS, "phase": _PHASE,
                         "per_group": _FLAG},
    "meeting_count": {"meeting_kinds": _KINDS, "min_count": Param(int, True),
                      "per": Param(str, True, ("year", "phase")), "phase": _PHASE,
                      "modalities": Param(str, False, _values(Modality), many=True)},
    "remote_participation": {"min_count": Param(int, True), "phase": _PHASE,
                             "meeting_kinds": Param(str, False, _values(MeetingKind),
                                                    many=True)},
    "advance_notice": {"subject": Param(str, True, ("meeting", "co_creation_timeline")),
                       "min_days": _OPTIONAL_DAYS, "phase": _PHASE},
    "meeting_papers": {"meeting_kinds": _KINDS, "phase": _PHASE},
    "document_tabled": {"document_kind": Param(str, True, _values(DocumentKind)),
                        "meeting_kinds": _KINDS, "phase": _PHASE},
    "publication": {"subject": Param(str, True, PUBLICATION_SUBJECTS),
                    "max_days": _OPTIONAL_DAYS, "phase": _PHASE},
    "commitment_progress": {"max_days": _OPTIONAL_DAYS, "every_commitment": _FLAG,
                            "phase": _PHASE},
    "consultation_window": {"subject": Param(str, True, CONSULTATION_SUBJECTS),
                            "min_days": _OPTIONAL_DAYS, "min_channels": Param(int)},
    "response_time": {"subject": Param(str, True, ("questions",)),
                      "max_days": _OPTIONAL_DAYS, "phase": _PHASE},
    "contributions_answered": {"reasoned": _FLAG, "published": _FLAG},
    "proposals_reasoned": {"include_rejected": Param(bool, True), "published": _FLAG},
    "outreach_activities": {"min_count": Param(int), "min_channels": Param(int),
                            "targeted": _FLAG, "phase": _PHASE},
    "forum_details": {"fields": Param(str, True, ("contact_point", "website"), many=True)},
    "terms_of_reference": {"published": Param(bool, True),
                           "adopted_by_forum_decision": _FLAG},
    "decision_adopted": {"subject": Param(str, True, ("development_process",
                                                      "commitments"))},
    "membership_balance": {"min_share_each_side": Param(float, True)},
    "sector_diversity": {"min_sectors_per_side": Param(int, True)},
    "high_level_member": {"side": _SIDE, "min_count": Param(int, True)},
    "co_chairs": {"sides": Param(str, True, _values(Side), many=True)},
    "member_selection": {"side": _SIDE, "led_by_side": Param(str, False, _values(Side)),
                         "published_report": _FLAG},
    "ethics_declarations": {"yearly": _FLAG},
    "working_groups": {"per_commitment": _FLAG, "both_sides": _FLAG, "phase": _PHASE},
}


@dataclass(frozen=True)
class Rule:
    """A validated rule. ``params`` are the records check's parameters; ``parts`` the
    rules of an ``all_of``."""

    kind: str
    check: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    parts: tuple[Rule, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The rule as the data file writes it (and ``standards list --format json``)."""
        if self.kind == RECORDS:
            return {"kind": RECORDS, "check": self.check, **self.params}
        if self.kind == ALL_OF:
            return {"kind": ALL_OF, "rules": [part.to_dict() for part in self.parts]}
        return {"kind": ATTESTATION}

    def checks(self) -> list[str]:
        """Every records check this rule uses, its parts' included."""
        if self.kind == ALL_OF:
            return [check for part in self.parts for check in part.checks()]
        return [self.check] if self.check else []


def parse_rule(data: Any, where: str) -> tuple[Rule | None, list[str]]:
    """The rule in ``data``, or None and what is wrong with it (``where`` names the
    entry in each problem)."""
    if not isinstance(data, Mapping):
        return None, [f"{where}: a rule must be an object"]
    kind = data.get("kind")
    if kind == ATTESTATION:
        extra = sorted(set(data) - {"kind"})
        return (None, [f"{where}: attestation takes no parameters: {extra}"]) if extra \
            else (Rule(ATTESTATION), [])
    if kind == ALL_OF:
        return _parse_all_of(data, where)
    if kind == RECORDS:
        return _parse_records(data, where)
    return None, [f"{where}: unknown rule kind {kind!r}"]


def _parse_all_of(data: Mapping, where: str) -> tuple[Rule | None, list[str]]:
    parts_data = data.get("rules")
    if set(data) != {"kind", "rules"} or not isinstance(parts_data, list) \
            or len(parts_data) < 2:
        return None, [f"{where}: all_of takes only 'rules', a list of two or more"]
    parts, problems = [], []
    for number, part_data in enumerate(parts_data, 1):
        part, part_problems = parse_rule(part_data, f"{where} part {number}")
        problems += part_problems
        if part is not None and part.kind == ALL_OF:
            problems.append(f"{where} part {number}: all_of inside all_of")
        parts.append(part)
    return (None, problems) if problems else (Rule(ALL_OF, parts=tuple(parts)), [])


def _parse_records(data: Mapping, where: str) -> tuple[Rule | None, list[str]]:
    check = data.get("check")
    if check not in CHECKS:
        return None, [f"{where}: unknown records check {check!r}"]
    spec = CHECKS[check]
    params = {key: value for key, value in data.items() if key not in ("kind", "check")}
    problems = [f"{where}: {check} has no parameter {key!r}"
                for key in sorted(set(params) - set(spec))]
    problems += [f"{where}: {check} needs {key!r}"
                 for key, param in spec.items() if param.required and key not in params]
    for key, value in params.items():
        if key in spec:
            problems += _param_problems(spec[key], value, f"{where}: {check}.{key}")
    return (None, problems) if problems else (Rule(RECORDS, check, dict(params)), [])


def _param_problems(param: Param, value: Any, where: str) -> list[str]:
    values = value if param.many else [value]
    if param.many and (not isinstance(value, list) or not value):
        return [f"{where} must be a non-empty list"]
    problems = []
    for item in values:
        # bool is an int in Python: a true/false where a number is wanted is refused.
        if param.type is float:
            ok = isinstance(item, (int, float)) and not isinstance(item, bool) \
                and 0 < item <= 0.5
        elif param.type is int:
            ok = isinstance(item, int) and not isinstance(item, bool) and item > 0
        else:
            ok = isinstance(item, param.type)
        if not ok:
            problems.append(f"{where}: {item!r} is not a valid {param.type.__name__}")
        elif param.choices is not None and item not in param.choices:
            problems.append(f"{where}: {item!r} is not one of {list(param.choices)}")
    return problems
