"""Fixtures shared by every test folder.

``store`` is parametrised over SQLite and, when ``SECRETARIAT_TEST_PG_URL`` names a
server, PostgreSQL, so service tests prove both back ends. On CI (``CI=true``) a missing
PostgreSQL server is an error, not a skip.
"""

from __future__ import annotations

import os

import pytest

from secretariat import i18n

PG_ENV = "SECRETARIAT_TEST_PG_URL"


@pytest.fixture(autouse=True)
def _english_messages():
    """Tests read English messages unless they switch language themselves."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(scope="session", autouse=True)
def _drop_test_databases():
    """Throw-away PostgreSQL databases go when the session ends (CI servers stay clean)."""
    yield
    from tests.pg import drop_fresh_databases

    drop_fresh_databases()


def _pg_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url and os.environ.get("CI") == "true":
        pytest.fail(f"{PG_ENV} is not set on CI: the PostgreSQL tests must run there")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, sqlite_url, tmp_path, monkeypatch) -> str:
    if request.param == "sqlite":
        return sqlite_url
    url = _pg_url()
    if not url:
        pytest.skip(f"no PostgreSQL server: set {PG_ENV}")
    from tests.pg import fresh_database

    # Papers and the audit head file of a server database go to the documents folder:
    # the test's own, not the user's data folder.
    monkeypatch.setenv("SECRETARIAT_DOCUMENTS_DIR", str(tmp_path / "pg documents"))
    return fresh_database(url)


@pytest.fixture
def store(db_url):
    from secretariat.store import open_store

    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def session(store):
    with store.session() as s:
        yield s
