"""Keep the translation catalogs in step with the source.

    python -m i18n.manage update    # extract msgids from secretariat/ and ui/, merge into every .po
    python -m i18n.manage compile   # write the .mo files the program loads
    python -m i18n.manage check     # what tests/core/test_catalogs.py enforces, as a report

To add a language: add it to ``secretariat.i18n.LANGUAGES``, run ``update`` (it creates
``i18n/<code>/LC_MESSAGES/messages.po``), translate every entry, run ``compile``.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
CATALOG_DIR = Path(__file__).resolve().parent
SOURCE_DIRS = ("secretariat", "ui")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "gettext": None}
# English is the source language: its catalog mirrors the msgids so it stays complete.
SOURCE_LANGUAGE = "en"
_FIELD = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)[^{}]*\}")


def languages() -> list[str]:
    from secretariat.i18n import LANGUAGES

    return list(LANGUAGES)


def po_path(language: str) -> Path:
    return CATALOG_DIR / language / "LC_MESSAGES" / "messages.po"


def extract() -> Catalog:
    template = Catalog(project="Forum Secretariat", fuzzy=False)
    for folder in SOURCE_DIRS:
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            template.add(
                message, locations=[(f"{folder}/{filename}", lineno)],
                auto_comments=comments, context=context,
            )
    return template


def _load(path: Path, language: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=language.replace("zh_TW", "zh_Hant_TW"), fuzzy=False)
    with path.open("rb") as fh:
        return read_po(fh, locale=language.replace("zh_TW", "zh_Hant_TW"))


def _write_po(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, omit_header=False)
    path.write_bytes(buffer.getvalue())


def update() -> None:
    template = extract()
    _write_po(template, CATALOG_DIR / "messages.pot")
    for language in languages():
        catalog = _load(po_path(language), language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if language == SOURCE_LANGUAGE:
            for message in catalog:
                if isinstance(message.id, tuple):  # plural: (singular, plural) strings
                    if not all(message.string):
                        message.string = message.id
                elif message.id and not message.string:
                    message.string = message.id
        _write_po(catalog, po_path(language))


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compile_all() -> None:
    for language in languages():
        catalog = _load(po_path(language), language)
        po_path(language).with_suffix(".mo").write_bytes(_mo_bytes(catalog))


def _hashable(value):
    # read_mo returns plural ids and strings as lists; the .po side has tuples.
    return tuple(value) if isinstance(value, list) else value


def problems() -> list[str]:
    """Everything that makes a catalog incomplete, wrong or out of step with the source."""
    found: list[str] = []
    source_ids = {m.id for m in extract() if m.id}
    for language in languages():
        path = po_path(language)
        if not path.exists():
            found.append(f"{language}: {path} is missing (run: python -m i18n.manage update)")
            continue
        catalog = _load(path, language)
        ids = {m.id for m in catalog if m.id}
        for msgid in sorted(source_ids - ids, key=str)[:20]:
            found.append(f"{language}: not in catalog (run update): {msgid!r}")
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings):
                found.append(f"{language}: untranslated: {message.id!r}")
            elif message.fuzzy:
                found.append(f"{language}: fuzzy: {message.id!r}")
            else:
                ids_ = message.id if isinstance(message.id, tuple) else (message.id,)
                wanted = set(_FIELD.findall(ids_[0]))
                for text in strings:
                    if set(_FIELD.findall(text)) != wanted:
                        found.append(f"{language}: placeholders differ: {message.id!r} -> {text!r}")
        mo = path.with_suffix(".mo")
        if not mo.exists():
            found.append(f"{language}: {mo} is missing (run: python -m i18n.manage compile)")
        else:
            with mo.open("rb") as fh:
                compiled = {_hashable(m.id): _hashable(m.string) for m in read_mo(fh) if m.id}
            expected = {m.id: m.string for m in catalog if m.id and not m.fuzzy}
            if compiled != expected:
                found.append(f"{language}: {mo.name} is out of step with the .po (run compile)")
    return found


def main(argv: list[str] | None = None) -> int:
    command = (argv or sys.argv[1:] or ["check"])[0]
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        issues = problems()
        print("\n".join(issues) or "catalogs complete and compiled")
        return 1 if issues else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
