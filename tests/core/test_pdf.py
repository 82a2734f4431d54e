"""Agenda and minutes PDFs: what a reader sees and copies out of them.

The data is inserted as ORM rows (not through the services) so these tests depend only
on the schema. Text is checked with poppler's ``pdftotext``/``pdffonts``, the tools a
reader's viewer resembles.
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

from secretariat import i18n
from secretariat.errors import SecretariatError
from secretariat.export import render_agenda_pdf, render_minutes_pdf
from secretariat.export.pdf_common import CHINESE_CANNOT_START
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
    vote = Decision(forum_id=forum.id, number="2026-03-01", meeting_id=meeting.id,
                    agenda_item_id=items[1].id, decided_at=starts_at, text="通過第二期行動方案期中報告。",
                    text_en="The mid-term report is adopted.", method=DecisionMethod.VOTE,
                    votes_for=11, votes_against=2, votes_abstain=1, rationale="多數委員支持。")
    vote.recusals.append(Recusal(person_id=lin.id, reason="利益迴避"))
    vote.dissents.append(Dissent(person_id=zhang.id, statement="期中報告未納入地方政府意見。"))
    consensus = Decision(forum_id=forum.id, number="2026-03-02", meeting_id=meeting.id,
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


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} (poppler-utils) is needed on CI")
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def pdf_text(path: Path, *, layout: bool = False) -> str:
    args = [_tool("pdftotext"), "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """Text without whitespace, so wrapped lines compare equal."""
    return re.sub(r"\s+", "", text)


def minutes_text(s, meeting_id: int, tmp_path: Path, language: str) -> str:
    """The squeezed text of the meeting's minutes PDF in ``language``."""
    out = tmp_path / f"minutes-{language}.pdf"
    render_minutes_pdf(s, meeting_id, out, language=language)
    return squeeze(pdf_text(out))


def body_text(path: Path, language: str) -> str:
    """The text of all pages without the running header, draft band and page numbers
    (in ``language``, as the catalogs translate them), so a paragraph that continues on
    the next page reads as one."""
    i18n.set_language(language)
    furniture = [
        re.escape(i18n._("Draft — not approved")),
        re.escape(i18n._("Page {page} of {pages}")).replace(r"\{page\}", r"\d+").replace(r"\{pages\}", r"\d+"),
        re.escape("開放政府國家行動方案多方利害關係人論壇"),
        re.escape(i18n._("{title} · minutes version {version}")).replace(r"\{title\}", ".+")
        .replace(r"\{version\}", r"\d+"),
    ]
    i18n.set_language("en")
    pattern = re.compile("^(" + "|".join(furniture) + ")$")
    lines = pdf_text(path).splitlines()
    return "\n".join(line for line in lines if not pattern.match(line.strip("\f").strip()))


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run([_tool("pdffonts"), str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def page_count(path: Path) -> int:
    out = subprocess.run([_tool("pdfinfo"), str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


# --- fonts and text ------------------------------------------------------------------

@pytest.mark.parametrize("language", ["zh_TW", "en"])
def test_every_font_is_embedded_subset_and_unicode_mapped(session, tmp_path, language):
    meeting_id = build_meeting(session)
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, meeting_id, out, language=language)
    fonts = pdf_fonts(out)
    assert fonts, "no fonts listed"
    for row in fonts:
        # name type encoding emb sub uni object-id generation
        assert row[-5:-2] == ["yes", "yes", "yes"], row
    assert not any(row[0].endswith("Helvetica") for row in fonts)


def test_chinese_text_copied_out_of_the_pdf_is_the_text_written(session, tmp_path):
    meeting_id = build_meeting(session, long_text=True)
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, meeting_id, out, language="zh_TW")
    assert squeeze(LONG_MINUTES) in squeeze(body_text(out, "zh_TW"))
    text = squeeze(pdf_text(out))
    for expected in ["開放政府國家行動方案多方利害關係人論壇", "第3次論壇會議", "凃峯堃",
                     "通過第二期行動方案期中報告。", "期中報告未納入地方政府意見。", "林美惠",
                     "彙整地方政府意見並提報下次會議", "2026-03-01"]:
        assert expected in text, expected


def test_no_line_begins_with_closing_chinese_punctuation(session, tmp_path):
    meeting_id = build_meeting(session, long_text=True)
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, meeting_id, out, language="zh_TW")
    lines = [line.strip() for line in pdf_text(out, layout=True).splitlines() if line.strip()]
    assert any("，" in line for line in lines)
    offenders = [line for line in lines if line[0] in CHINESE_CANNOT_START]
    assert not offenders, offenders[:5]


def test_characters_missing_from_the_chinese_font_fall_back_instead_of_vanishing(session, tmp_path):
    # U+1F9A9 (flamingo) is in neither UMing nor DejaVu Sans.
    meeting_id = build_meeting(session, item_text="已確認 ✓ 商標™ 與罕用字\U0001F9A9。<b>A&B</b>")
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, meeting_id, out, language="zh_TW")
    text = pdf_text(out)
    assert "<b>A&B</b>" in text  # typed text is text, not markup
    assert "✓" in text and "™" in text  # from DejaVu Sans
    assert "\ufffd" in text  # a character no bundled font has is shown, not dropped
    assert "已確認" in text


