"""The editor's save dialog for exports: it offers a name that says which meeting and
document it is, opens in Documents the first time, and in the folder last exported to
afterwards (remembered across sessions in the settings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui import settings
from ui.meeting_editor import export as export_module
from ui.meeting_editor.export import AGENDA, CALENDAR


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    """QFileDialog.getSaveFileName replaced: records what it was offered and answers with
    the file name in ``answers`` (one per call; "" as when the clerk cancels)."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(export_module.QStandardPaths, "writableLocation",
                        lambda _location: str(documents))
    offered: list[Path] = []
    answers: list[str] = []

    def get_save_file_name(_parent, _title, suggested, _filter):
        offered.append(Path(suggested))
        return answers.pop(0), _filter

    monkeypatch.setattr(export_module.QFileDialog, "getSaveFileName", get_save_file_name)
    monkeypatch.setattr(export_module.ExportOptionsDialog, "exec", lambda _self: 1)
    exported: list[tuple] = []
    monkeypatch.setattr(export_module.Exporter, "export",
                        lambda _self, kind, out, **options: exported.append((kind, out)))
    return documents, offered, answers, exported


def test_the_first_export_opens_in_documents_with_the_meetings_name(qtbot, editor, save_dialog):
    documents, offered, answers, exported = save_dialog
    answers.append("")  # cancelled: nothing exported, nothing remembered
    editor.exporter.ask(AGENDA)
    day = editor.data.day.isoformat()
    assert offered == [documents / f"{day} 12th Forum Meeting Agenda.pdf"]
    assert exported == [] and settings.LAST_EXPORT_DIR.value() == ""


def test_the_folder_of_the_last_export_is_offered_next(qtbot, editor, save_dialog, tmp_path):
    documents, offered, answers, exported = save_dialog
    elsewhere = tmp_path / "forum papers"
    elsewhere.mkdir()
    answers += [str(elsewhere / "agenda.pdf"), str(elsewhere / "meeting.ics")]
    editor.exporter.ask(AGENDA)
    editor.exporter.ask(CALENDAR)
    assert offered[1].parent == elsewhere
    assert offered[1].name == f"{editor.data.day.isoformat()} 12th Forum Meeting.ics"
    assert settings.LAST_EXPORT_DIR.value() == str(elsewhere)
    assert [kind for kind, _out in exported] == [AGENDA, CALENDAR]


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(qtbot, editor, save_dialog,
                                                                   tmp_path):
    documents, offered, answers, _exported = save_dialog
    settings.LAST_EXPORT_DIR.set(str(tmp_path / "removed since"))
    answers.append("")
    editor.exporter.ask(CALENDAR)
    assert offered[0].parent == documents


def test_a_chinese_agenda_is_offered_under_its_chinese_name(qtbot, editor, save_dialog,
                                                            monkeypatch):
    _documents, offered, answers, _exported = save_dialog
    monkeypatch.setattr(export_module.ExportOptionsDialog, "exec",
                        lambda dialog: dialog.language.setCurrentIndex(
                            dialog.language.findData("zh_TW")) or 1)
    answers.append("")
    editor.exporter.ask(AGENDA)
    assert offered[0].name.startswith(f"{editor.data.day.isoformat()} 第12次論壇會議 ")
    assert "meeting-" not in offered[0].name
