"""The Conflicts of interest page: the overdue line in the status bar that opens it, the
declarations table, declaring an interest through the dialog with undo and redo, and the
public register export (private interests stay out)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from secretariat.interest_vocabulary import DeclarationOccasion, InterestKind
from tests.ui.window_helpers import settle
from ui.interests.actions import InterestRow
from ui.interests.model import InterestTableModel, OverdueTableModel

APPOINTED = dt.date.today() - dt.timedelta(days=90)


@pytest.fixture
def members(forum_store):
    """Two members appointed 90 days ago, neither has declared: both are overdue."""
    from secretariat.services import members as member_service

    with forum_store.session() as s:
        for name, name_en in (("林小明", "Lin Hsiao-ming"), ("陳美玲", "Chen Mei-ling")):
            member_service.add_member(s, name=name, name_en=name_en,
                                      sector_code="civil_society", role="member",
                                      term_start=APPOINTED)
        s.commit()


def _page(qtbot, window):
    window.show_page("conflicts")
    settle(qtbot, window)
    return window.page("conflicts")


def _descriptions(page):
    return [page.model.row_at(r).description for r in range(page.model.rowCount())]


def test_status_bar_says_how_many_are_overdue_and_opens_the_page(qtbot, members, window):
    settle(qtbot, window)
    label = window.overdue_label
    assert label.isVisibleTo(window)
    assert "2 declarations of interests are overdue" in label.text()
    label.linkActivated.emit("conflicts")
    assert window.stack.currentWidget() is window.page("conflicts")
    page = window.page("conflicts")
    settle(qtbot, window)
    assert page.overdue_model.rowCount() == 2
    assert page.overdue_heading.text() == "2 declarations of interests are overdue"


def test_declare_through_the_dialog_then_undo_and_redo(qtbot, members, window):
    page = _page(qtbot, window)
    dialog = page.declare_interest()
    assert not dialog.ok_button.isEnabled()  # no person, nothing described yet
    dialog.person.setCurrentIndex(dialog.person.findText("林小明", Qt.MatchFlag.MatchContains))
    dialog.kind.setCurrentIndex(dialog.kind.findData(InterestKind.BOARD_SEAT))
    dialog.description.setText("理事")
    dialog.organisation.setText("開放文化基金會")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.submit_error.text() == "" and dialog.problems() == {}
    assert _descriptions(page) == ["理事"]
    assert page.overdue_model.rowCount() == 1
    assert "1 declaration of interests is overdue" in window.overdue_label.text()

    window.undo_stack.undo()
    settle(qtbot, window)
    assert _descriptions(page) == []
    assert page.overdue_model.rowCount() == 2  # the declaration it made went too

    window.undo_stack.redo()
    settle(qtbot, window)
    assert _descriptions(page) == ["理事"]
    window.undo_stack.undo()  # the re-created item is still undoable
    settle(qtbot, window)
    assert _descriptions(page) == []


def test_exported_register_leaves_private_interests_out(qtbot, members, window, tmp_path):
    from secretariat.services.interests.declare import ItemInput, declare_interests

    from secretariat.services.members.people import list_people

    with window.store.session() as s:
        person_id = next(p.id for p in list_people(s) if p.name == "林小明")
        declare_interests(s, person_id=person_id, declared_on=dt.date.today(), items=[
            ItemInput(kind=InterestKind.EMPLOYMENT, description="公開職務"),
            ItemInput(kind=InterestKind.SHAREHOLDING, description="私密持股", is_public=False)])
        s.commit()
    page = _page(qtbot, window)
    page.refresh()
    settle(qtbot, window)
    assert sorted(_descriptions(page)) == ["公開職務", "私密持股"]
    out = tmp_path / "register.csv"
    page.export_register(out)
    settle(qtbot, window)
    data = out.read_bytes().decode("utf-8-sig")
    assert "公開職務" in data and "私密持股" not in data and "shareholding" not in data
    assert page.last_export == out


def _row(**fields):
    values = dict(id=1, declaration_id=1, person_name="林小明", person_name_en="Lin",
                  declared_on=dt.date(2026, 1, 5), occasion=DeclarationOccasion.APPOINTMENT,
                  kind=InterestKind.EMPLOYMENT, description="顧問", description_en="Adviser",
                  organisation="開放文化基金會", organisation_en="", is_public=True)
    values.update(fields)
    return InterestRow(**values)


def test_table_models_pass_the_model_tester(qtmodeltester):
    from secretariat.services.interests.overdue import AT_APPOINTMENT, OverdueDeclaration

    interests = InterestTableModel()
    interests.set_rows([_row(), _row(id=-2, declaration_id=2, kind=None, description="",
                                     is_public=True)])
    qtmodeltester.check(interests)
    assert interests.index(1, 3).data() == "Nothing to declare"
    assert interests.index(1, 6).data() == "" and interests.index(0, 6).data() == "Public"
    overdue = OverdueTableModel()
    overdue.set_rows([OverdueDeclaration(
        person_id=1, person_name="林小明", person_name_en="", appointed_on=dt.date(2026, 1, 1),
        last_declared_on=None, due_on=dt.date(2026, 1, 31), reason=AT_APPOINTMENT)])
    qtmodeltester.check(overdue)


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_no_two_controls_share_a_mnemonic(qtbot, window, language):
    from tests.ui.mnemonic_helpers import duplicates, mnemonics
    from ui.language import apply_language

    window.switch_language(language)
    settle(qtbot, window)
    try:
        page = _page(qtbot, window)
        assert duplicates(mnemonics(window, window.menuBar())) == {}
        assert duplicates(mnemonics(page.declare_interest())) == {}
    finally:
        apply_language("en")


def test_a_breach_and_its_sanction_are_recorded_and_undone(qtbot, members, window,
                                                           monkeypatch, qtmodeltester):
    from ui.interests.breach_dialog import BreachDialog

    page = _page(qtbot, window)
    qtmodeltester.check(page.breach_model)

    def fill(dialog):
        dialog.person.setCurrentIndex(dialog.person.findText("陳美玲", Qt.MatchFlag.MatchContains))
        dialog.description.setPlainText("未申報其擔任董事之基金會")
        dialog.sanction.setText("書面警告")
        dialog.decided_set.setChecked(True)
        return BreachDialog.DialogCode.Accepted

    monkeypatch.setattr(BreachDialog, "exec", fill)
    page.record_breach()
    settle(qtbot, window)
    settle(qtbot, window)
    assert page.breach_model.rowCount() == 1
    row = page.breach_model.row_at(0)
    assert (row.person_name, row.sanction, row.decided_on) == ("陳美玲", "書面警告",
                                                                dt.date.today())
    window.context.stack.undo()
    settle(qtbot, window)
    settle(qtbot, window)
    assert page.breach_model.rowCount() == 0


def test_a_sanction_without_who_decided_it_is_refused_and_nothing_saved(
        qtbot, members, window, monkeypatch):
    from ui.interests.breach_dialog import BreachDialog

    page = _page(qtbot, window)
    errors = []
    monkeypatch.setattr("ui.errors.show_error", lambda parent, error, *a: errors.append(error))

    def fill(dialog):
        dialog.description.setPlainText("未迴避")
        dialog.sanction.setText("停權三個月")
        return BreachDialog.DialogCode.Accepted

    monkeypatch.setattr(BreachDialog, "exec", fill)
    page.record_breach()
    settle(qtbot, window)
    settle(qtbot, window)
    assert errors and "Say who decided the sanction" in str(errors[0])
    assert page.breach_model.rowCount() == 0
