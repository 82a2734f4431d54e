"""Full-text search over agenda items, minutes, decisions and documents, on SQLite (FTS5
trigram) and PostgreSQL (pg_trgm), through databases made by ``open_store``.

Both back ends search a folded copy of the text that triggers keep; the tests change
records through the ORM and expect the next search to see the change."""

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


def test_hits_carry_an_english_title_where_the_record_has_english_text(session, rec):
    meeting = rec.meeting()
    meeting.title_en = "1st Forum Meeting"
    item = rec.item(meeting, "開放資料預算", title_en="Open data budget")
    bare = rec.item(meeting, "預算審查", position=2)
    minutes = rec.minutes(meeting, {item: "預算說明", bare: "預算細節"}, general_text="預算總說明")
    rec.decision(meeting, "2026-03-01", "通過開放資料預算",
                 text_en="The forum approves the open data budget for 2027.")
    rec.decision(meeting, "2026-03-02", "預算另案處理")
    rec.document("預算白皮書")
    titles = {(hit.kind, hit.title, hit.title_en) for hit in search(session, "預算")}
    assert titles == {
        ("agenda_item", "開放資料預算", "Open data budget"),
        ("agenda_item", "預算審查", ""),
        ("minutes", "Minutes v1: 開放資料預算", "Minutes v1: Open data budget"),
        ("minutes", "Minutes v1: 預算審查", ""),
        ("minutes", "Minutes v1: 第一次會議", "Minutes v1: 1st Forum Meeting"),
        ("decision", "2026-03-01 通過開放資料預算",
         "2026-03-01 The forum approves the open data budget for…"),  # whole words
        ("decision", "2026-03-02 預算另案處理", ""),
        ("document", "預算白皮書", "預算白皮書"),
    }
    [hit] = search(session, "開放資料預算", kinds=["agenda_item"])
    assert (hit.title_in("en"), hit.title_in("zh_TW")) == ("Open data budget", "開放資料預算")
    assert minutes.id in {h.record_id for h in search(session, "總說明")}


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


def test_a_rescheduled_meeting_moves_its_records_in_the_ranking(session, rec):
    early, late = rec.meeting("第一次會議", day=3), rec.meeting("第二次會議", day=5)
    early_item, late_item = rec.item(early, "預算審查"), rec.item(late, "預算審查")
    early_minutes = rec.minutes(early, {early_item: "討論預算"})
    late_minutes = rec.minutes(late, {late_item: "討論預算"})
    assert [h.record_id for h in search(session, "預算", kinds=["agenda_item"])] == [
        late_item.id, early_item.id]

    early.starts_at = dt.datetime(2026, 3, 9, 2, 0, tzinfo=UTC)
    early.ends_at = early.starts_at + dt.timedelta(hours=2)
    session.flush()
    assert [h.record_id for h in search(session, "預算", kinds=["agenda_item"])] == [
        early_item.id, late_item.id]
    assert [h.record_id for h in search(session, "討論預算", kinds=["minutes"])] == [
        early_minutes.id, late_minutes.id]
    assert search(session, "預算審查")[0].date == early.starts_at


def test_a_decision_is_ranked_by_its_own_date(session, rec):
    meeting = rec.meeting(day=4)
    older = rec.decision(meeting, "2026-04-01", "通過開放資料預算")
    newer = rec.decision(meeting, "2026-04-02", "修正開放資料預算")  # same length: same bm25
    newer.decided_at = meeting.starts_at + dt.timedelta(minutes=30)
    session.flush()
    assert [h.record_id for h in search(session, "開放資料")] == [newer.id, older.id]
    older.decided_at = meeting.starts_at + dt.timedelta(hours=1)
    session.flush()
    assert [h.record_id for h in search(session, "開放資料")] == [older.id, newer.id]
    meeting.starts_at = dt.datetime(2026, 3, 1, 2, 0, tzinfo=UTC)  # decisions keep their date
    meeting.ends_at = meeting.starts_at + dt.timedelta(hours=2)
    session.flush()
    assert search(session, "開放資料")[0].date == older.decided_at


