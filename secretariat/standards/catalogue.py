"""The standards catalogues: data files in ``resources/standards/``, checked when loaded.

Two catalogues ship with the program (``CATALOGUES``):

``seed``
    Every basic requirement and advanced step of the Traditional Chinese text the project
    works from (the 2017-era standards, ``OGP參與及共創標準``), verbatim, with an English
    translation ours.
``2021``
    The minimum requirements of the OGP Participation and Co-Creation Standards approved
    on 24 November 2021 (in force since 1 January 2022), in English as OGP published
    them where the wording was found (each entry says), with a Chinese translation ours.

A catalogue file is JSON::

    {"catalogue": "seed", "title": {"zh_TW": …, "en": …}, "original_language": "zh_TW",
     "sources": [{"title": …, "url": …, "date": …, "note": …}, …],
     "entries": [{"id": …, "level": …, "phase": …, "element": …, "text_zh_TW": …,
                  "text_en": …, "rule": {…}, optional "number", "note_zh_TW", "note_en",
                  "wording", "source_url"}, …]}

``wording`` (2021) begins with one of ``WORDING_STATES`` and says where the text came from.

``original_language`` says which text is the source; the other is the secretariat's
translation. Loading is pure (the file's bytes in, frozen dataclasses out) and refuses a
file with duplicate ids, unknown levels, phases, elements or rule kinds, or a malformed
rule (``rules.parse_rule``): a broken catalogue is a bug, found by the tests, not by a
clerk.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

# Imported by name (not only as a string for importlib.resources) so that the frozen build's
# analysis sees the package and ships it with its data files.
import resources.standards as catalogue_files

from secretariat.i18n import N_
from secretariat.standards.rules import Rule, parse_rule
from secretariat.vocabulary import LabelledEnum, Phase

CATALOGUES: dict[str, str] = {"seed": "seed.zh_TW.json", "2021": "ogp-2021.json"}
DEFAULT_CATALOGUE = "seed"
LANGUAGES = ("zh_TW", "en")
# How an entry's ``wording`` begins: its text is the source's own, in part, or not at all.
WORDING_STATES = ("verbatim", "partly found", "not found")


class Level(LabelledEnum):
    BASIC = "basic", N_("Basic requirement")
    ADVANCED = "advanced", N_("Advanced step")


class Element(LabelledEnum):
    INFORMATION = "information", N_("Dissemination of information")
    SPACES = "spaces", N_("Spaces and platforms for dialogue and co-creation")
    CO_OWNERSHIP = "co_ownership", N_("Co-ownership and joint decision-making")


class CatalogueError(ValueError):
    """A catalogue file that breaks the format; ``problems`` lists every fault found."""

    def __init__(self, name: str, problems: list[str]):
        super().__init__(f"standards catalogue {name!r}: " + "; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    date: str
    note: str = ""


@dataclass(frozen=True)
class Entry:
    """One basic requirement or advanced step (a minimum requirement, in 2021's terms)."""

    id: str
    level: Level
    phase: Phase
    element: Element
    text_zh_TW: str
    text_en: str
    rule: Rule
    number: str | None = None
    note_zh_TW: str = ""
    note_en: str = ""
    wording: str = ""
    source_url: str = ""

    @property
    def is_verbatim(self) -> bool:
        """The original-language text is the source's own words (no ``wording`` says
        otherwise)."""
        return not self.wording or self.wording.startswith("verbatim")

    def text(self, language: str) -> str:
        return self.text_zh_TW if language == "zh_TW" else self.text_en

    def note(self, language: str) -> str:
        return self.note_zh_TW if language == "zh_TW" else self.note_en

    def to_dict(self) -> dict[str, Any]:
        """What ``secretariat standards list --format json`` prints for the entry."""
        return {"id": self.id, "level": self.level.value, "phase": self.phase.value,
                "element": self.element.value, "text_zh_TW": self.text_zh_TW,
                "text_en": self.text_en, "rule": self.rule.to_dict()}


@dataclass(frozen=True)
class Catalogue:
    name: str
    title_zh_TW: str
    title_en: str
    original_language: str
    sources: tuple[Source, ...]
    entries: tuple[Entry, ...]

    def title(self, language: str) -> str:
        return self.title_zh_TW if language == "zh_TW" else self.title_en

    def entry(self, entry_id: str) -> Entry:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)


