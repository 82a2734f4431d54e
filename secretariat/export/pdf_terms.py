"""A version of the terms of reference as a PDF: in one language, or in both (each
topic's Chinese text, then its English text, under a heading in both languages).

Every topic in the order of ``terms_vocabulary.TOPICS``: its structured rules as a
label/value table (read in the document's first language), the composition table under
"Composition", then the free text. A draft carries the red draft band on every page and
the internal-document mark; an adopted version is a public document.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table
from sqlalchemy.orm import Session

from secretariat import dates, i18n
from secretariat.decision_numbers import decision_label
from secretariat.export.document_language import pick, rendering_language
from secretariat.export.pdf_common import PageDecor, Styles, build_pdf, info_table, table_style
from secretariat.i18n import _
from secretariat.services.forum import require_forum
from secretariat.services.terms.fields import rules_shown, shown_value
from secretariat.services.terms.versions import TermsView, view_version
from secretariat.terms_vocabulary import TOPICS, TermsStatus

BOTH = ("zh_TW", "en")
_GRID = colors.HexColor("#b0b0b0")
_SEAT_COLUMNS = [80 * mm, 40 * mm, 25 * mm, 25 * mm]


def render_terms_pdf(session: Session, version_no: int, out: Path, *,
                     languages: tuple[str, ...] = BOTH) -> None:
    """Write version ``version_no`` to ``out``; ``languages``: ("zh_TW",), ("en",) or
    both (the first one gives the fixed words)."""
    forum = require_forum(session)
    terms = view_version(session, version_no)
    write_terms_pdf(terms, (forum.name_zh_tw, forum.name_en), out, languages=languages)


def _in(language: str, msgid: str) -> str:
    with i18n.language_override(language):
        return _(msgid)


def _heading(msgid: str, languages: tuple[str, ...]) -> str:
    words = list(dict.fromkeys(_in(language, msgid) for language in languages))
    return " · ".join(words)


def write_terms_pdf(terms: TermsView, forum_names: tuple[str, str], out: Path, *,
                    languages: tuple[str, ...] = BOTH) -> None:
    first = languages[0]
    with rendering_language(first):
        styles = Styles.for_language(first)
        forum_name = pick(forum_names[0], forum_names[1], first)
        title = _heading("Terms of reference", languages)
        label = _("Version {version}").format(version=terms.version_no)
        story: list[Flowable] = [styles.para(forum_name, styles.label),
                                 styles.para(f"{title}", styles.title),
                                 styles.para(label, styles.subheading),
                                 info_table(styles, _version_rows(terms, first))]
        for topic, msgid in TOPICS:
            story += _topic(styles, terms, topic, msgid, languages)
        draft = terms.status == TermsStatus.DRAFT
        build_pdf(
            out, story,
            decor=PageDecor(styles, forum_name, f"{_('Terms of reference')} · {label}",
                            draft_mark=_("Draft — not adopted") if draft else "",
                            public=not draft),
            title=f"{_('Terms of reference')} · {label}", author=forum_name,
            subject=_("Terms of reference"),
            dated=dt.datetime.combine(terms.adopted_on or dt.date(2000, 1, 1), dt.time(),
                                      tzinfo=dt.timezone.utc),
        )


def _version_rows(terms: TermsView, language: str) -> list[tuple[str, str]]:
    def day(value: dt.date | None) -> str:
        return dates.format_date(value, language=language) if value else ""

    adopted = day(terms.adopted_on)
    if adopted and terms.adopted_by_decision_number:
        adopted = _("{date}, by {decision}").format(
            date=adopted, decision=decision_label(terms.adopted_by_decision_number))
    return [(_("Status"), _(terms.status.label)), (_("Adopted on"), adopted),
            (_("Published on"), day(terms.published_on)),
            (_("What this version changes"), terms.change_note)]


def _topic(styles: Styles, terms: TermsView, topic: str, msgid: str,
           languages: tuple[str, ...]) -> list[Flowable]:
    story: list[Flowable] = [styles.para(_heading(msgid, languages), styles.heading)]
    rules = [(_(f.label), shown_value(f, value)) for f, value in rules_shown(topic, terms.rules)]
    if rules:
        story += [info_table(styles, rules, label_width=70 * mm), Spacer(1, 1.5 * mm)]
    if topic == "composition":
        story += [_seats_table(styles, terms), Spacer(1, 1.5 * mm)]
    texts = [(language, terms.text(topic, language)) for language in languages]
    written = [(language, text) for language, text in texts if text.strip()]
    if not written and not rules and topic != "composition":
        story.append(styles.para(_("(nothing written)"), styles.small))
    for language, text in written:
        story += styles.paragraphs(text)
    return story


def _seats_table(styles: Styles, terms: TermsView) -> Flowable:
    language = styles.language
    head = [_("Sector"), _("Side"), _("Seats"), _("Alternates")]
    rows = [[styles.para(text, styles.label) for text in head]]
    sides = {"government": _("Government"), "non_government": _("Non-government")}
    for row in terms.seats:
        rows.append([styles.para(pick(row.sector_zh_tw, row.sector_en, language), styles.cell),
                     styles.para(sides.get(row.side, row.side), styles.cell),
                     styles.para(i18n.format_number(row.seats), styles.cell),
                     styles.para(i18n.format_number(row.alternates), styles.cell)])
    if len(rows) == 1:
        return styles.para(_("No seats set out yet."), styles.small)
    table = Table(rows, colWidths=_SEAT_COLUMNS, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(
        styles,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _GRID),
    ))
    return table
