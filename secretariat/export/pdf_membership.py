"""The membership PDF: who holds which seat on a day, and the forum's balance, with a chart
of the seats by side per quarter drawn with reportlab's own graphics (so the PDF carries
vectors and embedded text, not a picture). Public: it holds no contact details.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.renderPDF import GraphicsFlowable
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table
from sqlalchemy.orm import Session

from secretariat import dates
from secretariat.export.document_language import pick, rendering_language
from secretariat.export.pdf_common import (
    CONTENT_WIDTH, PageDecor, Styles, build_pdf, info_table, table_style,
)
from secretariat.i18n import _, format_number, format_percent
from secretariat.vocabulary import Side

GOVERNMENT_COLOUR = colors.HexColor("#3b6ea8")
NON_GOVERNMENT_COLOUR = colors.HexColor("#d08a2e")


@dataclass(frozen=True)
class MembershipData:
    forum_name: str
    forum_name_en: str
    on: dt.date
    rows: tuple  # MemberRow, voting and non-voting, by sector and seat
    found: object  # services.balance.diversity.Diversity
    quarters: tuple  # QuarterBalance


def load_membership(s: Session, *, on: dt.date, quarters: int = 8) -> MembershipData:
    from secretariat.services.balance.diversity import balance_by_quarter, diversity
    from secretariat.services.forum import require_forum
    from secretariat.services.members import member_rows

    forum = require_forum(s)
    first = dt.date(on.year - quarters // 4, 1, 1)
    return MembershipData(forum.name_zh_tw, forum.name_en, on,
                          tuple(r for r in member_rows(s, on=on) if r.active),
                          diversity(s, on=on),
                          tuple(balance_by_quarter(s, start=first, end=on)[-quarters:]))


def write_membership_pdf(data: MembershipData, out: Path, *, language: str = "zh_TW",
                         roc: bool = False) -> None:
    with rendering_language(language):
        styles = Styles.for_language(language)
        forum = pick(data.forum_name, data.forum_name_en, language)
        when = dates.format_date(data.on, language=language, roc=roc)
        title = _("Membership and balance on {date}").format(date=when)
        centred = ParagraphStyle("centred", parent=styles.title, alignment=TA_CENTER)
        story = [styles.para(forum, ParagraphStyle("forum", parent=styles.subheading,
                                                   alignment=TA_CENTER)),
                 styles.para(title, centred)]
        story += _balance(styles, data)
        story.append(styles.para(_("Seats by side at the end of each quarter"), styles.heading))
        story.append(_quarter_chart(styles, data))
        story.append(styles.para(_("Members"), styles.heading))
        story.append(_members_table(styles, data, language, roc))
        build_pdf(out, story, decor=PageDecor(styles, forum, title, public=True),
                  title=title, author=forum, subject=_("Membership"),
                  dated=dt.datetime.combine(data.on, dt.time(12), dt.timezone.utc))


def _balance(styles: Styles, data: MembershipData) -> list:
    found, seats = data.found, data.found.seats

    def share(part: int, total: int) -> str:
        return format_percent(part / total if total else 0.0)

    rows = [
        (_("Seats held"), _("{total}; government {government} ({government_share}), "
                            "non-government {non_government} ({non_government_share})").format(
            total=format_number(seats.total), government=format_number(seats.government),
            government_share=share(seats.government, seats.total),
            non_government=format_number(seats.non_government),
            non_government_share=share(seats.non_government, seats.total))),
        (_("High-level members"), _("government {government}, non-government "
                                    "{non_government}").format(
            government=found.high_level[Side.GOVERNMENT],
            non_government=found.high_level[Side.NON_GOVERNMENT])),
        (_("Vacant seats"), "、".join(v.label for v in found.vacancies) or _("None")),
    ]
    by_sector = [(pick(c.name_zh_tw, c.name_en, styles.language), format_number(c.count))
                 for c in seats.by_sector if c.count]
    return [info_table(styles, rows, label_width=36 * mm),
            styles.para(_("Seats by sector"), styles.subheading),
            info_table(styles, by_sector, label_width=70 * mm)]


class ChartFlowable(GraphicsFlowable):
    """A drawing rendered with our font as the graphics state's default: reportlab starts
    every drawing in Helvetica, which would leave an unembedded font in the PDF."""

    def __init__(self, drawing: Drawing, font: str):
        super().__init__(drawing)
        self.font = font

    def draw(self) -> None:
        before = STATE_DEFAULTS["fontName"]
        STATE_DEFAULTS["fontName"] = self.font
        try:
            super().draw()
        finally:
            STATE_DEFAULTS["fontName"] = before


def _quarter_chart(styles: Styles, data: MembershipData) -> ChartFlowable:
    font = styles.regular.primary
    drawing = Drawing(CONTENT_WIDTH, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = CONTENT_WIDTH - 20 * mm, 38 * mm
    chart.data = [[q.government for q in data.quarters],
                  [q.non_government for q in data.quarters]]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [_("{year}\nQ{quarter}").format(year=q.year,
                                                                       quarter=q.quarter)
                                        for q in data.quarters]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor, chart.bars[1].fillColor = GOVERNMENT_COLOUR, NON_GOVERNMENT_COLOUR
    chart.barLabelFormat = "%d"  # the numbers on the bars: colour is not the only carrier
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "n"  # just inside the top of each segment
    chart.barLabels.dy = -2
    legend = Legend()
    legend.x, legend.y = 14 * mm, 61 * mm
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [(GOVERNMENT_COLOUR, _(Side.GOVERNMENT.label)),
                             (NON_GOVERNMENT_COLOUR, _(Side.NON_GOVERNMENT.label))]
    drawing.add(chart)
    drawing.add(legend)
    return ChartFlowable(drawing, font)


def _members_table(styles: Styles, data: MembershipData, language: str, roc: bool) -> Table:
    header = [styles.para(text, styles.label) for text in
              (_("Seat"), _("Name"), _("Organisation"), _("Role"), _("Term"))]
    rows = [header]
    for r in data.rows:
        seat = pick(r.seat_label, getattr(r, "seat_label_en", ""), language)
        term = dates.format_date(r.term_start, language=language, roc=roc) + " – " + (
            dates.format_date(r.term_end, language=language, roc=roc) if r.term_end else "")
        rows.append([styles.para(seat, styles.cell), styles.para(pick(r.name, r.name_en, language),
                                                                 styles.cell),
                     styles.para(pick(r.organisation, getattr(r, "organisation_en", ""),
                                      language), styles.cell),
                     styles.para(_(r.role.label), styles.cell), styles.para(term, styles.cell)])
    widths = [34 * mm, 30 * mm, 48 * mm, 20 * mm, CONTENT_WIDTH - 132 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(styles, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#444444")),
                               ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#bbbbbb"))))
    return table