def load(name: str = DEFAULT_CATALOGUE) -> Catalogue:
    """The bundled catalogue ``name`` (a key of ``CATALOGUES``)."""
    if name not in CATALOGUES:
        raise KeyError(name)
    data = files(catalogue_files).joinpath(CATALOGUES[name]).read_bytes()
    return parse(json.loads(data.decode("utf-8")), name=name)


_REQUIRED_ENTRY_FIELDS = ("id", "level", "phase", "element", "text_zh_TW", "text_en",
                          "rule")
_OPTIONAL_ENTRY_FIELDS = ("number", "note_zh_TW", "note_en", "wording", "source_url")


def parse(data: Any, *, name: str) -> Catalogue:
    """The catalogue in ``data`` (the decoded JSON), or CatalogueError with every fault."""
    problems: list[str] = []
    if not isinstance(data, Mapping):
        raise CatalogueError(name, ["the file must hold a JSON object"])
    if data.get("catalogue") != name:
        problems.append(f"'catalogue' is {data.get('catalogue')!r}, not {name!r}")
    title = data.get("title") if isinstance(data.get("title"), Mapping) else {}
    if not all(_text(title.get(language)) for language in LANGUAGES):
        problems.append("'title' needs non-empty zh_TW and en")
    original = data.get("original_language")
    if original not in LANGUAGES:
        problems.append(f"'original_language' must be one of {list(LANGUAGES)}")
    sources = _sources(data.get("sources"), problems)
    entries: list[Entry] = []
    seen: set[str] = set()
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        problems.append("'entries' must be a non-empty list")
        raw_entries = []
    for position, raw in enumerate(raw_entries, 1):
        entry = _entry(raw, position, problems)
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(f"duplicate id {entry.id!r}")
        seen.add(entry.id)
        entries.append(entry)
    if problems:
        raise CatalogueError(name, problems)
    return Catalogue(name=name, title_zh_TW=title["zh_TW"], title_en=title["en"],
                     original_language=original, sources=sources, entries=tuple(entries))


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _sources(raw: Any, problems: list[str]) -> tuple[Source, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append("'sources' must be a non-empty list")
        return ()
    sources = []
    for position, item in enumerate(raw, 1):
        if not isinstance(item, Mapping) or not all(
                _text(item.get(key)) for key in ("title", "url", "date")):
            problems.append(f"source {position} needs a title, url and date")
            continue
        sources.append(Source(item["title"], item["url"], item["date"],
                              item.get("note", "")))
    return tuple(sources)


def _entry(raw: Any, position: int, problems: list[str]) -> Entry | None:
    if not isinstance(raw, Mapping):
        problems.append(f"entry {position} is not an object")
        return None
    where = f"entry {raw.get('id', position)!r}"
    missing = [key for key in _REQUIRED_ENTRY_FIELDS if key not in raw]
    unknown = sorted(set(raw) - set(_REQUIRED_ENTRY_FIELDS) - set(_OPTIONAL_ENTRY_FIELDS))
    if missing or unknown:
        problems.append(f"{where}: missing {missing}, unknown {unknown}")
        return None
    found = len(problems)
    level = _member(Level, raw["level"], f"{where}: level", problems)
    phase = _member(Phase, raw["phase"], f"{where}: phase", problems)
    element = _member(Element, raw["element"], f"{where}: element", problems)
    for key in ("id", "text_zh_TW", "text_en"):
        if not _text(raw[key]):
            problems.append(f"{where}: {key} must be non-empty text")
    for key in _OPTIONAL_ENTRY_FIELDS:
        if key in raw and not isinstance(raw[key], str):
            problems.append(f"{where}: {key} must be text")
    if isinstance(raw.get("wording"), str) and not raw["wording"].startswith(WORDING_STATES):
        problems.append(f"{where}: wording must begin with one of {list(WORDING_STATES)}")
    rule, rule_problems = parse_rule(raw["rule"], where)
    problems += rule_problems
    if len(problems) > found:
        return None
    return Entry(id=raw["id"], level=level, phase=phase, element=element,
                 text_zh_TW=raw["text_zh_TW"], text_en=raw["text_en"], rule=rule,
                 **{key: raw[key] for key in _OPTIONAL_ENTRY_FIELDS if key in raw})


def _member(enum, value: Any, where: str, problems: list[str]):
    try:
        return enum(value)
    except ValueError:
        problems.append(f"{where} {value!r} is not one of {[m.value for m in enum]}")
        return None
