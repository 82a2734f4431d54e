"""Alembic migrations shipped inside the package.

The script folder is found from this package's own path, so migrations run the same from
a source checkout, an installed wheel and a PyInstaller bundle: no ``alembic.ini`` is read
at run time; :func:`alembic_config` builds the configuration in code.

Developers reach the usual Alembic commands through ``python -m secretariat.store.migrations``
(for example ``python -m secretariat.store.migrations -x db=sqlite:///draft.db revision
--autogenerate -m "..."``).
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent

# Search tables (SQLite FTS5 virtual tables and their shadow tables) and PostgreSQL trigram
# indexes are created with raw SQL by the search migration and are not in the ORM
# metadata; every object whose name starts with this prefix is left out of comparisons, so
# autogenerate never proposes dropping them.
UNMANAGED_PREFIX = "search_"


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic ``include_name`` hook: skip the search objects (see UNMANAGED_PREFIX)."""
    return not (name and name.startswith(UNMANAGED_PREFIX))


def include_object(obj, name: str | None, type_: str, reflected: bool, compare_to) -> bool:
    """Alembic ``include_object`` hook; also catches indexes on managed tables."""
    return include_name(name, type_, {})


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for our script folder, optionally bound to a connection
    (``env.py`` then migrates on that very connection instead of opening its own)."""
    from alembic.config import Config

    cfg = Config()
    # ConfigParser interpolation would read a "%" in the folder's path as a placeholder.
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    cfg.set_main_option("path_separator", "os")
    cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


# Opening an up-to-date database (every start of the program) only needs the revision
# ids; reading them from the scripts' source instead of importing Alembic saves about a
# tenth of a second of start-up. A test checks that both readings agree.
@functools.cache
def _revision_graph() -> dict[str, tuple[str, ...]]:
    """revision -> the revisions it follows, read from ``versions/*.py``."""
    graph: dict[str, tuple[str, ...]] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(node.value)
        if "revision" in values:
            down = values.get("down_revision")
            graph[str(values["revision"])] = tuple(down) if isinstance(down, (tuple, list)) else (
                (str(down),) if down else ()
            )
    return graph


def known_revisions() -> set[str]:
    """Every revision this program's scripts know (older databases and the head)."""
    return set(_revision_graph())


def head_revision() -> str:
    graph = _revision_graph()
    followed = {down for downs in graph.values() for down in downs}
    heads = [revision for revision in graph if revision not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, not {heads}")
    return heads[0]


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, or None when it has no schema yet."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def has_foreign_tables(connection: Connection) -> bool:
    """Whether a database without our version table holds tables anyway (someone
    else's data, which we must not build on)."""
    from sqlalchemy import inspect

    return bool(inspect(connection).get_table_names())


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Migrate on ``connection``; the caller owns (and commits) the transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


def schema_differences(connection: Connection) -> list:
    """What ``alembic check`` would report: how the database's schema differs from the
    ORM models (an empty list when a migration is not missing)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from secretariat.model import Base

    context = MigrationContext.configure(
        connection,
        opts={"include_name": include_name, "include_object": include_object, "compare_type": True},
    )
    return compare_metadata(context, Base.metadata)
