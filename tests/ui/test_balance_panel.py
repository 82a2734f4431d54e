"""The balance panel counts what its note says, so it can be checked against the table."""

from __future__ import annotations

import datetime as dt

from secretariat.model import Role
from tests.ui.window_helpers import settle


def test_balance_counts_co_chairs_and_members_not_alternates(qtbot, window, forum_store):
    from ui.changes import ChangeKind, Changes
    from ui.members.actions import MemberForm, add_member

    start = dt.date.today() - dt.timedelta(days=10)
    with forum_store.session() as s:
        for name, role, sector in (("甲", Role.CO_CHAIR, "civil_society"),
                                   ("乙", Role.MEMBER, "government_agency"),
                                   ("丙", Role.ALTERNATE, "government_agency"),
                                   ("丁", Role.OBSERVER, "academia")):
            add_member(s, MemberForm(name=name, sector_code=sector, role=role,
                                     term_start=start, seat_label=f"{sector} 1"))
        s.commit()
    window.worker.changed.emit(Changes(ChangeKind.MEMBER))
    settle(qtbot, window)
    page = window.page("members")
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    counted = [r for r in rows if r.active and r.role in (Role.CO_CHAIR, Role.MEMBER)]
    assert len(rows) == 4
    assert page.balance.summary.text().startswith(
        f"On {dt.date.today():%b} {dt.date.today().day}, {dt.date.today().year}: "
        f"{len(counted)} seats held")
    assert "Alternates and observers" in page.balance.note.text()