def test_minutes_moved_to_another_meeting_take_their_entries_along(session, rec):
    first, second = rec.meeting("第一次會議", day=2), rec.meeting("第二次會議", day=6)
    item = rec.item(first, "議程")
    moved = rec.minutes(first, {item: "第一次會議的開放資料紀錄"})
    kept = rec.minutes(second, {item: "第二次會議的開放資料紀錄"})
    other = rec.minutes(rec.meeting("第三次會議", day=4), {item: "第三次會議的開放資料紀錄"})
    assert [h.record_id for h in search(session, "開放資料")] == [kept.id, other.id, moved.id]

    # Filed under the wrong meeting: it becomes the second meeting's corrected version.
    moved.meeting_id, moved.version_no = second.id, 2
    session.flush()
    hits = search(session, "開放資料")
    assert [h.record_id for h in hits] == [moved.id, other.id]  # ranked by its new meeting
    assert hits[0].meeting_id == second.id and hits[0].date == second.starts_at
    assert found(session, "第二次會議的") == set()  # superseded by the moved version


def test_deleting_the_latest_minutes_version_brings_back_the_previous_one(session, rec):
    meeting = rec.meeting()
    item = rec.item(meeting, "議程")
    first = rec.minutes(meeting, {item: "原稿：開放資料平臺預算"})
    second = rec.minutes(meeting, {item: "更正：開放資料平臺經費"}, version_no=2)
    assert found(session, "開放資料") == {("minutes", second.id)}
    session.delete(second)
    session.flush()
    assert found(session, "開放資料") == {("minutes", first.id)}
    assert found(session, "經費") == set()
    assert found(session, "預算") == {("minutes", first.id)}


def test_upgrading_a_database_with_the_old_search_index_copies_its_records(db_url):
    """A database last opened by the version with 0003's index: opening it upgrades it,
    and records written before the upgrade are found (on PostgreSQL they were indexed by
    0003's expression indexes, which 0004 replaces with the folded copy)."""
    from alembic import command
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from secretariat.store import migrations
    from secretariat.store import open_store
    from tests.core.db_files import database_at

    database_at(db_url, "head")
    engine = create_engine(db_url, poolclass=NullPool)
    # Records written through today's models, then the schema taken back to what 0003
    # left (the models no longer fit that schema; the records stay).
    with Session(engine) as s:
        rec = Records(s)
        meeting = rec.meeting(day=5)
        item = rec.item(meeting, "既有的開放資料議程")
        minutes = rec.minutes(meeting, {item: "既有紀錄：參與式預算"})
        decision = rec.decision(meeting, "2025-01-01", "既有決議：資訊公開")
        document = rec.document("既有文件：行動方案")
        s.commit()
        ids = {name: record.id for name, record in (
            ("meeting", meeting), ("item", item), ("minutes", minutes), ("decision", decision),
            ("document", document))}
    with engine.begin() as conn:  # back to the schema as 0003 left it
        command.downgrade(migrations.alembic_config(conn), "0003_search_index")
        if conn.dialect.name == "postgresql":
            assert "search_doc" not in inspect(conn).get_table_names()
    engine.dispose()

    store = open_store(db_url)
    try:
        assert store.upgraded_from == "0003_search_index"
        with store.session() as s:
            assert found(s, "既有") == {
                ("agenda_item", ids["item"]), ("minutes", ids["minutes"]),
                ("decision", ids["decision"]), ("document", ids["document"])}
            assert found(s, "預算") == {("minutes", ids["minutes"])}
            # ... and records written after the upgrade too.
            new_item = AgendaItem(meeting_id=ids["meeting"], position=2,
                                  title="升級後的開放資料議程", title_en="")
            s.add(new_item)
            s.flush()
            assert found(s, "開放資料") == {("agenda_item", ids["item"]),
                                           ("agenda_item", new_item.id)}
        with store.engine.connect() as conn:
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("agenda_item")}
            assert not any(name.startswith("search_trgm_") for name in indexes)
            assert migrations.schema_differences(conn) == []
    finally:
        store.close()


def test_changes_not_yet_flushed_are_searched(session, rec):
    meeting = rec.meeting()
    session.add(AgendaItem(meeting_id=meeting.id, position=1, title="尚未存檔的議程", title_en=""))
    assert {hit.title for hit in search(session, "尚未存檔")} == {"尚未存檔的議程"}


def test_accented_capitals_match_on_postgresql(session, rec):
    """PostgreSQL folds every letter's case (its lower()), as it did before the folded
    copy; SQLite's lower() folds ASCII only."""
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("SQLite folds the case of ASCII letters only")
    document = rec.document("Rapport de l'École d'été")
    assert found(session, "ÉCOLE") == found(session, "d'ÉTÉ") == {("document", document.id)}


