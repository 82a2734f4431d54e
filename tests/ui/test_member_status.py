"""The Status column tells a term that has not started from one that is over."""

from __future__ import annotations

import datetime as dt

from secretariat.model import Role
from tests.ui.window_helpers import settle
from ui.changes import ChangeKind, Changes
from ui.members.actions import MemberForm, add_member, end_term

TODAY = dt.date.today()


def status_by_name(page) -> dict[str, str]:
    return {page.model.row_at(r).name: page.model.data(page.model.index(r, 9))
            for r in range(page.model.rowCount())}


def test_future_term_is_upcoming_and_ended_term_is_past(qtbot, window, forum_store):
    with forum_store.session() as s:
        add_member(s, MemberForm(name="未來", sector_code="academia", role=Role.MEMBER,
                                 term_start=TODAY + dt.timedelta(days=30)))
        add_member(s, MemberForm(name="現任", sector_code="media", role=Role.MEMBER,
                                 term_start=TODAY - dt.timedelta(days=30)))
        change = add_member(s, MemberForm(name="卸任", sector_code="citizen", role=Role.MEMBER,
                                          term_start=TODAY - dt.timedelta(days=300)))
        end_term(s, change.ids[0], ended_on=TODAY - dt.timedelta(days=10), reason="")
        s.commit()
    page = window.page("members")
    page.include_past.setChecked(True)
    window.worker.changed.emit(Changes(ChangeKind.MEMBER))
    settle(qtbot, window)
    assert status_by_name(page) == {"未來": "Upcoming", "現任": "Active", "卸任": "Past"}
