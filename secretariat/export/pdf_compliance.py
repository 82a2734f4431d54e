"""The standards compliance report as a PDF, in Chinese or English: the cycle and the
day judged, a count of statuses, the early-warning triggers, then every requirement by
phase and element with its status (a word on a coloured ground, never colour alone),
the reason, what would make it met and the records that decide it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from secretariat.compliance.result import EVIDENCE_KINDS, STATUS_GROUNDS, Status
from secretariat.export.document_language import rendering_language
from secretariat.export.pdf_common import (
    CONTENT_WIDTH,
    PageDecor,
    Styles,
    build_pdf,
    info_table,
    table_style,
)
from secretariat.i18n import _, format_date
from secretariat.standards.catalogue import Element, Level
from secretariat.vocabulary import Phase

_COLUMNS = [26 * mm, CONTENT_WIDTH - 26 * mm]
_GRID = colors.HexColor("#b0b0b0")


def write_compliance_pdf(report, triggers, out: Path, *, language: str = "zh_TW",
                         forum_name: str = "") -> None:
    """Write ``report`` (``compliance.service.check_cycle``) with the early-warning
    ``triggers`` to ``out`` in ``language``."""
    with rendering_language(language):
        styles = Styles.for_language(language)
        label = _("Standards compliance report")
        story: list[Flowable] = [styles.para(label, styles.title)]
        story.append(info_table(styles, [
            (_("Cycle"), report.cycle_name),
            (_("Standards"), report.catalogue.title(language)),
            (_("As of"), format_date(report.day, fmt="long")),
            (_("Statuses"), _(", ").join(
                f"{_(status.label)} {sum(1 for r in report.results if r.status == status)}"
                for status in Status)),
        ]))
        story.append(styles.para(_("Acting contrary to process"), styles.heading))
        for trigger in triggers:
            mark = _("REACHED") if trigger.reached else _("not reached")
            story.append(styles.para(f"[{mark}] {trigger.message.text()}"))
        story += _entries(styles, report, language)
        build_pdf(out, story, decor=PageDecor(styles, forum_name or report.cycle_name,
                                              f"{report.cycle_name} · {label}", public=True),
                  title=f"{label}: {report.cycle_name}", author=forum_name,
                  subject=label,
                  dated=dt.datetime.combine(report.day, dt.time(), dt.timezone.utc))


def _entries(styles: Styles, report, language: str) -> list[Flowable]:
    story: list[Flowable] = []
    by_id = {entry.id: entry for entry in report.catalogue.entries}
    for phase in Phase:
        for element in Element:
            results = [r for r in report.results
                       if r.phase == phase.value and r.element == element.value]
            if not results:
                continue
            story.append(styles.para(f"{_(phase.label)} · {_(element.label)}", styles.heading))
            rows, grounds = [], []
            for row, result in enumerate(results):
                entry = by_id[result.entry_id]
                outcome = result.outcome
                detail = [styles.para(f"{result.entry_id} · {_(Level(result.level).label)}",
                                      styles.item_title),
                          styles.para(entry.text(language), styles.cell),
                          styles.para(outcome.explanation.text(), styles.body)]
                if outcome.remedy is not None:
                    detail.append(styles.para(_("To meet it: {remedy}").format(
                        remedy=outcome.remedy.text()), styles.small))
                if outcome.evidence:
                    shown = _(", ").join(f"{_(EVIDENCE_KINDS[e.kind])} {e.id}"
                                         for e in outcome.evidence[:12])
                    if outcome.evidence_total > 12:
                        shown += " " + _("(and {count} more)").format(
                            count=outcome.evidence_total - 12)
                    detail.append(styles.para(_("Evidence: {records}").format(records=shown),
                                              styles.small))
                rows.append([styles.para(_(outcome.status.label), styles.item_title), detail])
                grounds.append(("BACKGROUND", (0, row), (0, row),
                                colors.HexColor(STATUS_GROUNDS[outcome.status])))
            table = Table(rows, colWidths=_COLUMNS, hAlign="LEFT", repeatRows=0)
            table.setStyle(table_style(
                styles, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, _GRID), *grounds))
            story.append(table)
    return story
