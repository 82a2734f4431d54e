"""``secretariat members balance`` on the demo, as a clerk checking the forum's balance."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import make_small_demo, run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return make_small_demo(tmp_path_factory.mktemp("balance"))


def test_json_adds_up_and_matches_the_member_list(demo_db):
    result = run("--db", str(demo_db), "members", "balance", "--date", "2026-11-01",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    seats = found["seats"]
    assert seats["government"] + seats["non_government"] == seats["total"]
    assert sum(s["seats"] for s in seats["by_sector"]) == seats["total"]
    listed = json.loads(run("--db", str(demo_db), "members", "list", "--date", "2026-11-01",
                            "--format", "json").stdout)
    voting = [m for m in listed if m["role"] in ("member", "co_chair")]
    assert len(voting) == seats["total"]
    assert found["attendance"]["forum_meetings"] >= 1
    assert [q["quarter"] for q in found["quarters"]][-1] == 4


def test_text_in_chinese_names_sides_and_quarters(demo_db):
    result = run("--db", str(demo_db), "members", "balance", lang="zh_TW.UTF-8")
    assert result.returncode == 0, result.stderr
    assert "席次：" in result.stdout and "年第 4 季：政府" in result.stdout


def test_a_date_that_is_not_one_is_refused(demo_db):
    result = run("--db", str(demo_db), "members", "balance", "--date", "2026-13-01")
    assert result.returncode != 0 and "2026-13-01" in result.stderr
