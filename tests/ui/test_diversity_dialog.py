"""Balance and diversity from the Members page: the clerk sees vacancies, terms ending soon
and the quarters, as numbers and not only as colours."""

from __future__ import annotations

import datetime as dt

from secretariat.model import Role
from tests.ui.window_helpers import settle


def _members(store, today):
    from ui.members.actions import MemberForm, add_member

    with store.session() as s:
        add_member(s, MemberForm(name="部長甲", sector_code="government_agency", role=Role.MEMBER,
                                 term_start=today - dt.timedelta(days=400), high_level=True,
                                 term_end=today + dt.timedelta(days=30)))
        add_member(s, MemberForm(name="理事長乙", sector_code="civil_society", role=Role.MEMBER,
                                 term_start=today - dt.timedelta(days=400),
                                 term_end=today - dt.timedelta(days=5)))
        s.commit()


def test_the_dialog_shows_vacancies_terms_ending_and_quarters(qtbot, window, forum_store):
    from ui.changes import ChangeKind, Changes

    today = dt.date.today()
    _members(forum_store, today)
    window.worker.changed.emit(Changes(ChangeKind.MEMBER))
    settle(qtbot, window)
    page = window.page("members")
    page.balance.details_button.click()
    qtbot.waitUntil(lambda: getattr(page, "diversity_dialog", None) is not None, timeout=5000)
    dialog = page.diversity_dialog
    assert "Non-government" in dialog.vacancies.text()  # 理事長乙's seat, empty since 5 days
    assert "部長甲" in dialog.terms_ending.text()
    assert dialog.table.rowCount() == len(dialog.chart._categories) >= 4
    last = dialog.table.rowCount() - 1
    assert (dialog.table.item(last, 1).text(), dialog.table.item(last, 2).text()) == ("1", "0")
    assert "government 1, non-government 0" in dialog.chart.accessibleDescription()
    dialog.close()
