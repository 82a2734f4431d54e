"""``secretariat stv``: counts a BLT file without any database and prints what was
elected, one name per line exactly as in the file, or the whole count sheet."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import run

DATA = Path(__file__).parents[1] / "core" / "data" / "stv"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


def test_prints_the_elected_one_per_line_in_order_of_election(tmp_path):
    missing_db = tmp_path / "no-such.db"
    result = run("--db", str(missing_db), "stv", "--ballots",
                 str(DATA / "edinburgh_2017_ward13.blt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Adam MCVEY (SNP)", "Chas BOOTH (Grn)",
                                          "Gordon John MUNRO (Lab)"]
    assert not missing_db.exists()  # no database was needed, none was made


def test_names_with_quotes_come_out_exactly_as_in_the_file():
    name = "edinburgh_2022_ward12.blt"
    result = run("stv", "--ballots", str(DATA / name), "--method", "meek")
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.splitlines()) == set(EXPECTED[name]["official_elected"])
    assert 'Susan RAE "Scottish Green Party"' in result.stdout.splitlines()


def test_report_shows_every_stage_with_quota_transfers_and_non_transferable():
    result = run("stv", "--ballots", str(DATA / "edinburgh_2017_ward13.blt"), "--report")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Quota: 1,904.00000" in out
    assert "Stage 2: surplus of Adam MCVEY (SNP) (849.00000) transferred" in out
    assert "Stage 4: votes of Sanne DIJKSTRA-DOWNIE (LD), excluded, transferred" in out
    assert "Non-transferable" in out and "Lost by truncation" in out
    # Munro at stage 4, as on the council's result sheet (2,106).
    assert any(line.split()[:3] == ["Gordon", "John", "MUNRO"] and "2,106.04049" in line
               for line in out.splitlines())
    assert out.rstrip().endswith("3. Gordon John MUNRO (Lab)")


def test_report_in_chinese_keeps_the_names(tmp_path):
    result = run("--lang", "zh_TW", "stv", "--ballots",
                 str(DATA / "edinburgh_2017_ward13.blt"), "--report")
    assert result.returncode == 0, result.stderr
    assert "Adam MCVEY (SNP)" in result.stdout


def test_a_malformed_file_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "bad.blt"
    bad.write_text('2 1\n1 1 3 0\n0\n"A"\n"B"\n', encoding="utf-8")
    result = run("stv", "--ballots", str(bad))
    assert result.returncode == 1
    assert "Line 2 of the ballot file" in result.stderr
    assert "no candidate 3" in result.stderr


def test_a_tie_needing_lots_asks_for_a_seed_and_the_seed_decides(tmp_path):
    tie = tmp_path / "tie.blt"
    tie.write_text('3 1\n3 1 0\n2 2 0\n2 3 0\n0\n"A"\n"B"\n"C"\n', encoding="utf-8")
    refused = run("stv", "--ballots", str(tie))
    assert refused.returncode == 1
    assert "--seed" in refused.stderr
    first = run("stv", "--ballots", str(tie), "--seed", "draw 2026-05-01")
    again = run("stv", "--ballots", str(tie), "--seed", "draw 2026-05-01")
    assert first.returncode == 0 and first.stdout == again.stdout == "A\n"


def test_chinese_names_with_double_spaces_come_out_unchanged(tmp_path):
    ballots = tmp_path / "委員.blt"
    ballots.write_text('3 2\r\n5 1 2 0\r\n4 2 0\r\n1 3 1 0\r\n0\r\n"王  小明"\r\n"李大華"\r\n'
                       '"陳美 (NGO)"\r\n"民間委員 2026"\r\n', encoding="utf-8")
    result = run("stv", "--ballots", str(ballots))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["王  小明", "李大華"]
    report = run("--lang", "zh_TW", "stv", "--ballots", str(ballots), "--report")
    assert report.returncode == 0, report.stderr
    assert report.stdout.startswith("民間委員 2026\n")
