"""Meeting editor, found in QA: columns that keep fitting, papers opened under their own
name, the recusal list limited to those who may vote, English texts in the English
interface, the calendar of all upcoming meetings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar
from PySide6.QtCore import Qt

from secretariat.model import AttendanceStatus, ItemPurpose, Membership
from secretariat.services.meetings import decisions as decision_service
from secretariat.services import meetings as meeting_service
from secretariat.services import members as member_service
from tests.ui.editor_helpers import settle
from ui.meeting_editor import agenda_tab as agenda_module
from ui.meeting_editor.export import UPCOMING
from ui.meeting_editor.models import ApprovalCandidateModel, DecisionModel
from ui.widgets import select_data

TAIPEI = ZoneInfo("Asia/Taipei")
PRESENTER = "國家發展委員會國土規劃處綜合規劃科"


def test_a_column_grows_when_a_longer_value_is_added(qtbot, editor):
    presenter = 4  # AgendaModel columns: No., Title, Title (English), Purpose, Presenter
    dialog = editor.agenda.add_item()
    dialog.title.setText("臨時動議")
    dialog.presenter.setText(PRESENTER)
    select_data(dialog.purpose, ItemPurpose.DISCUSSION)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    view = editor.agenda.view
    assert PRESENTER in [editor.agenda.model.row_at(r).presenter
                         for r in range(editor.agenda.model.rowCount())]
    # The first rows had no presenter longer than six characters; the new one shows whole.
    assert view.columnWidth(presenter) >= view.sizeHintForColumn(presenter)


def test_a_paper_opens_as_a_copy_with_its_own_file_name(qtbot, editor, tmp_path, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(agenda_module.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    source = tmp_path / "行動方案草案.pdf"
    source.write_bytes(b"%PDF-1.4\n% a paper\n%%EOF\n")
    editor.agenda.select_row(0)
    dialog = editor.agenda.attach_file(source)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    editor.agenda.select_row(0)
    editor.agenda.open_selected_paper()
    settle(qtbot, editor)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    # The stored file is named by its hash; a viewer needs the name and its extension.
    assert Path(opened[0]).name == "行動方案草案.pdf"
    assert Path(opened[0]).read_bytes() == source.read_bytes()


def _add_alternate(env, member_name: str) -> int:
    """An alternate on the seat of ``member_name``; returns the alternate's person id."""
    with env.store.session() as s:
        seat = s.query(Membership).filter_by(person_id=env.people[member_name]).one().seat
        alternate = member_service.add_member(
            s, name="吳代理", sector_code="civil_society", role="alternate",
            term_start=dt.date(2025, 1, 1), seat_label=seat.label)
        s.commit()
        return alternate.person_id


def test_the_recusal_list_holds_only_those_who_may_vote(qtbot, editor, env):
    alternate = _add_alternate(env, "林美玲")
    editor.reload()
    settle(qtbot, editor)
    rows = {editor.attendance.model.row_at(r).person_id: r
            for r in range(editor.attendance.model.rowCount())}
    for person in (env.people["林美玲"], env.people["陳志明"], alternate):
        editor.attendance.set_status(rows[person], AttendanceStatus.PRESENT)
        settle(qtbot, editor)
    dialog = editor.decisions.record_decision()
    listed = set(dialog.voters.recused)
    # The alternate's member attends, so the alternate does not vote and cannot be
    # recused (the service would refuse); before, the list offered the alternate too.
    assert listed == {env.people["林美玲"], env.people["陳志明"]}
    assert "2 members attending may vote" in dialog.may_vote.text()
    dialog.voters.set_recused(env.people["林美玲"])
    assert "1 member attending may vote" in dialog.may_vote.text()


def test_the_english_interface_shows_the_english_decision_and_the_local_day(qtbot, env):
    from ui.language import apply_language

    with env.store.session() as s:
        early = meeting_service.schedule_meeting(
            s, title="第14次論壇會議", title_en="14th Forum Meeting", location="台北",
            starts_at=dt.datetime(2026, 5, 4, 7, 30, tzinfo=TAIPEI),  # 23:30 UTC on May 3
            ends_at=dt.datetime(2026, 5, 4, 9, 0, tzinfo=TAIPEI))
        decision_service.record_decision(s, meeting_id=early.id, text="確認第12次會議紀錄。",
                                         text_en="The minutes of the 12th meeting are approved.")
        s.commit()
        rows = decision_service.decision_rows(s, meeting_id=early.id)
    apply_language("en")
    decisions, candidates = DecisionModel(), ApprovalCandidateModel()
    decisions.set_rows(rows)
    candidates.set_rows(rows)
    assert decisions.index(0, 1).data() == "The minutes of the 12th meeting are approved."
    assert candidates.index(0, 1).data() == "14th Forum Meeting"
    assert candidates.index(0, 2).data() == "May 4, 2026"
    apply_language("zh_TW")
    try:
        assert decisions.index(0, 1).data() == "確認第12次會議紀錄。"
    finally:
        apply_language("en")


def test_the_editor_exports_the_calendar_of_all_upcoming_meetings(qtbot, editor, env,
                                                                  tmp_path):
    start = dt.datetime.now(TAIPEI).replace(microsecond=0) + dt.timedelta(days=30)
    with env.store.session() as s:
        meeting_service.schedule_meeting(s, title="第20次論壇會議", title_en="20th Forum Meeting",
                                         location="台北", starts_at=start,
                                         ends_at=start + dt.timedelta(hours=2))
        s.commit()
    out = tmp_path / "upcoming.ics"
    with qtbot.waitSignal(editor.exported, timeout=15000):
        editor.exporter.export(UPCOMING, out, language="en", offer_open=False)
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert events["20th Forum Meeting"]["DTSTART"].params["TZID"] == "Asia/Taipei"
    assert events["20th Forum Meeting"]["DTSTART"].dt == start
    # Not only the editor's own meeting: every meeting not over yet, and none that is.
    now = dt.datetime.now(dt.timezone.utc)
    assert all(e["DTEND"].dt > now for e in events.values())
    assert UPCOMING in editor.export_actions


def test_a_meeting_in_the_year_9999_is_left_out_of_the_calendar_and_named(
        qtbot, editor, env, tmp_path, monkeypatch):
    from secretariat.model import Meeting
    from ui.meeting_editor import export as export_module

    # Stored straight in the row, as an older version let such a date in.
    year_9999 = dt.datetime(9999, 12, 31, 22, 0, tzinfo=dt.timezone.utc)
    with env.store.session() as s:
        meeting = s.get(Meeting, env.second_id)
        meeting.starts_at, meeting.ends_at = year_9999, year_9999 + dt.timedelta(hours=1)
        s.commit()
    warnings: list[str] = []
    monkeypatch.setattr(export_module.QMessageBox, "warning",
                        lambda _parent, _title, text: warnings.append(text))
    out = tmp_path / "upcoming.ics"
    with qtbot.waitSignal(editor.exported, timeout=15000):
        editor.exporter.export(UPCOMING, out, language="en", offer_open=False)
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert len(warnings) == 1 and "第13次論壇會議 (year 9999)" in warnings[0]
