"""Agenda and minutes PDFs: what a reader sees and copies out of them.

The meeting printed is ``tests.core.export_helpers.build_meeting`` (ORM rows, so these
tests depend only on the schema). Text is checked with poppler's ``pdftotext``/``pdffonts``,
the tools a reader's viewer resembles.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from secretariat import i18n
from secretariat.errors import SecretariatError
from secretariat.export import render_agenda_pdf, render_minutes_pdf
from secretariat.export.pdf_common import CHINESE_CANNOT_START
from secretariat.model import Minutes, MinutesEntry, MinutesStatus
from tests.core.export_helpers import (
    LONG_MINUTES, build_meeting, page_count, pdf_fonts, pdf_text, poppler_tool,
)


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
        re.escape(i18n._("Internal document — not for publication")),
        re.escape(i18n._("Public version")),
        re.escape(i18n._("Page {page} of {pages}")).replace(r"\{page\}", r"\d+").replace(r"\{pages\}", r"\d+"),
        re.escape("開放政府國家行動方案多方利害關係人論壇"),
        re.escape(i18n._("{title} · minutes version {version}")).replace(r"\{title\}", ".+")
        .replace(r"\{version\}", r"\d+"),
    ]
    i18n.set_language("en")
    pattern = re.compile("^(" + "|".join(furniture) + ")$")
    lines = pdf_text(path).splitlines()
    return "\n".join(line for line in lines if not pattern.match(line.strip("\f").strip()))



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
                     "彙整地方政府意見並提報下次會議", "2026-S03-R01"]:
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
    # In the order of the rules of meetings: present (出席), in attendance without the
    # right to take part (列席), excused (請假), absent (缺席).
    headings = ["Present (2)", "Attending remotely (1)", "Represented by proxy (1)",
                "In attendance (2)", "Apologies (1)"]
    positions = [text.find(squeeze(heading)) for heading in headings]
    assert -1 not in positions and positions == sorted(positions), positions
    assert squeeze("4 present with the right to take part") in text
    # None of them holds a seat: they keep the record's order, not the names' order.
    assert squeeze("Wang Hsiao-ming (National Development Council); Chen Chih-hao, alternate") in text
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
                                       ("In attendance", 2))]
    for label in labels:
        assert any(label in line for line in lines), label


@pytest.mark.parametrize("language, last_item, heading", [
    ("en", "Item 3: Any other business", "Other matters"), ("zh_TW", "3", "其他事項")],
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
    assert squeeze("Approved by Decision 2 of meeting 3 (2026) on May 4, 2026.") in text
    assert "notapproved" not in text


def test_chinese_minutes_with_roc_dates_name_the_approving_decision_as_a_clerk_reads_it(
        session, tmp_path):
    """Not 「經第 2026-03-02 號決議確認」, which reads as a date beside 民國 dates."""
    meeting_id = build_meeting(session, minutes_status=MinutesStatus.APPROVED)
    out = tmp_path / "minutes-roc.pdf"
    render_minutes_pdf(session, meeting_id, out, language="zh_TW", roc=True)
    text = squeeze(pdf_text(out))
    assert squeeze("經民國115年第3次會議第2號決議確認") in text
    assert "2026-03-02" not in text and "2026-S03-R02號決議確認" not in text


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
    info = subprocess.run([poppler_tool("pdfinfo"), str(out)], check=True, capture_output=True, text=True).stdout
    assert "第3次論壇會議" in info and "開放政府國家行動方案多方利害關係人論壇" in info


def test_unknown_meeting_is_a_clear_error(session, tmp_path):
    with pytest.raises(SecretariatError, match="no meeting number 999"):
        render_agenda_pdf(session, 999, tmp_path / "x.pdf")


def test_each_character_gets_a_font_that_has_it():
    from secretariat.export.fonts import CJK, LATIN, chain_for

    zh = chain_for("zh_TW")
    # In Chinese text digits are UMing's own, which match its Chinese; Latin letters,
    # signs and the en dash of a time range (full width in UMing) use the Latin font.
    assert zh.runs("會議 14:00–16:00，凃") == [
        (CJK, "會議 14"), (LATIN, ":"), (CJK, "00"), (LATIN, "–"), (CJK, "16"), (LATIN, ":"),
        (CJK, "00，凃")]
    assert zh.runs("第6次 Wang") == [(CJK, "第6次 "), (LATIN, "Wang")]
    assert zh.runs("決議 decision 2026") == [(CJK, "決議 "), (LATIN, "decision 2026")]
    assert chain_for("en").runs("Wang 王") == [(LATIN, "Wang "), (CJK, "王")]


def test_pdf_dates_are_the_records_own_not_2000(session, tmp_path):
    # Approved minutes are dated by their approval (2026-05-04 06:00 UTC), so the same
    # record gives the same file, and the date says something true about it.
    meeting_id = build_meeting(session, minutes_status=MinutesStatus.APPROVED)
    out = tmp_path / "minutes.pdf"
    render_minutes_pdf(session, meeting_id, out, language="en")
    raw = out.read_bytes()
    assert b"/CreationDate (D:20260504060000+00'00')" in raw
    assert b"/ModDate (D:20260504060000+00'00')" in raw
    assert b"D:2000" not in raw
