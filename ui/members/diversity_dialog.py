"""Balance and diversity on a day: seats, high-level members, attendance by side,
vacancies, terms ending soon, and seats by side per quarter as a chart and a table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from secretariat.i18n import _, format_date, format_number, format_percent, localized
from secretariat.vocabulary import Gender, Side
from ui.charts import StackedBarChart
from ui.members.balance import SIDE_COLOURS


def _share(part: int, total: int) -> str:
    return format_percent(part / total if total else 0.0)


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class DiversityDialog(QDialog):
    def __init__(self, view, parent: QWidget | None = None):
        super().__init__(parent)
        found = view.found
        self.setWindowTitle(_("Balance and diversity on {date}").format(
            date=format_date(found.on)))
        facts = QFormLayout()
        seats = found.seats
        facts.addRow(_("Seats held:"), _label(_(
            "{total}; government {government} ({government_share}), non-government "
            "{non_government} ({non_government_share})").format(
            total=format_number(seats.total), government=format_number(seats.government),
            government_share=_share(seats.government, seats.total),
            non_government=format_number(seats.non_government),
            non_government_share=_share(seats.non_government, seats.total))))
        facts.addRow(_("High-level members:"), _label(_(
            "government {government}, non-government {non_government}").format(
            government=found.high_level[Side.GOVERNMENT],
            non_government=found.high_level[Side.NON_GOVERNMENT])))
        facts.addRow(_("Gender, where recorded:"), _label("; ".join(
            f"{_(Gender(value).label)} {format_number(count)}"
            for value, count in found.genders.items() if count)))
        self.regions = _label("; ".join(f"{region or _('not recorded')} {format_number(count)}"
                                        for region, count in found.regions) or _("None"))
        facts.addRow(_("Regions:"), self.regions)
        a = found.attendance
        facts.addRow(_("Attendance, past year:"), _label(_(
            "{meetings} forum meetings; government {government} ({government_share}), "
            "non-government {non_government}").format(
            meetings=format_number(a.meetings), government=format_number(a.government),
            government_share=_share(a.government, a.government + a.non_government),
            non_government=format_number(a.non_government))))
        self.vacancies = _label("\n".join(
            f"{v.label} ({_(v.side.label)})" for v in found.vacancies) or _("None"))
        facts.addRow(_("Vacant seats:"), self.vacancies)
        self.terms_ending = _label("\n".join(
            f"{localized(r.name, r.name_en)} · {r.seat_label} · "
            f"{format_date(min(d for d in (r.term_end, r.ended_on) if d))}"
            for r in found.terms_ending) or _("None"))
        facts.addRow(_("Terms ending within 90 days:"), self.terms_ending)

        self.chart = StackedBarChart(self)
        categories = [_("{year} Q{quarter}").format(year=q.year, quarter=q.quarter)
                      for q in view.quarters]
        # Two short lines under each bar: the year, then the quarter.
        short = [_("{year}\nQ{quarter}").format(year=q.year, quarter=q.quarter)
                 for q in view.quarters]
        government = [q.government for q in view.quarters]
        non_government = [q.non_government for q in view.quarters]
        self.chart.set_data(short, [
            (_(Side.GOVERNMENT.label), SIDE_COLOURS[Side.GOVERNMENT], government),
            (_(Side.NON_GOVERNMENT.label), SIDE_COLOURS[Side.NON_GOVERNMENT], non_government),
        ], "; ".join(_("{quarter}: government {government}, non-government {non_government}")
                     .format(quarter=c, government=g, non_government=n)
                     for c, g, n in zip(categories, government, non_government)))
        self.table = QTableWidget(len(categories), 3, self)
        self.table.setHorizontalHeaderLabels([_("Quarter"), _(Side.GOVERNMENT.label),
                                              _(Side.NON_GOVERNMENT.label)])
        for row, values in enumerate(zip(categories, government, non_government)):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.resizeColumnsToContents()
        over_time = QGroupBox(_("Seats by side at the end of each quarter"), self)
        row = QHBoxLayout(over_time)
        row.addWidget(self.chart, 3)
        row.addWidget(self.table, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(over_time, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
