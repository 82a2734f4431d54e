"""The menu bar: File, Edit, View, Settings, Help, with shortcuts and mnemonics."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from secretariat.i18n import _
from ui.navigation import CAPABILITIES, shortcut_text


def _action(window, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    action.triggered.connect(slot)
    return action


def build_menus(window) -> dict[str, QAction]:
    """Fill ``window.menuBar()``; returns the actions by name (tests and toolbars)."""
    bar = window.menuBar()
    bar.clear()
    actions: dict[str, QAction] = {}

    file_menu = bar.addMenu(_("&File"))
    actions["import_members"] = _action(window, _("&Import members from CSV…"),
                                        window.import_members, "Ctrl+I")
    actions["quit"] = _action(window, _("&Quit"), window.close, "Ctrl+Q")
    file_menu.addAction(actions["import_members"])
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])

    edit_menu = bar.addMenu(_("&Edit"))
    actions["undo"] = window.undo_stack.make_action(window, _("&Undo"), backwards=True)
    actions["undo"].setShortcuts([QKeySequence("Ctrl+Z")])
    actions["redo"] = window.undo_stack.make_action(window, _("&Redo"), backwards=False)
    actions["redo"].setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(actions["undo"])
    edit_menu.addAction(actions["redo"])
    edit_menu.addSeparator()
    actions["search"] = _action(window, _("&Search all records…"), window.focus_search,
                                [QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])
    edit_menu.addAction(actions["search"])

    view_menu = bar.addMenu(_("&View"))
    for number, cap in enumerate(CAPABILITIES, start=1):
        action = _action(window, _(cap.title), lambda _c=False, key=cap.key: window.show_page(key),
                         shortcut_text(number))
        action.setEnabled(cap.available)
        actions[f"page_{cap.key}"] = action
        view_menu.addAction(action)
    view_menu.addSeparator()
    actions["refresh"] = _action(window, _("Re&fresh"), window.refresh_current,
                                 QKeySequence.StandardKey.Refresh)
    view_menu.addAction(actions["refresh"])

    settings_menu = bar.addMenu(_("&Settings"))
    actions["preferences"] = _action(window, _("&Preferences…"), window.show_preferences,
                                     "Ctrl+,")
    settings_menu.addAction(actions["preferences"])

    help_menu = bar.addMenu(_("&Help"))
    actions["about"] = _action(window, _("&About Forum Secretariat"), window.show_about)
    help_menu.addAction(actions["about"])

    for action in actions.values():  # shortcuts work whichever widget has focus
        window.addAction(action)
    return actions
