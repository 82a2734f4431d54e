"""File ▸ Import members: every bad row is on screen at once; the summary reads right."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from secretariat.services.members.import_csv import ImportReport
from tests.ui.window_helpers import settle
from ui.import_members import import_members_file, report_text
from ui.problems_dialog import ProblemsDialog

BAD_CSV = ("name,sector,role,term_start,term_end\n"
           "王小明,civil_society,member,2025-13-01,\n"
           "李大華,nowhere,member,2025-01-01,\n"
           "陳小美,academia,member,2025-01-01,2024-01-01\n")


def test_bad_csv_lists_every_row_in_view_and_imports_nothing(qtbot, window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8-sig")
    seen = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProblemsDialog):
            QTimer.singleShot(50, read_and_close)
            return
        seen["visible"] = dialog.problems.isVisible()
        seen["text"] = dialog.problems.toPlainText()
        seen["count"] = dialog.count.text()
        dialog.accept()

    QTimer.singleShot(50, read_and_close)
    import_members_file(window, window.worker, bad)
    qtbot.waitUntil(lambda: "text" in seen, timeout=10000)
    settle(qtbot, window)
    assert seen["visible"]
    assert seen["count"] == "3 problems:"
    for row in ("Row 2", "Row 3", "Row 4"):
        assert row in seen["text"]
    assert window.page("members").model.rowCount() == 0


def test_import_summary_uses_singular_for_one():
    one = ImportReport(people_added=1, organisations_added=1, seats_added=1,
                       memberships_added=1)
    assert report_text(one) == "Imported 1 person, 1 organisation, 1 seat and 1 membership."
    many = ImportReport(people_added=10, organisations_added=0, seats_added=2,
                        memberships_added=1200)
    assert report_text(many) == ("Imported 10 people, 0 organisations, 2 seats and "
                                 "1,200 memberships.")


GOOD_CSV = ("name,sector,role,term_start\n"
            + "".join(f"委員{n},civil_society,member,2025-01-01\n" for n in range(30)))


def test_import_runs_behind_a_progress_dialog(qtbot, window, tmp_path, monkeypatch):
    good = tmp_path / "good.csv"
    good.write_text(GOOD_CSV, encoding="utf-8")
    shown = []
    monkeypatch.setattr("ui.import_members.QMessageBox.information",
                        lambda parent, title, text: shown.append(text))
    dialog = import_members_file(window, window.worker, good)
    assert dialog.windowTitle() == "Importing members…"
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    settle(qtbot, window)
    assert shown == ["Imported 30 people, 0 organisations, 30 seats and 30 memberships."]
    assert (dialog.progress.done, dialog.progress.total) == (60, 60)
    assert window.page("members").model.rowCount() == 30


def test_cancel_imports_nothing_and_shows_no_error(qtbot, window, tmp_path, monkeypatch):
    good = tmp_path / "good.csv"
    good.write_text(GOOD_CSV, encoding="utf-8")
    shown = []
    monkeypatch.setattr("ui.import_members.QMessageBox.information",
                        lambda *args: shown.append(args))
    monkeypatch.setattr("ui.import_members.show_error", lambda *args: shown.append(args))
    monkeypatch.setattr("ui.progress.Progress.cancelled", lambda self: True)  # pressed at once
    import_members_file(window, window.worker, good)
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10000)
    settle(qtbot, window)
    assert shown == []
    assert window.page("members").model.rowCount() == 0
