"""The import rules of the code base, read from the source with ``ast``, and a report.

    python -m tests.layering_report          # print every violation; exit 1 if any

Rules (each violation is reported as an arrow ``module -> imported``):

``qt-in-core``
    A module under ``secretariat/`` imports ``PySide6``, ``shiboken6`` or ``ui``: the
    domain core runs without Qt (command line, tests, server side).
``ui-layering``
    A module under ``ui/`` imports ``sqlalchemy``, ``alembic``, ``secretariat.model``
    (ORM classes: closed vocabularies come from ``secretariat.vocabulary``),
    ``secretariat.store.migrations`` or another package's private module. The GUI
    reaches the database only through ``secretariat.services``.
``private``
    A module outside ``ui/`` imports another package's private module: a dotted path
    with a component that starts with a single underscore (``secretariat.services._x``),
    imported from outside the package that holds it (``secretariat.services``).
``frozen-migration``
    A migration script under ``secretariat/store/migrations/versions/`` imports anything
    but alembic, sqlalchemy and the standard library: old revisions are history and
    must not change when live code does.
``cycle`` / ``ui-cycle``
    Packages that import each other, directly or round a loop (a strongly connected
    component of the package import graph). A module belongs to its parent package
    (``ui.meetings.page`` to ``ui.meetings``); a package's ``__init__`` to the package
    itself; a module directly under ``secretariat/`` or ``ui/`` (``secretariat.dates``)
    is a package of its own. Imports under ``if TYPE_CHECKING:`` do not count for
    cycles (they never run); imports inside functions do. ``ui-cycle`` is a cycle among
    ``ui`` packages only.
``test-imports``
    A module under ``tests/`` imports a test file (a module ``tests.….test_*``). Fixtures
    that test files share go in their folder's ``conftest.py`` (pytest finds them without
    an import); plain helpers in a helper module named for what it holds
    (``tests/ui/window_helpers.py``, ``tests/core/factories.py``).

Every import counts: module level, inside functions and classes, under ``if
TYPE_CHECKING:``, relative or absolute. ``from package import name`` imports the
submodule ``package.name`` when there is one, else ``package``. Imports by a computed
name (``importlib.import_module(variable)``) cannot be read and are not checked.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# The packages whose layering is checked, and those only checked for private imports.
LAYERED = ("secretariat", "ui")
OTHERS = ("resources", "i18n", "bench", "tests")

QT = ("PySide6", "shiboken6", "ui")
UI_FORBIDDEN = ("sqlalchemy", "alembic", "secretariat.model", "secretariat.store.migrations")
MIGRATIONS = "secretariat.store.migrations.versions"
MIGRATION_ALLOWED = frozenset({"alembic", "sqlalchemy", "__future__"}) | frozenset(sys.stdlib_module_names)

CATEGORIES = ("qt-in-core", "ui-layering", "private", "frozen-migration", "cycle", "ui-cycle",
              "test-imports")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the module imported
    line: int
    type_checking: bool  # under ``if TYPE_CHECKING:``


@dataclass(frozen=True)
class Violation:
    category: str
    arrow: str  # "module -> imported"
    detail: str = ""

    def __str__(self) -> str:
        return f"[{self.category}] {self.arrow}" + (f"  ({self.detail})" if self.detail else "")


# --- Reading the tree --------------------------------------------------------------


def find_modules(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Module name -> file, for every ``.py`` file in ``packages`` under ``root``."""
    modules: dict[str, Path] = {}
    for package in packages:
        base = root / package
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.py")):
            relative = path.relative_to(root).with_suffix("")
            parts = list(relative.parts)
            if any(part.startswith(".") or part == "__pycache__" for part in parts):
                continue
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement anywhere in ``tree``, with whether it is TYPE_CHECKING-only."""
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        node, guarded = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, guarded
            continue
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend((child, True) for child in node.body)
            stack.extend((child, guarded) for child in node.orelse)
            continue
        stack.extend((child, guarded) for child in ast.iter_child_nodes(node))


def read_imports(module: str, path: Path, known: set[str]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: list[Import] = []
    for node, guarded in _import_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(module, alias.name, node.lineno, guarded))
            continue
        if node.level:
            # The package the dots count from: a package's __init__ is its own package.
            base_parts = module.split(".") if is_package else module.split(".")[:-1]
            up = node.level - 1
            if up > len(base_parts):
                continue  # beyond the top: Python would refuse it too
            base_parts = base_parts[: len(base_parts) - up] if up else base_parts
            base = ".".join([*base_parts, *([node.module] if node.module else [])])
        else:
            base = node.module or ""
        for alias in node.names:
            candidate = f"{base}.{alias.name}" if base else alias.name
            target = candidate if candidate in known else base
            if target:
                found.append(Import(module, target, node.lineno, guarded))
    # One arrow per target: the first line that imports it, unguarded if any line is.
    by_target: dict[str, Import] = {}
    for imp in sorted(found, key=lambda i: (i.type_checking, i.line)):
        by_target.setdefault(imp.target, imp)
    return sorted(by_target.values(), key=lambda i: i.line)


def collect_imports(root: Path = REPO_ROOT) -> tuple[dict[str, Path], list[Import]]:
    modules = find_modules(root, (*LAYERED, *OTHERS))
    known = set(modules)
    imports = [imp for name, path in modules.items() for imp in read_imports(name, path, known)]
    return modules, imports


# --- The rules ---------------------------------------------------------------------


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def private_package(target: str) -> str | None:
    """The package holding the private module ``target`` (``a.b`` for ``a.b._c.d``), or
    None when no component of ``target`` is private (single underscore, not dunder)."""
    parts = target.split(".")
    for index, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:index])
    return None


def _first_party(name: str) -> bool:
    return name.split(".")[0] in (*LAYERED, *OTHERS)


def _private_violation(imp: Import) -> bool:
    if not _first_party(imp.target):
        return False
    package = private_package(imp.target)
    if package is None:
        return False
    return not (package and _under(imp.module, package))


def is_test_file(name: str) -> bool:
    """Whether the module ``name`` is a test file (or inside one): ``tests.ui.test_x``."""
    parts = name.split(".")
    return parts[0] == "tests" and any(part.startswith("test_") for part in parts[1:])


def package_of(module: str, modules: dict[str, Path]) -> str:
    """The node of ``module`` in the package graph (see the module docstring)."""
    path = modules.get(module)
    if path is not None and path.name == "__init__.py":
        return module
    parent = module.rpartition(".")[0]
    if not parent or parent in LAYERED:
        return module  # a top-level module (secretariat.dates) is a package of its own
    return parent


def _node_of_target(target: str, modules: dict[str, Path]) -> str | None:
    """The first-party module ``target`` names (or its nearest first-party ancestor)."""
    name = target
    while name:
        if name in modules:
            return package_of(name, modules)
        name = name.rpartition(".")[0]
    return None


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative): components of more than one node, sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    nodes = sorted(set(graph) | {n for targets in graph.values() for n in targets})
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return sorted(components)


def check(root: Path = REPO_ROOT) -> list[Violation]:
    """Every violation of the rules in the tree at ``root``."""
    modules, imports = collect_imports(root)
    violations: list[Violation] = []
    for imp in imports:
        arrow = f"{imp.module} -> {imp.target}"
        where = f"line {imp.line}"
        if _under(imp.module, "secretariat"):
            if any(_under(imp.target, banned) for banned in QT):
                violations.append(Violation("qt-in-core", arrow, where))
            if _under(imp.module, MIGRATIONS) and imp.module != MIGRATIONS:
                if imp.target.split(".")[0] not in MIGRATION_ALLOWED:
                    violations.append(Violation("frozen-migration", arrow, where))
        if _under(imp.module, "ui"):
            if any(_under(imp.target, banned) for banned in UI_FORBIDDEN) or _private_violation(imp):
                violations.append(Violation("ui-layering", arrow, where))
        elif _private_violation(imp):
            violations.append(Violation("private", arrow, where))
        if _under(imp.module, "tests") and is_test_file(imp.target):
            violations.append(Violation("test-imports", arrow, where))
    violations.extend(_cycles(modules, imports))
    return violations


def _cycles(modules: dict[str, Path], imports: list[Import]) -> list[Violation]:
    graph: dict[str, set[str]] = defaultdict(set)
    arrows: dict[tuple[str, str], list[str]] = defaultdict(list)
    for imp in imports:
        if imp.type_checking or imp.module.split(".")[0] not in LAYERED:
            continue
        source = package_of(imp.module, modules)
        target = _node_of_target(imp.target, modules)
        if target is None or target == source or target.split(".")[0] not in LAYERED:
            continue
        graph[source].add(target)
        arrows[(source, target)].append(f"{imp.module} -> {imp.target}")
    found = []
    for component in strongly_connected(graph):
        members = set(component)
        category = "ui-cycle" if all(_under(node, "ui") for node in component) else "cycle"
        ring = " <-> ".join(component)
        for (source, target), lines in sorted(arrows.items()):
            if source in members and target in members:
                for arrow in lines:
                    violations_detail = f"cycle {ring}"
                    found.append(Violation(category, arrow, violations_detail))
    return found


def by_category(violations: Iterable[Violation]) -> dict[str, list[Violation]]:
    grouped: dict[str, list[Violation]] = {category: [] for category in CATEGORIES}
    for violation in violations:
        grouped[violation.category].append(violation)
    return grouped


def report(violations: list[Violation]) -> str:
    grouped = by_category(violations)
    lines = []
    for category in CATEGORIES:
        items = grouped[category]
        lines.append(f"{category}: {len(items)}")
        lines.extend(f"  {item.arrow}  ({item.detail})" for item in items)
    lines.append(f"layering violations: {len(violations)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    root = Path(argv[0]) if argv else REPO_ROOT
    violations = check(root)
    print(report(violations))
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
