"""The first-page snapshot (``ui/first_page_snapshot.py``): the members table shown from a
small cache file before SQLAlchemy is imported, only while the database file is proven
unchanged, and never holding contact details."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
MARKER = "PRIVATE-MARKER-7731"
TODAY = dt.date.today()

# Wraps MainWindow.show_snapshot to say whether the database layer was imported by then.
SPY = """
import sys
import ui.main_window as main_window
import ui.app as app

shown = main_window.MainWindow.show_snapshot
def spy(self, url):
    result = shown(self, url)
    heavy = [m for m in ("sqlalchemy", "secretariat.store", "secretariat.services")
             if m in sys.modules]
    print("snapshot shown:", result, "imported:", ",".join(heavy) or "none", flush=True)
    return result
main_window.MainWindow.show_snapshot = spy
sys.exit(app.main(sys.argv[1:]))
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("SECRETARIAT_FIRST_PAGE_SNAPSHOT", raising=False)
    return folder


def make_forum(path: Path) -> str:
    """A closed SQLite forum with three members, each with a marked e-mail and phone."""
    from secretariat.services import forum as forum_service
    from secretariat.services import members as member_service
    from secretariat.store import open_store

    url = f"sqlite:///{path}"
    store = open_store(url)
    with store.session() as s:
        forum_service.create_forum(s, name_zh_tw="測試論壇", name_en="Test Forum")
        for number, (name, sector) in enumerate(
                [("王小明", "civil_society"), ("林美華", "government_agency"),
                 ("陳大同", "private_sector")], start=1):
            member_service.add_member(
                s, name=name, name_en=f"Member {number}", organisation=f"Org {number}",
                sector_code=sector, role="member", term_start=TODAY - dt.timedelta(days=30),
                email=f"{MARKER}-{number}@example.org", phone=f"+886 {MARKER} {number}")
        s.commit()
    store.close()
    return url


def save(url: str) -> bool:
    from secretariat.store import open_store
    from ui import first_page_snapshot

    store = open_store(url)
    store.close()  # as at the application's exit
    return first_page_snapshot.save_after_close(store, on=TODAY, include_past=False)


def load(url: str):
    from ui import first_page_snapshot

    return first_page_snapshot.load(url, on=TODAY, include_past=False)


def real_rows(url: str) -> list:
    from secretariat.services import members as member_service
    from secretariat.store import open_store

    store = open_store(url)
    try:
        with store.session() as s:
            return member_service.member_rows(s, on=TODAY, include_past=False)
    finally:
        store.close()


def run_app(*args: str, tmp_path: Path, script: str | None = None,
            **env_extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               HOME=str(tmp_path), **env_extra)
    command = ([sys.executable, "-c", script] if script else [sys.executable, "-m", "ui.app"])
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=REPO)


def figures(stdout: str) -> list[str]:
    return [line.split(" in ")[0] for line in stdout.splitlines() if " in " in line]


def test_the_snapshot_has_the_member_rows_fields():
    from secretariat.services.members import MemberRow
    from ui.first_page_snapshot import FIELDS

    assert FIELDS == tuple(f.name for f in dataclasses.fields(MemberRow))


# (a) unchanged database: the snapshot's rows are the real ones, shown before the store
def test_an_unchanged_database_gives_the_real_rows(tmp_path, cache):
    from ui.members.model import MemberTableModel

    url = make_forum(tmp_path / "forum.db")
    assert save(url)
    snapshot = load(url)
    assert snapshot is not None and snapshot.on == TODAY
    real = real_rows(url)
    assert len(real) == 3
    assert [dataclasses.asdict(r) for r in snapshot.rows] == [dataclasses.asdict(r) for r in real]
    shown, expected = MemberTableModel(), MemberTableModel()
    shown.set_rows(snapshot.rows, on=snapshot.on)
    expected.set_rows(real, on=TODAY)
    cells = lambda model: [[model.index(r, c).data() for c in range(model.columnCount())]  # noqa: E731
                           for r in range(model.rowCount())]
    assert cells(shown) == cells(expected)


