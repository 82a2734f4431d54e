"""The full-text search index: which columns are searchable and the SQL that indexes them.

Both back ends fold text the same way before comparing: Latin letters to lower case and
台 to 臺. Clerks type either form of "Tai" (台灣/臺灣, 台北/臺北) and official documents
mix them, so a search for one must find the other. The folding keeps every character in
place (one character in, one out), so a match position in folded text is the same
position in the original text, which is what snippets are cut from.

SQLite: the folded text of every searchable record is copied by triggers into
``search_doc``, a plain table, and indexed by ``search_fts``, an FTS5 table with the
trigram tokenizer and *external content* (``content='search_doc'``). External content
rather than contentless because: the short-term fallback (terms under three characters,
which a trigram index cannot match) needs a real content column to run ``instr`` on
(PITFALLS: ``LIKE`` against the FTS table itself returned nothing on 3.40.1); FTS5's
'delete' command needs the old text, which ``search_doc`` keeps; and ``rebuild`` can
regenerate the index from it. ``search_doc`` also records the meeting and minutes
version of each row so results can be ordered by date and collapsed to the latest
minutes without touching the source tables for every match.

PostgreSQL (``search_index_pg``): the same folded copy in ``search_doc``, kept by plpgsql
triggers, with one pg_trgm GIN index on its body; queries run plain ``LIKE`` on the already-folded text.
The copy also keeps each record's ranking date, so results come out newest first
without joining the source tables.

The migrations ``0003_search_index`` and ``0004_pg_search_doc`` hold a frozen copy of the
SQL :func:`install_statements` gave when they were frozen (migrations import no live
code); changing the SQL here later needs a new migration that drops the index and
installs the new one.

Every object is named ``search_…`` so Alembic's autogenerate leaves it alone
(see ``secretariat.store.migrations.UNMANAGED_PREFIX``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from secretariat.vocabulary import SEARCH_KIND_LABELS as KIND_LABELS

if TYPE_CHECKING:  # the CLI reads KIND_LABELS while building its parser: no SQLAlchemy then
    from sqlalchemy.engine import Connection

TAI = "台"
TAI_FORMAL = "臺"


@dataclass(frozen=True)
class Source:
    """One searchable table. ``name`` is what ``search_doc.source`` stores. The SQL
    expressions are over ``NEW`` (the row) and valid on both back ends."""

    name: str
    kind: str  # the SearchHit kind a match in this table is reported as
    columns: tuple[str, ...]  # concatenated (newline-separated) into the indexed text
    meeting_sql: str  # the meeting
    minutes_sql: str  # the minutes version
    link_columns: tuple[str, ...]  # columns whose change moves the row to another record
    date_sql: str  # the date results are ranked by (PostgreSQL keeps a copy)
    date_columns: tuple[str, ...] = ()  # the row's own columns that date_sql reads


_MEETING_START = "(SELECT starts_at FROM meeting WHERE id = NEW.meeting_id)"
SOURCES: tuple[Source, ...] = (
    Source("agenda_item", "agenda_item", ("title", "title_en"),
           "NEW.meeting_id", "NULL", ("meeting_id",), _MEETING_START),
    Source("minutes", "minutes", ("general_text",),
           "NEW.meeting_id", "NEW.id", ("meeting_id",), _MEETING_START),
    Source("minutes_entry", "minutes", ("text",),
           "(SELECT meeting_id FROM minutes WHERE id = NEW.minutes_id)", "NEW.minutes_id",
           ("minutes_id",),
           "(SELECT m.starts_at FROM minutes v JOIN meeting m ON m.id = v.meeting_id "
           "WHERE v.id = NEW.minutes_id)"),
    Source("decision", "decision", ("text", "text_en", "rationale"),
           "NEW.meeting_id", "NULL", ("meeting_id",), "NEW.decided_at", ("decided_at",)),
    Source("document", "document", ("title", "description"), "NULL", "NULL", (),
           "NEW.added_at", ("added_at",)),
)
SOURCE_BY_NAME = {source.name: source for source in SOURCES}
KINDS: tuple[str, ...] = tuple(KIND_LABELS)


def fold_sql(source: Source, prefix: str, dialect: str) -> str:
    """The folded, newline-joined text of ``source``'s columns as a SQL expression."""
    newline = "char(10)" if dialect == "sqlite" else "chr(10)"
    parts = f" || {newline} || ".join(f"coalesce({prefix}{c}, '')" for c in source.columns)
    return fold_expression(parts)


