"""The entry point as a user starts it: smoke test, refusal of a bad database, CSV import."""

from __future__ import annotations

from tests.ui.app_helpers import run_app
from tests.ui.window_helpers import settle


def test_smoke_test_prints_ready_time(tmp_path, forum_store):
    result = run_app("--db", str(tmp_path / "gui.db"), "--smoke-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[0]  # then "loaded in": test_app_startup.py
    assert line.startswith("ready in ") and line.endswith(" s")
    float(line.removeprefix("ready in ").removesuffix(" s"))


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path):
    content = b"this is not a database" * 100
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    result = run_app("--db", str(bad), "--smoke-test", tmp_path=tmp_path)
    assert result.returncode != 0
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr
    assert bad.read_bytes() == content


def test_import_members_csv_reports_every_row_error_and_imports_nothing(
        qtbot, window, tmp_path, monkeypatch):
    import ui.import_members as importer

    shown = []
    monkeypatch.setattr(importer, "show_error", lambda parent, error, title: shown.append(error))
    monkeypatch.setattr(importer.QMessageBox, "information",
                        lambda *args: shown.append(args[2]))
    bad = tmp_path / "bad.csv"
    bad.write_text("name,sector,role,term_start\n,civil_society,member,2025-01-01\n"
                   "王小明,nowhere,member,2025-13-01\n", encoding="utf-8-sig")
    importer.import_members_file(window, window.worker, bad)
    settle(qtbot, window)
    (error,) = shown
    assert len(error.details) >= 2 and "Row 2" in error.details[0]
    assert window.page("members").model.rowCount() == 0

    good = tmp_path / "good.csv"
    good.write_text("name,organisation,sector,role,term_start\n"
                    "王小明,開放文化基金會,civil_society,member,2025-01-01\n", encoding="utf-8")
    importer.import_members_file(window, window.worker, good)
    settle(qtbot, window)
    settle(qtbot, window)
    assert "1 person," in shown[-1]
    assert window.page("members").model.row_at(0).name == "王小明"