# --- word starts for alphabetic terms (issue #11) ------------------------------------------


def test_an_english_term_matches_where_a_word_starts_not_inside_a_word(session, rec):
    meeting = rec.meeting()
    inside = rec.item(meeting, "確認", title_en="Confirmation of the minutes", position=1)
    alone = rec.item(meeting, "獨立報告機制", title_en="The IRM design report", position=2)
    after_chinese = rec.item(meeting, "獨立報告機制IRM報告", position=3)
    after_dash = rec.item(meeting, "報告", title_en="OGP-IRM liaison", position=4)
    expected = {("agenda_item", i.id) for i in (alone, after_chinese, after_dash)}
    for query in ("IRM", "irm", "Irm"):
        assert found(session, query) == expected, query
    assert found(session, "firm") == set()  # short or long, inside a word is no match
    assert found(session, "confirm") == {("agenda_item", inside.id)}  # a word's start
    assert found(session, "ir") == expected  # a term of two letters too
    assert found(session, "IRM 報告") == expected  # mixed with Chinese: both rules
    assert found(session, "告機") == {("agenda_item", alone.id), ("agenda_item", after_chinese.id)}


def test_a_word_start_match_is_found_beside_an_earlier_inside_match(session, rec):
    decision = rec.decision(rec.meeting(), "2026-01", "確認",
                            text_en="Confirmation first; then the IRM report.")
    [hit] = search(session, "irm")
    assert hit.record_id == decision.id
    assert hit.snippet.match == "IRM"  # not the "irm" inside "Confirmation"


def test_the_limit_counts_word_start_matches_only(session, rec):
    """Newer records matching only inside a word must not use up the limit."""
    old = rec.meeting("舊會議", day=1)
    wanted = [rec.item(old, f"議題{n}", title_en=f"IRM item {n}", position=n) for n in (1, 2)]
    new = rec.meeting("新會議", day=20)
    for n in range(1, 6):
        rec.item(new, f"確認{n}", title_en=f"Confirmation {n}", position=n)
    hits = search(session, "irm", limit=2)
    assert {hit.record_id for hit in hits} == {item.id for item in wanted}
    assert len(search(session, "irm", limit=3)) == 2  # the true total, not a page of 3


def test_an_english_snippet_starts_and_ends_between_words(session, rec):
    text = ("The secretariat circulated the draft to every member well ahead and "
            "the IRM researcher asked for the complete consultation records afterwards.")
    rec.decision(rec.meeting(), "2026-02", "草案", text_en=text)
    [hit] = search(session, "irm")
    snippet = hit.snippet
    assert snippet.match == "IRM"
    assert snippet.before.startswith("…") and snippet.after.endswith("…")
    shown = snippet.before.removeprefix("…") + snippet.match + snippet.after.removesuffix("…")
    words_shown = shown.split()
    assert all(word in text.split() for word in words_shown), shown  # no word cut
    assert shown.strip() in text


def test_a_chinese_snippet_still_cuts_between_characters(session, rec):
    meeting = rec.meeting()
    item = rec.item(meeting, "開放資料議題")
    rec.minutes(meeting, {item: "前言" * 40 + BUDGET_TEXT + "結語" * 40})
    [hit] = search(session, "預算", kinds=["minutes"])
    assert hit.snippet.before.startswith("…") and hit.snippet.after.endswith("…")
    assert len(hit.snippet.before + hit.snippet.match + hit.snippet.after) <= 45


def test_hits_name_their_meeting_and_visible_numbers(session, rec):
    meeting = rec.meeting("第三次會議", day=5)
    meeting.title_en = "Third meeting"
    rec.item(meeting, "前一案", position=1)
    item = rec.item(meeting, "預算審查", position=2)
    decision = rec.decision(meeting, "2026-003", "預算通過")
    decision.agenda_item_id = item.id
    rec.document("預算白皮書")
    session.flush()
    hits = {hit.kind: hit for hit in search(session, "預算")}
    assert hits["agenda_item"].item_position == 2
    assert (hits["decision"].decision_number, hits["decision"].item_position) == ("2026-003", 2)
    for kind in ("agenda_item", "decision"):
        ref = hits[kind].meeting
        assert (ref.title, ref.title_en, ref.starts_at) == ("第三次會議", "Third meeting",
                                                           meeting.starts_at)
        assert ref.time_zone == meeting.time_zone
    assert hits["document"].meeting is None
