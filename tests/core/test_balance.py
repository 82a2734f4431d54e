"""Government / non-government balance of seat holders on a given date."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.model import Side
from secretariat.services.members import add_member, balance, end_term

D = dt.date


def _member(session, name, sector, role="member", start=D(2025, 1, 1), end=None):
    return add_member(session, name=name, sector_code=sector, role=role, term_start=start,
                      term_end=end)


def test_empty_forum_lists_every_sector_with_zero(session, forum):
    result = balance(session, on=D(2025, 1, 1))
    assert (result.total, result.government_share, result.non_government_share) == (0, 0.0, 0.0)
    assert len(result.by_sector) == 10
    assert all(c.count == 0 and c.share == 0.0 for c in result.by_sector)
    assert result.by_sector[0].code == "government_agency"
    assert result.by_sector[0].name_zh_tw == "政府機關"


def test_counts_and_shares_by_side_and_sector(session, forum):
    _member(session, "張家豪", "government_agency", role="co_chair")
    _member(session, "李雅婷", "government_agency")
    _member(session, "林美玲", "civil_society", role="co_chair")
    _member(session, "陳志明", "civil_society")
    _member(session, "黃淑芬", "academia")
    # Alternates and observers do not hold seats: not counted.
    _member(session, "王大同", "civil_society", role="alternate")
    _member(session, "劉建國", "media", role="observer")
    session.commit()
    result = balance(session, on=D(2025, 6, 1))
    assert (result.total, result.government, result.non_government) == (5, 2, 3)
    assert result.government_share == pytest.approx(0.4)
    assert result.non_government_share == pytest.approx(0.6)
    by_code = {c.code: c for c in result.by_sector}
    assert by_code["civil_society"].count == 2
    assert by_code["civil_society"].share == pytest.approx(0.4)
    assert by_code["civil_society"].side == Side.NON_GOVERNMENT
    assert by_code["media"].count == 0
    assert sum(c.count for c in result.by_sector) == result.total


def test_balance_before_and_after_a_term_ends(session, forum):
    _member(session, "張家豪", "government_agency", end=D(2025, 12, 31))
    early_leaver = _member(session, "林美玲", "civil_society")
    _member(session, "陳志明", "civil_society", start=D(2026, 3, 1))
    end_term(session, early_leaver.id, ended_on=D(2025, 9, 30))
    session.commit()

    def sides(day):
        result = balance(session, on=day)
        return result.government, result.non_government

    assert sides(D(2024, 12, 31)) == (0, 0)      # nobody seated yet
    assert sides(D(2025, 9, 30)) == (1, 1)       # last day served still counts
    assert sides(D(2025, 10, 1)) == (1, 0)       # ended early
    assert sides(D(2025, 12, 31)) == (1, 0)      # planned end is inclusive
    assert sides(D(2026, 1, 1)) == (0, 0)
    assert sides(D(2026, 3, 1)) == (0, 1)        # successor starts
