"""Parts of the decision dialog: who may vote (recusal and, optionally, each vote) and the
dissenting statements, each attributed to a member or left unnamed.

Every control is an ordinary focusable widget in reading order, named for screen readers
after the member it belongs to, so the whole form works from the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QScrollArea, QVBoxLayout, QWidget,
)

from secretariat.i18n import _
from secretariat.vocabulary import VoteChoice

LIST_HEIGHT = 190  # about six members; a larger forum scrolls
STATEMENT_WIDTH = 280  # room for a sentence, so the dialog widens instead of squashing it


def vote_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(_("Not recorded"), None)
    for choice in VoteChoice:
        combo.addItem(_(choice.label), choice)
    combo.setAccessibleName(_("Vote of {name}").format(name=name))
    return combo


def _scrolling(body: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.StyledPanel)
    scroll.setWidget(body)
    # As tall as the list up to LIST_HEIGHT: the dialog's layout would shrink it to a row.
    frame = 2 * scroll.frameWidth()
    scroll.setFixedHeight(min(body.sizeHint().height() + frame, LIST_HEIGHT))
    scroll.setMinimumWidth(body.sizeHint().width() + frame
                           + scroll.verticalScrollBar().sizeHint().width())
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take the focus, not it
    return scroll


class VotersPanel(QWidget):
    """One row per member entitled to vote: name, recused, and their vote (the vote column
    shows only while votes are recorded by name)."""

    changed = Signal()

    def __init__(self, voters: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.names = dict(voters)
        self.recused: dict[int, QCheckBox] = {}
        self.votes: dict[int, QComboBox] = {}
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(0, 1)
        self.vote_heading = QLabel(_("Vote"))
        for column, heading in enumerate((QLabel(_("Member")), QLabel(_("Recused")),
                                          self.vote_heading)):
            heading.setStyleSheet("font-weight: bold;")
            grid.addWidget(heading, 0, column)
        for row, (person_id, name) in enumerate(voters, start=1):
            grid.addWidget(QLabel(name), row, 0)
            box = QCheckBox()  # under the "Recused" heading; screen readers hear the name
            box.setAccessibleName(_("{name} recused").format(name=name))
            box.toggled.connect(lambda _on: self.changed.emit())
            combo = vote_combo(name)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            grid.addWidget(box, row, 1)
            grid.addWidget(combo, row, 2)
            self.recused[person_id], self.votes[person_id] = box, combo
        if not voters:
            grid.addWidget(QLabel(_("No member entitled to vote is marked as attending.")),
                           1, 0, 1, 3)
        grid.setRowStretch(len(voters) + 1, 1)
        QVBoxLayout(self).addWidget(_scrolling(body))
        self.layout().setContentsMargins(0, 0, 0, 0)

    def focus_target(self) -> QWidget:
        """What the caption's mnemonic focuses: the first control of the list."""
        return next(iter(self.recused.values()), self)

    def show_votes(self, by_name: bool) -> None:
        self.vote_heading.setVisible(by_name)
        for combo in self.votes.values():
            combo.setVisible(by_name)

    def recused_ids(self) -> tuple[int, ...]:
        return tuple(pid for pid, box in self.recused.items() if box.isChecked())

    def named_votes(self) -> tuple[tuple[int, VoteChoice], ...]:
        return tuple((pid, combo.currentData()) for pid, combo in self.votes.items()
                     if combo.currentData() is not None)

    def set_recused(self, person_id: int, recused: bool = True) -> None:
        self.recused[person_id].setChecked(recused)

    def set_vote(self, person_id: int, choice: VoteChoice | None) -> None:
        combo = self.votes[person_id]
        combo.setCurrentIndex(combo.findData(choice))


class DissentRow(QWidget):
    def __init__(self, number: int, voters: list[tuple[int, str]], on_remove):
        super().__init__()
        self.member = QComboBox()
        self.member.addItem(_("(not named)"), None)
        for person_id, name in voters:
            self.member.addItem(name, person_id)
        self.statement = QLineEdit()
        self.statement.setMinimumWidth(STATEMENT_WIDTH)
        self.statement.setPlaceholderText(_("What the member asked to have recorded"))
        self.remove = QPushButton(_("Remove"))
        self.remove.clicked.connect(lambda: on_remove(self))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.member)
        row.addWidget(self.statement, 1)
        row.addWidget(self.remove)
        self.renumber(number)

    def renumber(self, number: int) -> None:
        self.member.setAccessibleName(_("Dissent {number}: member").format(number=number))
        self.statement.setAccessibleName(
            _("Dissent {number}: statement").format(number=number))
        self.remove.setAccessibleName(_("Remove dissent {number}").format(number=number))

    def value(self) -> tuple[int | None, str]:
        return self.member.currentData(), self.statement.text().strip()


class DissentList(QWidget):
    """Dissenting statements, one row each: who (or nobody named) and what they said."""

    changed = Signal()

    def __init__(self, voters: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.voters = voters
        self.rows: list[DissentRow] = []
        self._anchor: QWidget | None = None  # the control the rows follow in tab order
        self.add_button = QPushButton(_("Add a dissen&ting statement"))
        self.add_button.clicked.connect(self.add_row)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        self.column.addLayout(bar)

    def add_row(self) -> DissentRow:
        row = DissentRow(len(self.rows) + 1, self.voters, self._remove)
        row.member.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row.statement.textChanged.connect(lambda _t: self.changed.emit())
        self.column.insertWidget(len(self.rows), row)
        self.rows.append(row)
        self._tab_order()
        row.statement.setFocus()
        self.changed.emit()
        return row

    def _remove(self, row: DissentRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        row.deleteLater()
        for number, other in enumerate(self.rows, start=1):
            other.renumber(number)
        target = self.rows[min(index, len(self.rows) - 1)].statement if self.rows \
            else self.add_button
        target.setFocus()  # the focus would otherwise leave the dialog's fields
        self.changed.emit()

    def _tab_order(self) -> None:
        """Rows in reading order, then the Add button. A new row was created last, so Qt
        put it at the end of the dialog's focus chain, after OK and Cancel; the chain is
        rebuilt from the control before this list (Qt ignores an anchor that cannot take
        the focus, such as this list itself)."""
        if self._anchor is None:
            self._anchor = self._control_before()
        chain: list[QWidget] = [self._anchor] if self._anchor is not None else []
        chain += [w for row in self.rows for w in (row.member, row.statement, row.remove)]
        chain.append(self.add_button)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _control_before(self) -> QWidget | None:
        widget = self.previousInFocusChain()
        while widget is not None and widget is not self.window():
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not self.isAncestorOf(widget):
                return widget
            widget = widget.previousInFocusChain()
        return None

    def value(self) -> tuple[tuple[int | None, str], ...]:
        return tuple(row.value() for row in self.rows if row.value()[1])

    def unwritten(self) -> bool:
        """A row names a member but holds no statement."""
        return any(person is not None and not text
                   for person, text in (row.value() for row in self.rows))
