"""Decision numbers nobody takes for a date: the stored form ``2026-S03-R02``, the label
people read in either language, what a clerk may type, and migration 0006, which respells
the numbers of existing databases while their audit chain keeps verifying."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from secretariat import i18n
from secretariat.decision_numbers import (
    decision_label,
    decision_number,
    decision_prefix,
    legacy_number,
    number_parts,
    parse_decision_number,
)
from secretariat.model import Meeting
from secretariat.services import audit
from secretariat.services.meetings import decisions
from secretariat.store import migrations, open_store
from tests.core.factories import make_approved_minutes, make_meeting, make_recorded_meeting

BEFORE = "0005_concurrent_writers"
DATE_LIKE = re.compile(r"\d{4}[-/.]\d{1,3}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")


def test_the_stored_number_is_year_meeting_and_decision_with_letters_between():
    assert decision_prefix(2026, 3) == "2026-S03"
    assert decision_number("2026-S03", 2) == "2026-S03-R02"
    assert decision_number("2026-S12", 114) == "2026-S12-R114"
    assert number_parts("2026-S03-R02") == (2026, 3, 2)
    assert number_parts("2026-03-02") is None


@pytest.mark.parametrize("number", ["2026-S01-R01", "2026-S10-R15", "2026-S03-R02"])
def test_no_number_reads_as_a_date(number):
    with pytest.raises(ValueError):
        dt.date.fromisoformat(number)
    with pytest.raises(ValueError):
        dt.datetime.strptime(number, "%Y-%m-%d")
    assert DATE_LIKE.search(number) is None
    assert DATE_LIKE.search(legacy_number(number))  # what it replaced did


def test_numbers_sort_as_text_in_the_order_they_were_taken():
    numbers = [decision_number(decision_prefix(2026, m), d) for m in (1, 2, 10) for d in (1, 2, 10)]
    assert sorted(numbers) == numbers


@pytest.mark.parametrize("typed", ["2026-S03-R02", "2026-s3-r2", " 2026-S3-R02 ", "2026-03-02",
                                   "2026-3-2", "2026 - S03 - R02"])
def test_what_a_clerk_types_finds_the_stored_number(typed):
    assert parse_decision_number(typed) == "2026-S03-R02"


@pytest.mark.parametrize("typed", ["", "2026", "S03-R02", "2026-S03", "26-03-02", "第3號"])
def test_other_text_is_not_a_number(typed):
    assert parse_decision_number(typed) is None


def test_the_earlier_spelling_keeps_the_digits():
    assert legacy_number("2026-S03-R02") == "2026-03-02"
    assert legacy_number("2026-S03-R114") == "2026-03-114"
    assert legacy_number("something else") == "something else"


def test_the_label_in_english():
    assert decision_label("2026-S03-R02") == "Decision 2 of meeting 3 (2026)"
    assert decision_label("2026-S03-R02", roc=True) == "Decision 2 of meeting 3 (2026)"
    assert decision_label("odd-1") == "Decision odd-1"  # any other shape, as stored


def test_the_label_in_chinese_with_gregorian_or_roc_years():
    i18n.set_language("zh_TW")
    try:
        assert decision_label("2026-S03-R02") == "2026年第3次會議第2號決議"
        assert decision_label("2026-S03-R02", roc=True) == "民國115年第3次會議第2號決議"
        i18n.set_roc_years(True)
        assert decision_label("2026-S10-R01") == "民國115年第10次會議第1號決議"
        assert decision_label("2026-S10-R01", roc=False) == "2026年第10次會議第1號決議"
    finally:
        i18n.set_roc_years(False)


def test_recorded_decisions_take_the_new_numbers_and_the_log_finds_them_as_typed(session):
    meeting = make_meeting(session)
    first = decisions.record_decision(session, meeting_id=meeting.id, text="通過議程。")
    second = decisions.record_decision(session, meeting_id=meeting.id, text="通過草案。")
    assert (first.number, second.number) == ("2026-S01-R01", "2026-S01-R02")
    for typed in ("2026-S01-R02", "2026-s1-r2", "2026-01-02"):
        assert [r.id for r in decisions.decision_rows(session, search=typed)] == [second.id]


# --- migration 0006 --------------------------------------------------------------------

def _number_as_before_0006(monkeypatch):
    """Number decisions as the program did before 0006 (``2026-01-02``)."""
    pattern = re.compile(r"^(\d{4})-(\d+)-(\d+)$")
    monkeypatch.setattr(decisions, "decision_prefix", lambda year, m: f"{year}-{m:02d}")
    monkeypatch.setattr(decisions, "decision_number", lambda prefix, n: f"{prefix}-{n:02d}")
    monkeypatch.setattr(decisions, "number_parts", lambda number: (
        tuple(int(g) for g in match.groups()) if (match := pattern.match(number)) else None))


def _database_before_0006(db_url, tmp_path, monkeypatch) -> dict:
    """A database at 0005 whose approved minutes chained decisions numbered the old way."""
    with monkeypatch.context() as patched:
        _number_as_before_0006(patched)
        store = open_store(db_url)
        with store.session() as s:
            recorded = make_recorded_meeting(s, tmp_path / "documents", tmp_path)
            ids = {"decision": recorded["decision"].id, "approving": recorded["approving"].id,
                   "minutes": recorded["minutes"].id}
        store.close()
    _downgrade(db_url, BEFORE)
    return ids


def _downgrade(db_url, revision):
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            from alembic import command

            command.downgrade(migrations.alembic_config(conn), revision)
    finally:
        engine.dispose()


def _numbers(db_url) -> list[str]:
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text("SELECT number FROM decision ORDER BY id")).scalars())
    finally:
        engine.dispose()


def test_upgrade_respells_every_number_and_the_chain_still_verifies(db_url, tmp_path,
                                                                    monkeypatch):
    ids = _database_before_0006(db_url, tmp_path, monkeypatch)
    assert _numbers(db_url) == ["2026-01-01", "2026-02-01"]
    store = open_store(db_url)
    try:
        assert store.upgraded_from == BEFORE
        assert _numbers(db_url) == ["2026-S01-R01", "2026-S02-R01"]
        with store.session() as s:
            report = audit.verify_chain(s)
            assert report.ok, report.first_problem and report.first_problem.message
            # New decisions continue the meeting's numbering in the new spelling; the
            # entries written now hash it and verify too.
            added = decisions.record_decision(s, meeting_id=ids["approving"], text="追加決議")
            assert added.number == "2026-S02-R02"
            make_approved_minutes(s, s.get(Meeting, ids["approving"]), make_meeting(s))
            s.commit()
            assert audit.verify_chain(s).ok
            # Any other change of a chained number still shows.
            s.execute(text("UPDATE decision SET number='2026-S09-R09' WHERE id=:id"),
                      {"id": ids["decision"]})
            s.commit()
            s.expire_all()
            problem = audit.verify_chain(s).first_problem  # the minutes record it, too
            assert (problem.record_type, problem.record_id) in {
                ("decision", ids["decision"]), ("minutes", ids["minutes"])}
    finally:
        store.close()


def test_a_new_entry_does_not_accept_the_earlier_spelling(session):
    """Only entries written before the renumbering hashed ``2026-01-01``: a number of a
    later entry rewritten to that spelling is a change like any other."""
    meeting, approving = make_meeting(session), make_meeting(session)
    voted = decisions.record_decision(session, meeting_id=meeting.id, text="通過")
    minutes, _approval = make_approved_minutes(session, meeting, approving)
    session.commit()
    assert audit.verify_chain(session).ok
    session.execute(text("UPDATE decision SET number=:old WHERE id=:id"),
                    {"old": legacy_number(voted.number), "id": voted.id})
    session.commit()
    session.expire_all()
    report = audit.verify_chain(session)
    problem = report.first_problem
    assert not report.ok
    assert (problem.record_type, problem.record_id) in {("decision", voted.id),
                                                        ("minutes", minutes.id)}


def test_downgrade_writes_the_earlier_spelling_back(db_url, tmp_path, monkeypatch):
    store = open_store(db_url)
    with store.session() as s:
        meeting = make_meeting(s)
        decisions.record_decision(s, meeting_id=meeting.id, text="一")
        decisions.record_decision(s, meeting_id=meeting.id, text="二")
        s.commit()
    store.close()
    assert _numbers(db_url) == ["2026-S01-R01", "2026-S01-R02"]
    _downgrade(db_url, BEFORE)
    assert _numbers(db_url) == ["2026-01-01", "2026-01-02"]
    store = open_store(db_url)
    store.close()
    assert _numbers(db_url) == ["2026-S01-R01", "2026-S01-R02"]


def test_the_migration_imports_no_program_code():
    from pathlib import Path

    script = Path(migrations.__file__).parent / "versions" / "0006_decision_numbers.py"
    imports = [line for line in script.read_text(encoding="utf-8").splitlines()
               if line.startswith(("import ", "from "))]
    assert imports == ["from __future__ import annotations", "import re",
                       "import sqlalchemy as sa", "from alembic import op"]
