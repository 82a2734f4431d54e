"""Fill untranslated entries of a catalog from a JSON object {msgid: msgstr}.

    python -m i18n.fill zh_TW translations.json [more.json ...] [--overwrite]

A plural entry is keyed by its singular msgid and given a list of strings, one per plural
form of the language (zh_TW has one).

Used for bulk translation work; existing translations are kept unless --overwrite.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from i18n import manage


def fill(language: str, mapping: dict[str, str | list[str]], *, overwrite: bool = False) -> int:
    path = manage.po_path(language)
    catalog = manage._load(path, language)
    changed = 0
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if not key or key not in mapping:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if overwrite or not all(strings):
            value = mapping[key]
            if isinstance(message.id, tuple):
                message.string = tuple(value) if isinstance(value, list) else (value,)
            else:
                message.string = value[0] if isinstance(value, list) else value
            message.flags.discard("fuzzy")
            changed += 1
    manage._write_po(catalog, path)
    return changed


def main(argv: list[str] | None = None) -> int:
    args = argv or sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    mapping: dict = {}
    for name in (a for a in args[1:] if not a.startswith("--")):
        mapping.update(json.loads(Path(name).read_text(encoding="utf-8")))
    count = fill(args[0], mapping, overwrite="--overwrite" in args)
    print(f"{count} entries filled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