def test_the_app_shows_the_snapshot_before_importing_the_database_layer(tmp_path):
    db = tmp_path / "forum.db"
    make_forum(db)
    first = run_app("--db", str(db), "--smoke-test", tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert figures(first.stdout) == ["ready", "loaded"]  # no snapshot yet: the database's
    assert "first page shows 3 records" in first.stdout

    second = run_app("--db", str(db), "--smoke-test", tmp_path=tmp_path, script=SPY)
    assert second.returncode == 0, second.stderr
    lines = second.stdout.splitlines()
    assert "snapshot shown: True imported: none" in lines
    assert figures(second.stdout) == ["ready", "loaded", "snapshot", "database"]
    assert "first page shows 3 records" in lines


def test_the_window_shows_the_snapshot_read_only_then_the_real_rows(qtbot, tmp_path, cache):
    from secretariat.store import open_store
    from ui.language import apply_language
    from ui.main_window import MainWindow
    from ui.worker import DatabaseWorker

    url = make_forum(tmp_path / "forum.db")
    assert save(url)
    apply_language("en")
    worker = DatabaseWorker()
    window = MainWindow(worker=worker)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.shown_idle, timeout=10000):
        window.show()
    with qtbot.waitSignal(window.snapshot_shown, timeout=1000):
        assert window.show_snapshot(url)
    page = window.stack.currentWidget()
    assert page.model.rowCount() == 3 and window.store is None
    assert page.read_only
    assert not page.add_button.isEnabled() and not page.as_of.isEnabled()
    page.table.selectRow(0)
    assert not page.edit_button.isEnabled() and not page.end_button.isEnabled()
    assert page.add_member() is None  # Ctrl+N waits for the database
    assert not window.actions["refresh"].isEnabled()
    assert window.statusBar().currentMessage() == "Opening the database…"

    store = open_store(url)
    worker.store = store
    with qtbot.waitSignal(window.first_load_done, timeout=10000):
        window.attach_store(store)
    assert window.current_page() is page and not page.read_only
    assert page.add_button.isEnabled()
    assert [page.model.row_at(r) for r in range(3)] == real_rows(url)
    assert type(page.model.row_at(0)).__name__ == "MemberRow"  # the database's own rows
    window.close()
    worker.shutdown()


def test_a_refused_database_takes_the_snapshot_rows_away(qtbot, tmp_path, cache):
    from ui.main_window import MainWindow
    from ui.opening_page import OpeningPage
    from ui.worker import DatabaseWorker

    url = make_forum(tmp_path / "forum.db")
    assert save(url)
    window = MainWindow(worker=DatabaseWorker())
    qtbot.addWidget(window)
    window.show()
    assert window.show_snapshot(url)
    window.stop_opening("refused")
    assert isinstance(window.stack.currentWidget(), OpeningPage)
    assert "members" not in window.pages


# (b) a database changed by another process: the snapshot is not used
def _write_in_another_process(db: Path, sql: str) -> None:
    code = ("import sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(db), sql], check=True, timeout=60)


def test_a_direct_write_by_another_process_disables_the_snapshot(tmp_path, cache):
    db = tmp_path / "forum.db"
    url = make_forum(db)
    assert save(url) and load(url) is not None
    # The same length of name: the table's content changes, not necessarily the file's size.
    _write_in_another_process(db, "UPDATE person SET name = '王大明' WHERE name = '王小明'")
    assert load(url) is None
    assert "王大明" in [row.name for row in real_rows(url)]


def test_a_write_that_does_not_touch_the_members_still_disables_it(tmp_path, cache):
    db = tmp_path / "forum.db"
    url = make_forum(db)
    assert save(url)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "secretariat.cli", "--db", str(db), "meeting", "create",
         "--title", "例會", "--start", "2030-01-10 14:00", "--end", "2030-01-10 16:00",
         "--location", "Taipei"],
        capture_output=True, text=True, env=env, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert load(url) is None


