"""Full-text search over agenda items, minutes, decisions and documents, on SQLite (FTS5
trigram) and PostgreSQL (pg_trgm), through databases made by ``open_store``."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.model import (
    AgendaItem,
    Decision,
    Document,
    Forum,
    Meeting,
    Minutes,
    MinutesEntry,
)
from secretariat.services.search import search

UTC = dt.timezone.utc
BUDGET_TEXT = "本次會議討論開放資料平臺之預算分配"


class Records:
    """Builds just enough of a forum's records for search to find."""

    def __init__(self, s):
        self.s = s
        self.forum = Forum(name_zh_tw="開放政府國家行動方案論壇", name_en="OGP Forum")
        s.add(self.forum)
        s.flush()

    def meeting(self, title="第一次會議", day=1, is_public=True) -> Meeting:
        start = dt.datetime(2026, 3, day, 2, 0, tzinfo=UTC)
        meeting = Meeting(forum_id=self.forum.id, title=title, starts_at=start,
                          ends_at=start + dt.timedelta(hours=2), is_public=is_public)
        self.s.add(meeting)
        self.s.flush()
        return meeting

    def item(self, meeting, title, title_en="", position=1) -> AgendaItem:
        item = AgendaItem(meeting_id=meeting.id, position=position, title=title,
                          title_en=title_en)
        self.s.add(item)
        self.s.flush()
        return item

    def minutes(self, meeting, entries: dict, version_no=1, general_text="") -> Minutes:
        minutes = Minutes(meeting_id=meeting.id, version_no=version_no, general_text=general_text)
        minutes.entries = [
            MinutesEntry(agenda_item_id=item.id, position=n, text=body)
            for n, (item, body) in enumerate(entries.items(), start=1)
        ]
        self.s.add(minutes)
        self.s.flush()
        return minutes

    def decision(self, meeting, number, text, text_en="", rationale="", is_public=True):
        decision = Decision(forum_id=self.forum.id, number=number, meeting_id=meeting.id,
                            decided_at=meeting.starts_at, text=text, text_en=text_en,
                            rationale=rationale, is_public=is_public)
        self.s.add(decision)
        self.s.flush()
        return decision

    def document(self, title, description="", is_public=True) -> Document:
        document = Document(forum_id=self.forum.id, title=title, description=description,
                            is_public=is_public, sha256="0" * 64, file_name="paper.pdf",
                            size_bytes=1)
        self.s.add(document)
        self.s.flush()
        return document


@pytest.fixture
def rec(session):
    return Records(session)


def found(s, query, **kwargs) -> set[tuple[str, int]]:
    return {(hit.kind, hit.record_id) for hit in search(s, query, **kwargs)}


def test_chinese_substrings_of_minutes_are_found_by_three_two_and_folded_terms(session, rec):
    meeting = rec.meeting()
    item = rec.item(meeting, "議程一")
    minutes = rec.minutes(meeting, {item: "委員發言。" + BUDGET_TEXT + "，請秘書處彙整。"})
    rec.minutes(rec.meeting("第二次會議", day=2), {item: "與本案無關的紀錄"})
    for query in ("資料平", "預算", "開放資料平台", "資料平臺之預算分配"):
        assert found(session, query) == {("minutes", minutes.id)}, query


def test_hit_describes_the_minutes_entry_and_its_snippet_holds_the_match(session, rec):
    meeting = rec.meeting()
    item = rec.item(meeting, "開放資料議題")
    minutes = rec.minutes(meeting, {item: "前言" * 40 + BUDGET_TEXT + "結語" * 40})
    [hit] = search(session, "預算", kinds=["minutes"])
    assert (hit.meeting_id, hit.agenda_item_id, hit.record_id) == (meeting.id, item.id, minutes.id)
    assert hit.snippet.match == "預算"
    assert "平臺之«預算»分配" in str(hit.snippet)
    assert len(hit.snippet.before + hit.snippet.match + hit.snippet.after) < 60
    assert hit.date == meeting.starts_at
    assert "開放資料議題" in hit.title


def test_snippet_shows_the_original_spelling_when_the_query_was_folded(session, rec):
    rec.document("台灣開放政府夥伴關係說明")
    [hit] = search(session, "臺灣開放")
    assert hit.snippet.match == "台灣開放"


def test_english_is_matched_case_insensitively(session, rec):
    decision = rec.decision(rec.meeting(), "2026-01-01", "採認行動方案",
                            text_en="The forum adopts the Open Government Partnership plan.")
    for query in ("partnership", "PARTNERSHIP", "Open government", "gov"):
        assert found(session, query) == {("decision", decision.id)}, query
    assert search(session, "partnership")[0].snippet.match == "Partnership"
    assert found(session, "ADOPTS th") == {("decision", decision.id)}  # short term too


def test_every_term_must_match(session, rec):
    meeting = rec.meeting()
    both = rec.item(meeting, "開放資料平臺預算", position=1)
    rec.item(meeting, "開放資料平臺推動", position=2)
    rec.item(meeting, "交通預算審查", position=3)
    assert found(session, "資料平臺 預算") == {("agenda_item", both.id)}
    assert found(session, "預算 資料平臺") == {("agenda_item", both.id)}
    assert found(session, "開放 預算") == {("agenda_item", both.id)}  # both terms short
    assert found(session, "資料平臺 不存在的詞") == set()
    assert found(session, "預算 無") == set()


