"""What the meeting editor tests share: the forum they start from (six members, two
meetings a month apart, the second deciding to approve the first's minutes), and waiting for
the editor. The ``env`` and ``editor`` fixtures (``tests/ui/conftest.py``) build on them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from secretariat.model import AttendanceStatus, ItemPurpose, ProposedBy
from secretariat.services.meetings import decisions as decision_service
from secretariat.services import meetings as meeting_service
from secretariat.services import members as member_service

TAIPEI = ZoneInfo("Asia/Taipei")
ROOM = "行政院第一會議室"
MEMBERS = [("林美玲", "civil_society"), ("陳志明", "government_agency"),
           ("王淑芬", "academia"), ("張家豪", "government_agency"),
           ("李雅婷", "civil_society"), ("黃建國", "subnational_government")]


@dataclass
class Env:
    store: object
    context: object
    first_id: int
    second_id: int
    people: dict  # name -> person id
    approving_decision_id: int


def seed(store) -> tuple[int, int, dict, int]:
    with store.session() as s:
        people = {}
        for name, sector in MEMBERS:
            membership = member_service.add_member(
                s, name=name, sector_code=sector, role="member", term_start=dt.date(2025, 1, 1),
                organisation="行政院" if "government" in sector else "台灣開放治理協會")
            people[name] = membership.person_id
        first = meeting_service.schedule_meeting(
            s, title="第12次論壇會議", title_en="12th Forum Meeting",
            starts_at=dt.datetime(2026, 3, 2, 14, 0, tzinfo=TAIPEI),
            ends_at=dt.datetime(2026, 3, 2, 16, 0, tzinfo=TAIPEI), location=ROOM)
        second = meeting_service.schedule_meeting(
            s, title="第13次論壇會議", location=ROOM,
            starts_at=dt.datetime(2026, 4, 6, 14, 0, tzinfo=TAIPEI),
            ends_at=dt.datetime(2026, 4, 6, 16, 0, tzinfo=TAIPEI))
        meeting_service.add_agenda_item(s, first.id, title="確認上次會議紀錄",
                                        title_en="Confirm the previous minutes",
                                        purpose=ItemPurpose.DECISION, planned_minutes=10)
        meeting_service.add_agenda_item(s, first.id, title="國家行動方案草案討論",
                                        presenter="國家發展委員會", planned_minutes=60,
                                        proposed_by=ProposedBy.NON_GOVERNMENT)
        item = meeting_service.add_agenda_item(s, second.id, title="確認第12次會議紀錄",
                                               purpose=ItemPurpose.DECISION)
        decision = decision_service.record_decision(
            s, meeting_id=second.id, agenda_item_id=item.id, text="確認第12次會議紀錄。")
        s.commit()
        return first.id, second.id, people, decision.id


def settle(qtbot, editor) -> None:
    """Wait until every database job the editor queued has run and its result arrived."""
    qtbot.waitUntil(lambda: editor.worker.pending == 0, timeout=15000)


def attend(qtbot, editor, count: int) -> None:
    """Mark the first ``count`` rows of the attendance tab present."""
    for row in range(count):
        editor.attendance.set_status(row, AttendanceStatus.PRESENT)
        settle(qtbot, editor)
