"""Start-up order: the window first, then the database (see ui/app.py).

The subprocess tests start the program as a user does; ``SPY`` wraps the moment the
window is shown and idle to record which modules were already imported then.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.core.db_files import rollback_journal
from tests.ui.app_helpers import run_app

REPO = Path(__file__).parents[2]
# What the main thread must not import before the window is shown.
HEAVY = ("sqlalchemy", "secretariat.store", "secretariat.services", "secretariat.model",
         "reportlab", "babel")

SPY = """
import sys
import ui.app as app

HEAVY = {heavy!r}

def loaded():
    return [h for h in HEAVY if any(m == h or m.startswith(h + ".") for m in list(sys.modules))]

shown = app.Startup._shown
def spy_shown(self):
    print("visible:", self.window.isVisible(), flush=True)
    print("at show:", ",".join(loaded()) or "none", flush=True)
    shown(self)
app.Startup._shown = spy_shown

finished = app.Startup._loaded
def spy_loaded(self):
    print("at load:", ",".join(loaded()) or "none", flush=True)
    finished(self)
app.Startup._loaded = spy_loaded

sys.exit(app.main(sys.argv[1:]))
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def seconds(line: str, what: str) -> float:
    assert line.startswith(f"{what} in ") and line.endswith(" s"), line
    return float(line.removeprefix(f"{what} in ").removesuffix(" s"))


def test_smoke_test_reports_ready_then_loaded(tmp_path, forum_store):
    result = run_app("--db", str(tmp_path / "gui.db"), "--smoke-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    ready_line, loaded_line, records_line = result.stdout.strip().splitlines()
    assert 0 < seconds(ready_line, "ready") <= seconds(loaded_line, "loaded")
    # What bench/startup.py reads to refuse a "loaded" without records on screen.
    assert records_line.startswith("first page shows ") and records_line.endswith(" records")
    assert int(records_line.split()[3]) >= 0


def test_smoke_test_on_an_empty_database_still_loads(tmp_path):
    result = run_app("--db", str(tmp_path / "new.db"), "--smoke-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line.split(" in ")[0] for line in result.stdout.split("\n") if line] == [
        "ready", "loaded", "first page shows 0 records"]


def test_a_damaged_database_is_refused_after_the_window_and_left_unchanged(tmp_path):
    from secretariat.services import forum as forum_service
    from secretariat.store import open_store

    db = tmp_path / "damaged.db"
    store = open_store(f"sqlite:///{db}")
    with store.session() as s:
        forum_service.create_forum(s, name_zh_tw="論壇", name_en="Forum")
        s.commit()
    store.close()
    rollback_journal(db)  # one file, no -wal: comparing its bytes tells if anything wrote
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    before = sha256(db)

    result = run_app("--db", str(db), "--smoke-test", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "is damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert "loaded in" not in result.stdout
    assert sha256(db) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("damaged")) == [
        "damaged.db"]


def test_the_database_layer_is_not_imported_before_the_window_shows(tmp_path, forum_store):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", SPY.format(heavy=HEAVY), "--db", str(tmp_path / "gui.db"),
         "--smoke-test"], capture_output=True, text=True, env=env, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "visible: True"
    assert lines[1] == "at show: none"
    assert lines[2].startswith("ready in ")
    # The spy does see them once the store is open: the check above can fail.
    assert {"sqlalchemy", "secretariat.store"} <= set(lines[3].removeprefix("at load: ").split(","))
    assert lines[4].startswith("loaded in ")


def test_an_empty_database_asks_for_the_forum_once_open(qtbot, qapp, tmp_path):
    from ui.app import Startup
    from ui.main_window import MainWindow
    from ui.welcome import WelcomeDialog
    from ui.worker import DatabaseWorker

    worker = DatabaseWorker()
    window = MainWindow(worker=worker)
    qtbot.addWidget(window)
    args = argparse.Namespace(smoke_test=False, demo=False)
    startup = Startup(qapp, window, worker, args, f"sqlite:///{tmp_path / 'empty.db'}")
    window.show()

    def welcome() -> WelcomeDialog | None:
        found = [d for d in window.findChildren(WelcomeDialog) if d.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: welcome() is not None, timeout=10000)
    assert window.store is None  # the pages wait for the forum
    dialog = welcome()
    dialog.name_zh_tw.setText("論壇")
    dialog.name_en.setText("Our Forum")
    with qtbot.waitSignal(window.first_load_done, timeout=10000):
        dialog.ok_button.click()
    assert window.forum_label.text() == "Our Forum"
    assert startup.exit_code is None
    window.close()
    worker.shutdown()
