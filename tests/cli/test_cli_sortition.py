"""``secretariat lottery`` and ``secretariat sortition``: no database needed, the RFC 3797
example reproduced, the JSON a publication needs, and a draw anyone can repeat."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import run

RFC_SOURCES = ("--source", "9319", "--source", "2 5 12 8 10", "--source", "9 18 26 34 41 45")
QUOTAS = ("category,feature,min,max\n"
          "gender,F,2,3\ngender,M,2,3\nage,young,2,3\nage,old,2,3\n")


@pytest.fixture
def no_database(tmp_path):
    """A database path that must still not exist after the command."""
    return tmp_path / "never.db"


def test_lottery_reproduces_the_rfc_example_without_a_database(no_database):
    result = run("lottery", "--pool-size", "25", "--seats", "10", *RFC_SOURCES,
                 SECRETARIAT_DB=str(no_database))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["17", "7", "2", "16", "25", "23", "8", "24", "19", "13"]
    assert not no_database.exists()


def test_lottery_verbose_shows_the_key_string_and_each_digest():
    result = run("lottery", "--pool-size", "25", "--seats", "2", *RFC_SOURCES, "--verbose")
    assert "9319./2.5.8.10.12./9.18.26.34.41.45./" in result.stdout
    assert "990DD0A5692A029A98B5E01AA28F3459" in result.stdout
    assert result.stdout.splitlines()[-2:] == ["17", "7"]


def test_lottery_refuses_a_source_that_is_not_numbers():
    result = run("lottery", "--pool-size", "5", "--seats", "2", "--source", "seven")
    assert result.returncode == 1
    assert "“seven” is not a number" in result.stderr


@pytest.fixture
def files(tmp_path):
    people = ["name,gender,age"] + [
        f"P{i},{'F' if i % 3 == 0 else 'M'},{'young' if i % 2 else 'old'}" for i in range(30)]
    (tmp_path / "people.csv").write_text("\n".join(people) + "\n", encoding="utf-8-sig")
    (tmp_path / "quotas.csv").write_text(QUOTAS, encoding="utf-8")
    return ("--people", str(tmp_path / "people.csv"), "--quotas", str(tmp_path / "quotas.csv"))


def test_sortition_json_gives_probabilities_in_file_order_and_the_panels(files, no_database):
    result = run("sortition", *files, "--seats", "5", "--format", "json",
                 SECRETARIAT_DB=str(no_database))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["probabilities"]) == 30
    assert sum(data["probabilities"]) == pytest.approx(5)
    assert data["minimum_probability"] == min(data["probabilities"])
    assert sum(panel["tickets"] for panel in data["panels"]) == data["resolution"]
    for panel in data["panels"]:
        assert len(panel["members"]) == 5 and all(1 <= m <= 30 for m in panel["members"])
        women = sum(1 for m in panel["members"] if (m - 1) % 3 == 0)
        assert 2 <= women <= 3
    per_person = [0.0] * 30
    for panel in data["panels"]:
        for m in panel["members"]:
            per_person[m - 1] += panel["probability"]
    assert per_person == pytest.approx(data["probabilities"], abs=1e-9)
    assert not no_database.exists()


def test_sortition_draw_is_the_lottery_of_one_ticket(files):
    listed = json.loads(run("sortition", *files, "--seats", "5", "--format", "json").stdout)
    drawn = run("sortition", *files, "--seats", "5", "--draw", *RFC_SOURCES)
    assert drawn.returncode == 0, drawn.stderr
    ticket = run("lottery", "--pool-size", str(listed["resolution"]), "--seats", "1",
                 *RFC_SOURCES).stdout.strip()
    assert f"Winning ticket: {ticket} of {listed['resolution']}" in drawn.stdout
    panel = next(p for p in listed["panels"]
                 if p["first_ticket"] <= int(ticket) <= p["last_ticket"])
    members = [int(line) for line in drawn.stdout.splitlines()[-5:]]
    assert members == panel["members"]
    as_json = json.loads(run("sortition", *files, "--seats", "5", "--format", "json",
                             "--draw", *RFC_SOURCES).stdout)
    assert as_json["draw"]["members"] == panel["members"]
    assert as_json["draw"]["key_string"] == "9319./2.5.8.10.12./9.18.26.34.41.45./"


def test_sortition_text_names_the_lowest_probability(files):
    result = run("sortition", *files, "--seats", "5")
    assert result.returncode == 0, result.stderr
    assert "Lowest selection probability:" in result.stdout
    assert "30 people, 5 seats, 4 groups" in result.stdout


def test_infeasible_quotas_say_which_and_by_how_many(files):
    result = run("sortition", *files, "--seats", "3")
    assert result.returncode == 1
    assert "gender: the minimums add up to 4, more than the 3 seats (1 too many)." in result.stderr


def test_file_errors_are_listed_with_rows(tmp_path, files):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,gender,age\nA,F,young\nB,Q,old\nC,M,ancient\n", encoding="utf-8")
    result = run("sortition", "--people", str(bad), "--quotas", files[3], "--seats", "2")
    assert result.returncode == 1
    assert "row 2 (line 3): gender is “Q”" in result.stderr
    assert "row 3 (line 4): age is “ancient”" in result.stderr


def test_draw_needs_sources(files):
    result = run("sortition", *files, "--seats", "5", "--draw")
    assert result.returncode == 1
    assert "--draw needs the random sources" in result.stderr