# --- content -------------------------------------------------------------------------

def test_english_minutes_use_english_fields_and_fall_back_to_chinese(session, tmp_path):
    meeting_id = build_meeting(session)
    text = minutes_text(session, meeting_id, tmp_path, "en")
    for expected in ["TaiwanOGPMulti-stakeholderForum", "Thirdforummeeting", "Wang Hsiao-ming",
                     "NationalDevelopmentCouncil", "Themid-termreportisadopted.",
                     "第二期國家行動方案執行進度報告",  # no English title: the Chinese one
                     "下次會議於五月召開。", "Huang Chien-kuo, represented by Wu Shu-fen",
                     "Votes:11for,2against,1abstaining",
                     "Recused:LinMei-hui", "DissentofChangYa-ting", "Rationale:多數委員支持。",
                     "Draftminutes—notapproved", "Monday,March2,2026", "14:00–16:30"]:
        assert squeeze(expected) in text, expected
    assert "第3次論壇會議" not in text


def test_attendance_lists_every_group_with_observers_and_guests(session, tmp_path):
    meeting_id = build_meeting(session)
    text = minutes_text(session, meeting_id, tmp_path, "en")
    for heading in ["Present (2)", "Attending remotely (1)", "Represented by proxy (1)",
                    "Apologies (1)", "Observers and guests (2)"]:
        assert squeeze(heading) in text, heading
    # Wang and the alternate Chen are both present, sorted by name.
    assert squeeze("Chen Chih-hao, alternate; Wang Hsiao-ming (National Development Council)") in text
    assert squeeze("凃峯堃, observer; 訪客李先生, guest") in text
    assert "Absent" not in text  # empty groups are left out


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_attendance_group_labels_stay_on_one_line(session, tmp_path, language):
    meeting_id = build_meeting(session)
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, meeting_id, out, language=language)
    lines = pdf_text(out, layout=True).splitlines()
    with i18n.language_override(language):
        labels = [i18n._("{group} ({count})").format(group=i18n._(group), count=count)
                  for group, count in (("Represented by proxy", 1),
                                       ("Observers and guests", 2))]
    for label in labels:
        assert any(label in line for line in lines), label


@pytest.mark.parametrize("language, last_item, heading", [
    ("en", "3. Any other business", "Other matters"), ("zh_TW", "3. 臨時動議", "其他事項")],
    ids=["en", "zh_TW"])
def test_general_remarks_follow_the_agenda_items(session, tmp_path, language, last_item,
                                                 heading):
    meeting_id = build_meeting(session)
    text = minutes_text(session, meeting_id, tmp_path, language)
    remarks = text.index(squeeze("主席致詞：感謝各位委員出席。"))
    assert text.index(squeeze(last_item)) < text.index(squeeze(heading)) < remarks


def test_approved_minutes_name_the_approving_decision_and_carry_no_draft_mark(session, tmp_path):
    meeting_id = build_meeting(session, minutes_status=MinutesStatus.APPROVED)
    text = minutes_text(session, meeting_id, tmp_path, "en")
    assert squeeze("Approved by decision 2026-03-02 on May 4, 2026.") in text
    assert "notapproved" not in text


def test_draft_minutes_are_marked_on_every_page(session, tmp_path):
    meeting_id = build_meeting(session, long_text=True)
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, meeting_id, out, language="en")
    pages = pdf_text(out).split("\f")[:-1]
    assert len(pages) >= 2
    assert all("Draft — not approved" in page for page in pages)


@pytest.mark.parametrize("language", ["zh_TW", "en"])
def test_every_page_says_which_page_of_how_many(session, tmp_path, language):
    meeting_id = build_meeting(session, long_text=True)
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, meeting_id, out, language=language)
    total = page_count(out)
    assert total >= 2
    i18n.set_language(language)
    pages = pdf_text(out).split("\f")[:-1]
    for number, page in enumerate(pages, start=1):
        footer = i18n._("Page {page} of {pages}").format(page=number, pages=total)
        assert squeeze(footer) in squeeze(page)


