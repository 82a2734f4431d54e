"""A draft version written as a file (TOML or JSON) — what a clerk prepares for
``secretariat tor draft FILE``:

    change_note = "Quorum raised to 60 %"
    [rules]
    quorum_percent = 60
    [texts.mandate]
    zh_TW = "…"
    en = "…"
    [[seats]]
    sector = "civil_society"
    seats = 6
    alternates = 6

Everything is optional: what the file leaves out is copied from the version the draft is
based on. The parts are checked for shape here; their values when the draft is written.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.services.user_files import read_text

MAX_DRAFT_FILE_BYTES = 1_000_000
_PARTS = {"change_note", "rules", "texts", "seats"}


@dataclass
class DraftSpec:
    change_note: str | None = None
    rules: dict[str, object] = field(default_factory=dict)
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    seats: dict[str, tuple[int, int]] = field(default_factory=dict)


def read_draft_file(path: Path) -> DraftSpec:
    text = read_text(Path(path), MAX_DRAFT_FILE_BYTES)
    try:
        data = (json.loads(text) if Path(path).suffix.lower() == ".json"
                else tomllib.loads(text))
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise SecretariatError(N_("{path} is not a valid TOML or JSON file: {reason}"),
                               path=str(path), reason=str(exc)) from None
    return spec_from_mapping(data, str(path))


def spec_from_mapping(data: object, source: str) -> DraftSpec:
    if not isinstance(data, dict):
        raise _bad(source, "")
    unknown = set(data) - _PARTS
    if unknown:
        raise SecretariatError(N_("{path}: unknown part “{name}” (parts: {names})."),
                               path=source, name=sorted(unknown)[0],
                               names=", ".join(sorted(_PARTS)))
    spec = DraftSpec()
    note = data.get("change_note")
    if note is not None and not isinstance(note, str):
        raise _bad(source, "change_note")
    spec.change_note = note
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise _bad(source, "rules")
    spec.rules = dict(rules)
    texts = data.get("texts", {})
    if not isinstance(texts, dict) or not all(isinstance(v, dict) for v in texts.values()):
        raise _bad(source, "texts")
    spec.texts = {topic: dict(by_language) for topic, by_language in texts.items()}
    seats = data.get("seats", [])
    if not isinstance(seats, list):
        raise _bad(source, "seats")
    for row in seats:
        if not isinstance(row, dict) or not isinstance(row.get("sector"), str):
            raise _bad(source, "seats")
        spec.seats[row["sector"]] = (row.get("seats", 0), row.get("alternates", 0))
    return spec


def _bad(source: str, part: str) -> SecretariatError:
    return SecretariatError(N_("{path}: the part “{name}” does not have the expected shape "
                               "(see “secretariat tor draft --help”)."),
                            path=source, name=part or "-")
