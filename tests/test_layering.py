"""The import rules (see ``tests/layering_report.py``), on the real tree and on a tiny
synthetic one that breaks each rule once, so the checker is known to be able to fail.

    python -m tests.layering_report   # the same violations, printed
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests import layering_report as layering



@pytest.fixture(scope="module")
def violations():
    return layering.by_category(layering.check())


def _arrows(items):
    return "\n".join(str(item) for item in items)


def test_core_never_imports_qt_or_ui(violations):
    assert violations["qt-in-core"] == [], _arrows(violations["qt-in-core"])


def test_no_module_imports_another_packages_private_module(violations):
    assert violations["private"] == [], _arrows(violations["private"])


def test_migrations_import_only_alembic_sqlalchemy_and_the_standard_library(violations):
    assert violations["frozen-migration"] == [], _arrows(violations["frozen-migration"])


def test_no_import_cycle_touches_the_core(violations):
    assert violations["cycle"] == [], _arrows(violations["cycle"])


def test_ui_reaches_the_database_only_through_services(violations):
    assert violations["ui-layering"] == [], _arrows(violations["ui-layering"])


def test_no_import_cycle_among_ui_packages(violations):
    assert violations["ui-cycle"] == [], _arrows(violations["ui-cycle"])


def test_test_files_import_no_other_test_file(violations):
    """Shared fixtures live in a conftest.py, shared helpers in a helper module."""
    assert violations["test-imports"] == [], _arrows(violations["test-imports"])


# --- The checker itself ------------------------------------------------------------

SYNTHETIC = {
    "secretariat/__init__.py": "",
    # (a) Qt in the core, hidden inside a function.
    "secretariat/core.py": """
        def show():
            from PySide6.QtWidgets import QMessageBox
            return QMessageBox
    """,
    "secretariat/services/__init__.py": "",
    "secretariat/services/_hidden.py": "VALUE = 1\n",
    # Private module of the same package: allowed.
    "secretariat/services/public.py": "from . import _hidden\n",
    "secretariat/cli/__init__.py": "",
    # Another package's private module, through a relative import.
    "secretariat/cli/main.py": "from ..services._hidden import VALUE\n",
    "secretariat/store/__init__.py": "",
    "secretariat/store/migrations/__init__.py": "",
    "secretariat/store/migrations/versions/__init__.py": "",
    # (c) live code in a migration; alembic, sqlalchemy and the standard library are fine.
    "secretariat/store/migrations/versions/0001_first.py": """
        import json
        import sqlalchemy as sa
        from alembic import op
        from secretariat.core import show
    """,
    # (d) a cycle between two core packages, one arrow inside a function.
    "secretariat/alpha/__init__.py": "",
    "secretariat/alpha/one.py": "from secretariat.beta.two import X\nY = 1\n",
    "secretariat/beta/__init__.py": "",
    "secretariat/beta/two.py": """
        X = 1
        def later():
            from secretariat.alpha import one
            return one
    """,
    # A loop closed only under TYPE_CHECKING is no cycle.
    "secretariat/gamma.py": """
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from secretariat import delta
    """,
    "secretariat/delta.py": "import secretariat.gamma\n",
    "ui/__init__.py": "",
    # (b) ORM classes in the GUI, even for type checking only.
    "ui/page.py": """
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from secretariat.model import Person
    """,
    "ui/pkg/__init__.py": "",
    "ui/pkg/_impl.py": "",
    # (b) another ui package's private module.
    "ui/other.py": "from ui.pkg import _impl\n",
    # (d) a cycle among ui packages.
    "ui/left/__init__.py": "",
    "ui/left/a.py": "from ui.right import b\n",
    "ui/right/__init__.py": "",
    "ui/right/b.py": "import ui.left.a\n",
    "tests/__init__.py": "",
    "tests/helpers.py": "def helper():\n    return 1\n",
    "tests/test_b.py": "from tests.helpers import helper\nVALUE = helper()\n",
    # A helper module and a conftest are fine to import from...
    "tests/conftest.py": "from tests import helpers\n",
    # (e) ...another test file is not, even through a relative import.
    "tests/test_a.py": """
        from . import conftest
        from .test_b import VALUE
    """,
}


def _write_tree(root: Path) -> None:
    for name, text in SYNTHETIC.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_the_checker_finds_one_violation_of_each_kind(tmp_path):
    _write_tree(tmp_path)
    found = layering.by_category(layering.check(tmp_path))
    arrows = {category: sorted(v.arrow for v in items) for category, items in found.items()}
    assert arrows == {
        "qt-in-core": ["secretariat.core -> PySide6.QtWidgets"],
        "ui-layering": ["ui.other -> ui.pkg._impl", "ui.page -> secretariat.model"],
        "private": ["secretariat.cli.main -> secretariat.services._hidden"],
        "frozen-migration": ["secretariat.store.migrations.versions.0001_first -> secretariat.core"],
        "cycle": ["secretariat.alpha.one -> secretariat.beta.two",
                  "secretariat.beta.two -> secretariat.alpha.one"],
        "ui-cycle": ["ui.left.a -> ui.right.b", "ui.right.b -> ui.left.a"],
        "test-imports": ["tests.test_a -> tests.test_b"],
    }


def test_the_report_lists_each_arrow_and_exits_non_zero(tmp_path, capsys):
    _write_tree(tmp_path)
    assert layering.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "secretariat.core -> PySide6.QtWidgets" in out
    assert "tests.test_a -> tests.test_b" in out
    assert "layering violations: 10" in out


def test_a_clean_tree_passes(tmp_path, capsys):
    (tmp_path / "secretariat").mkdir()
    (tmp_path / "secretariat" / "__init__.py").write_text("import json\n", encoding="utf-8")
    assert layering.main([str(tmp_path)]) == 0
    assert "layering violations: 0" in capsys.readouterr().out
