"""The structured rules of a terms-of-reference version: which exist, under which topic
they are shown, what values they take, how they read. Shared by drafting (validation),
showing, comparing and printing, so a rule added here appears everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, format_number
from secretariat.services.validation import coerce_enum, label
from secretariat.terms_vocabulary import DecisionRule, MinutesDetail


@dataclass(frozen=True)
class Field:
    key: str
    topic: str
    label: str  # msgid
    kind: str  # "int", "bool" or "enum"
    low: int = 0
    high: int = 0
    unit: str = ""  # msgid with {n}, for numbers
    enum: type | None = None
    optional: bool = False


FIELDS: tuple[Field, ...] = (
    Field("alternates_allowed", "composition", N_("Alternates allowed"), "bool"),
    Field("selection_led_by_non_government", "selection",
          N_("Non-government members lead their own selection"), "bool"),
    Field("term_months", "terms", N_("Members' term"), "int", 1, 120, N_("{n} months")),
    Field("co_chair_term_months", "terms", N_("Co-chairs' term"), "int", 1, 120,
          N_("{n} months")),
    Field("meetings_per_year_development", "meetings",
          N_("Meetings a year while the action plan is developed"), "int", 0, 52,
          N_("{n} a year")),
    Field("meetings_per_year_implementation", "meetings",
          N_("Meetings a year during implementation"), "int", 0, 52, N_("{n} a year")),
    Field("notice_days", "notice", N_("Notice period"), "int", 0, 365, N_("{n} days")),
    Field("agenda_set_by_co_chairs", "agenda", N_("The co-chairs set the agenda"), "bool"),
    Field("decision_rule", "decisions", N_("Decision rule"), "enum", enum=DecisionRule),
    Field("majority_percent", "decisions", N_("Qualified majority"), "int", 51, 100,
          N_("{n} % of the votes cast"), optional=True),
    Field("quorum_percent", "decisions", N_("Quorum"), "int", 1, 100,
          N_("{n} % of the members")),
    Field("min_attending_per_side", "decisions",
          N_("Members needed from each side for a balanced meeting"), "int", 0, 100,
          N_("{n} members")),
    Field("recusal_required", "conflicts", N_("Members with a conflict must recuse"), "bool"),
    Field("minutes_detail", "minutes", N_("Detail of the minutes"), "enum",
          enum=MinutesDetail),
    Field("co_chaired", "co_chairs",
          N_("Co-chaired by a government and a non-government member"), "bool"),
    Field("minutes_publish_days", "publication", N_("Minutes published within"), "int",
          0, 365, N_("{n} days")),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)
BY_KEY = {f.key: f for f in FIELDS}


def fields_of(topic: str) -> list[Field]:
    return [f for f in FIELDS if f.topic == topic]


def check_value(field: Field, value: object) -> object:
    """The value, validated (and an enum from its stored or shown word)."""
    if value is None and field.optional:
        return None
    if field.kind == "bool":
        if not isinstance(value, bool):
            raise SecretariatError(N_("{field} must be true or false."), field=label(field.label))
        return value
    if field.kind == "enum":
        return coerce_enum(field.enum, value, field.label)  # type: ignore[arg-type]
    if isinstance(value, bool) or not isinstance(value, int) \
            or not field.low <= value <= field.high:
        raise SecretariatError(
            N_("{field} must be a whole number from {low} to {high}."),
            field=label(field.label), low=field.low, high=field.high)
    return value


def shown_value(field: Field, value: object) -> str:
    """The value as a reader sees it, in the current language."""
    if value is None:
        return "—"
    if field.kind == "bool":
        return _("Yes") if value else _("No")
    if field.kind == "enum":
        return _(field.enum(value).label)  # type: ignore[misc]
    return _(field.unit).format(n=format_number(value)) if field.unit else str(value)


def rules_shown(topic: str, rules: dict[str, object]) -> list[tuple[Field, object]]:
    """The rules of ``topic`` worth showing: an optional rule without a value (the share
    of a qualified majority under consensus) is left out."""
    return [(f, rules[f.key]) for f in fields_of(topic)
            if not (f.optional and rules[f.key] is None)]
