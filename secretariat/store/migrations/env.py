"""Alembic environment: migrate the connection the store hands over.

``open_store`` passes its connection in ``config.attributes["connection"]`` (and owns
the transaction). Run by hand through ``python -m secretariat.store.migrations``, there is no
connection and this opens one for ``-x db=URL``. ``--sql`` (offline) prints the SQL.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import Connection

from secretariat.store.migrations import include_name, include_object
from secretariat.model import Base
from secretariat.paths import resolve_db_url


def _configure(**kwargs) -> None:
    context.configure(
        target_metadata=Base.metadata,
        include_name=include_name,
        include_object=include_object,
        compare_type=True,
        **kwargs,
    )


def _run_on(connection: Connection) -> None:
    _configure(
        connection=connection,
        # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        # SQLite and PostgreSQL both roll DDL back; Alembic assumes otherwise for SQLite.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    return resolve_db_url(context.get_x_argument(as_dictionary=True).get("db"))


if context.is_offline_mode():
    url = _url()
    _configure(url=url, literal_binds=True, render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()
elif (handed_over := context.config.attributes.get("connection")) is not None:
    _run_on(handed_over)
else:
    engine = create_engine(_url(), poolclass=pool.NullPool)
    with engine.connect() as conn:
        _run_on(conn)
        conn.commit()
    engine.dispose()
