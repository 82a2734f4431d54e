"""What agenda and minutes PDFs share: fonts per character, styles, paragraphs wrapped by
the Chinese line-breaking rules (``line_breaking``),
page decoration ("Page X of Y", running header, draft band); the file is written whole
by ``secretariat.atomic_files``.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from secretariat import dates
from secretariat.atomic_files import write_atomically
from secretariat.export.fonts import FontChain, chain_for
from secretariat.export.line_breaking import CANNOT_START, ChineseParagraph
from secretariat.export.meeting_data import MeetingData
from secretariat.i18n import N_, _
from secretariat.model import MeetingStatus, Modality

# Punctuation that must not begin a line in Chinese (``line_breaking`` has the full rules).
CHINESE_CANNOT_START = "，。：；！？、）」』》〉】〕］｝﹐﹑﹒﹔﹕﹖﹗…—％"

MARGIN = 20 * mm
# Characters in one paragraph flowable at most (``long_text_pieces``): well under a page,
# so that a piece fits in a table row.
PIECE_CHARACTERS = 1000
CONTENT_WIDTH = A4[0] - 2 * MARGIN  # 170 mm


def markup(text: str, chain: FontChain) -> str:
    """Paragraph markup for plain ``text``: escaped, fonts per character, line breaks kept."""
    parts = []
    for font, run in chain.runs(text):
        run = escape(run).replace("\n", "<br/>")
        parts.append(run if font == chain.primary else f'<font name="{font}">{run}</font>')
    return "".join(parts)


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of one document language, and their font chains."""

    language: str
    regular: FontChain
    bold: FontChain
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    item_title: ParagraphStyle  # a title inside a table cell
    body: ParagraphStyle
    cell: ParagraphStyle  # short values in table columns
    small: ParagraphStyle
    label: ParagraphStyle
    banner: ParagraphStyle

    @classmethod
    def for_language(cls, language: str) -> Styles:
        regular, bold = chain_for(language), chain_for(language, bold=True)

        def style(name: str, size: float, chain: FontChain, **extra) -> ParagraphStyle:
            # Chinese needs more leading than Latin to stay readable.
            return ParagraphStyle(
                name, fontName=chain.primary, fontSize=size, leading=size * 1.45,
                wordWrap="CJK", **extra,
            )

        return cls(
            language=language, regular=regular, bold=bold,
            title=style("title", 17, bold, spaceAfter=2 * mm),
            heading=style("heading", 13, bold, spaceBefore=5 * mm, spaceAfter=2 * mm,
                          textColor=colors.HexColor("#1f3a5f")),
            subheading=style("subheading", 11, bold, spaceBefore=3 * mm, spaceAfter=1 * mm),
            item_title=style("item_title", 10.5, bold, spaceAfter=0.5 * mm),
            # Left-aligned: reportlab justifies by widening spaces only, and Chinese
            # lines have none, so TA_JUSTIFY would change nothing but mixed-script lines.
            body=style("body", 10, regular, spaceAfter=1.5 * mm),
            cell=style("cell", 9, regular),
            small=style("small", 8.5, regular, textColor=colors.HexColor("#444444")),
            label=style("label", 9, regular, textColor=colors.HexColor("#555555")),
            banner=style("banner", 11, bold, alignment=TA_CENTER, textColor=colors.HexColor("#9b1c1c")),
        )

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        style = style or self.body
        chain = self.bold if style.fontName == self.bold.primary else self.regular
        return ChineseParagraph(markup(text, chain), style)

    def long_para(self, text: str, style: ParagraphStyle | None = None) -> list[Paragraph]:
        """``text`` as one paragraph, or as several when it is very long (an old record
        may hold a title of many pages): each piece splits across pages on its own, so
        laying out the document stays quick and never needs a piece taller than a page
        that cannot be split."""
        return [self.para(piece, style) for piece in long_text_pieces(text)]

    def paragraphs(self, text: str, style: ParagraphStyle | None = None) -> list[Paragraph]:
        """One paragraph per blank-line separated block of ``text`` (a very long block in
        pieces, see ``long_para``)."""
        blocks = [block.strip("\n") for block in text.replace("\r\n", "\n").split("\n\n")]
        return [paragraph for block in blocks if block.strip()
                for paragraph in self.long_para(block, style)]


def long_text_pieces(text: str, size: int = PIECE_CHARACTERS) -> list[str]:
    """``text`` cut into pieces of about ``size`` characters, each cut at a space or, in
    Chinese, before a character that may begin a line; short text is one piece."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = start + size
        window = text[start + size // 2:cut]
        space = window.rfind(" ")
        if space >= 0:
            cut = start + size // 2 + space + 1
        else:
            while cut > start + 1 and text[cut] in CANNOT_START:
                cut -= 1
        pieces.append(text[start:cut])
        start = cut
    return [*pieces, text[start:]]


def table_style(styles: Styles, *commands: tuple) -> TableStyle:
    """A TableStyle whose cell font is ours: Table otherwise sets Helvetica, which would be
    an unembedded font in the PDF even when every cell holds a Paragraph."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.regular.primary), *commands])


