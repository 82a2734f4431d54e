"""A selection round's report as a PDF, in one language: the call (seats, criteria,
timeline), the committee and its conflicts, the pool in order with the exclusions and
their reasons, the method's inputs and computation, the result, and the command that
re-checks it from the open data. Built from the open data's own record, so the report
and the data cannot disagree."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from secretariat import dates
from secretariat.export.document_language import pick, rendering_language
from secretariat.export.pdf_common import CONTENT_WIDTH, PageDecor, Styles, build_pdf, info_table, table_style
from secretariat.i18n import N_, _, format_number
from secretariat.selection.round_vocabulary import RoundStatus, SelectionMethod

_GRID = colors.HexColor("#b0b0b0")
_SHADE = colors.HexColor("#eef2f7")


def write_round_pdf(files: dict[str, str], out: Path, *, forum_name: str,
                    language: str = "zh_TW") -> None:
    """``files``: the round's open data (``open_data.open_data_files``)."""
    record = json.loads(files["round.json"])
    with rendering_language(language):
        styles = Styles.for_language(language)
        r = record["round"]
        title = pick(r["title"], r["title_en"], language)
        label = _("Selection round report")
        story = _header(styles, record, forum_name, title, label)
        story += _committee(styles, record) + _pool(styles, record)
        story += _computation(styles, record) + _result(styles, record)
        updated = dt.datetime.fromisoformat(record["sources"][-1]["announced_at"]) if (
            record["sources"]) else dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
        build_pdf(out, story, decor=PageDecor(styles, forum_name, f"{title} · {label}",
                                              public=r["status"] == RoundStatus.PUBLISHED.value,
                                              draft_mark="" if r["status"] == "published"
                                              else _("Not yet published")),
                  title=f"{label}: {title}", author=forum_name, subject=label, dated=updated)


def _day(text: str | None, language: str) -> str:
    return dates.format_date(dt.date.fromisoformat(text), language=language) if text else "—"


def _header(styles: Styles, record: dict, forum_name: str, title: str, label: str) -> list:
    r, language = record["round"], styles.language
    centred = {"alignment": TA_CENTER}
    method = SelectionMethod(r["method"])
    return [
        styles.para(forum_name, ParagraphStyle("forum", parent=styles.subheading, **centred)),
        styles.para(title, ParagraphStyle("round", parent=styles.title, **centred)),
        styles.para(label, ParagraphStyle("kind", parent=styles.heading, spaceBefore=0, **centred)),
        info_table(styles, [
            (_("Seats"), _("{count} seats, sector: {sector}").format(
                count=format_number(r["seats"]),
                sector=pick(r["sector_zh"], r["sector_en"], language))),
            (_("Term"), f"{_day(r['term_start'], language)} – {_day(r['term_end'], language)}"),
            (_("Constituency"), r["constituency"]),
            (_("Call for candidates"),
             f"{_day(r['call_opens'], language)} – {_day(r['call_closes'], language)}"),
            (_("Draw or count"), _day(r["decision_date"], language)),
            (_("Selection method"), _(method.label)),
            (_("Status"), _(RoundStatus(r["status"]).label)),
        ], label_width=36 * mm),
        styles.para(_("Eligibility criteria"), styles.heading),
        *styles.paragraphs(pick(r["criteria_zh"], r["criteria_en"], language) or "—"),
    ]


