"""The round report (a PDF per language) and its open data, written together: read the
data in a session (``report_data``), then write the files without one (``write_report``),
so the application can do the writing on a compute thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.atomic_files import write_atomically
from secretariat.services.forum import require_forum
from secretariat.services.selection.open_data import round_open_data

LANGUAGES = ("zh_TW", "en")


@dataclass(frozen=True)
class ReportData:
    files: dict[str, str]   # the open data, by file name
    forum_name_zh: str
    forum_name_en: str

    def forum_name(self, language: str) -> str:
        return self.forum_name_en if language == "en" and self.forum_name_en else self.forum_name_zh


def report_data(s: Session, round_id: int) -> ReportData:
    forum = require_forum(s)
    return ReportData(round_open_data(s, round_id), forum.name_zh_tw, forum.name_en)


def write_pdf(data: ReportData, out: Path, language: str) -> None:
    from secretariat.export.fonts import register_fonts
    from secretariat.export.pdf_round import write_round_pdf

    register_fonts()
    write_round_pdf(data.files, out, forum_name=data.forum_name(language), language=language)


def write_report(data: ReportData, folder: Path, progress=None) -> list[Path]:
    """``folder``/report-zh_TW.pdf, report-en.pdf and the open data files beside them.
    ``progress(done, total)`` after each file (the application's cancel point)."""
    folder.mkdir(parents=True, exist_ok=True)
    total = len(LANGUAGES) + len(data.files)
    written: list[Path] = []
    for language in LANGUAGES:
        out = folder / f"report-{language}.pdf"
        write_pdf(data, out, language)
        written.append(out)
        if progress:
            progress(len(written), total)
    for name, text in data.files.items():
        write_atomically(folder / name, text.encode("utf-8"))
        written.append(folder / name)
        if progress:
            progress(len(written), total)
    return written
