"""PostgreSQL test helpers: one throw-away database per test on the CI server."""

from __future__ import annotations

import uuid

from sqlalchemy import create_engine, make_url, text


def fresh_database(server_url: str) -> str:
    """Create an empty database on the server and return its URL."""
    url = make_url(server_url)
    name = "t_" + uuid.uuid4().hex[:16]
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)
