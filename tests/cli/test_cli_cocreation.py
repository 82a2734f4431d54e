"""``secretariat cycle|consultation|contribution|import contributions|attest|publication``
and ``secretariat check``, run as a user runs them."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import run


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cocreation") / "forum.db"
    assert run("--db", str(path), "init", "--name", "論壇", "--name-en", "Forum").returncode == 0
    done = run("--db", str(path), "cycle", "add", "--name", "2025–2027", "--development",
               "2025-01-01", "2025-08-31", "--implementation", "2025-09-01", "2027-08-31")
    assert done.returncode == 0, done.stderr
    assert "Recorded cycle 1" in done.stdout
    return str(path)


def test_a_consultation_window_is_counted_and_a_backwards_one_refused(db):
    refused = run("--db", db, "consultation", "add", "--cycle", "1", "--subject",
                  "draft_commitments", "--title", "承諾草案", "--opens", "2025-06-14",
                  "--closes", "2025-06-01", "--channel", "written")
    assert refused.returncode == 1
    assert "closes on Jun 1, 2025, before it opens on Jun 14, 2025" in refused.stderr
    done = run("--db", db, "consultation", "add", "--cycle", "1", "--subject",
               "draft_commitments", "--title", "承諾草案", "--opens", "2025-06-01",
               "--closes", "2025-06-14", "--channel", "written", "--channel", "survey")
    assert done.returncode == 0 and "open 14 days" in done.stdout


def test_import_contributions_all_or_nothing(db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("received_on,stakeholder,channel,text\n"
                   "2025-03-01,citizen,written,好\n"
                   "2025-13-01,citizen,written,壞日期\n"
                   "2025-03-01,citizen,pigeon,壞管道\n", encoding="utf-8-sig")
    refused = run("--db", db, "import", "contributions", str(bad), "--cycle", "1")
    assert refused.returncode == 1
    assert "2 invalid rows; nothing was imported" in refused.stderr
    assert "Row 3:" in refused.stderr and "Row 4:" in refused.stderr
    good = tmp_path / "good.csv"
    good.write_text("收到日期,利害關係人,管道,內容\n2025-03-01,citizen,written,好\n"
                    "2025-03-02,academia,survey,建議\n", encoding="utf-8")
    done = run("--db", db, "import", "contributions", str(good), "--cycle", "1")
    assert done.returncode == 0 and "Imported 2 contributions." in done.stdout
    overdue = run("--db", db, "contribution", "overdue", "--date", "2025-03-22")
    assert "1 contribution overdue." in overdue.stdout  # the first: day 21


def test_a_response_before_the_contribution_is_refused(db):
    added = run("--db", db, "contribution", "add", "--cycle", "1", "--stakeholder",
                "civil_society", "--channel", "written", "--received", "2025-04-10",
                "--text", "請延長")
    assert added.returncode == 0 and "due by Apr 30, 2025" in added.stdout
    number = added.stdout.split()[2].rstrip(";")
    refused = run("--db", db, "contribution", "respond", number, "--text", "好",
                  "--on", "2025-04-09")
    assert refused.returncode == 1 and "before the contribution" in refused.stderr


def test_an_attestation_needs_evidence(db):
    refused = run("--db", db, "attest", "--cycle", "1", "--requirement",
                  "seed.cycle.info.b3", "--statement", "以淺白文字說明")
    assert refused.returncode == 2 and "--document --link" in refused.stderr
    done = run("--db", db, "attest", "--cycle", "1", "--requirement", "seed.cycle.info.b3",
               "--statement", "以淺白文字說明", "--link", "https://ogp.example.tw/plain",
               "--on", "2025-02-01")
    assert done.returncode == 0


def test_check_text_and_json(db):
    text = run("--db", db, "check", "--date", "2025-07-01")
    assert text.returncode == 0, text.stderr
    assert "[Attested] seed.cycle.info.b3" in text.stdout
    assert "Acting contrary to process:" in text.stdout
    data = json.loads(run("--db", db, "check", "--date", "2025-07-01", "--format",
                          "json").stdout)
    assert data["catalogue"] == "seed" and len(data["results"]) == 60
    statuses = {r["id"]: r["status"] for r in data["results"]}
    assert statuses["seed.cycle.info.b3"] == "attested"
    assert statuses["seed.dev.spaces.b4"] == "met"  # 14 days, two channels
    first = data["results"][0]
    assert set(first["explanation"]) >= {"msgid", "params", "zh_TW", "en"}
    assert {t["trigger"] for t in data["early_warning"]} == {
        "action_plan", "minimum_requirements", "commitment_progress"}
    chinese = run("--db", db, "--lang", "zh_TW", "check", "--date", "2025-07-01")
    assert chinese.returncode == 0


def test_check_without_a_cycle_says_so(tmp_path):
    path = str(tmp_path / "empty.db")
    run("--db", path, "init", "--name", "論壇", "--name-en", "Forum")
    refused = run("--db", path, "check")
    assert refused.returncode == 1 and "No action-plan cycle" in refused.stderr


def test_export_compliance_report_pdf_in_both_languages_and_json(db, tmp_path):
    from tests.core.export_helpers import pdf_fonts, pdf_text

    english = tmp_path / "report.pdf"
    done = run("--db", db, "--lang", "en", "export", "compliance", "--out", str(english),
               "--date", "2025-07-01")
    assert done.returncode == 0, done.stderr
    text = pdf_text(english)
    assert "Standards compliance report" in text and "seed.cycle.info.b3" in text
    assert "Attested" in text and "Acting contrary to process" in text
    chinese = tmp_path / "報告.pdf"
    assert run("--db", db, "--lang", "zh_TW", "export", "compliance", "--out", str(chinese),
               "--date", "2025-07-01").returncode == 0
    from secretariat.standards.catalogue import load

    first = load("seed").entry("seed.cycle.info.b1").text_zh_TW
    assert first[:6] in pdf_text(chinese).replace("\n", "")  # the requirement, verbatim
    assert all(font[-5] == "yes" for font in pdf_fonts(chinese))  # every font embedded
    data_file = tmp_path / "report.json"
    assert run("--db", db, "export", "compliance", "--out", str(data_file),
               "--date", "2025-07-01").returncode == 0
    data = json.loads(data_file.read_text(encoding="utf-8"))
    assert len(data["results"]) == 60 and data["date"] == "2025-07-01"
    refused = run("--db", db, "export", "compliance", "--out", str(tmp_path / "r.txt"))
    assert refused.returncode == 1 and ".pdf or .json" in refused.stderr
