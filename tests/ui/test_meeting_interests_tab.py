"""The meeting editor's Conflicts of interest tab: a likely conflict from a member's
declared interest, declared at the meeting through the dialog it pre-fills, undone,
redone, removed and the removal undone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from secretariat.interest_vocabulary import InterestKind, MeetingInterestAction
from tests.ui.editor_helpers import settle
from ui.interests.meeting_tab import ConflictFlagModel, MeetingInterestModel


def _declared(tab):
    return [(r.person_name, r.nature, r.action)
            for r in (tab.declarations.row_at(i) for i in range(tab.declarations.rowCount()))]


def _undo(qtbot, editor, backwards=True):
    (editor.context.stack.undo if backwards else editor.context.stack.redo)()
    settle(qtbot, editor)


def test_declare_a_flagged_conflict_then_undo_redo_remove(qtbot, env, editor):
    from secretariat.services.interests.declare import ItemInput, declare_interests

    person_id = env.people["林美玲"]
    with env.store.session() as s:
        declare_interests(s, person_id=person_id, declared_on=dt.date(2026, 1, 5), items=[
            ItemInput(kind=InterestKind.FUNDING, organisation_name="國家行動方案草案")])
        s.commit()
    editor.reload()
    settle(qtbot, editor)
    tab = editor.interests
    assert tab.flags.rowCount() == 1
    flag = tab.flags.row_at(0)
    assert (flag.person_name, flag.organisation) == ("林美玲", "國家行動方案草案")

    tab.flag_table.selectRow(0)
    dialog = tab.declare()
    assert dialog.person.currentData() == person_id  # filled in from the flag
    assert dialog.item.currentData() == flag.agenda_item_id
    dialog.nature.setText("受託研究")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert _declared(tab) == [("林美玲", "受託研究", MeetingInterestAction.RECUSED)]
    assert tab.flags.row_at(0).declared_action == MeetingInterestAction.RECUSED

    _undo(qtbot, editor)
    assert _declared(tab) == []
    _undo(qtbot, editor, backwards=False)
    assert _declared(tab) == [("林美玲", "受託研究", MeetingInterestAction.RECUSED)]

    tab.declaration_table.selectRow(0)
    tab.remove_selected()
    settle(qtbot, editor)
    assert _declared(tab) == []
    _undo(qtbot, editor)
    assert _declared(tab) == [("林美玲", "受託研究", MeetingInterestAction.RECUSED)]
    assert editor.errors_shown == []


def test_tab_models_pass_the_model_tester(qtmodeltester):
    from secretariat.services.interests.flags import IN_PAPER, ConflictFlag
    from secretariat.services.interests.meeting_declare import MeetingInterestRow

    declarations = MeetingInterestModel()
    declarations.set_rows([MeetingInterestRow(
        id=1, agenda_item_id=2, item_position=2, item_title="補助案", item_title_en="",
        person_id=3, person_name="林美玲", person_name_en="", nature="理事",
        action=MeetingInterestAction.ABSTAINED, version=1)])
    qtmodeltester.check(declarations)
    assert declarations.index(0, 3).data() == "Abstained"
    flags = ConflictFlagModel()
    flags.set_rows([ConflictFlag(
        person_id=3, person_name="林美玲", person_name_en="", agenda_item_id=2,
        item_position=2, item_title="補助案", item_title_en="", organisation="協會",
        kind=InterestKind.GIFT, is_private=True, where=IN_PAPER, paper="計畫書",
        declared_action=None)])
    qtmodeltester.check(flags)
    assert flags.index(0, 4).data() == "the paper “計畫書”"
    assert flags.index(0, 2).data() == "Gift or hospitality · private"
