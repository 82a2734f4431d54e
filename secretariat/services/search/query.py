"""One search box over agenda items, minutes, decisions and documents.

``search(s, "開放資料 預算")`` returns hits whose text contains every whitespace-separated
term: a Chinese term as a substring (Chinese has no spaces between words, so substrings
are what a clerk expects), a Latin-script term where a word starts ("IRM" finds "the IRM
report", not "Confirmation"; see ``words``). Case of Latin letters and 台/臺 are ignored
(see ``search_index``).

Minutes are kept as numbered versions; only the latest version of each meeting's minutes
is searched. Every version is indexed (so an older text is one filter away if ever
wanted) and the query drops versions that a newer one of the same meeting supersedes.

Search is an internal tool: restricted (non-public) records are found too, and each hit
says whether it is public so the GUI can mark it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from secretariat.i18n import localized
from secretariat.services.search import hits as search_hits
from secretariat.services.search import words
from secretariat.services.search.hits import MeetingRef, Snippet
from secretariat.services.search.index import (
    KIND_LABELS,
    KINDS,
    SOURCES,
    TAI,
    TAI_FORMAL,
    Source,
    drop_search_index,
    fold_expression,
    install_search_index,
)

__all__ = [
    "KIND_LABELS", "KINDS", "SearchHit", "Snippet", "drop_search_index", "fold_term",
    "install_search_index", "postgresql_query", "search",
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
    title_en: str  # "" when the record has no English title
    snippet: Snippet
    date: dt.datetime  # meeting start, decision date or document date (aware UTC)
    is_public: bool
    meeting: MeetingRef | None = None  # the meeting's titles and date; None for a document
    item_position: int | None = None  # the agenda item's number (items, minutes, decisions)
    decision_number: str = ""  # a decision's number, as the decision log shows it

    def title_in(self, language: str) -> str:
        """The title to show in an interface in ``language``: the English one in English
        when there is one, else the record's own (usually Chinese) title."""
        return localized(self.title, self.title_en, language)


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


def _source_filter(sources: Sequence[Source]) -> str:
    return "d.source IN (" + ", ".join(f"'{src.name}'" for src in sources) + ")"


# A minutes version counts only while no later version of the same meeting exists.
_LATEST_MINUTES = """NOT EXISTS (SELECT 1 FROM minutes cur JOIN minutes newer
    ON newer.meeting_id = cur.meeting_id AND newer.version_no > cur.version_no
    WHERE cur.id = {minutes_id})"""


def _sqlite_candidates(s: Session, terms, sources, limit) -> list[tuple[str, int]]:
    word_terms = [t for t in terms if words.wants_word_start(t)]
    sql, params = _sqlite_query(terms, sources, with_body=bool(word_terms))

    def page(size: int, offset: int) -> list[tuple]:
        return [tuple(row) for row in s.execute(text(sql), {**params, "limit": size,
                                                              "offset": offset})]

    return _word_starts(page, word_terms, limit)


def _word_starts(page, word_terms: Sequence[str], limit: int) -> list[tuple[str, int]]:
    """The first ``limit`` of the index's substring matches, in the query's order, whose
    folded text has every alphabetic term at a word start (``words``).

    ``page(size, offset)`` reads rows ``(source, source_id[, body, …])`` of the query. The
    word-start test runs here, in Python, page by page, leaving the SQL (and so the plans
    the planners choose, measured in bench_search) as it was: as an SQL condition it ran on
    every substring match (SQLite: a Python call each) or turned PostgreSQL away from its
    walk in date order, as the planner cannot estimate a regular expression. A page four
    times the limit is read, then if too few of its rows begin a word the next, four times
    larger, until the limit is reached or the matches run out: the limit (and "more than
    N") counts real matches."""
    if not word_terms:
        return [(row[0], row[1]) for row in page(limit, 0)]
    found: list[tuple[str, int]] = []
    offset, size = 0, limit * 4
    while True:
        rows = page(size, offset)
        for source, source_id, body, *_ranking in rows:
            if all(words.find(body, term) >= 0 for term in word_terms):
                found.append((source, source_id))
                if len(found) == limit:
                    return found
        if len(rows) < size:
            return found
        offset, size = offset + size, size * 4


