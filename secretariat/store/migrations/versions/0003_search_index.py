"""Full-text search: SQLite FTS5 (trigram) index kept by triggers; on PostgreSQL a folded
copy of the searchable text (``search_doc``) with pg_trgm indexes, kept by triggers.

Frozen history: the statements below are the exact SQL this revision ran when it was
frozen (rendered once from ``secretariat.services.search.index`` and pasted as literals),
so a later change to the live search code cannot change what this revision does. A
change to the index needs a new revision that drops it and installs the new one. This
revision means "the search index exists and holds every record present when it ran";
``tests/core/test_frozen_migrations.py`` checks the schema it produces has not changed.

Revision ID: 0003_search_index
Revises: 0002_minutes_decisions
"""

from __future__ import annotations

from alembic import op

revision = "0003_search_index"
down_revision = "0002_minutes_decisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Statements through op.execute (not the bind) so ``--sql`` offline output works too.
    # On a database being upgraded this also indexes the records already there.
    statements = SQLITE_INSTALL if op.get_context().dialect.name == "sqlite" else POSTGRESQL_INSTALL
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    statements = SQLITE_DROP if op.get_context().dialect.name == "sqlite" else POSTGRESQL_DROP
    for statement in statements:
        op.execute(statement)


# SQLite: the FTS5 trigram index over a folded copy of the text, kept by triggers.
SQLITE_INSTALL = [
    """CREATE TABLE IF NOT EXISTS search_doc (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        source_id INTEGER NOT NULL,
        meeting_id INTEGER,
        minutes_id INTEGER,
        body TEXT NOT NULL,
        UNIQUE (source, source_id)
    )""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        body, content='search_doc', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER IF NOT EXISTS search_doc_ai AFTER INSERT ON search_doc BEGIN
        INSERT INTO search_fts(rowid, body) VALUES (NEW.id, NEW.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_doc_ad AFTER DELETE ON search_doc BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_doc_au AFTER UPDATE OF body ON search_doc
    WHEN OLD.body IS NOT NEW.body BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
        INSERT INTO search_fts(rowid, body) VALUES (NEW.id, NEW.body);
    END""",
    "INSERT OR IGNORE INTO search_doc (source, source_id, meeting_id, minutes_id, body) SELECT 'agenda_item', NEW.id, NEW.meeting_id, NULL, replace(lower(coalesce(NEW.title, '') || char(10) || coalesce(NEW.title_en, '')), '台', '臺') FROM agenda_item AS NEW",
    """CREATE TRIGGER IF NOT EXISTS search_agenda_item_ai AFTER INSERT ON agenda_item BEGIN
            INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, body)
            VALUES ('agenda_item', NEW.id, NEW.meeting_id, NULL, replace(lower(coalesce(NEW.title, '') || char(10) || coalesce(NEW.title_en, '')), '台', '臺'));
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_agenda_item_au
        AFTER UPDATE OF id, title, title_en, meeting_id ON agenda_item BEGIN
            UPDATE search_doc SET source_id = NEW.id, meeting_id = NEW.meeting_id,
                minutes_id = NULL, body = replace(lower(coalesce(NEW.title, '') || char(10) || coalesce(NEW.title_en, '')), '台', '臺')
            WHERE source = 'agenda_item' AND source_id = OLD.id;
            
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_agenda_item_ad AFTER DELETE ON agenda_item BEGIN
            DELETE FROM search_doc WHERE source = 'agenda_item' AND source_id = OLD.id;
        END""",
    "INSERT OR IGNORE INTO search_doc (source, source_id, meeting_id, minutes_id, body) SELECT 'minutes', NEW.id, NEW.meeting_id, NEW.id, replace(lower(coalesce(NEW.general_text, '')), '台', '臺') FROM minutes AS NEW",
    """CREATE TRIGGER IF NOT EXISTS search_minutes_ai AFTER INSERT ON minutes BEGIN
            INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, body)
            VALUES ('minutes', NEW.id, NEW.meeting_id, NEW.id, replace(lower(coalesce(NEW.general_text, '')), '台', '臺'));
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_minutes_au
        AFTER UPDATE OF id, general_text, meeting_id ON minutes BEGIN
            UPDATE search_doc SET source_id = NEW.id, meeting_id = NEW.meeting_id,
                minutes_id = NEW.id, body = replace(lower(coalesce(NEW.general_text, '')), '台', '臺')
            WHERE source = 'minutes' AND source_id = OLD.id;
            UPDATE search_doc SET meeting_id = NEW.meeting_id WHERE source = 'minutes_entry' AND minutes_id = NEW.id;
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_minutes_ad AFTER DELETE ON minutes BEGIN
            DELETE FROM search_doc WHERE source = 'minutes' AND source_id = OLD.id;
        END""",
    "INSERT OR IGNORE INTO search_doc (source, source_id, meeting_id, minutes_id, body) SELECT 'minutes_entry', NEW.id, (SELECT meeting_id FROM minutes WHERE id = NEW.minutes_id), NEW.minutes_id, replace(lower(coalesce(NEW.text, '')), '台', '臺') FROM minutes_entry AS NEW",
    """CREATE TRIGGER IF NOT EXISTS search_minutes_entry_ai AFTER INSERT ON minutes_entry BEGIN
            INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, body)
            VALUES ('minutes_entry', NEW.id, (SELECT meeting_id FROM minutes WHERE id = NEW.minutes_id), NEW.minutes_id, replace(lower(coalesce(NEW.text, '')), '台', '臺'));
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_minutes_entry_au
        AFTER UPDATE OF id, text, minutes_id ON minutes_entry BEGIN
            UPDATE search_doc SET source_id = NEW.id, meeting_id = (SELECT meeting_id FROM minutes WHERE id = NEW.minutes_id),
                minutes_id = NEW.minutes_id, body = replace(lower(coalesce(NEW.text, '')), '台', '臺')
            WHERE source = 'minutes_entry' AND source_id = OLD.id;
            
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_minutes_entry_ad AFTER DELETE ON minutes_entry BEGIN
            DELETE FROM search_doc WHERE source = 'minutes_entry' AND source_id = OLD.id;
        END""",
    "INSERT OR IGNORE INTO search_doc (source, source_id, meeting_id, minutes_id, body) SELECT 'decision', NEW.id, NEW.meeting_id, NULL, replace(lower(coalesce(NEW.text, '') || char(10) || coalesce(NEW.text_en, '') || char(10) || coalesce(NEW.rationale, '')), '台', '臺') FROM decision AS NEW",
    """CREATE TRIGGER IF NOT EXISTS search_decision_ai AFTER INSERT ON decision BEGIN
            INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, body)
            VALUES ('decision', NEW.id, NEW.meeting_id, NULL, replace(lower(coalesce(NEW.text, '') || char(10) || coalesce(NEW.text_en, '') || char(10) || coalesce(NEW.rationale, '')), '台', '臺'));
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_decision_au
        AFTER UPDATE OF id, text, text_en, rationale, meeting_id ON decision BEGIN
            UPDATE search_doc SET source_id = NEW.id, meeting_id = NEW.meeting_id,
                minutes_id = NULL, body = replace(lower(coalesce(NEW.text, '') || char(10) || coalesce(NEW.text_en, '') || char(10) || coalesce(NEW.rationale, '')), '台', '臺')
            WHERE source = 'decision' AND source_id = OLD.id;
            
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_decision_ad AFTER DELETE ON decision BEGIN
            DELETE FROM search_doc WHERE source = 'decision' AND source_id = OLD.id;
        END""",
    "INSERT OR IGNORE INTO search_doc (source, source_id, meeting_id, minutes_id, body) SELECT 'document', NEW.id, NULL, NULL, replace(lower(coalesce(NEW.title, '') || char(10) || coalesce(NEW.description, '')), '台', '臺') FROM document AS NEW",
    """CREATE TRIGGER IF NOT EXISTS search_document_ai AFTER INSERT ON document BEGIN
            INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, body)
            VALUES ('document', NEW.id, NULL, NULL, replace(lower(coalesce(NEW.title, '') || char(10) || coalesce(NEW.description, '')), '台', '臺'));
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_document_au
        AFTER UPDATE OF id, title, description ON document BEGIN
            UPDATE search_doc SET source_id = NEW.id, meeting_id = NULL,
                minutes_id = NULL, body = replace(lower(coalesce(NEW.title, '') || char(10) || coalesce(NEW.description, '')), '台', '臺')
            WHERE source = 'document' AND source_id = OLD.id;
            
        END""",
    """CREATE TRIGGER IF NOT EXISTS search_document_ad AFTER DELETE ON document BEGIN
            DELETE FROM search_doc WHERE source = 'document' AND source_id = OLD.id;
        END""",
]