def _grid(styles: Styles, header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    cells = [[styles.para(h, styles.label) for h in header]]
    cells += [[styles.para(str(v), styles.cell) for v in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT", spaceAfter=2 * mm)
    table.setStyle(table_style(styles, ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
                               ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def _committee(styles: Styles, record: dict) -> list[Flowable]:
    rows = [[m["position"], pick(m["name"], m["name_en"], styles.language),
             m["organisation"] or "—", m["declaration"] or "—",
             "、".join(m["stepped_aside_for"]) or "—"] for m in record["committee"]]
    story: list[Flowable] = [styles.para(_("Selection committee"), styles.heading)]
    if not rows:
        return story + [styles.para(_("No committee members recorded."))]
    return story + [_grid(styles, ["#", _("Name"), _("Organisation"),
                                   _("Declared conflicts"), _("Stepped aside for")],
                          rows, [8 * mm, 30 * mm, 42 * mm, 55 * mm, 35 * mm])]


def _pool(styles: Styles, record: dict) -> list[Flowable]:
    pool, language = record["pool"], styles.language
    features = sorted({k for m in pool for k in m["features"]})
    probabilities = record["computation"].get("probabilities")
    header = ["#", _("Name"), _("Organisation"), _("Features")]
    widths = [10 * mm, 36 * mm, 64 * mm, 60 * mm]
    if probabilities:
        header.append(_("Selection probability"))
        widths = [10 * mm, 32 * mm, 52 * mm, 46 * mm, 30 * mm]
    rows = []
    for m in pool:
        row = [m["number"], pick(m["name"], m["name_en"], language), m["organisation"] or "—",
               ", ".join(f"{k} = {m['features'][k]}" for k in features if k in m["features"])]
        if probabilities:
            row.append(f"{probabilities[m['number'] - 1] * 100:.4f} %")
        rows.append(row)
    story = [styles.para(_("Eligible pool, in order"), styles.heading),
             _grid(styles, header, rows, widths)]
    exclusions = record["exclusions"]
    story.append(styles.para(_("Exclusions and reasons"), styles.subheading))
    if not exclusions:
        return story + [styles.para(_("No candidate was excluded."))]
    return story + [_grid(styles, [_("Application"), _("Name"), _("Organisation"), _("Reason")],
                          [[e["position"], e["name"], e["organisation"] or "—", e["reason"]]
                           for e in exclusions], [26 * mm, 35 * mm, 50 * mm, 59 * mm])]


def _computation(styles: Styles, record: dict) -> list[Flowable]:
    c = record["computation"]
    story: list[Flowable] = [styles.para(_("The method's inputs and computation"),
                                         styles.heading)]
    if record["sources"]:
        story.append(styles.para(_("Random sources, announced before the draw"),
                                 styles.subheading))
        story.append(_grid(styles, ["#", _("Source"), _("Value"), _("Recorded")],
                           [[x["position"], x["description"], x["value"],
                             x["announced_at"][:16].replace("T", " ") + " UTC"]
                            for x in record["sources"]],
                           [8 * mm, 80 * mm, 42 * mm, 40 * mm]))
        story.append(styles.para(_("Key string (RFC 3797): {key} · hash {hash}").format(
            key=c.get("key_string") or "—", hash=c.get("hash")), styles.small))
    method = SelectionMethod(c["method"])
    if method == SelectionMethod.DRAW:
        story.append(_grid(styles, [_("Step"), _("Digest"), _("Divisor"), _("Position")],
                           [[st["index"], st["digest"], st["divisor"], st["position"]]
                            for st in c["steps"]], [14 * mm, 106 * mm, 25 * mm, 25 * mm]))
    elif method == SelectionMethod.LEXIMIN:
        story.append(_grid(styles, [_("Category"), _("Value"), _("Minimum"), _("Maximum")],
                           [[q["category"], q["feature"], q["min"], q["max"]] for q in c["quotas"]],
                           [50 * mm, 60 * mm, 30 * mm, 30 * mm]))
        story.append(styles.para(_(
            "Lowest selection probability {minimum}. {count} panels with tickets 1 to "
            "{resolution}; the winning ticket {ticket} selected panel {panel}. The full list "
            "of panels is in panels.csv.").format(
                minimum=f"{c['minimum_probability'] * 100:.4f} %",
                count=format_number(len(c["panels"])), resolution=format_number(c["resolution"]),
                ticket=format_number(c["ticket"]), panel=c["panel"])))
    elif "stages" in c:
        story += _stages(styles, c)
    elif method == SelectionMethod.SCORED:
        story.append(_grid(styles, [_("Rank"), _("Candidate"), _("Average"), _("Assessors"),
                                    _("Tie drawn among")],
                           [[i, record["pool"][r["candidate"] - 1]["name"], r["average_decimal"],
                             r["assessors"], " ".join(map(str, r["tie_draw"])) or "—"]
                            for i, r in enumerate(c["ranking"], start=1)],
                           [14 * mm, 50 * mm, 36 * mm, 30 * mm, 40 * mm]))
    else:
        story.append(_grid(styles, [_("Candidate"), _("Votes")],
                           [[n, format_number(v)] for n, v in zip(c["candidates"], c["votes"],
                                                                   strict=True)],
                           [110 * mm, 60 * mm]))
    return story


def _stages(styles: Styles, c: dict) -> list[Flowable]:
    """Votes per candidate (rows) at the end of each stage (columns), eight stages a table."""
    story = [styles.para(_("Quota {quota}; {votes} valid votes.").format(
        quota=c["quota"], votes=format_number(c["valid_votes"])))]
    stages = c["stages"]
    for start in range(0, len(stages), 8):
        chunk = stages[start:start + 8]
        width = (CONTENT_WIDTH - 40 * mm) / len(chunk)
        rows = [[name, *(st["votes"][i] for st in chunk)]
                for i, name in enumerate(c["candidates"])]
        rows.append([_("Non-transferable"), *(st["non_transferable"] for st in chunk)])
        header = [_("Candidate"), *(_("Stage {number}").format(number=st["number"])
                                    for st in chunk)]
        story.append(_grid(styles, header, rows, [40 * mm] + [width] * len(chunk)))
    return story


def _result(styles: Styles, record: dict) -> list[Flowable]:
    story = [styles.para(_("Result"), styles.heading),
             _grid(styles, [_("Order"), _("Pool number"), _("Name"), _("Organisation")],
                   [[r["rank"], r["number"], pick(r["name"], r["name_en"], styles.language),
                     r["organisation"] or "—"] for r in record["result"]],
                   [18 * mm, 24 * mm, 50 * mm, 78 * mm])]
    if record["recheck"]:
        story.append(styles.para(_("Anyone can re-check this result with the published open "
                                   "data and the command:"), styles.subheading))
        story.append(styles.para(record["recheck"], styles.small))
        explained = _RECHECK.get(record["computation"]["method"])
        if explained:
            story.append(styles.para(_(explained)))
    return story


_RECHECK = {
    SelectionMethod.DRAW.value: N_("It prints the chosen pool numbers in the order drawn."),
    SelectionMethod.LEXIMIN.value: N_(
        "It prints the winning ticket; the selected panel is the one in the published list "
        "of panels (panels.csv) whose tickets include it. “secretariat sortition” on the "
        "published pool and quotas recomputes each person's selection probability."),
    SelectionMethod.STV_SCOTTISH.value: N_("It prints the elected candidates in order of "
                                           "election."),
    SelectionMethod.STV_MEEK.value: N_("It prints the elected candidates in order of "
                                       "election."),
}
