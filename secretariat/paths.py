"""Where the program keeps its data, and which database a command opens."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ForumSecretariat"
DB_ENV = "SECRETARIAT_DB"


def data_dir() -> Path:
    """The user's data folder, created on first use."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "secretariat.db"


def resolve_db_url(cli_value: str | None = None) -> str:
    """``--db`` wins over ``SECRETARIAT_DB``, which wins over the data-folder default.

    A plain file path is accepted as well as an SQLAlchemy URL.
    """
    value = cli_value or os.environ.get(DB_ENV) or str(default_db_path())
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def cache_dir() -> Path:
    """The user's cache folder (what can be rebuilt, e.g. the first-page snapshot),
    created on first use."""
    path = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
