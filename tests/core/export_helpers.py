"""What the export tests (PDF, calendar) share: the meeting they print, and reading a PDF
back with poppler's ``pdftotext``/``pdffonts``/``pdfinfo``, the tools a reader's viewer
resembles.

The meeting is inserted as ORM rows (not through the services) so those tests depend only
on the schema. A poppler tool that is missing skips the test, or fails it on CI.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from secretariat.model import (
    ActionItem, AgendaItem, Attendance, AttendanceStatus, AttendeeCapacity, Decision,
    DecisionMethod, Dissent, Document, Forum, ItemPurpose, Meeting, MeetingStatus, Minutes,
    MinutesEntry,
    MinutesStatus, Modality, Organisation, Person, ProposedBy, Recusal,
)

TAIPEI = ZoneInfo("Asia/Taipei")
START = dt.datetime(2026, 3, 2, 14, 0, tzinfo=TAIPEI)
UTC = dt.timezone.utc

# A long paragraph whose commas fall at many different offsets, so that some line break
# lands right before a "，" unless the line-breaking rules keep it on the previous line.
LONG_MINUTES = "\n\n".join(
    "主席" + "說" * offset + "：本期行動方案之承諾事項，已完成跨部會協調，並於公民參與平臺公開徵詢意見；"
    "各部會應於下次會議前提出執行進度，說明預算、期程與績效指標，並回應民間委員之提問！"
    "是否延長徵詢期間？請秘書處研議後提報。" * 2
    for offset in range(40)
)



def _person(s, name, name_en="", org=None, org_en=""):
    organisation = s.query(Organisation).filter_by(name=org).one_or_none() if org else None
    if org and organisation is None:
        organisation = Organisation(name=org, name_en=org_en)
        s.add(organisation)
    person = Person(name=name, name_en=name_en, organisation=organisation)
    s.add(person)
    s.flush()
    return person


def build_meeting(s, *, minutes_status=MinutesStatus.DRAFT, with_minutes=True,
                  item_text="主席裁示：照案通過，請各部會配合辦理。", long_text=False,
                  starts_at=START, cancelled=False):
    """A hybrid meeting with three items, attendance of every kind, two decisions and an
    action item; returns the meeting id."""
    forum = s.query(Forum).first()
    if forum is None:
        forum = Forum(name_zh_tw="開放政府國家行動方案多方利害關係人論壇",
                      name_en="Taiwan OGP Multi-stakeholder Forum")
        s.add(forum)
        s.flush()
    meeting = Meeting(
        forum_id=forum.id, title="第3次論壇會議", title_en="Third forum meeting",
        starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2, minutes=30),
        modality=Modality.HYBRID, location="國家發展委員會 B1 大禮堂",
        remote_link="https://meet.example.tw/ogp-3", is_public=True,
    )
    if cancelled:
        meeting.status = MeetingStatus.CANCELLED
    s.add(meeting)
    s.flush()
    wang = _person(s, "王小明", "Wang Hsiao-ming", "國家發展委員會", "National Development Council")
    lin = _person(s, "林美惠", "Lin Mei-hui", "台灣公民參與協會", "Taiwan Citizen Participation Association")
    chen = _person(s, "陳志豪", "Chen Chih-hao")
    huang = _person(s, "黃建國", "Huang Chien-kuo")
    wu = _person(s, "吳淑芬", "Wu Shu-fen")
    zhang = _person(s, "張雅婷", "Chang Ya-ting")
    tu = _person(s, "凃峯堃", "")  # characters outside Big5, common in names
    paper = Document(forum_id=forum.id, title="第二期行動方案執行報告.pdf", sha256="0" * 64,
                     file_name="report.pdf", size_bytes=10)
    s.add(paper)
    titles = [("確認上次會議紀錄", "Adoption of the last minutes", ItemPurpose.DECISION, 10),
              ("第二期國家行動方案執行進度報告", "", ItemPurpose.INFORMATION, 40),
              ("臨時動議", "Any other business", ItemPurpose.DISCUSSION, None)]
    items = []
    for position, (title, title_en, purpose, planned) in enumerate(titles, start=1):
        item = AgendaItem(meeting_id=meeting.id, position=position, title=title, title_en=title_en,
                          purpose=purpose, presenter="國發會 林專門委員", planned_minutes=planned,
                          proposed_by=ProposedBy.NON_GOVERNMENT if position == 2 else ProposedBy.GOVERNMENT)
        if position == 2:
            item.documents.append(paper)
        s.add(item)
        items.append(item)
    s.flush()
    for person, status, capacity, proxy in [
        (wang, AttendanceStatus.PRESENT, AttendeeCapacity.MEMBER, None),
        (lin, AttendanceStatus.REMOTE, AttendeeCapacity.MEMBER, None),
        (chen, AttendanceStatus.PRESENT, AttendeeCapacity.ALTERNATE, None),
        (huang, AttendanceStatus.PROXY, AttendeeCapacity.MEMBER, wu),
        (zhang, AttendanceStatus.APOLOGIES, AttendeeCapacity.MEMBER, None),
        (tu, AttendanceStatus.PRESENT, AttendeeCapacity.OBSERVER, None),
    ]:
        s.add(Attendance(meeting_id=meeting.id, person_id=person.id, status=status,
                         capacity=capacity, represented_by_id=proxy.id if proxy else None))
    s.add(Attendance(meeting_id=meeting.id, guest_name="訪客李先生", capacity=AttendeeCapacity.GUEST))
    if not with_minutes:
        s.commit()
        return meeting.id
    vote = Decision(forum_id=forum.id, number="2026-S03-R01", meeting_id=meeting.id,
                    agenda_item_id=items[1].id, decided_at=starts_at, text="通過第二期行動方案期中報告。",
                    text_en="The mid-term report is adopted.", method=DecisionMethod.VOTE,
                    votes_for=11, votes_against=2, votes_abstain=1, rationale="多數委員支持。")
    vote.recusals.append(Recusal(person_id=lin.id, reason="利益迴避"))
    vote.dissents.append(Dissent(person_id=zhang.id, statement="期中報告未納入地方政府意見。"))
    consensus = Decision(forum_id=forum.id, number="2026-S03-R02", meeting_id=meeting.id,
                         agenda_item_id=None, decided_at=starts_at, text="下次會議於五月召開。")
    s.add_all([vote, consensus])
    s.flush()
    minutes = Minutes(meeting_id=meeting.id, version_no=1, status=minutes_status,
                      general_text="主席致詞：感謝各位委員出席。")
    if minutes_status in (MinutesStatus.APPROVED, MinutesStatus.LOCKED):
        minutes.approved_at = dt.datetime(2026, 5, 4, 6, 0, tzinfo=UTC)
        minutes.approved_by_decision_id = consensus.id
    for position, item in enumerate(items, start=1):
        text = LONG_MINUTES if long_text and position == 2 else item_text
        minutes.entries.append(MinutesEntry(agenda_item_id=item.id, position=position, text=text))
    s.add(minutes)
    s.add(ActionItem(meeting_id=meeting.id, agenda_item_id=items[1].id, decision_id=vote.id,
                     description="彙整地方政府意見並提報下次會議", owner_text="國家發展委員會",
                     due_on=dt.date(2026, 4, 30)))
    s.commit()
    return meeting.id



# --- Reading a PDF back ----------------------------------------------------------------


def poppler_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} (poppler-utils) is needed on CI")
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def pdf_text(path: Path, *, layout: bool = False) -> str:
    args = [poppler_tool("pdftotext"), "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout



def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run([poppler_tool("pdffonts"), str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def page_count(path: Path) -> int:
    out = subprocess.run([poppler_tool("pdfinfo"), str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
