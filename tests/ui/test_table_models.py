"""Every table model passes Qt's model tester, empty and filled."""

from __future__ import annotations

import datetime as dt

from secretariat.model import MeetingKind, MeetingStatus, Modality, Phase, Role, Side
from secretariat.services.members.views import MemberRow
from secretariat.services.meetings import MeetingRow
from ui.meetings.model import MeetingTableModel
from ui.members.model import MemberTableModel
from ui.table_model import SORT_ROLE


def member_row(number: int, *, ended: bool = False) -> MemberRow:
    return MemberRow(
        membership_id=number, person_id=number, seat_id=number, name=f"委員{number}",
        name_en=f"Member {number}", gender="female" if number % 2 else "", region="臺北市",
        organisation="數位發展部", organisation_en="Ministry of Digital Affairs",
        sector_code="government_agency",
        sector_name_zh_tw="政府機關", sector_name_en="Government ministry or agency",
        side=Side.GOVERNMENT, seat_label=f"政府席次 {number}",
        seat_label_en=f"Seat {number}" if number % 2 else "", role=Role.MEMBER,
        term_start=dt.date(2025, 1, number), term_end=None,
        ended_on=dt.date(2025, 6, 1) if ended else None, high_level=number % 2 == 0,
        active=not ended, version=1)


def meeting_row(number: int, days: int) -> MeetingRow:
    start = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days)
    return MeetingRow(
        id=number, title=f"第{number}次會議", title_en=f"Meeting {number}",
        kind=MeetingKind.FORUM, phase=Phase.WHOLE_CYCLE, modality=Modality.IN_PERSON,
        status=MeetingStatus.PLANNED if days > 0 else MeetingStatus.HELD,
        starts_at=start, ends_at=start + dt.timedelta(hours=2), time_zone="Asia/Taipei",
        location="臺北", is_public=True, agenda_count=number, version=1)


def test_member_model_passes_model_tester(qtmodeltester):
    model = MemberTableModel()
    qtmodeltester.check(model)
    model.set_rows([member_row(1), member_row(2, ended=True), member_row(3)])
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(1, 9).data() == "Past"


def test_meeting_model_passes_model_tester_and_bolds_next_meeting(qtmodeltester):
    model = MeetingTableModel()
    qtmodeltester.check(model)
    model.set_rows([meeting_row(1, 3), meeting_row(2, 10), meeting_row(3, -5)])
    qtmodeltester.check(model)
    assert model.next_meeting_row() == 0
    assert model.index(0, 0).data(SORT_ROLE) < model.index(1, 0).data(SORT_ROLE)


def test_dates_in_lists_follow_the_language():
    from ui.language import apply_language

    model = MemberTableModel()
    model.set_rows([member_row(1)])
    try:
        apply_language("zh_TW")
        assert model.index(0, 6).data() == "2025年1月1日"
        apply_language("en")
        assert model.index(0, 6).data() == "Jan 1, 2025"
    finally:
        apply_language("en")
