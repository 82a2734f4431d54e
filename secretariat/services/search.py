"""One search box over agenda items, minutes, decisions and documents.

``search(s, "開放資料 預算")`` returns hits whose text contains every whitespace-separated
term as a substring (Chinese has no spaces between words, so substrings are what a clerk
expects). Case of Latin letters and 台/臺 are ignored (see ``search_index``).

Minutes are kept as numbered versions; only the latest version of each meeting's minutes
is searched. Every version is indexed (so an older text is one filter away if ever
wanted) and the query drops versions that a newer one of the same meeting supersedes.

Search is an internal tool: restricted (non-public) records are found too, and each hit
says whether it is public so the GUI can mark it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from secretariat.services import search_hits
from secretariat.services.search_hits import Snippet
from secretariat.services.search_index import (
    KINDS,
    SOURCES,
    TAI,
    TAI_FORMAL,
    Source,
    drop_search_index,
    fold_sql,
    install_search_index,
)

__all__ = [
    "KINDS", "SearchHit", "Snippet", "drop_search_index", "fold_term", "install_search_index",
    "search",
]

MIN_INDEXED_TERM = 3  # the trigram tokenizer cannot match anything shorter
_FOLD = {ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | {ord(TAI): TAI_FORMAL}


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    # What to open: the agenda item, the minutes version, the decision or the document.
    record_id: int
    meeting_id: int | None
    # The agenda item a minutes entry or a decision belongs to, for scrolling to it.
    agenda_item_id: int | None
    title: str
    snippet: Snippet
    date: dt.datetime  # meeting start, decision date or document date (aware UTC)
    is_public: bool


def fold_term(term: str) -> str:
    """Fold a query term exactly as the index folds text in SQL (ASCII case, 台 -> 臺)."""
    return term.translate(_FOLD)


def query_terms(query: str) -> list[str]:
    """Folded, de-duplicated terms of a query; whitespace (ideographic too) separates."""
    return list(dict.fromkeys(fold_term(t) for t in query.split()))


def search(
    s: Session, query: str, *, limit: int = 50, kinds: Iterable[str] | None = None
) -> list[SearchHit]:
    """Records containing every term of ``query``, best first.

    SQLite ranks by bm25, then newest first; PostgreSQL (no relevance score for substring
    matches) ranks newest first."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    sources = _sources_for(kinds)
    if not sources:
        return []
    if s.get_bind().dialect.name == "sqlite":
        found = _sqlite_candidates(s, terms, sources, limit)
    else:
        found = _postgresql_candidates(s, terms, sources, limit)
    return [
        SearchHit(snippet=search_hits.snippet(record.fields, terms), **record.hit_fields())
        for record in search_hits.load(s, found)
    ]