def _sqlite_query(terms, sources, *, with_body: bool) -> tuple[str, dict[str, object]]:
    long_terms = [t for t in terms if len(t) >= MIN_INDEXED_TERM]
    short_terms = [t for t in terms if len(t) < MIN_INDEXED_TERM]
    params: dict[str, object] = {}
    where = [
        _source_filter(sources),
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
        SELECT d.source, d.source_id{", d.body" if with_body else ""},
               coalesce(dec.decided_at, doc.added_at, m.starts_at) AS sort_date
        FROM {tables}
        LEFT JOIN meeting m ON m.id = d.meeting_id
        LEFT JOIN decision dec ON d.source = 'decision' AND dec.id = d.source_id
        LEFT JOIN document doc ON d.source = 'document' AND doc.id = d.source_id
        WHERE {" AND ".join(where)}
        ORDER BY {order}, d.id DESC
        LIMIT :limit OFFSET :offset"""
    return sql, params


# Minutes versions that a later version of the same meeting supersedes: few, so PostgreSQL
# hashes them once per query.
_SUPERSEDED_MINUTES = """SELECT older.id FROM minutes older JOIN minutes newer
    ON newer.meeting_id = older.meeting_id AND newer.version_no > older.version_no"""


def _postgresql_candidates(s: Session, terms, sources, limit) -> list[tuple[str, int]]:
    # PostgreSQL's lower() folded the copy beyond ASCII: the word-start test folds alike.
    word_terms = [t.lower() for t in terms if words.wants_word_start(t)]
    sql, params = _postgresql_query(terms, sources, limit, with_body=bool(word_terms))

    def page(size: int, offset: int) -> list[tuple]:
        return _unprepared(s, sql, {**params, "limit": size, "offset": offset})

    return _word_starts(page, word_terms, limit)


def postgresql_query(query: str, *, limit: int = 50) -> tuple[str, dict]:
    """The SQL (psycopg placeholders) and parameters ``search`` runs on PostgreSQL to find
    the matches of ``query`` in every kind of record: for EXPLAIN (see bench_search).
    With an English term ``search`` reads pages of four times ``limit`` (see
    ``_word_starts``), usually one."""
    terms = query_terms(query)
    with_body = any(words.wants_word_start(t) for t in terms)
    return _postgresql_query(terms, SOURCES, limit * 4 if with_body else limit,
                             with_body=with_body)


def _postgresql_query(terms, sources, limit, *, with_body: bool = False) -> tuple[str, dict]:
    """Substring tests on the folded copy, newest first (the word-start test for
    alphabetic terms runs on the rows found: ``_word_starts``).

    Every term is a LIKE pattern, short ones too: the planner estimates each from the
    statistics and chooses between the trigram index (a rare term), a walk in date order
    that stops at ``limit`` (a common one) and a plain scan (a rare term of one or two
    characters, which no trigram index can answer). With a longer term beside it, a
    short term costs the index nothing (PostgreSQL 13+ skips a term without trigrams).

    Terms arrive folded by ``fold_term``; the SQL folds them once more exactly as it
    folded the copy, so letters beyond ASCII (É, Ä) stay case-insensitive as they were
    with ILIKE. The planner folds the patterns once, while planning."""
    params: dict[str, object] = {"limit": limit, "offset": 0}
    where = ["(d.minutes_id IS NULL OR d.minutes_id NOT IN (" + _SUPERSEDED_MINUTES + "))"]
    if len(sources) < len(SOURCES):
        where.append(_source_filter(sources))
    for i, term in enumerate(terms):
        params[f"t{i}"] = "%" + escape_like(term) + "%"
        pattern = fold_expression(f"%(t{i})s")
        where.append(f"d.body LIKE {pattern} ESCAPE '\\'")
    sql = f"""
        SELECT d.source, d.source_id{", d.body" if with_body else ""} FROM search_doc d
        WHERE {" AND ".join(where)}
        ORDER BY d.sort_date DESC, d.id DESC
        LIMIT %(limit)s OFFSET %(offset)s"""
    return sql, params


def _unprepared(s: Session, sql: str, params: dict) -> list[tuple]:
    """Rows of ``sql`` (psycopg placeholders) planned for these very parameter values.

    psycopg prepares a statement once it has run five times, and PostgreSQL may then
    switch to a generic plan made without the values. For a search that plan is a
    trap: measured on the large demo, a two-character term then read the whole trigram
    index (50 ms instead of 0.3 ms). ``prepare=False`` keeps every search planned for
    its own terms; planning costs about 0.2 ms."""
    if s.autoflush:  # as Session.execute would
        s.flush()
    driver = s.connection().connection.driver_connection
    with driver.cursor() as cursor:
        cursor.execute(sql, params, prepare=False)
        return cursor.fetchall()
