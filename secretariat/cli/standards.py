"""``secretariat standards list``: the standards catalogues, read from the program's own data.

No database is opened: the catalogues ship with the program. The text form is for reading,
in the language of the messages, grouped by phase and then element (basic requirements
before advanced steps within each group); the JSON form is a list of objects with stable
keys (``id``, ``level``, ``phase``, ``element``, ``text_zh_TW``, ``text_en``, ``rule``)
for other programs, whatever the language.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from secretariat.cli.commands import Commands
from secretariat.i18n import _, current_language, format_number, ngettext
from secretariat.standards.catalogue import CATALOGUES, DEFAULT_CATALOGUE, Element, Level
from secretariat.vocabulary import Phase

INDENT = "  "


def register(commands: Commands) -> None:
    group = commands.group("standards", help=_(
        "the OGP Participation and Co-Creation Standards, as the program checks them"))
    listing = group.add(
        "list", handler=list_standards,
        help=_("list every requirement of a standards catalogue with its rule"),
        description=_("List every basic requirement and advanced step of a standards "
                      "catalogue, by phase and element, each with the rule that decides "
                      "it: from the records, or by attestation with evidence. “seed” is "
                      "the Traditional Chinese text the project works from; “2021” the "
                      "minimum requirements of the standards OGP adopted in 2021."))
    listing.add_argument("--catalogue", choices=list(CATALOGUES), default=DEFAULT_CATALOGUE,
                         help=_("which catalogue (default: %(default)s)"))
    listing.add_argument("--format", choices=("text", "json"), default="text",
                         help=_("text for reading (default), or json for other programs"))


def list_standards(args: argparse.Namespace) -> int:
    from secretariat.standards.catalogue import load

    catalogue = load(args.catalogue)
    if args.format == "json":
        json.dump([entry.to_dict() for entry in catalogue.entries], sys.stdout,
                  ensure_ascii=False, indent=2)
        print()
    else:
        print_text(catalogue)
    return 0


def print_text(catalogue) -> None:
    from secretariat.standards.labels import describe

    language = current_language()
    print(catalogue.title(language))
    print(_summary(catalogue.entries))
    if catalogue.original_language != language:
        print(_("The text shown is the secretariat's translation; the original is in "
                "the JSON output."))
    for phase in Phase:
        in_phase = [e for e in catalogue.entries if e.phase == phase]
        if not in_phase:
            continue
        print()
        print(_(phase.label))
        for element in Element:
            group = [e for e in in_phase if e.element == element]
            group.sort(key=lambda e: list(Level).index(e.level))  # stable: file order kept
            if not group:
                continue
            print(INDENT + _(element.label))
            for entry in group:
                _print_entry(entry, language, describe)


def _print_entry(entry, language: str, describe) -> None:
    pad = INDENT * 3
    number = _(" ({number})").format(number=entry.number) if entry.number else ""
    print(f"{INDENT * 2}{entry.id}{number}  {_(entry.level.label)}")
    print(pad + entry.text(language))
    if entry.note(language):
        print(pad + _("Footnote: {note}").format(note=entry.note(language)))
    if not entry.is_verbatim:
        print(pad + _("Wording: not all of OGP's own wording was found; what was not is "
                      "paraphrased."))
    print(pad + _("Rule: {rule}").format(rule=describe(entry.rule)))


def _summary(entries) -> str:
    levels = Counter(entry.level for entry in entries)
    return _("{total}: {basic}, {advanced}.").format(
        total=ngettext("{count} entry", "{count} entries", len(entries)).format(
            count=format_number(len(entries))),
        basic=ngettext("{count} basic requirement", "{count} basic requirements",
                       levels[Level.BASIC]).format(count=format_number(levels[Level.BASIC])),
        advanced=ngettext("{count} advanced step", "{count} advanced steps",
                          levels[Level.ADVANCED]).format(
            count=format_number(levels[Level.ADVANCED])))