# SQLite: everything SQLITE_INSTALL creates.
SQLITE_DROP = [
    'DROP TRIGGER IF EXISTS search_agenda_item_ai',
    'DROP TRIGGER IF EXISTS search_agenda_item_au',
    'DROP TRIGGER IF EXISTS search_agenda_item_ad',
    'DROP TRIGGER IF EXISTS search_minutes_ai',
    'DROP TRIGGER IF EXISTS search_minutes_au',
    'DROP TRIGGER IF EXISTS search_minutes_ad',
    'DROP TRIGGER IF EXISTS search_minutes_entry_ai',
    'DROP TRIGGER IF EXISTS search_minutes_entry_au',
    'DROP TRIGGER IF EXISTS search_minutes_entry_ad',
    'DROP TRIGGER IF EXISTS search_decision_ai',
    'DROP TRIGGER IF EXISTS search_decision_au',
    'DROP TRIGGER IF EXISTS search_decision_ad',
    'DROP TRIGGER IF EXISTS search_document_ai',
    'DROP TRIGGER IF EXISTS search_document_au',
    'DROP TRIGGER IF EXISTS search_document_ad',
    'DROP TABLE IF EXISTS search_fts',
    'DROP TABLE IF EXISTS search_doc',
]

# PostgreSQL: the folded copy (search_doc) with pg_trgm indexes, kept by plpgsql triggers.
POSTGRESQL_INSTALL = [
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    """CREATE TABLE IF NOT EXISTS search_doc (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source_id integer NOT NULL,
    meeting_id integer,
    minutes_id integer,
    sort_date timestamp NOT NULL,
    source text NOT NULL,
    body text NOT NULL,
    CONSTRAINT search_doc_source_key UNIQUE (source, source_id)
) WITH (toast_tuple_target = 8160)""",
    "INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, sort_date, body) SELECT 'agenda_item', NEW.id, NEW.meeting_id, NULL, (SELECT starts_at FROM meeting WHERE id = NEW.meeting_id), replace(lower(coalesce(NEW.title, '') || chr(10) || coalesce(NEW.title_en, '')), '台', '臺') FROM agenda_item AS NEW ON CONFLICT (source, source_id) DO NOTHING",
    "INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, sort_date, body) SELECT 'minutes', NEW.id, NEW.meeting_id, NEW.id, (SELECT starts_at FROM meeting WHERE id = NEW.meeting_id), replace(lower(coalesce(NEW.general_text, '')), '台', '臺') FROM minutes AS NEW ON CONFLICT (source, source_id) DO NOTHING",
    "INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, sort_date, body) SELECT 'minutes_entry', NEW.id, (SELECT meeting_id FROM minutes WHERE id = NEW.minutes_id), NEW.minutes_id, (SELECT m.starts_at FROM minutes v JOIN meeting m ON m.id = v.meeting_id WHERE v.id = NEW.minutes_id), replace(lower(coalesce(NEW.text, '')), '台', '臺') FROM minutes_entry AS NEW ON CONFLICT (source, source_id) DO NOTHING",
    "INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, sort_date, body) SELECT 'decision', NEW.id, NEW.meeting_id, NULL, NEW.decided_at, replace(lower(coalesce(NEW.text, '') || chr(10) || coalesce(NEW.text_en, '') || chr(10) || coalesce(NEW.rationale, '')), '台', '臺') FROM decision AS NEW ON CONFLICT (source, source_id) DO NOTHING",
    "INSERT INTO search_doc (source, source_id, meeting_id, minutes_id, sort_date, body) SELECT 'document', NEW.id, NULL, NULL, NEW.added_at, replace(lower(coalesce(NEW.title, '') || chr(10) || coalesce(NEW.description, '')), '台', '臺') FROM document AS NEW ON CONFLICT (source, source_id) DO NOTHING",
    'CREATE INDEX IF NOT EXISTS search_doc_body_trgm ON search_doc USING gin (body gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS search_doc_sort_date ON search_doc (sort_date, id)',
    'CREATE INDEX IF NOT EXISTS search_doc_meeting ON search_doc (meeting_id)',
    'CREATE INDEX IF NOT EXISTS search_doc_minutes ON search_doc (minutes_id)',
    """CREATE OR REPLACE FUNCTION search_agenda_item_sync() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR NEW.id <> OLD.id) THEN
            DELETE FROM search_doc WHERE source = 'agenda_item' AND source_id = OLD.id;
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN NULL;
        END IF;
        -- An update that leaves the copy as it was writes nothing (no index churn).
        INSERT INTO search_doc AS d (source, source_id, meeting_id, minutes_id, sort_date, body) VALUES ('agenda_item', NEW.id, NEW.meeting_id, NULL, (SELECT starts_at FROM meeting WHERE id = NEW.meeting_id), replace(lower(coalesce(NEW.title, '') || chr(10) || coalesce(NEW.title_en, '')), '台', '臺'))
        ON CONFLICT (source, source_id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id,
            minutes_id = EXCLUDED.minutes_id, sort_date = EXCLUDED.sort_date,
            body = EXCLUDED.body
        WHERE (d.meeting_id, d.minutes_id, d.sort_date, d.body) IS DISTINCT FROM
            (EXCLUDED.meeting_id, EXCLUDED.minutes_id, EXCLUDED.sort_date, EXCLUDED.body);
        RETURN NULL;
    END $body$""",
    'DROP TRIGGER IF EXISTS search_agenda_item_sync ON agenda_item',
    'CREATE TRIGGER search_agenda_item_sync AFTER INSERT OR DELETE OR UPDATE OF id, title, title_en, meeting_id ON agenda_item FOR EACH ROW EXECUTE FUNCTION search_agenda_item_sync()',
    """CREATE OR REPLACE FUNCTION search_minutes_sync() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR NEW.id <> OLD.id) THEN
            DELETE FROM search_doc WHERE source = 'minutes' AND source_id = OLD.id;
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN NULL;
        END IF;
        -- An update that leaves the copy as it was writes nothing (no index churn).
        INSERT INTO search_doc AS d (source, source_id, meeting_id, minutes_id, sort_date, body) VALUES ('minutes', NEW.id, NEW.meeting_id, NEW.id, (SELECT starts_at FROM meeting WHERE id = NEW.meeting_id), replace(lower(coalesce(NEW.general_text, '')), '台', '臺'))
        ON CONFLICT (source, source_id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id,
            minutes_id = EXCLUDED.minutes_id, sort_date = EXCLUDED.sort_date,
            body = EXCLUDED.body
        WHERE (d.meeting_id, d.minutes_id, d.sort_date, d.body) IS DISTINCT FROM
            (EXCLUDED.meeting_id, EXCLUDED.minutes_id, EXCLUDED.sort_date, EXCLUDED.body);
        IF TG_OP = 'UPDATE' THEN
            UPDATE search_doc SET meeting_id = NEW.meeting_id, sort_date = (SELECT starts_at FROM meeting WHERE id = NEW.meeting_id)
            WHERE source = 'minutes_entry' AND minutes_id = NEW.id
              AND meeting_id IS DISTINCT FROM NEW.meeting_id;
        END IF;
        RETURN NULL;
    END $body$""",
    'DROP TRIGGER IF EXISTS search_minutes_sync ON minutes',
    'CREATE TRIGGER search_minutes_sync AFTER INSERT OR DELETE OR UPDATE OF id, general_text, meeting_id ON minutes FOR EACH ROW EXECUTE FUNCTION search_minutes_sync()',
    """CREATE OR REPLACE FUNCTION search_minutes_entry_sync() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR NEW.id <> OLD.id) THEN
            DELETE FROM search_doc WHERE source = 'minutes_entry' AND source_id = OLD.id;
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN NULL;
        END IF;
        -- An update that leaves the copy as it was writes nothing (no index churn).
        INSERT INTO search_doc AS d (source, source_id, meeting_id, minutes_id, sort_date, body) VALUES ('minutes_entry', NEW.id, (SELECT meeting_id FROM minutes WHERE id = NEW.minutes_id), NEW.minutes_id, (SELECT m.starts_at FROM minutes v JOIN meeting m ON m.id = v.meeting_id WHERE v.id = NEW.minutes_id), replace(lower(coalesce(NEW.text, '')), '台', '臺'))
        ON CONFLICT (source, source_id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id,
            minutes_id = EXCLUDED.minutes_id, sort_date = EXCLUDED.sort_date,
            body = EXCLUDED.body
        WHERE (d.meeting_id, d.minutes_id, d.sort_date, d.body) IS DISTINCT FROM
            (EXCLUDED.meeting_id, EXCLUDED.minutes_id, EXCLUDED.sort_date, EXCLUDED.body);
        RETURN NULL;
    END $body$""",
    'DROP TRIGGER IF EXISTS search_minutes_entry_sync ON minutes_entry',
    'CREATE TRIGGER search_minutes_entry_sync AFTER INSERT OR DELETE OR UPDATE OF id, text, minutes_id ON minutes_entry FOR EACH ROW EXECUTE FUNCTION search_minutes_entry_sync()',
    """CREATE OR REPLACE FUNCTION search_decision_sync() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR NEW.id <> OLD.id) THEN
            DELETE FROM search_doc WHERE source = 'decision' AND source_id = OLD.id;
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN NULL;
        END IF;
        -- An update that leaves the copy as it was writes nothing (no index churn).
        INSERT INTO search_doc AS d (source, source_id, meeting_id, minutes_id, sort_date, body) VALUES ('decision', NEW.id, NEW.meeting_id, NULL, NEW.decided_at, replace(lower(coalesce(NEW.text, '') || chr(10) || coalesce(NEW.text_en, '') || chr(10) || coalesce(NEW.rationale, '')), '台', '臺'))
        ON CONFLICT (source, source_id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id,
            minutes_id = EXCLUDED.minutes_id, sort_date = EXCLUDED.sort_date,
            body = EXCLUDED.body
        WHERE (d.meeting_id, d.minutes_id, d.sort_date, d.body) IS DISTINCT FROM
            (EXCLUDED.meeting_id, EXCLUDED.minutes_id, EXCLUDED.sort_date, EXCLUDED.body);
        RETURN NULL;
    END $body$""",
    'DROP TRIGGER IF EXISTS search_decision_sync ON decision',
    'CREATE TRIGGER search_decision_sync AFTER INSERT OR DELETE OR UPDATE OF id, text, text_en, rationale, meeting_id, decided_at ON decision FOR EACH ROW EXECUTE FUNCTION search_decision_sync()',
    """CREATE OR REPLACE FUNCTION search_document_sync() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR NEW.id <> OLD.id) THEN
            DELETE FROM search_doc WHERE source = 'document' AND source_id = OLD.id;
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN NULL;
        END IF;
        -- An update that leaves the copy as it was writes nothing (no index churn).
        INSERT INTO search_doc AS d (source, source_id, meeting_id, minutes_id, sort_date, body) VALUES ('document', NEW.id, NULL, NULL, NEW.added_at, replace(lower(coalesce(NEW.title, '') || chr(10) || coalesce(NEW.description, '')), '台', '臺'))
        ON CONFLICT (source, source_id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id,
            minutes_id = EXCLUDED.minutes_id, sort_date = EXCLUDED.sort_date,
            body = EXCLUDED.body
        WHERE (d.meeting_id, d.minutes_id, d.sort_date, d.body) IS DISTINCT FROM
            (EXCLUDED.meeting_id, EXCLUDED.minutes_id, EXCLUDED.sort_date, EXCLUDED.body);
        RETURN NULL;
    END $body$""",
    'DROP TRIGGER IF EXISTS search_document_sync ON document',
    'CREATE TRIGGER search_document_sync AFTER INSERT OR DELETE OR UPDATE OF id, title, description, added_at ON document FOR EACH ROW EXECUTE FUNCTION search_document_sync()',
    """CREATE OR REPLACE FUNCTION search_meeting_sync() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        UPDATE search_doc SET sort_date = NEW.starts_at
        WHERE meeting_id = NEW.id AND source IN ('agenda_item', 'minutes', 'minutes_entry')
          AND sort_date <> NEW.starts_at;
        RETURN NULL;
    END $body$""",
    'DROP TRIGGER IF EXISTS search_meeting_sync ON meeting',
    'CREATE TRIGGER search_meeting_sync AFTER UPDATE OF starts_at ON meeting FOR EACH ROW EXECUTE FUNCTION search_meeting_sync()',
    'ANALYZE search_doc',
]

