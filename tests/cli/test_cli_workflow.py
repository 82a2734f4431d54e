"""A clerk's whole meeting workflow on the command line, as real subprocesses on a new
forum: plan two meetings, prepare the agenda, record attendance, decisions and minutes,
approve the minutes at the next meeting, correct them, and produce the documents. Bad
input is refused with a message in the user's language and saves nothing."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run

MEMBERS_CSV = """\
name,name_en,organisation,sector,role,term_start,term_end,high_level,email,phone
王小明,Wang Hsiao-ming,開放資料促進協會,civil_society,member,2026-01-01,,no,,
林美玲,Lin Mei-ling,臺灣大學,academia,member,2026-01-01,,no,,
陳大文,Chen Ta-wen,國家發展委員會,government_agency,member,2026-01-01,,no,,
張志豪,Chang Chih-hao,法務部,government_agency,member,2026-01-01,,no,,
李淑芬,Lee Shu-fen,公民參與協會,civil_society,member,2026-01-01,,no,,
陳達文,Chen Ta-wen,數位發展部,government_agency,observer,2026-01-01,,no,,
"""
PAPER = "行動方案草案\nDraft action plan\n".encode()


class Clerk:
    """Runs ``secretariat --db DB …`` and checks the outcome."""

    def __init__(self, db: Path):
        self.db = db

    def run(self, *args: str, lang: str = "en_US.UTF-8"):
        return run("--db", str(self.db), *args, lang=lang)

    def ok(self, *args: str) -> str:
        result = self.run(*args)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def refused(self, *args: str, lang: str = "en_US.UTF-8") -> str:
        result = self.run(*args, lang=lang)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.strip(), "a refusal says why"
        return result.stderr


def first_number(text: str) -> int:
    return int(re.search(r"\d+", text).group())


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    """A forum with six people, meeting 1 prepared and held (agenda, paper, attendance)
    and meeting 2 a month later; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("workflow")
    clerk = Clerk(folder / "forum.db")
    clerk.ok("init", "--name", "測試論壇", "--name-en", "Test Forum")
    (folder / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    clerk.ok("import", "members", str(folder / "members.csv"))
    first = clerk.ok("meeting", "create", "--title", "第一次會議", "--title-en", "First meeting",
                     "--start", "2026-03-02 14:00", "--end", "2026-03-02 16:00",
                     "--location", "國家發展委員會", "--public")
    second = clerk.ok("meeting", "create", "--title", "第二次會議", "--start",
                      "2026-04-06 14:00", "--end", "2026-04-06 16:00", "--modality", "remote",
                      "--link", "https://meet.example.tw/forum")
    assert (first_number(first), first_number(second)) == (1, 2)
    clerk.ok("meeting", "notice", "1", "--sent-at", "2026-02-20 09:00", "--to", "全體委員")
    clerk.ok("agenda", "add", "1", "--title", "報告事項", "--purpose", "information",
             "--minutes", "15")
    clerk.ok("agenda", "add", "1", "--title", "討論行動方案", "--title-en",
             "The action plan", "--purpose", "decision", "--presenter", "陳大文",
             "--proposed-by", "non_government")
    clerk.ok("agenda", "move", "2", "1")
    (folder / "draft.txt").write_bytes(PAPER)
    clerk.ok("agenda", "attach", "2", str(folder / "draft.txt"), "--title", "行動方案草案")
    clerk.ok("attendance", "set", "1", "王小明", "--status", "present")
    clerk.ok("attendance", "set", "1", "Lin Mei-ling", "--status", "remote")
    clerk.ok("attendance", "set", "1", "3", "--status", "present")  # 陳大文, by number
    clerk.ok("attendance", "set", "1", "張志豪", "--status", "proxy", "--proxy", "陳大文")
    clerk.ok("attendance", "set", "1", "李淑芬", "--status", "apologies")
    clerk.ok("attendance", "guest", "1", "Jane Observer", "--observer")
    clerk.ok("attendance", "guest", "1", "吳記者")
    return clerk.db


@pytest.fixture
def clerk(prepared, tmp_path) -> Clerk:
    db = tmp_path / "forum.db"
    shutil.copy(prepared, db)
    shutil.copytree(prepared.with_name("forum.db.files"), tmp_path / "forum.db.files")
    return Clerk(db)


VOTE_WITH_RECUSAL = ("decision", "record", "1", "--text", "通過行動方案草案", "--text-en",
                     "The draft action plan is adopted", "--item", "2", "--vote")


def test_the_prepared_meeting_shows_agenda_order_paper_notice_and_attendance(clerk):
    agenda = clerk.ok("agenda", "list", "1")
    assert agenda.index("The action plan") < agenda.index("報告事項")  # moved to the top
    shown = clerk.ok("meeting", "show", "1")
    assert "1. The action plan [Decision · Presenter: 陳大文]" in shown
    assert "Paper: 行動方案草案" in shown
    assert "Feb 20, 2026 09:00, to 全體委員" in shown
    assert re.search(r"Represented by proxy\s+1", shown)
    assert re.search(r"Apologies\s+1", shown)
    assert re.search(r"Members attending\s+4 of 5 entitled", shown)
    attendance = clerk.ok("attendance", "list", "1")
    assert "Represented by proxy (陳大文)" in attendance
    assert "Jane Observer" in attendance and "吳記者" in attendance
    # The paper's bytes are in the forum's documents folder, under their hash.
    digest = hashlib.sha256(PAPER).hexdigest()
    stored = clerk.db.with_name("forum.db.files") / digest[:2] / digest
    assert stored.read_bytes() == PAPER


def test_attendance_of_a_new_meeting_lists_the_members_expected(clerk):
    """Issue #11: before anything is recorded, the list shows who is expected (the
    members holding a seat on the meeting day), not an empty "nothing recorded"."""
    listed = clerk.ok("attendance", "list", "2")
    assert "No attendance recorded yet." not in listed
    rows = [line.split() for line in listed.splitlines()[1:]]
    names = {row[1] for row in rows}
    assert {"王小明", "林美玲", "陳大文", "張志豪", "李淑芬", "陳達文"} == names
    # Nothing recorded yet, so no record version either.
    assert all(" ".join(row[-3:-1]) == "Not recorded" and row[-1] == "-" for row in rows)
    assert {row[1]: row[2] for row in rows}["陳達文"] == "Observer"
    chinese = clerk.run("attendance", "list", "2", lang="zh_TW.UTF-8").stdout
    assert "未登錄" in chinese
    # Once someone is recorded, the list is of those recorded, as before.
    clerk.ok("attendance", "set", "2", "王小明", "--status", "present")
    assert [line.split()[1] for line in clerk.ok("attendance", "list", "2").splitlines()[1:]] \
        == ["王小明"]


def test_a_meeting_is_run_and_its_minutes_approved_at_the_next_meeting(clerk, tmp_path):
    recorded = clerk.ok(*VOTE_WITH_RECUSAL, "--for", "2", "--against", "1", "--abstain", "0",
                        "--recuse", "林美玲", "--dissent", "王小明：草案仍需修正",
                        "--rationale", "多數贊成")
    assert "Recorded Decision 1 of meeting 1 (2026) (number 2026-S01-R01) of meeting 1." \
        in recorded
    clerk.ok("action", "add", "1", "--description", "公布行動方案", "--owner", "陳大文",
             "--due", "2026-03-31", "--item", "2", "--decision", "2026-S01-R01")
    clerk.ok("minutes", "start", "1")
    clerk.ok("minutes", "set", "1", "--item", "2", "--text", "決議通過行動方案草案。")
    notes = tmp_path / "general.txt"
    notes.write_text("臨時動議：無。主席宣布散會。\n", encoding="utf-8")
    assert "other matters" in clerk.ok("minutes", "set", "1", "--general", "--file", str(notes))
    # As in the minutes PDF: the agenda items, then the other matters.
    draft = clerk.ok("minutes", "show", "1")
    assert draft.index("決議通過行動方案草案。") < draft.index("Other matters") \
        < draft.index("臨時動議：無。主席宣布散會。")
    clerk.ok("minutes", "circulate", "1", "--on", "2026-03-10", "--to", "全體委員")
    approving = clerk.ok("decision", "record", "2", "--text", "確認第一次會議紀錄",
                         "--consensus")
    assert "2026-S02-R01" in approving
    # Typed in any case and without the padding, as a clerk may.
    clerk.ok("minutes", "approve", "1", "--decision", "2026-s2-r1")

    shown = clerk.ok("meeting", "show", "1")
    assert "Version 1: Locked; circulated on Mar 10, 2026 to 全體委員; approved on " \
           "Apr 6, 2026 by decision 2026-S02-R01" in shown
    assert "2026-S01-R01  The draft action plan is adopted [Vote: 2 for, 1 against, " \
           "0 abstaining · 1 recused · 1 dissenting statement]" in shown
    assert "公布行動方案 [陳大文 · Open · due Mar 31, 2026]" in shown
    # The log shows the number to type and the label to read; the earlier spelling of a
    # number finds it too.
    listed = clerk.ok("decision", "list", "--search", "2026-01-01")
    assert "2026-S01-R01  Decision 1 of meeting 1 (2026) · Mar 2, 2026, meeting 1: " in listed
    assert "2026-S02-R01" not in listed

    # Approved minutes are not edited in place: a correction is a new version.
    assert "locked" in clerk.refused("minutes", "set", "1", "--item", "2", "--text", "改")
    clerk.ok("minutes", "correct", "1", "--reason", "漏字")
    clerk.ok("minutes", "set", "1", "--item", "2", "--text", "決議通過國家行動方案草案。")
    versions = clerk.ok("minutes", "versions", "1")
    assert re.search(r"^\s+2\s+Draft\s.*漏字$", versions, re.MULTILINE)
    diff = clerk.ok("minutes", "diff", "1", "1", "2")
    assert "-決議通過行動方案草案。" in diff and "+決議通過國家行動方案草案。" in diff
    assert "決議通過行動方案草案。" in clerk.ok("minutes", "show", "1", "--version", "1")

    for kind, out in (("agenda", "agenda.pdf"), ("minutes", "minutes.pdf")):
        clerk.ok("export", kind, "1", "--out", str(tmp_path / out))
        assert (tmp_path / out).read_bytes().startswith(b"%PDF")
    clerk.ok("export", "ics", "1", "--out", str(tmp_path / "meeting.ics"))
    assert "BEGIN:VEVENT" in (tmp_path / "meeting.ics").read_text(encoding="utf-8")
    assert "OK" in clerk.ok("audit", "verify")
    # Not before its meeting; the day done is the one given, not today.
    assert "before the meeting" in clerk.refused("action", "done", "1", "--on", "2026-03-01")
    assert "(Apr 10, 2026)" in clerk.ok("action", "done", "1", "--on", "2026-04-10")
    assert "公布行動方案" in clerk.ok("action", "list", "--status", "done")
    assert clerk.ok("action", "list", "--status", "open").strip() == "No action items."


def test_votes_beyond_those_entitled_or_by_a_recused_member_save_nothing(clerk):
    # Four members attend (one by proxy); with one recused, three may vote.
    too_many = clerk.refused(*VOTE_WITH_RECUSAL, "--for", "3", "--against", "1",
                             "--recuse", "林美玲")
    assert "4 votes were counted but only 3 members present are entitled to vote" in too_many
    recused = clerk.refused(*VOTE_WITH_RECUSAL, "--named", "林美玲=for", "--named",
                            "王小明=against", "--recuse", "林美玲")
    assert "林美玲 is recused from this decision and cannot vote" in recused
    assert clerk.ok("decision", "list").strip() == "No decisions."


def test_minutes_cannot_be_approved_by_a_decision_of_an_earlier_meeting(clerk):
    clerk.ok("decision", "record", "1", "--text", "下次會議討論", "--consensus")
    clerk.ok("minutes", "start", "2")
    clerk.ok("minutes", "circulate", "2", "--on", "2026-04-06", "--to", "全體委員")
    # The spelling of numbers before schema 0006 is still understood.
    refused = clerk.refused("minutes", "approve", "2", "--decision", "2026-01-01")
    assert "Decision 2026-S01-R01 was taken" in refused
    assert "minutes are approved by a decision of a later meeting" in refused
    assert "Version 1: Circulated" in clerk.ok("meeting", "show", "2")
    unknown = clerk.refused("minutes", "approve", "2", "--decision", "2026-S09-R09")
    assert "There is no decision numbered 2026-S09-R09" in unknown


def test_a_meeting_ending_before_it_starts_is_refused(clerk):
    assert "must end after it starts" in clerk.refused(
        "meeting", "create", "--title", "錯誤", "--start", "2026-05-04 16:00",
        "--end", "2026-05-04 14:00", "--location", "臺北")
    assert "must end after it starts" in clerk.refused(
        "meeting", "update", "1", "--end", "2026-03-02 13:00")
    assert "2026-03-02 25:00" in clerk.refused(
        "meeting", "update", "1", "--end", "2026-03-02 25:00")
    listed = clerk.ok("meeting", "list")
    assert "錯誤" not in listed and "First meeting" in listed
    assert "14:00–16:00" in clerk.ok("meeting", "show", "1")


def test_people_are_named_exactly_or_the_candidates_are_listed(clerk):
    unknown = clerk.refused("attendance", "set", "1", "王", "--status", "present")
    assert "王小明 (Wang Hsiao-ming), number 1" in unknown
    ambiguous = clerk.refused("attendance", "set", "1", "Chen Ta-wen", "--status", "present")
    assert "number 3" in ambiguous and "number 6" in ambiguous
    assert "--status proxy" in clerk.refused("attendance", "set", "1", "王小明", "--status",
                                             "present", "--proxy", "陳大文")
    assert "Apologies" in clerk.ok("attendance", "list", "1").split("李淑芬")[1]


def test_errors_and_help_follow_the_users_language(clerk):
    refused = clerk.refused(*VOTE_WITH_RECUSAL, "--for", "9", lang="zh_TW.UTF-8")
    assert refused.startswith("錯誤：") and "有表決權" in refused
    assert clerk.ok("decision", "list").strip() == "No decisions."
    help_text = clerk.run("decision", "record", "--help", lang="zh_TW.UTF-8")
    assert help_text.returncode == 0
    assert "迴避" in help_text.stdout


def test_named_votes_may_be_written_with_the_chinese_or_english_words(clerk):
    for lang in ("zh_TW.UTF-8", "en_US.UTF-8"):
        result = clerk.run("decision", "record", "1", "--text", f"表決 {lang}", "--vote",
                           "--named", "王小明=贊成", "--named", "林美玲＝反對",
                           "--named", "陳大文=Abstain", lang=lang)
        assert result.returncode == 0, result.stderr
    listed = clerk.ok("decision", "list")
    assert listed.count("Vote: 1 for, 1 against, 1 abstaining") == 2, listed
    refused = clerk.refused(*VOTE_WITH_RECUSAL, "--named", "王小明=好", lang="zh_TW.UTF-8")
    assert "for（贊成）" in refused and "王小明=好" in refused
