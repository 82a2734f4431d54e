"""An agenda item title (or a decision, a rationale, an action) of 100,000 characters: the
input checks of today may refuse it, but an older database can hold one. The agenda and
the minutes are still written, whole, over as many pages as it takes — reportlab used to
stop with LayoutError because a table row taller than a page cannot be split.
"""

from __future__ import annotations

import time

import pytest

from secretariat.export import render_agenda_pdf, render_minutes_pdf
from secretariat.export.pdf_common import long_text_pieces
from secretariat.model import ActionItem, AgendaItem, Decision, Meeting
from tests.core.export_helpers import build_meeting, page_count, pdf_text

# "議題" 50,000 times: no space anywhere, so no line-break help from the text.
VERY_LONG = "議題" * 50_000
# Under this, the whole record takes seconds, not minutes (CI's machine is small).
SECONDS_AT_MOST = 60


def _store_very_long_texts(s, meeting_id: int) -> None:
    """Straight into the rows, as an old version could have saved them."""
    meeting = s.get(Meeting, meeting_id)
    item = s.query(AgendaItem).filter_by(meeting_id=meeting.id).order_by(AgendaItem.position).first()
    item.title = VERY_LONG
    decision = s.query(Decision).filter_by(meeting_id=meeting.id).first()
    decision.text = VERY_LONG
    decision.rationale = "理由" * 20_000
    s.query(ActionItem).filter_by(meeting_id=meeting.id).one().description = "辦理" * 20_000
    s.commit()


def test_the_agenda_and_minutes_hold_a_title_of_many_pages(session, tmp_path):
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("PostgreSQL keeps a title to its 500 characters; an SQLite file does not")
    meeting_id = build_meeting(session)
    _store_very_long_texts(session, meeting_id)
    started = time.monotonic()
    agenda, minutes = tmp_path / "agenda.pdf", tmp_path / "minutes.pdf"
    render_agenda_pdf(session, meeting_id, agenda, language="zh_TW")
    render_minutes_pdf(session, meeting_id, minutes, language="zh_TW")
    assert time.monotonic() - started < SECONDS_AT_MOST
    agenda_text = pdf_text(agenda)
    assert page_count(agenda) > 50
    assert agenda_text.count("題") >= 50_000  # every character of the title is printed
    assert "國家發展委員會 B1 大禮堂" in agenda_text  # and the rest of the agenda
    minutes_text = pdf_text(minutes)
    assert minutes_text.count("題") >= 2 * 50_000  # the item's heading and the decision
    assert minutes_text.count("由") >= 20_000 and minutes_text.count("辦") >= 20_000
    assert "主席致詞" in minutes_text


def test_long_text_is_cut_into_pieces_that_lose_nothing():
    text = "甲" * 2500 + "，乙" + " word" * 300
    pieces = long_text_pieces(text, 1000)
    assert "".join(pieces) == text
    assert all(len(piece) <= 1000 for piece in pieces)
    assert not any(piece.startswith("，") for piece in pieces)
    assert long_text_pieces("短", 1000) == ["短"]
