"""Minutes PDF layout: a decision is not split from its heading at a page break, and a
dissenting statement without a name reads as one (not "Dissent of A member")."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from secretariat.export import render_minutes_pdf
from secretariat.services.meetings import decisions as decision_service
from secretariat.services import meetings as meeting_service
from secretariat.services.meetings import minutes as minutes_service
from tests.core.export_helpers import pdf_text  # skips without poppler, fails on CI

TAIPEI = ZoneInfo("Asia/Taipei")
DECISION_TEXT = "The draft commitments are adopted and sent to the Executive Yuan."


def _pages(path) -> list[str]:
    return pdf_text(path, layout=True).split("\f")


def _meeting_with_minutes(s, filler_lines: int) -> int:
    start = dt.datetime(2026, 3, 2, 14, 0, tzinfo=TAIPEI) + dt.timedelta(days=filler_lines)
    meeting = meeting_service.schedule_meeting(
        s, title="第3次論壇會議", title_en="Third forum meeting", location="國發會",
        starts_at=start, ends_at=start + dt.timedelta(hours=2))
    item = meeting_service.add_agenda_item(s, meeting.id, title="承諾事項草案",
                                           title_en="Draft commitments")
    decision_service.record_decision(
        s, meeting_id=meeting.id, agenda_item_id=item.id, text="承諾事項草案通過。",
        text_en=DECISION_TEXT, dissents=((None, "The indicators are too vague."),))
    minutes = minutes_service.start_minutes(s, meeting.id)
    minutes_service.set_minutes_text(
        s, minutes.id, agenda_item_id=item.id,
        text="\n\n".join(f"Line {n} of the discussion." for n in range(filler_lines)))
    s.commit()
    return meeting.id


def test_an_unnamed_dissent_reads_as_a_dissenting_statement(session, forum, tmp_path):
    meeting_id = _meeting_with_minutes(session, 1)
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, meeting_id, out, language="en")
    text = " ".join(_pages(out))
    assert "Dissenting statement: The indicators are too vague." in text
    assert "A member" not in text


def test_a_decision_stays_on_one_page_with_its_heading(session, forum, tmp_path):
    # Longer and longer minutes push the decision across the foot of page 1; at one of
    # these lengths its heading used to end page 1 with the text overleaf.
    for lines in range(12, 30):
        meeting_id = _meeting_with_minutes(session, lines)
        out = tmp_path / f"minutes-{lines}.pdf"
        render_minutes_pdf(session, meeting_id, out, language="en")
        pages = _pages(out)
        heading = next(i for i, page in enumerate(pages) if "· Consensus" in page)
        assert "The draft commitments are adopted" in pages[heading], lines