def fold_expression(sql: str) -> str:
    """``sql`` (a text expression) folded for searching.

    SQLite's built-in ``lower()`` folds ASCII only; PostgreSQL's folds every letter. The
    query side folds terms to match (see ``search.fold_term``)."""
    return f"replace(lower({sql}), '{TAI}', '{TAI_FORMAL}')"


# --- SQLite -------------------------------------------------------------------------

_SQLITE_TABLES = [
    """CREATE TABLE IF NOT EXISTS search_doc (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        source_id INTEGER NOT NULL,
        meeting_id INTEGER,
        minutes_id INTEGER,
        body TEXT NOT NULL,
        UNIQUE (source, source_id)
    )""",
    # detail=full (the default) keeps token positions: a phrase of several trigrams then
    # matches only as a contiguous substring, never as scattered pieces.
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        body, content='search_doc', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER IF NOT EXISTS search_doc_ai AFTER INSERT ON search_doc BEGIN
        INSERT INTO search_fts(rowid, body) VALUES (NEW.id, NEW.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_doc_ad AFTER DELETE ON search_doc BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
    END""",
    # Re-linking a row (meeting, minutes) leaves its text alone: no re-indexing then.
    """CREATE TRIGGER IF NOT EXISTS search_doc_au AFTER UPDATE OF body ON search_doc
    WHEN OLD.body IS NOT NEW.body BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
        INSERT INTO search_fts(rowid, body) VALUES (NEW.id, NEW.body);
    END""",
]


def _sqlite_source_triggers(src: Source) -> list[str]:
    body = fold_sql(src, "NEW.", "sqlite")
    key = f"source = '{src.name}' AND source_id = OLD.id"
    watched = ", ".join((*src.columns, *src.link_columns))
    extra = ""
    if src.name == "minutes":  # entries follow their minutes to another meeting
        extra = (f"UPDATE search_doc SET meeting_id = NEW.meeting_id "
                 f"WHERE source = 'minutes_entry' AND minutes_id = NEW.id;")
    return [
        f"""CREATE TRIGGER IF NOT EXISTS search_{src.name}_ai AFTER INSERT ON {src.name} BEGIN
            INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, body)
            VALUES ('{src.name}', NEW.id, {src.meeting_sql}, {src.minutes_sql}, {body});
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS search_{src.name}_au
        AFTER UPDATE OF id, {watched} ON {src.name} BEGIN
            UPDATE search_doc SET source_id = NEW.id, meeting_id = {src.meeting_sql},
                minutes_id = {src.minutes_sql}, body = {body}
            WHERE {key};
            {extra}
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS search_{src.name}_ad AFTER DELETE ON {src.name} BEGIN
            DELETE FROM search_doc WHERE {key};
        END""",
    ]


def _sqlite_backfill(src: Source) -> str:
    """Index the rows that existed before the index (a database being migrated)."""
    select_new = (f"SELECT '{src.name}', NEW.id, {src.meeting_sql}, {src.minutes_sql}, "
                  f"{fold_sql(src, 'NEW.', 'sqlite')} FROM {src.name} AS NEW")
    return (f"INSERT OR IGNORE INTO search_doc (source, source_id, meeting_id, minutes_id, body) "
            f"{select_new}")


def _sqlite_install() -> list[str]:
    statements = list(_SQLITE_TABLES)
    for src in SOURCES:
        statements.append(_sqlite_backfill(src))
        statements.extend(_sqlite_source_triggers(src))
    return statements


def _sqlite_drop() -> list[str]:
    triggers = [f"DROP TRIGGER IF EXISTS search_{src.name}_{suffix}"
                for src in SOURCES for suffix in ("ai", "au", "ad")]
    return [*triggers, "DROP TABLE IF EXISTS search_fts", "DROP TABLE IF EXISTS search_doc"]


def install_statements(dialect: str) -> list[str]:
    """The SQL creating the index and indexing existing records (idempotent). A list of
    plain statements so the migration also works offline (``--sql``)."""
    if dialect == "sqlite":
        return _sqlite_install()
    from secretariat.services.search import index_pg as search_index_pg  # it builds on the sources above

    return search_index_pg.install_statements()


def drop_statements(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return _sqlite_drop()
    from secretariat.services.search import index_pg as search_index_pg

    return search_index_pg.drop_statements()


def install_search_index(connection: Connection) -> None:
    for statement in install_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)


def drop_search_index(connection: Connection) -> None:
    for statement in drop_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)
