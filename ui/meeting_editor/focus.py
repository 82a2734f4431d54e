"""Opening the editor on one record: a search result (or any link) names an agenda item,
a decision or minutes, and the editor shows its tab with that record selected.

Kinds are the search kinds (``vocabulary.SEARCH_KIND_LABELS``). Kept apart from the tabs
so that they need not know who asks: this only selects rows the tabs already show.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

AGENDA_ITEM, MINUTES, DECISION = "agenda_item", "minutes", "decision"


def tab_for(editor, kind: str):
    """The tab that shows records of ``kind`` (None for kinds the editor does not show)."""
    return {AGENDA_ITEM: editor.agenda, MINUTES: editor.minutes,
            DECISION: editor.decisions}.get(kind)


def select_record(editor, kind: str, record_id: int, agenda_item_id: int | None) -> bool:
    """Show ``kind``'s tab and select the record in it (for minutes, the text of
    ``agenda_item_id`` when there is one). False when the record is not (or no longer)
    on screen; the tab is shown all the same."""
    tab = tab_for(editor, kind)
    if tab is None:
        return False
    editor.tabs.setCurrentWidget(tab)
    if kind == AGENDA_ITEM:
        number = tab.model.row_index_of(record_id)
        if number < 0:
            return False
        tab.select_row(number)
        tab.view.scrollTo(tab.model.index(number, 0))
        tab.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
    if kind == DECISION:
        return _select_in_table(tab.decision_table, tab.decisions, record_id)
    text = tab.editors.get(agenda_item_id)  # minutes: the item's text, else "Other matters"
    if text is None:
        return False
    text.setFocus(Qt.FocusReason.OtherFocusReason)
    text.ensureCursorVisible()
    scroll = text.parentWidget()
    while scroll is not None and not hasattr(scroll, "ensureWidgetVisible"):
        scroll = scroll.parentWidget()
    if scroll is not None:
        scroll.ensureWidgetVisible(text)
    return True


def _select_in_table(table, model, record_id: int) -> bool:
    number = model.row_index_of(record_id)
    if number < 0:
        return False
    index = table.model().mapFromSource(model.index(number, 0))  # through the sort proxy
    table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
    table.setCurrentIndex(index)
    table.scrollTo(index)
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    return True
