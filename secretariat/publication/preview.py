"""What the publication package will hold, and what of the records it holds back.

Read beside the public site data: the whole record of every meeting published, so the
difference (restricted papers, decisions not public, closed meetings' links, internal
notes, notice and circulation lists) is counted, with the people whose contact details
are kept. Counts only, and names only where the name itself is published.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.packages.preview import (
    Preview, PreviewLine, decisions_line, held_back_lines, meeting_label, papers_line,
)
from secretariat.publication.build import pdf_jobs, read_publication
from secretariat.services.meetings import meeting_record
from secretariat.services.members.contacts import people_with_contact_details


def publication_preview(s: Session, documents_dir: Path, *,
                        today: dt.date | None = None) -> Preview:
    """The publication's contents, and what of the records it holds back."""
    data = read_publication(s, documents_dir, today=today)
    shown = list(data.site.meetings)
    whole = [meeting_record(s, record.id) for record in shown]
    included = (PreviewLine("meetings", len(shown), tuple(meeting_label(r) for r in shown)),
                decisions_line(shown), papers_line(shown),
                PreviewLine("pdfs", len(pdf_jobs(data.site))),
                PreviewLine("members", len(data.site.members)))
    held = held_back_lines(whole, shown) + (
        PreviewLine("contact_details", people_with_contact_details(s)),)
    return Preview(included, tuple(line for line in held if line.count))
