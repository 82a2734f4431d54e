"""The agenda of one meeting as a PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table
from sqlalchemy.orm import Session

from secretariat import dates
from secretariat.export.meeting_data import ItemData, MeetingData, load_meeting, rendering_language
from secretariat.export.pdf_common import (
    PageDecor, Styles, build_pdf, meeting_header, table_style,
)
from secretariat.i18n import _

# No. | item | purpose | proposed by | time: together the 170 mm between A4 margins;
# wide enough for "Information" and "Non-government" on one line at 9 points.
_COLUMNS = [11 * mm, 83 * mm, 26 * mm, 32 * mm, 18 * mm]
_GRID = colors.HexColor("#b0b0b0")


def render_agenda_pdf(
    session: Session, meeting_id: int, out: Path, *, language: str = "zh_TW", roc: bool = False,
    public: bool = False,
) -> None:
    """Write the agenda of meeting ``meeting_id`` to ``out`` in ``language``.

    ``roc`` writes dates with 民國 years (Chinese only). ``public``: the copy for
    publication, with only what the public projection keeps (no restricted papers…).
    """
    write_agenda_pdf(load_meeting(session, meeting_id, language=language, public=public), out,
                     language=language, roc=roc)


def write_agenda_pdf(meeting: MeetingData, out: Path, *, language: str = "zh_TW",
                     roc: bool = False) -> None:
    """Write the agenda of ``meeting`` (``load_meeting``'s plain data, read in
    ``language``): no session, so it may run on any thread."""
    with rendering_language(language):
        styles = Styles.for_language(language)
        label = _("Agenda")
        story = meeting_header(styles, meeting, label, roc=roc) + agenda_items(styles, meeting)
        build_pdf(
            out, story,
            decor=PageDecor(styles, meeting.forum_name, f"{meeting.title} · {label}",
                            public=meeting.public),
            title=_("Agenda: {title}").format(title=meeting.title),
            author=meeting.forum_name, subject=label, dated=meeting.updated_at,
        )


def _start_times(meeting: MeetingData) -> dict[int, dt.datetime]:
    """Planned start of each item, as long as every earlier item has a planned length."""
    starts, clock = {}, meeting.starts_at
    for item in meeting.items:
        starts[item.id] = clock
        if item.planned_minutes is None:
            break
        clock += dt.timedelta(minutes=item.planned_minutes)
    return starts


def _item_cell(styles: Styles, item: ItemData) -> list[Flowable]:
    cell: list[Flowable] = styles.long_para(item.title, styles.item_title)
    if item.presenter:
        cell.append(styles.para(_("Presenter: {name}").format(name=item.presenter), styles.small))
    for paper in item.papers:  # a public copy has only public papers
        text = _("Paper: {title}") if paper.is_public else _("Paper (restricted): {title}")
        cell.append(styles.para(text.format(title=paper.title), styles.small))
    return cell


def _time_cell(styles: Styles, item: ItemData, start: dt.datetime | None) -> list[Flowable]:
    lines = []
    if start is not None:
        lines.append(dates.format_time(start, language=styles.language))
    if item.planned_minutes is not None:
        lines.append(_("{minutes} min").format(minutes=item.planned_minutes))
    return [styles.para("\n".join(lines), styles.small)] if lines else []


def agenda_items(styles: Styles, meeting: MeetingData) -> list[Flowable]:
    """The numbered items as a table whose heading row repeats on every page."""
    story: list[Flowable] = [styles.para(_("Agenda items"), styles.heading)]
    if not meeting.items:
        return [*story, styles.para(_("No agenda items yet."))]
    starts = _start_times(meeting)
    head = [_("No."), _("Item"), _("Purpose"), _("Proposed by"), _("Time")]
    rows = [[styles.para(text, styles.label) for text in head]]
    for item in meeting.items:
        rows.append([
            styles.para(f"{item.number}."),
            _item_cell(styles, item),
            styles.para(_(item.purpose.label), styles.cell),
            styles.para(_(item.proposed_by.label), styles.cell),
            _time_cell(styles, item, starts.get(item.id)),
        ])
    # splitInRow: an item too long for one page (an old record with a title of many pages)
    # goes on over the next pages instead of failing the whole agenda.
    table = Table(rows, colWidths=_COLUMNS, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style(
        styles,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, _GRID),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ))
    story.append(table)
    if meeting.total_planned_minutes:
        story += [
            Spacer(1, 2 * mm),
            styles.para(
                _("Total planned time: {minutes} min").format(minutes=meeting.total_planned_minutes),
                styles.label,
            ),
        ]
    return story
