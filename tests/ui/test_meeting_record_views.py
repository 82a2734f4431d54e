"""The meeting editor reads the meeting record: it shows the same agenda, in the same
order, and the same attendance as ``meeting show`` and the minutes PDF (which the core
tests compare with the record)."""

from __future__ import annotations

from secretariat.export.meeting_data import load_minutes_record
from secretariat.services import meetings as meeting_service
from secretariat.services.meetings import meeting_record
from tests.core.factories import make_full_meeting
from ui.meeting_editor.data import load_editor_data


def test_the_editor_shows_the_records_agenda_attendance_and_decisions(session, tmp_path):
    ids = make_full_meeting(session, tmp_path, items=4)
    meeting_service.move_agenda_item(session, ids["items"][2], 1)
    session.commit()
    record = meeting_record(session, ids["meeting"])
    editor = load_editor_data(session, ids["meeting"])

    assert [item.id for item in editor.agenda] == [item.id for item in record.agenda]
    assert [item.position for item in editor.agenda] == [1, 2, 3, 4]
    assert editor.attendees == list(record.attendees)
    assert editor.version == record.version and editor.day == record.details.day
    assert editor.details.internal_notes == record.details.internal_notes
    assert [d.id for d in editor.decisions] == [d.id for d in record.decisions]
    assert editor.summary == record.summary and editor.voter_ids == record.voter_ids
    assert editor.minutes.current == record.minutes.current
    assert editor.people  # the choices of attendee, proxy and owner

    minutes = load_minutes_record(session, ids["meeting"], language="zh_TW")
    assert [item.id for item in minutes.meeting.items] == [item.id for item in editor.agenda]
    attended = {row.name for row in editor.attendees if row.status is not None}
    assert attended == {a.name for _label, group in minutes.attendance.groups() for a in group}


def test_the_editor_data_module_reads_no_orm_and_no_export_internals():
    import ast
    from pathlib import Path

    import ui.meeting_editor.data as data

    tree = ast.parse(Path(data.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names}
    assert not any(name.startswith(("sqlalchemy", "secretariat.model", "secretariat.export",
                                    "secretariat.services.validation")) for name in imported)