def test_a_single_character_finds_either_spelling_of_tai(session, rec):
    meeting = rec.meeting()
    formal = rec.item(meeting, "臺北市參與式預算", position=1)
    common = rec.item(meeting, "台中市公民參與", position=2)
    rec.item(meeting, "高雄市參與", position=3)
    expected = {("agenda_item", formal.id), ("agenda_item", common.id)}
    assert found(session, "台") == expected
    assert found(session, "臺") == expected
    assert found(session, "北") == {("agenda_item", formal.id)}


@pytest.mark.parametrize("query", ["%", "_", '"', "\\", "100%", "a_b", '"預算"', "%預算%"])
def test_wildcards_and_quotes_are_plain_characters(session, rec, query):
    meeting = rec.meeting()
    rec.item(meeting, "達成率100%之預算", position=1)
    rec.item(meeting, "欄位a_b與\\路徑", position=2)
    rec.item(meeting, '委員表示"預算"應公開', position=3)
    rec.item(meeting, "一般預算討論 axb", position=4)
    titles = {hit.title for hit in search(session, query)}
    assert titles == {
        title for title in ("達成率100%之預算", "欄位a_b與\\路徑", '委員表示"預算"應公開',
                            "一般預算討論 axb")
        if query in title
    }


def test_blank_query_finds_nothing(session, rec):
    rec.item(rec.meeting(), "預算")
    assert search(session, "") == []
    assert search(session, " \t\u3000 ") == []


def test_editing_and_deleting_records_updates_results(session, rec):
    meeting = rec.meeting()
    item = rec.item(meeting, "議程")
    minutes = rec.minutes(meeting, {item: BUDGET_TEXT})
    entry = minutes.entries[0]
    entry.text = "改為討論參與式治理"
    session.flush()
    assert found(session, "預算") == set()
    assert found(session, "資料平") == set()
    assert found(session, "參與式治理") == {("minutes", minutes.id)}

    item.title = "新的議程標題"
    session.flush()
    assert found(session, "新的議程") == {("agenda_item", item.id)}
    assert "新的議程標題" in search(session, "參與式治理")[0].title

    minutes.entries.remove(entry)
    session.flush()
    assert found(session, "參與式") == set()
    document = rec.document("公民參與白皮書")
    assert found(session, "白皮書") == {("document", document.id)}
    session.delete(document)
    session.flush()
    assert found(session, "白皮書") == set()


def test_only_the_latest_minutes_version_is_searched(session, rec):
    meeting = rec.meeting()
    item = rec.item(meeting, "議程")
    first = rec.minutes(meeting, {item: "原稿：開放資料平臺預算"}, general_text="開會 原稿備註")
    assert found(session, "開放資料") == {("minutes", first.id)}
    second = rec.minutes(meeting, {item: "更正：開放資料平臺經費"}, version_no=2,
                         general_text="開會 更正備註")
    assert found(session, "開放資料") == {("minutes", second.id)}
    assert len(search(session, "開放資料")) == 1
    assert found(session, "預算") == set()  # only in the superseded version
    assert found(session, "原稿") == set()
    assert {hit.agenda_item_id for hit in search(session, "開會")} == {None}
    other = rec.minutes(rec.meeting("另一次會議", day=9), {item: "開放資料平臺"})
    assert found(session, "開放資料") == {("minutes", second.id), ("minutes", other.id)}


def test_kinds_filter_and_public_flag(session, rec):
    meeting = rec.meeting(is_public=False)
    item = rec.item(meeting, "資訊公開法修正")
    decision = rec.decision(meeting, "2026-01-02", "同意資訊公開法修正草案",
                            rationale="回應公民團體建議", is_public=False)
    document = rec.document("資訊公開法對照表", is_public=False)
    assert found(session, "資訊公開") == {
        ("agenda_item", item.id), ("decision", decision.id), ("document", document.id)}
    assert found(session, "資訊公開", kinds=["decision", "document"]) == {
        ("decision", decision.id), ("document", document.id)}
    assert found(session, "資訊公開", kinds=[]) == set()
    assert not any(hit.is_public for hit in search(session, "資訊公開"))
    [hit] = search(session, "公民團體")  # the rationale is searched too
    assert hit.title.startswith("2026-01-02 同意資訊公開法")
    with pytest.raises(ValueError):
        search(session, "資訊", kinds=["meeting"])


def test_newest_first_without_relevance_and_limit(session, rec):
    items = [rec.item(rec.meeting(f"會議{day}", day=day), "預算審查") for day in (3, 9, 5)]
    hits = search(session, "預算")
    assert [hit.record_id for hit in hits] == [items[1].id, items[2].id, items[0].id]
    assert len(search(session, "預算", limit=2)) == 2


def test_records_present_before_the_index_are_indexed(tmp_path):
    """Upgrading an older database builds the index from the records already there."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from secretariat.model import Base
    from secretariat.services.search import install_search_index

    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        rec = Records(s)
        item = rec.item(rec.meeting(), "既有的開放資料議程")
        s.commit()
        install_search_index(s.connection())
        assert found(s, "開放資料") == {("agenda_item", item.id)}
    engine.dispose()
