"""``secretariat members list``: who is in office on a day, for people and for scripts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli.helpers import make_small_demo, run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    return make_small_demo(tmp_path_factory.mktemp("members-list"))


def _json(demo_db: Path, *extra: str) -> list[dict]:
    result = run("--db", str(demo_db), "members", "list", "--format", "json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_lists_todays_members_with_stable_keys_and_no_contact_details(demo_db):
    members = _json(demo_db)
    assert len(members) > 10
    assert {"government", "non_government"} <= {m["side"] for m in members}
    assert set(members[0]) == {"seat", "seat_en", "name", "name_en", "gender", "region",
                               "organisation", "organisation_en", "sector", "side", "role", "term_start",
                               "term_end", "high_level", "person_id", "membership_id"}
    assert not any("@" in str(value) for m in members for value in m.values())


def test_csv_has_the_same_rows_as_json(demo_db):
    result = run("--db", str(demo_db), "members", "list", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["membership_id"] for r in rows] == [str(m["membership_id"])
                                                  for m in _json(demo_db)]


def test_date_lists_only_terms_in_office_that_day(demo_db):
    today = _json(demo_db)
    day = today[0]["term_start"]
    on_day = _json(demo_db, "--date", day)
    assert on_day and all(m["term_start"] <= day and (m["term_end"] is None
                                                       or m["term_end"] >= day)
                          for m in on_day)
    assert _json(demo_db, "--date", "1990-01-01") == []


def test_text_is_grouped_by_sector_in_the_users_language(demo_db):
    english = run("--db", str(demo_db), "--lang", "en", "members", "list")
    assert english.returncode == 0, english.stderr
    assert english.stdout.startswith("Members in office on ")
    assert "Co-chair" in english.stdout
    assert english.stdout.rstrip().endswith("members.")
    chinese = run("--db", str(demo_db), "--lang", "zh_TW", "members", "list")
    assert "共同主席" in chinese.stdout


def test_text_shows_each_seat_in_the_users_language(demo_db):
    seat = _json(demo_db)[0]
    assert seat["seat"] and seat["seat_en"] and seat["seat"] != seat["seat_en"]
    english = run("--db", str(demo_db), "--lang", "en", "members", "list").stdout
    chinese = run("--db", str(demo_db), "--lang", "zh_TW", "members", "list").stdout
    assert f"  {seat['seat_en']}  " in english and f"  {seat['seat']}  " not in english
    assert f"  {seat['seat']}  " in chinese and f"  {seat['seat_en']}  " not in chinese


def test_a_bad_date_is_a_message_and_exit_1(demo_db):
    result = run("--db", str(demo_db), "members", "list", "--date", "2026-13-01")
    assert result.returncode == 1
    assert "2026-13-01" in result.stderr
