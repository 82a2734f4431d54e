"""``secretariat round …`` from the call to the published result, and the public
re-check: the published open data, fed to ``secretariat lottery|sortition|stv``, gives
the published result."""

from __future__ import annotations

import csv
import json
import shlex

import pytest

from tests.cli.helpers import run

CANDIDATES = """\ufeffname,name_en,organisation,region,gender
王小明,Wang Xiao-ming,台灣開放資料協會,north,m
李美玲,Li Mei-ling,民間司法改革基金會,north,f
陳志強,,花蓮社區大學,east,m
林雅婷,,高雄公民監督聯盟,south,f
張家豪,,台中環境聯盟,central,m
黃淑芬,,台東原住民族協會,east,f
"""


def _ok(*args):
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "forum.db")
    _ok("--db", path, "init", "--name", "開放政府論壇", "--name-en", "Open Government Forum")
    return path


def _round(db, tmp_path, method, seats=2):
    _ok("--db", db, "round", "add", "--title", "公民社會席次", "--sector", "civil_society",
        "--seats", str(seats), "--term-start", "2027-01-01", "--term-end", "2028-12-31",
        "--method", method, "--call-closes", "2027-01-10", "--decision-date", "2027-01-20",
        "--criteria-zh", "在台灣登記之公民團體")
    _ok("--db", db, "round", "open-call", "1")
    (tmp_path / "c.csv").write_text(CANDIDATES, encoding="utf-8")
    assert "6" in _ok("--db", db, "round", "import-candidates", "1", str(tmp_path / "c.csv"))
    for number in range(1, 6):
        _ok("--db", db, "round", "screen", "1", str(number), "--eligible")
    _ok("--db", db, "round", "screen", "1", "6", "--exclude", "申請逾期")
    _ok("--db", db, "round", "committee", "1", "--name", "趙委員", "--declaration", "無")
    _ok("--db", db, "round", "source", "1", "--description", "今彩539 第1期",
        "--value", "3 14 15 27 39")
    _ok("--db", db, "round", "source", "1", "--description", "大樂透 第2期",
        "--value", "1,8,22,31,40,49")


def _publish_and_export(db, tmp_path):
    _ok("--db", db, "round", "close-call", "1")
    selected = _ok("--db", db, "round", "run", "1")
    _ok("--db", db, "round", "decide", "1")
    seated = json.loads(_ok("--db", db, "members", "list", "--date", "2027-06-01",
                            "--format", "json"))
    names = [line.split(". ", 1)[1] for line in selected.splitlines()[1:]]
    assert sorted(m["name"] for m in seated) == sorted(names)
    _ok("--db", db, "round", "publish", "1")
    out = tmp_path / "data"
    _ok("--db", db, "round", "open-data", "1", "--out", str(out))
    _ok("--db", db, "round", "report", "1", "--out", str(tmp_path / "r.pdf"))
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    return out, json.loads((out / "round.json").read_text(encoding="utf-8"))


def _recheck(record, folder) -> str:
    args = shlex.split(record["recheck"])[1:]
    args = [str(folder / a) if a in ("pool.csv", "quotas.csv", "ballots.blt") else a
            for a in args]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_published_draw_is_rechecked_by_the_lottery_command(db, tmp_path):
    _round(db, tmp_path, "rfc3797")
    folder, record = _publish_and_export(db, tmp_path)
    printed = [int(line) for line in _recheck(record, folder).split()]
    assert printed == [r["number"] for r in record["result"]]
    assert record["exclusions"] == [{"position": 6, "name": "黃淑芬",
                                     "organisation": "台東原住民族協會", "reason": "申請逾期"}]


def test_a_published_leximin_lottery_is_rechecked_by_the_sortition_command(db, tmp_path):
    _round(db, tmp_path, "leximin", seats=3)
    (tmp_path / "q.csv").write_text("category,feature,min,max\ngender,f,1,2\ngender,m,1,2\n",
                                    encoding="utf-8")
    _ok("--db", db, "round", "quotas", "1", str(tmp_path / "q.csv"))
    folder, record = _publish_and_export(db, tmp_path)
    ticket = int(_recheck(record, folder))
    with (folder / "panels.csv").open(encoding="utf-8") as handle:
        panel = next(row for row in csv.DictReader(handle)
                     if int(row["first_ticket"]) <= ticket <= int(row["last_ticket"]))
    assert [int(m) for m in panel["members"].split()] == [r["number"] for r in record["result"]]
    # Recomputed from the published pool and quotas, each person's probability is the same.
    again = run("sortition", "--people", str(folder / "pool.csv"), "--quotas",
                str(folder / "quotas.csv"), "--seats", "3", "--format", "json")
    assert json.loads(again.stdout)["probabilities"] == pytest.approx(
        record["computation"]["probabilities"], abs=1e-9)


