"""The arrow points one way (DESIGN §3): ``ui`` talks to ``secretariat.services`` only.

Read from the source, imports inside functions included: no ui module imports SQLAlchemy,
the ORM classes, another package's private modules or the export package's internals;
the ui packages do not import each other in a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


FORBIDDEN = ("sqlalchemy", "secretariat.model")


def imports(path: Path) -> list[tuple[str, str]]:
    """(module, imported name or "") for every import statement in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.module, alias.name) for alias in node.names]
    return sorted(set(found))


def ui_files():
    for path in sorted(UI.rglob("*.py")):
        yield path.relative_to(UI).as_posix(), path


def problems_of(name: str, path: Path) -> list[str]:
    found = []
    for module, imported in imports(path):
        parts = module.split(".")
        if any(module == f or module.startswith(f + ".") for f in FORBIDDEN):
            found.append(f"{name} imports {module}")
        if module.startswith("secretariat.export."):
            found.append(f"{name} imports the export internals {module}")
        private = [p for p in parts + [imported] if p.startswith("_") and p != "_"
                   and not p.startswith("__")]
        if private and parts[0] == "secretariat":
            found.append(f"{name} imports the private {module} {imported}".rstrip())
        if module == "secretariat.services.validation" and imported == "get_or_error":
            found.append(f"{name} fetches ORM rows with get_or_error")
    return sorted(set(found))


def test_ui_imports_services_only():
    problems = [p for name, path in ui_files() for p in problems_of(name, path)]
    assert problems == []


def test_ui_packages_import_each_other_one_way():
    packages = {p.name for p in UI.iterdir() if (p / "__init__.py").is_file()}
    graph: dict[str, set[str]] = {name: set() for name in packages}
    for path in UI.rglob("*.py"):
        own = path.relative_to(UI).parts[0]
        if own not in packages:
            continue
        for module, _imported in imports(path):
            parts = module.split(".")
            if parts[0] == "ui" and len(parts) > 1 and parts[1] in packages and parts[1] != own:
                graph[own].add(parts[1])

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
                   for nxt in graph[start])

    cycles = sorted(f"{a} -> {b} -> … -> {a}" for a in graph for b in graph[a]
                    if reaches(b, a, {b}))
    assert cycles == []