def test_a_change_while_the_rows_are_read_for_the_snapshot_stops_it_being_written(
        tmp_path, cache, monkeypatch):
    from secretariat.services import members as member_service
    from secretariat.store import open_store
    from ui import first_page_snapshot

    db = tmp_path / "forum.db"
    url = make_forum(db)
    assert save(url)
    read = member_service.member_rows

    def read_then_another_writes(s, **kwargs):
        rows = read(s, **kwargs)
        _write_in_another_process(db, "UPDATE person SET name_en = 'Changed' WHERE id = 1")
        return rows

    monkeypatch.setattr(member_service, "member_rows", read_then_another_writes)
    store = open_store(url)
    store.close()
    assert not first_page_snapshot.save_after_close(store, on=TODAY, include_past=False)
    assert not first_page_snapshot.snapshot_file(db.resolve()).exists()  # the old one went
    assert load(url) is None


def test_another_day_or_another_choice_of_past_terms_is_not_used(tmp_path, cache):
    from ui import first_page_snapshot

    url = make_forum(tmp_path / "forum.db")
    assert save(url)
    assert first_page_snapshot.load(url, on=TODAY + dt.timedelta(days=1),
                                    include_past=False) is None
    assert first_page_snapshot.load(url, on=TODAY, include_past=True) is None
    assert load(url) is not None


def test_other_databases_never_use_a_snapshot(monkeypatch):
    from ui import first_page_snapshot

    assert first_page_snapshot.database_file("postgresql+psycopg://u@host/forum") is None
    assert first_page_snapshot.database_file("sqlite://") is None
    assert first_page_snapshot.database_file("sqlite:///:memory:") is None
    assert first_page_snapshot.load("postgresql+psycopg://u@host/forum", on=TODAY,
                                    include_past=False) is None


def test_the_snapshot_can_be_turned_off(tmp_path, cache, monkeypatch):
    url = make_forum(tmp_path / "forum.db")
    assert save(url)
    monkeypatch.setenv("SECRETARIAT_FIRST_PAGE_SNAPSHOT", "0")
    assert load(url) is None


# (c) a corrupt or foreign snapshot file is ignored
@pytest.mark.parametrize("content", [
    b"\x00\xffnot json at all", b"", b"[]", b'{"format": 1}',
    None,  # valid JSON of the right shape, one row damaged
])
def test_a_corrupt_snapshot_is_ignored(tmp_path, cache, content):
    from ui import first_page_snapshot

    db = tmp_path / "forum.db"
    url = make_forum(db)
    assert save(url)
    target = first_page_snapshot.snapshot_file(db.resolve())
    if content is None:
        data = json.loads(target.read_bytes())
        data["rows"][1] = data["rows"][1][:-2]
        content = json.dumps(data).encode()
    target.write_bytes(content)
    assert load(url) is None


def test_the_app_starts_as_before_with_a_corrupt_snapshot(tmp_path, cache):
    from ui import first_page_snapshot

    db = tmp_path / "forum.db"
    make_forum(db)
    target = first_page_snapshot.snapshot_file(db.resolve())  # in run_app's cache folder
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"{broken")
    result = run_app("--db", str(db), "--smoke-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert figures(result.stdout) == ["ready", "loaded"]
    assert "first page shows 3 records" in result.stdout
    assert json.loads(target.read_bytes())["format"] == first_page_snapshot.FORMAT  # rewritten


# (d) nothing private beyond what the table shows
def test_the_snapshot_holds_no_contact_details(tmp_path, cache):
    from ui import first_page_snapshot

    db = tmp_path / "forum.db"
    url = make_forum(db)
    assert save(url)
    target = first_page_snapshot.snapshot_file(db.resolve())
    content = target.read_bytes()
    assert MARKER.encode() not in content
    assert b"@example.org" not in content and b"+886" not in content
    assert "王小明".encode() in content  # the table's own contents are there
    if os.name == "posix":
        assert target.stat().st_mode & 0o077 == 0  # the owner's only