def info_table(styles: Styles, rows: list[tuple[str, str]], *, label_width: float = 32 * mm) -> Table:
    """Two columns, translated label and value; rows with an empty value are left out."""
    cells = [[styles.para(label, styles.label), styles.para(value)] for label, value in rows if value]
    table = Table(cells, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
    table.setStyle(table_style(
        styles,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ))
    return table


def meeting_header(styles: Styles, meeting: MeetingData, document_label: str, *, roc: bool) -> list[Flowable]:
    """Forum, meeting title, document kind and the facts of the meeting, centred on page 1."""
    language = styles.language
    when = _("{times} ({zone})").format(
        times=dates.format_time_range(meeting.starts_at, meeting.ends_at, language=language, roc=roc),
        zone=dates.zone_label(meeting.starts_at, language=language),
    )
    centred = {"alignment": TA_CENTER}
    story: list[Flowable] = [
        styles.para(meeting.forum_name, ParagraphStyle("forum", parent=styles.subheading, **centred)),
        styles.para(meeting.title, ParagraphStyle("meeting", parent=styles.title, **centred)),
        styles.para(document_label, ParagraphStyle("kind", parent=styles.heading, spaceBefore=0, **centred)),
    ]
    if meeting.status == MeetingStatus.CANCELLED:
        story.append(styles.para(_("This meeting was cancelled."), styles.banner))
    story.append(info_table(styles, [
        (_("Date and time"), when),
        (_("Meeting type"), f"{_(meeting.kind.label)} · {_(meeting.phase.label)}"),
        (_("Format"), _(meeting.modality.label)),
        (_("Location"), meeting.location if meeting.modality != Modality.REMOTE else ""),
        (_("Online link"), meeting.remote_link if meeting.modality != Modality.IN_PERSON else ""),
        (_("Access"), _("Open to the public") if meeting.is_public else _("Closed meeting")),
    ]))
    story.append(HRFlowable(width="100%", thickness=0.5, color=colors.HexColor("#999999"),
                            spaceBefore=3 * mm, spaceAfter=2 * mm))
    return story


def draw_text(canvas: Canvas, chain: FontChain, text: str, x: float, y: float,
              size: float, align: str = "left") -> None:
    """Draw one line with a font per character; ``x`` is the left, right or centre edge."""
    width = chain.width(text, size)
    x -= {"left": 0, "right": width, "center": width / 2}[align]
    for font, run in chain.runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, font, size)


INTERNAL_MARK = N_("Internal document — not for publication")
PUBLIC_MARK = N_("Public version")


def audience_mark(public: bool) -> str:
    """What the document is for, printed on every page: a copy read through the public
    projection may be published; any other copy holds what may not be, and says so."""
    return _(PUBLIC_MARK) if public else _(INTERNAL_MARK)


@dataclass(frozen=True)
class PageDecor:
    """What every page carries besides the story."""

    styles: Styles
    running_head: str  # forum name
    document_label: str  # e.g. "Third meeting · minutes version 2"
    # e.g. "Draft — not approved": a red band across the top of every page. Not a
    # diagonal watermark: its letters would land amid the body text that readers copy.
    draft_mark: str = ""
    public: bool = False  # the footer says "Public version" or "Internal document"

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        width, height = canvas._pagesize
        chain = self.styles.regular
        canvas.saveState()
        if self.draft_mark:
            canvas.setFillColor(colors.HexColor("#fbe4e4"))
            canvas.rect(MARGIN, height - 10.5 * mm, width - 2 * MARGIN, 5.5 * mm, stroke=0, fill=1)
            canvas.setFillColor(colors.HexColor("#9b1c1c"))
            draw_text(canvas, self.styles.bold, self.draft_mark, width / 2, height - 9 * mm, 9, "center")
        canvas.setFillColor(colors.HexColor("#555555"))
        if page > 1:  # the first page has the full heading instead
            top = height - 15 * mm
            draw_text(canvas, chain, self.running_head, MARGIN, top, 8.5)
            draw_text(canvas, chain, self.document_label, width - MARGIN, top, 8.5, "right")
            canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
            canvas.setLineWidth(0.4)
            canvas.line(MARGIN, top - 2 * mm, width - MARGIN, top - 2 * mm)
        footer = _("Page {page} of {pages}").format(page=page, pages=pages)
        draw_text(canvas, chain, footer, width / 2, 10 * mm, 8.5, "center")
        if not self.public:
            canvas.setFillColor(colors.HexColor("#9b1c1c"))
        draw_text(canvas, self.styles.bold, audience_mark(self.public), MARGIN, 10 * mm, 8.5)
        canvas.restoreState()


class DecoratedCanvas(Canvas):
    """Holds pages back until the end so each can say how many pages there are."""

    def __init__(self, *args, decor: PageDecor, dated: dt.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._pages: list[dict] = []
        # The record's own date instead of reportlab's "invariant" 2000-01-01.
        stamp = dated.astimezone(dt.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")
        self.setDateFormatter(lambda *_ignored: stamp)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decor.draw(self, number, total)
            super().showPage()
        super().save()


def build_pdf(out: Path, story: list[Flowable], *, decor: PageDecor, title: str,
              author: str, subject: str, dated: dt.datetime) -> None:
    """Lay out ``story`` and write the PDF to ``out`` atomically (temp file + os.replace).

    ``dated`` (aware) is the creation and modification date in the metadata: a date of
    the record (its approval, its last change), not the time of export, so the same data
    gives the same bytes (``invariant`` fixes the ids likewise).
    """
    buffer = io.BytesIO()
    language = decor.styles.language
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=22 * mm, bottomMargin=18 * mm, title=title, author=author,
        subject=f"{subject} · {audience_mark(decor.public)}", creator="Forum Secretariat",
        invariant=1,
        lang="zh-TW" if language == "zh_TW" else "en",
        initialFontName=decor.styles.regular.primary, displayDocTitle=1,
    )
    doc.build(story, canvasmaker=partial(DecoratedCanvas, decor=decor, dated=dated))
    write_atomically(out, buffer.getvalue())

