"""Fill untranslated entries of a catalog from a JSON object {msgid: msgstr}.

    python -m i18n.fill zh_TW translations.json

Used for bulk translation work; existing translations are kept unless --overwrite.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from i18n import manage


def fill(language: str, mapping: dict[str, str], *, overwrite: bool = False) -> int:
    path = manage.po_path(language)
    catalog = manage._load(path, language)
    changed = 0
    for message in catalog:
        if message.id and message.id in mapping and (overwrite or not message.string):
            message.string = mapping[message.id]
            message.flags.discard("fuzzy")
            changed += 1
    manage._write_po(catalog, path)
    return changed


def main(argv: list[str] | None = None) -> int:
    args = argv or sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    mapping = json.loads(Path(args[1]).read_text(encoding="utf-8"))
    count = fill(args[0], mapping, overwrite="--overwrite" in args)
    print(f"{count} entries filled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
