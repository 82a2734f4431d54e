"""PostgreSQL test helpers: one throw-away database per test on the CI server.

Every database made here is remembered and dropped by :func:`drop_fresh_databases`,
which ``tests/conftest.py`` calls at the end of the session, so repeated runs do not fill
the server. Only this process's databases are dropped: other test runs may share it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import create_engine, make_url, text

_created: list[tuple[str, str]] = []  # (server URL, database name)


def fresh_database(server_url: str) -> str:
    """Create an empty database on the server and return its URL."""
    url = make_url(server_url)
    name = "t_" + uuid.uuid4().hex[:16]
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    _created.append((server_url, name))
    return url.set(database=name).render_as_string(hide_password=False)


def drop_fresh_databases() -> None:
    """Drop every database fresh_database made in this process (even if still in use)."""
    while _created:
        server_url, name = _created.pop()
        admin = create_engine(make_url(server_url), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            admin.dispose()