def _sources_for(kinds: Iterable[str] | None) -> list[Source]:
    if kinds is None:
        return list(SOURCES)
    wanted = set(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown search kinds: {sorted(unknown)}")
    return [src for src in SOURCES if src.kind in wanted]


def _match_expression(terms: Sequence[str]) -> str:
    """An FTS5 query: each term a quoted phrase (quotes doubled), all required."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def escape_like(term: str) -> str:
    r"""``term`` as a literal inside a LIKE pattern with ``ESCAPE '\'``."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# A minutes version counts only while no later version of the same meeting exists.
_LATEST_MINUTES = """NOT EXISTS (SELECT 1 FROM minutes cur JOIN minutes newer
    ON newer.meeting_id = cur.meeting_id AND newer.version_no > cur.version_no
    WHERE cur.id = {minutes_id})"""


def _sqlite_candidates(s: Session, terms, sources, limit) -> list[tuple[str, int]]:
    long_terms = [t for t in terms if len(t) >= MIN_INDEXED_TERM]
    short_terms = [t for t in terms if len(t) < MIN_INDEXED_TERM]
    params: dict[str, object] = {"limit": limit}
    where = [
        "d.source IN (" + ", ".join(f"'{src.name}'" for src in sources) + ")",
        "(d.minutes_id IS NULL OR " + _LATEST_MINUTES.format(minutes_id="d.minutes_id") + ")",
    ]
    if long_terms:
        tables = "search_fts JOIN search_doc d ON d.id = search_fts.rowid"
        where.append("search_fts MATCH :match")
        params["match"] = _match_expression(long_terms)
        order = "search_fts.rank, sort_date DESC"
    else:  # nothing the trigram index can answer: scan the folded copy
        tables = "search_doc d"
        order = "sort_date DESC"
    # Short terms filter the folded text itself; instr has no wildcards to escape.
    for i, term in enumerate(short_terms):
        where.append(f"instr(d.body, :short{i}) > 0")
        params[f"short{i}"] = term
    sql = f"""
        SELECT d.source, d.source_id,
               coalesce(dec.decided_at, doc.added_at, m.starts_at) AS sort_date
        FROM {tables}
        LEFT JOIN meeting m ON m.id = d.meeting_id
        LEFT JOIN decision dec ON d.source = 'decision' AND dec.id = d.source_id
        LEFT JOIN document doc ON d.source = 'document' AND doc.id = d.source_id
        WHERE {" AND ".join(where)}
        ORDER BY {order}, d.id DESC
        LIMIT :limit"""
    return [(row.source, row.source_id) for row in s.execute(text(sql), params)]


# Per source: the column a matching row needs to find its date, the joins to that date
# and the date it is sorted by. ``hit`` is the source table's matching rows, selected
# first on their own (see below).
_PG_FROM = {
    "agenda_item": ("meeting_id", "JOIN meeting ON meeting.id = hit.meeting_id",
                    "meeting.starts_at"),
    "minutes": ("meeting_id", "JOIN minutes ON minutes.id = hit.id "
                "JOIN meeting ON meeting.id = hit.meeting_id", "meeting.starts_at"),
    "minutes_entry": ("minutes_id", "JOIN minutes ON minutes.id = hit.minutes_id "
                      "JOIN meeting ON meeting.id = minutes.meeting_id", "meeting.starts_at"),
    "decision": ("decided_at", "", "hit.decided_at"),
    "document": ("added_at", "", "hit.added_at"),
}


def _postgresql_candidates(s: Session, terms, sources, limit) -> list[tuple[str, int]]:
    # ILIKE against the very expression the trigram indexes were built on, so the planner
    # can use them; ILIKE is right for short terms too, unlike trigram matching in SQLite.
    params: dict[str, object] = {"limit": limit}
    for i, term in enumerate(terms):
        params[f"p{i}"] = "%" + escape_like(term) + "%"
    selects = []
    for src in sources:
        column, joins, date = _PG_FROM[src.name]
        folded = fold_sql(src, "", "postgresql")
        where = " AND ".join(f"{folded} ILIKE :p{i} ESCAPE '\\'" for i in range(len(terms)))
        latest = (" WHERE " + _LATEST_MINUTES.format(minutes_id="minutes.id")
                  if src.kind == "minutes" else "")
        # OFFSET 0 fences the text match off: otherwise the planner, which prices the
        # folding as free, walks the latest minutes first and tests every entry's text.
        selects.append(
            f"SELECT '{src.name}' AS source, hit.id AS source_id, {date} AS sort_date "
            f"FROM (SELECT id, {column} FROM {src.name} WHERE {where} OFFSET 0) hit "
            f"{joins}{latest}")
    sql = " UNION ALL ".join(selects) + " ORDER BY sort_date DESC, source_id DESC LIMIT :limit"
    if not any(len(t) >= MIN_INDEXED_TERM for t in terms):
        # No trigram to look up: reading the tables is the fastest way, and the planner
        # knows it.
        return [(row.source, row.source_id) for row in s.execute(text(sql), params)]
    with _prefer_indexes(s):
        return [(row.source, row.source_id) for row in s.execute(text(sql), params)]


@contextmanager
def _prefer_indexes(s: Session):
    """Steer this one query to the trigram indexes.

    The planner prices folding a row's text as nearly free, so on tables of tens of
    thousands of rows it prefers a sequential scan that in fact costs about a microsecond
    per row and table (measured: 40 ms against 4 ms for a rare term on the large demo).
    The settings are transaction-local and put back at once, so the caller's later
    queries in the same transaction plan as usual; JIT stays off because a disabled scan
    inflates cost estimates past its threshold."""
    saved = s.execute(text(
        "SELECT current_setting('enable_seqscan'), current_setting('jit'), "
        "set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)")).one()
    yield
    # Not reached when the query failed: its transaction is then aborted, and the rollback
    # puts the settings back.
    s.execute(text("SELECT set_config('enable_seqscan', :seq, true), "
                   "set_config('jit', :jit, true)"), {"seq": saved[0], "jit": saved[1]})