# PostgreSQL: everything POSTGRESQL_INSTALL creates (the extension stays), and 0003's
# original expression indexes.
POSTGRESQL_DROP = [
    'DROP TRIGGER IF EXISTS search_agenda_item_sync ON agenda_item',
    'DROP TRIGGER IF EXISTS search_minutes_sync ON minutes',
    'DROP TRIGGER IF EXISTS search_minutes_entry_sync ON minutes_entry',
    'DROP TRIGGER IF EXISTS search_decision_sync ON decision',
    'DROP TRIGGER IF EXISTS search_document_sync ON document',
    'DROP TRIGGER IF EXISTS search_meeting_sync ON meeting',
    'DROP FUNCTION IF EXISTS search_agenda_item_sync()',
    'DROP FUNCTION IF EXISTS search_minutes_sync()',
    'DROP FUNCTION IF EXISTS search_minutes_entry_sync()',
    'DROP FUNCTION IF EXISTS search_decision_sync()',
    'DROP FUNCTION IF EXISTS search_document_sync()',
    'DROP FUNCTION IF EXISTS search_meeting_sync()',
    'DROP TABLE IF EXISTS search_doc',
    'DROP INDEX IF EXISTS search_trgm_agenda_item',
    'DROP INDEX IF EXISTS search_trgm_minutes',
    'DROP INDEX IF EXISTS search_trgm_minutes_entry',
    'DROP INDEX IF EXISTS search_trgm_decision',
    'DROP INDEX IF EXISTS search_trgm_document',
]
