"""The search box's status line does not claim a total it does not know."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from secretariat.services import meetings as meeting_service
from ui.records.actions import run_search
from ui.records.search_panel import status_text


def test_a_capped_list_says_more_records_match(forum_store):
    from ui.language import apply_language

    apply_language("en")
    with forum_store.session() as s:
        start = dt.datetime(2026, 9, 3, 14, 0, tzinfo=ZoneInfo("Asia/Taipei"))
        meeting = meeting_service.schedule_meeting(
            s, title="第十二次論壇會議", starts_at=start, ends_at=start + dt.timedelta(hours=2),
            location="國發會")
        for topic in ("授權", "品質", "格式"):
            meeting_service.add_agenda_item(s, meeting.id, title=f"開放資料{topic}討論")
        s.commit()
        capped = run_search(s, "開放資料", limit=2)
        whole = run_search(s, "開放資料", limit=3)
    assert len(capped.hits) == 2 and capped.more
    assert status_text(capped).startswith("More than 2 records contain “開放資料”")
    assert len(whole.hits) == 3 and not whole.more
    assert status_text(whole) == "3 records contain “開放資料”."
