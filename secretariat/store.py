"""Opening a database: engine, sessions, SQLite pragmas.

PROVISIONAL: creates tables with ``create_all``; the store work replaces this with
Alembic migrations, backups and refusal of corrupt/newer databases, keeping the API:

    store = open_store(url)          # creates/migrates as needed
    with store.session() as s: ...   # a Session (expire_on_commit=False)
    store.documents_dir              # content-addressed files beside the database
    store.close()
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from secretariat.model import Base


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@dataclass
class Store:
    url: str
    engine: Engine
    _factory: sessionmaker = field(repr=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def documents_dir(self) -> Path:
        if self.is_sqlite and self.engine.url.database not in (None, "", ":memory:"):
            db = Path(self.engine.url.database)
            return db.with_name(db.name + ".files")
        from secretariat.paths import data_dir

        return data_dir() / "documents"

    def session(self) -> Session:
        return self._factory()

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str) -> Store:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    Base.metadata.create_all(engine)
    return Store(url, engine, sessionmaker(engine, expire_on_commit=False))
