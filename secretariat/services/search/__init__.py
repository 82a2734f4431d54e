"""Full-text search over agenda items, minutes, decisions and papers.

``query`` runs a search; ``index`` (SQLite FTS5) and ``index_pg`` (PostgreSQL
trigram) keep the index; ``hits`` shapes results and snippets.
"""

from secretariat.services.search.query import (  # noqa: F401  (the package's public face)
    search_hits,
    Snippet,
    KIND_LABELS,
    KINDS,
    SOURCES,
    TAI,
    TAI_FORMAL,
    Source,
    drop_search_index,
    fold_expression,
    install_search_index,
    MIN_INDEXED_TERM,
    SearchHit,
    fold_term,
    query_terms,
    search,
    escape_like,
    postgresql_query,
)