def test_roc_years_in_chinese_documents_only(session, tmp_path):
    meeting_id = build_meeting(session)
    zh, en = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    render_agenda_pdf(session, meeting_id, zh, language="zh_TW", roc=True)
    render_agenda_pdf(session, meeting_id, en, language="en", roc=True)
    assert "民國115年3月2日" in squeeze(pdf_text(zh))
    assert "March2,2026" in squeeze(pdf_text(en))


def test_agenda_lists_numbered_items_with_their_details(session, tmp_path):
    meeting_id = build_meeting(session, with_minutes=False)
    out = tmp_path / "agenda.pdf"
    render_agenda_pdf(session, meeting_id, out, language="en")
    text = squeeze(pdf_text(out))
    for expected in ["1.", "Adoption of the last minutes", "2.", "第二期國家行動方案執行進度報告",
                     "3.", "Any other business", "Presenter: 國發會 林專門委員",
                     "Paper: 第二期行動方案執行報告.pdf", "Non-government", "Information", "40 min",
                     "14:10",  # item 2 starts after the 10 minutes of item 1
                     "國家發展委員會 B1 大禮堂", "https://meet.example.tw/ogp-3", "Hybrid",
                     "Total planned time: 50 min", "Page 1 of 1"]:
        assert squeeze(expected) in text, expected


# --- behaviour -----------------------------------------------------------------------

def test_minutes_without_minutes_is_a_clear_error_and_writes_nothing(session, tmp_path):
    meeting_id = build_meeting(session, with_minutes=False)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(SecretariatError, match="no minutes yet"):
        render_minutes_pdf(session, meeting_id, folder / "minutes.pdf")
    assert list(folder.iterdir()) == []


def test_an_earlier_minutes_version_can_be_printed(session, tmp_path):
    meeting_id = build_meeting(session, item_text="第一版文字。")
    first = session.query(Minutes).filter_by(meeting_id=meeting_id).one()
    second = Minutes(meeting_id=meeting_id, version_no=2, supersedes_id=first.id,
                     correction_reason="更正出席名單")
    second.entries = [MinutesEntry(agenda_item_id=e.agenda_item_id, position=e.position, text="第二版文字。")
                      for e in first.entries]
    session.add(second)
    session.commit()
    latest, old = tmp_path / "latest.pdf", tmp_path / "v1.pdf"
    render_minutes_pdf(session, meeting_id, latest)
    render_minutes_pdf(session, meeting_id, old, minutes_version=1)
    assert "第二版文字" in pdf_text(latest) and "更正出席名單" in pdf_text(latest)
    assert "第一版文字" in pdf_text(old) and "第二版文字" not in pdf_text(old)
    with pytest.raises(SecretariatError, match="version 7"):
        render_minutes_pdf(session, meeting_id, tmp_path / "v7.pdf", minutes_version=7)


def test_same_data_gives_the_same_bytes_and_files_are_replaced_whole(session, tmp_path):
    meeting_id = build_meeting(session)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "minutes.pdf"
    out.write_bytes(b"old")
    render_minutes_pdf(session, meeting_id, out)
    first = out.read_bytes()
    render_minutes_pdf(session, meeting_id, out)
    assert out.read_bytes() == first and first.startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["minutes.pdf"]  # no temp files left


def test_metadata_and_caller_language_survive_rendering(session, tmp_path):
    meeting_id = build_meeting(session)
    out = tmp_path / "agenda.pdf"
    i18n.set_language("en")
    render_agenda_pdf(session, meeting_id, out, language="zh_TW")
    assert i18n.current_language() == "en"
    raw = out.read_bytes()
    assert b"/Lang (zh-TW)" in raw
    info = subprocess.run([_tool("pdfinfo"), str(out)], check=True, capture_output=True, text=True).stdout
    assert "第3次論壇會議" in info and "開放政府國家行動方案多方利害關係人論壇" in info


def test_unknown_meeting_is_a_clear_error(session, tmp_path):
    with pytest.raises(SecretariatError, match="no meeting number 999"):
        render_agenda_pdf(session, 999, tmp_path / "x.pdf")


def test_each_character_gets_a_font_that_has_it():
    from secretariat.export.fonts import CJK, LATIN, chain_for

    zh = chain_for("zh_TW")
    # Latin letters and the en dash of a time range use the Latin font in Chinese text;
    # Chinese and its full-width punctuation stay in UMing.
    assert zh.runs("會議 14:00–16:00，凃") == [(CJK, "會議 "), (LATIN, "14:00–16:00"), (CJK, "，凃")]
    assert chain_for("en").runs("Wang 王") == [(LATIN, "Wang "), (CJK, "王")]
