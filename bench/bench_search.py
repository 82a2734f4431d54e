"""Search benchmark: median time of ``services.search.search`` over a large forum.

    .venv/bin/python -m bench.bench_search                    # SQLite, bench/out/search.db
    .venv/bin/python -m bench.bench_search --db postgresql+psycopg://…/db   # a server
    .venv/bin/python -m bench.bench_search --runs 9 --check   # exit 1 if the target is missed
    .venv/bin/python -m bench.bench_search --db postgresql+psycopg://…/db --explain

The data: a copy of ``bench/out/large.db`` (the large demo) when it exists, else a forum
generated here (1,000 meetings, 20,000 agenda items, 10,000 decisions, 2,000 documents).
Either way every meeting without minutes gets minutes of realistic Chinese text, one
entry per agenda item, and one meeting in ten a corrected second version. The database is
kept and reused; ``--rebuild`` makes it again.

Each query runs once to warm caches, then ``--runs`` times; the report gives the median
per query class and overall against the ≤ 50 ms target (DESIGN: search median).
``--explain`` (PostgreSQL) also shows, per query, how the server found the matches: the
scans of EXPLAIN ANALYZE (trigram index, walk in date order or plain scan) and the time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from bench.harness import OUT_DIR, verdict
from secretariat.model import AgendaItem, Decision, Document, Forum, Meeting, Minutes, MinutesEntry
from secretariat.services.search import postgresql_query, search
from secretariat.store import open_store

TARGET_MS = 50.0
LARGE_DEMO = OUT_DIR / "large.db"
DEFAULT_DB = OUT_DIR / "search.db"

QUERIES = {
    "zh 3+ chars": ["開放資料", "參與式預算", "資訊公開", "受益所有權", "行動方案", "數位發展部",
                    "書面說明"],
    "zh 1-2 chars": ["預算", "透明", "青年", "法規", "台北", "委員"],
    "English": ["transparency", "Budget", "milestone", "Commitment", "whistleblower", "dataset"],
    "multi-term": ["開放資料 預算", "資訊公開 財政部", "青年 參與", "行動方案 承諾 進度",
                   "open data"],
    "no match": ["量子糾纏", "火星", "xyzzy", "不存在的詞彙", "咖"],
}

TOPICS = [("開放資料", "open data"), ("參與式預算", "participatory budgeting"),
          ("資訊公開", "access to information"), ("受益所有權登記", "beneficial ownership"),
          ("數位包容", "digital inclusion"), ("性別平等", "gender equality"),
          ("司法透明", "judicial transparency"), ("遊說法制", "lobbying regulation"),
          ("揭弊者保護", "whistleblower protection"), ("青年參與", "youth engagement"),
          ("氣候變遷資訊", "climate information"), ("公共採購透明", "open contracting")]
AGENCIES = ["國家發展委員會", "數位發展部", "法務部", "財政部", "內政部", "行政院主計總處",
            "臺北市政府", "台中市政府", "高雄市政府", "監察院"]
SPEAKERS = ["主席", "民間委員", "政府委員", "學者代表", "公民團體代表", "秘書處"]
SENTENCES = [
    "{who}表示，{t}承諾事項之執行應更重視民間意見，建議{agency}提出具體時程。",
    "{agency}說明{t}目前執行進度約{p}%，預計{y}年完成相關法規修正。",
    "委員詢問{t}之預算編列與經費來源，{agency}回應將於下次會議補充書面說明。",
    "主席裁示：{t}相關事項請{agency}於{n}週內提出行動方案修正草案。",
    "{who}建議將{t}資料以開放格式公開，並提供機器可讀之資料集。",
    "The {t_en} milestone was discussed; the {who_en} asked for a public dataset and a "
    "timeline before the next meeting.",
    "與會者討論{t}之公眾諮詢規劃，同意擴大邀請青年與原住民族團體參與。",
]


def _sentence(rng: random.Random) -> str:
    topic, topic_en = rng.choice(TOPICS)
    return rng.choice(SENTENCES).format(
        who=rng.choice(SPEAKERS), agency=rng.choice(AGENCIES), t=topic, t_en=topic_en,
        who_en="civil society representative", p=rng.randint(10, 95),
        y=rng.randint(2026, 2030), n=rng.randint(2, 8))


def _text(rng: random.Random, low: int, high: int) -> str:
    return "".join(_sentence(rng) for _ in range(rng.randint(low, high)))


def _generate_forum(s, rng: random.Random) -> None:
    """A forum of 1,000 meetings with 20 items and 10 decisions each, and 2,000 papers."""
    forum = Forum(name_zh_tw="開放政府論壇", name_en="OGP Forum")
    s.add(forum)
    s.flush()
    first = dt.datetime(2016, 1, 4, 2, 0, tzinfo=dt.timezone.utc)
    for m in range(1000):
        start = first + dt.timedelta(days=3 * m)
        topic = rng.choice(TOPICS)[0]
        meeting_id = s.scalar(insert(Meeting).returning(Meeting.id), dict(
            forum_id=forum.id, title=f"{topic}工作小組第{m + 1}次會議", starts_at=start,
            ends_at=start + dt.timedelta(hours=2), is_public=rng.random() < 0.8))
        items = [dict(meeting_id=meeting_id, position=p + 1,
                      title=f"{t}承諾事項{rng.choice(['執行進度報告', '草案討論', '里程碑調整案'])}",
                      title_en=f"{t_en} commitment") for p, (t, t_en) in
                 enumerate(rng.choice(TOPICS) for _ in range(20))]
        s.execute(insert(AgendaItem), items)
        s.execute(insert(Decision), [dict(
            forum_id=forum.id, number=f"{start.year}-{m:03d}-{d + 1:02d}", meeting_id=meeting_id,
            decided_at=start + dt.timedelta(minutes=d), text=_text(rng, 1, 2),
            text_en="The forum agreed on the revised commitment.", rationale=_text(rng, 0, 1),
            is_public=rng.random() < 0.9) for d in range(10)])
    s.execute(insert(Document), [dict(
        forum_id=forum.id, title=f"{rng.choice(TOPICS)[0]}會議資料第{d + 1}號",
        description=_sentence(rng), sha256=f"{d:064x}", file_name=f"paper-{d}.pdf",
        size_bytes=1000, is_public=rng.random() < 0.9) for d in range(2000)])


def _add_minutes(s, rng: random.Random) -> int:
    """Minutes for every meeting that has agenda items and no minutes yet."""
    have = select(Minutes.meeting_id)
    items: dict[int, list[int]] = {}
    for meeting_id, item_id in s.execute(
            select(AgendaItem.meeting_id, AgendaItem.id)
            .where(AgendaItem.meeting_id.not_in(have)).order_by(AgendaItem.position)):
        items.setdefault(meeting_id, []).append(item_id)
    for meeting_id, item_ids in items.items():
        versions = 2 if rng.random() < 0.1 else 1
        for version in range(1, versions + 1):
            minutes_id = s.scalar(insert(Minutes).returning(Minutes.id), dict(
                meeting_id=meeting_id, version_no=version, general_text=_text(rng, 1, 2)))
            s.execute(insert(MinutesEntry), [dict(
                minutes_id=minutes_id, agenda_item_id=item_id, position=n + 1,
                text=_text(rng, 2, 5)) for n, item_id in enumerate(item_ids)])
    return len(items)


def prepare(url: str, rebuild: bool) -> None:
    path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
    if path and (rebuild or not path.exists()):
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
        if LARGE_DEMO.exists():
            print(f"copying {LARGE_DEMO} …", flush=True)
            with sqlite3.connect(LARGE_DEMO) as source, sqlite3.connect(path) as target:
                source.backup(target)  # consistent even with a WAL beside it
    store = open_store(url)  # migrates a copied demo up to the search index
    rng = random.Random(20_261_127)
    started = time.perf_counter()
    with store.session() as s:
        if not s.scalar(select(func.count()).select_from(AgendaItem)):
            print("generating a large forum …", flush=True)
            _generate_forum(s, rng)
        added = _add_minutes(s, rng)
        s.commit()
        counts = {model.__tablename__: s.scalar(select(func.count()).select_from(model))
                  for model in (AgendaItem, Minutes, MinutesEntry, Decision, Document)}
    if added:
        print(f"added minutes to {added} meetings in {time.perf_counter() - started:.1f} s")
    print("records: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    store.close()


def measure(url: str, runs: int) -> dict[str, list[float]]:
    store = open_store(url)
    timings: dict[str, list[float]] = {}
    with store.session() as s:
        for label, queries in QUERIES.items():
            for query in queries:
                hits = len(search(s, query))  # warm-up
                samples = []
                for _ in range(runs):
                    started = time.perf_counter()
                    search(s, query)
                    samples.append((time.perf_counter() - started) * 1000)
                timings.setdefault(label, []).extend(samples)
                print(f"  {label:<13} {query:<16} {hits:>3} hits  "
                      f"median {statistics.median(samples):7.1f} ms")
    store.close()
    return timings


def explain(url: str) -> None:
    """Print the scans PostgreSQL chose for each benchmark query and the server's time."""
    store = open_store(url)
    with store.session() as s:
        driver = s.connection().connection.driver_connection
        for label, queries in QUERIES.items():
            for query in queries:
                sql, params = postgresql_query(query)
                with driver.cursor() as cursor:
                    # prepare=False, as search runs it: planned for these very terms.
                    cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql, params, prepare=False)
                    plan = [line for (line,) in cursor.fetchall()]
                scans = [line.strip().removeprefix("->  ").split(" (actual")[0] for line in plan
                         if " Scan " in line and " on search_doc" in line]
                total = next(line for line in plan if line.startswith("Execution Time"))
                print(f"  {label:<13} {query:<16} {total.split(': ')[1]:>10}  {' / '.join(scans)}")
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=f"sqlite:///{DEFAULT_DB}")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    parser.add_argument("--explain", action="store_true",
                        help="PostgreSQL: show the plan of each query after timing")
    args = parser.parse_args(argv)
    prepare(args.db, args.rebuild)
    timings = measure(args.db, args.runs)
    print(f"\n{'class':<14} {'median':>9}  {'max':>9}   (ms, {args.runs} runs per query)")
    for label, values in timings.items():
        print(f"{label:<14} {statistics.median(values):9.1f}  {max(values):9.1f}")
    overall = statistics.median(v for values in timings.values() for v in values)
    print(f"{'overall':<14} {overall:9.1f}")
    passed = overall <= TARGET_MS
    print(verdict("search median ≤ 50 ms", passed, f"{overall:.1f} ms"))
    if args.explain and args.db.startswith("postgresql"):
        print("\nquery plans (EXPLAIN ANALYZE, server time):")
        explain(args.db)
    return 0 if passed or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
