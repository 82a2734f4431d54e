"""Every literal handed to _() reaches the catalogs.

babel's extractor does not look inside f-strings: the About box's tagline stayed
English in zh_TW because it was written as f"<p>{_('...')}</p>". This walks the syntax
tree (which does see inside f-strings) and compares with what extraction finds.
"""

from __future__ import annotations

import ast
from pathlib import Path

from i18n.manage import ROOT, SOURCE_DIRS, extract

GETTEXT_NAMES = {"_", "N_", "gettext"}


def literal_msgids(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in GETTEXT_NAMES and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            found.add(node.args[0].value)
    return found


def test_every_gettext_literal_is_extracted():
    extracted = {m.id for m in extract() if isinstance(m.id, str)}
    missing = {}
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            lost = literal_msgids(path) - extracted
            if lost:
                missing[str(path.relative_to(ROOT))] = sorted(lost)
    assert missing == {}, "not extracted (gettext inside an f-string?)"
