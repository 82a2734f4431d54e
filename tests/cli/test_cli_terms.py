"""The terms of reference and the ethics statement from the command line, as a clerk
uses them: draft from a TOML file, adopt on a date and then by a recorded decision, see
the versions and what changed, print a PDF, record signatures and list who has not
signed; meetings are judged by the version in force on their date. Adopted versions
cannot be redrafted or adopted twice."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import make_small_demo, run

MEMBERS_CSV = """\
name,name_en,organisation,sector,role,term_start,term_end,high_level,email,phone
王小明,Wang Hsiao-ming,開放資料促進協會,civil_society,member,2025-01-01,,no,,
林美玲,Lin Mei-ling,臺灣大學,academia,member,2025-01-01,,no,,
陳大文,Chen Ta-wen,國家發展委員會,government_agency,member,2025-01-01,,no,,
張志豪,Chang Chih-hao,法務部,government_agency,member,2025-01-01,,no,,
"""
FIRST_DRAFT = """\
change_note = "第一版 First version"
[rules]
quorum_percent = 50
notice_days = 7
[texts.mandate]
zh_TW = "監督行動方案之共同創建。"
en = "Oversee the co-creation of the action plan."
[texts.ethics]
zh_TW = "本人承諾誠信行事。"
en = "I undertake to act with integrity."
[[seats]]
sector = "civil_society"
seats = 2
alternates = 2
"""
SECOND_DRAFT = """\
[rules]
quorum_percent = 80
[texts.mandate]
en = "Oversee the co-creation and the implementation of the action plan."
"""


class Clerk:
    def __init__(self, db: Path):
        self.db = db

    def ok(self, *args: str, lang: str = "en_US.UTF-8") -> str:
        result = run("--db", str(self.db), *args, lang=lang)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def refused(self, *args: str) -> str:
        result = run("--db", str(self.db), *args)
        assert result.returncode == 1, result.stdout + result.stderr
        return result.stderr


@pytest.fixture(scope="module")
def forum(tmp_path_factory) -> Path:
    """Four members; version 1 adopted on 2025-12-01; a meeting on 2026-02-02 and one on
    2026-03-02 that adopts version 2 (quorum 80 %)."""
    folder = tmp_path_factory.mktemp("terms")
    clerk = Clerk(folder / "forum.db")
    clerk.ok("init", "--name", "測試論壇", "--name-en", "Test Forum")
    (folder / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    clerk.ok("import", "members", str(folder / "members.csv"))
    (folder / "v1.toml").write_text(FIRST_DRAFT, encoding="utf-8")
    (folder / "v2.toml").write_text(SECOND_DRAFT, encoding="utf-8")
    assert "Drafted version 1" in clerk.ok("tor", "draft", str(folder / "v1.toml"))
    clerk.ok("tor", "adopt", "1", "--on", "2025-12-01")
    for start in ("2026-02-02 14:00", "2026-03-02 14:00"):
        clerk.ok("meeting", "create", "--title", "會議", "--start", start,
                 "--end", start.replace("14:00", "16:00"), "--location", "Room 1")
        meeting = "1" if start.startswith("2026-02") else "2"
        for person in ("王小明", "林美玲", "陳大文"):  # three of four attend both
            clerk.ok("attendance", "set", meeting, person, "--status", "present")
    decided = clerk.ok("decision", "record", "2", "--text", "通過職權範圍第2版", "--consensus")
    number = re.search(r"\d{4}-S\d+-R\d+", decided).group()
    clerk.ok("tor", "draft", str(folder / "v2.toml"))
    adopted = clerk.ok("tor", "adopt", "2", "--decision", number)
    assert f"adopted by decision {number}, in force from Mar 2, 2026" in adopted
    return clerk.db


@pytest.fixture
def clerk(forum, tmp_path) -> Clerk:
    db = tmp_path / "forum.db"
    shutil.copy(forum, db)
    return Clerk(db)


def test_the_versions_list_shows_how_each_was_adopted(clerk):
    listed = clerk.ok("tor", "list")
    assert re.search(r"1\s+Adopted\s+Dec 1, 2025\s+-\s+-\s+50 %", listed)
    assert re.search(r"2\s+Adopted\s+Mar 2, 2026\s+2026-S02-R01\s+-\s+80 %", listed)


def test_show_prints_the_rules_and_both_texts(clerk):
    shown = clerk.ok("tor", "show", "1")
    assert re.search(r"Notice period\s+7 days", shown)
    assert "[中文] 監督行動方案之共同創建。" in shown
    assert "[English] Oversee the co-creation of the action plan." in shown
    assert re.search(r"Civil society organisation\s+2 seats, 2 alternates", shown)
    english = clerk.ok("tor", "show", "2", "--language", "en")
    assert "監督" not in english and "and the implementation" in english
    assert re.search(r"Notice period\s+7 days", english)  # copied from version 1


def test_diff_shows_what_the_second_version_changed(clerk):
    changes = clerk.ok("tor", "diff", "1", "2")
    assert "Quorum: 50 % of the members → 80 % of the members" in changes
    # Marked as ``git diff --word-diff`` does; dropping the marks gives the new text.
    [line] = [line for line in changes.splitlines() if "{+" in line]
    assert re.sub(r"\{\+(.*?)\+\}", r"\1", line).strip() == (
        "Oversee the co-creation and the implementation of the action plan.")
    assert "Mandate [English]" in changes and "[中文]" not in changes
    assert "Notice period" not in changes


def test_each_meeting_is_judged_by_the_terms_in_force_on_its_date(clerk):
    """Three of four attend both: version 1's 50 % needs two (met), version 2's 80 % needs
    four (not met)."""
    before, after = clerk.ok("meeting", "show", "1"), clerk.ok("meeting", "show", "2")
    assert re.search(r"Quorum\s+2 needed: met", before)
    assert "terms of reference version 1: quorum 50 %" in before
    assert re.search(r"Quorum\s+4 needed: not met", after)
    assert "terms of reference version 2: quorum 80 %" in after
    # Notice: version 1's 7 days (version 2 kept them).
    assert re.search(r"Notice period\s+7 days required; no notice recorded", before)
    clerk.ok("meeting", "notice", "2", "--sent-at", "2026-02-25 09:00", "--to", "全體委員")
    assert re.search(r"Notice period\s+7 days required, 5 given: too short",
                     clerk.ok("meeting", "show", "2"))


def test_adopted_versions_stay_as_they_are(clerk):
    assert "adopted already" in clerk.refused("tor", "adopt", "1", "--on", "2026-01-01")
    assert "is adopted and cannot change" in clerk.refused("tor", "discard", "2")
    assert "no version 9" in clerk.refused("tor", "show", "9")
    clerk.ok("tor", "draft")  # a plain copy of version 2
    assert "still a draft" in clerk.refused("tor", "draft")
    edits = clerk.db.with_name("edits.toml")
    edits.write_text('[texts.powers]\nen = "Decide the commitments."\n', encoding="utf-8")
    assert "Changed the draft version 3" in clerk.ok("tor", "edit", "3", str(edits))
    assert "Decide the commitments." in clerk.ok("tor", "show", "3")
    assert "is adopted and cannot change" in clerk.refused("tor", "edit", "2", str(edits))
    assert "Version 2 was adopted on 2026-03-02" in clerk.refused(
        "tor", "adopt", "3", "--on", "2026-01-01")
    clerk.ok("tor", "discard", "3")
    assert re.search(r"Quorum\s+4 needed", clerk.ok("meeting", "show", "2"))


def test_ethics_signatures_and_who_has_not_signed(clerk):
    assert "Wang Hsiao-ming" in clerk.ok("ethics", "unsigned", "--date", "2026-01-15")
    clerk.ok("ethics", "sign", "王小明", "--version", "1", "--on", "2025-12-05", "--how", "paper")
    clerk.ok("ethics", "sign", "Lin Mei-ling", "--version", "1", "--on", "2025-12-05",
             "--how", "electronic")
    unsigned = clerk.ok("ethics", "unsigned", "--date", "2026-01-15")
    assert "version 1" in unsigned
    assert "Chen Ta-wen" in unsigned and "Chang Chih-hao" in unsigned
    assert "Wang Hsiao-ming" not in unsigned and "Lin Mei-ling" not in unsigned
    # Version 2's statement is signed anew.
    assert "Wang Hsiao-ming" in clerk.ok("ethics", "unsigned", "--date", "2026-03-15")
    assert "signed the ethics statement of version 1" in clerk.refused(
        "ethics", "sign", "王小明", "--version", "1", "--on", "2025-12-06", "--how", "paper")
    assert re.search(r"Lin Mei-ling\s+Dec 5, 2025\s+Electronically",
                     clerk.ok("ethics", "signatures", "--version", "1"))
    assert "in which meeting" in clerk.refused(
        "ethics", "sign", "陳大文", "--version", "2", "--on", "2026-03-02", "--how", "in_meeting")
    clerk.ok("ethics", "sign", "陳大文", "--version", "2", "--on", "2026-03-02",
             "--how", "in_meeting", "--meeting", "2")


def test_a_bad_draft_file_is_refused_and_saves_nothing(clerk, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[rules]\nquorum_percent = 0\n", encoding="utf-8")
    assert "Quorum must be a whole number from 1 to 100" in clerk.refused(
        "tor", "draft", str(bad))
    bad.write_text("[rules\n", encoding="utf-8")
    assert "not a valid TOML or JSON file" in clerk.refused("tor", "draft", str(bad))
    bad.write_text("[weather]\nsunny = true\n", encoding="utf-8")
    assert "unknown part “weather”" in clerk.refused("tor", "draft", str(bad))
    assert len(clerk.ok("tor", "list").strip().splitlines()) == 3  # heading + 2 versions


def test_export_writes_the_pdf(clerk, tmp_path):
    out = tmp_path / "tor.pdf"
    assert "Wrote version 2" in clerk.ok("tor", "export", "2", "--out", str(out),
                                          "--language", "en")
    assert out.read_bytes().startswith(b"%PDF")


def test_the_demo_has_two_versions_and_one_member_who_has_not_signed(tmp_path):
    demo = Clerk(make_small_demo(tmp_path))
    listed = demo.ok("tor", "list")
    assert re.search(r"1\s+Published.*50 %", listed) and re.search(
        r"2\s+Published.*\d{4}-S\d+-R\d+.*60 %", listed)
    assert "Quorum: 50 % of the members → 60 % of the members" in demo.ok("tor", "diff", "1", "2")
    unsigned = demo.ok("ethics", "unsigned").strip().splitlines()
    assert "version 2" in unsigned[0] and len(unsigned) == 2
    demo.ok("audit", "verify")  # both versions' adoption and publication are chained