def test_a_published_stv_election_is_rechecked_by_the_stv_command(db, tmp_path):
    _round(db, tmp_path, "stv_scottish")
    names = ["王小明", "李美玲", "陳志強", "林雅婷", "張家豪"]
    blt = "5 2\n6 1 2 0\n4 2 3 0\n3 3 1 0\n2 4 5 0\n1 5 0\n0\n" + "".join(
        f'"{n}"\n' for n in names) + '"公民社會席次"\n'
    (tmp_path / "b.blt").write_text(blt, encoding="utf-8")
    _ok("--db", db, "round", "ballots", "1", str(tmp_path / "b.blt"))
    folder, record = _publish_and_export(db, tmp_path)
    assert _recheck(record, folder).split() == [r["name"] for r in record["result"]]
    assert (folder / "stages.csv").read_text(encoding="utf-8").startswith("stage,action")


def test_a_bad_candidates_file_imports_nothing_and_names_every_bad_row(db, tmp_path):
    _ok("--db", db, "round", "add", "--title", "x", "--sector", "civil_society", "--seats", "1",
        "--term-start", "2027-01-01", "--method", "rfc3797")
    _ok("--db", db, "round", "open-call", "1")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,organisation,region\n王小明,甲,north\n,乙,south\n王小明,甲,east\n"
                   "林,丙\n", encoding="utf-8")
    result = run("--db", db, "round", "import-candidates", "1", str(bad))
    assert result.returncode == 1
    for row in ("Row 3", "Row 4", "Row 5"):
        assert row in result.stderr
    assert "0 of 0" in _ok("--db", db, "round", "list")


def test_a_big5_file_is_refused_with_the_way_out(db, tmp_path):
    _ok("--db", db, "round", "add", "--title", "x", "--sector", "civil_society", "--seats", "1",
        "--term-start", "2027-01-01", "--method", "rfc3797")
    _ok("--db", db, "round", "open-call", "1")
    big5 = tmp_path / "big5.csv"
    big5.write_bytes("name,organisation\n王小明,台灣開放資料協會\n".encode("big5"))
    result = run("--db", db, "round", "import-candidates", "1", str(big5))
    assert result.returncode == 1 and "Big5" in result.stderr and "CSV UTF-8" in result.stderr


def test_a_scored_assessment_from_rubric_and_score_files(db, tmp_path):
    _round(db, tmp_path, "scored", seats=1)
    _ok("--db", db, "round", "committee", "1", "--name", "錢委員", "--declaration", "與王小明共事")
    _ok("--db", db, "round", "step-aside", "1", "2", "1")
    (tmp_path / "rubric.csv").write_text("name,name_en,weight,low,high\n經驗,Experience,2,0,5\n"
                                         "計畫,Plan,1,0,5\n", encoding="utf-8")
    _ok("--db", db, "round", "rubric", "1", str(tmp_path / "rubric.csv"))
    rows = ["assessor,candidate,criterion,score"]
    for assessor in (1, 2):
        for candidate in range(1, 6):
            if (assessor, candidate) == (2, 1):
                continue  # stepped aside
            score = 5 if candidate == 3 else 2
            rows += [f"{assessor},{candidate},經驗,{score}", f"{assessor},{candidate},計畫,{score}"]
    (tmp_path / "scores.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert "18" in _ok("--db", db, "round", "scores", "1", str(tmp_path / "scores.csv"))
    folder, record = _publish_and_export(db, tmp_path)
    assert [r["name"] for r in record["result"]] == ["陳志強"]
    ranking = (folder / "ranking.csv").read_text(encoding="utf-8").splitlines()
    assert ranking[1].startswith("1,3,15,2")  # candidate 3, average 15 from 2 assessors
    assert record["recheck"] == ""  # no command re-counts it; the scores are published
