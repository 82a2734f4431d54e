"""The hash-chained audit log of approved records: ``chain`` appends and verifies,
``content`` says what each record's hash covers, ``head`` keeps the chain's end outside
the database."""

from secretariat.services.audit.chain import (  # noqa: F401  (the package's public face)
    canonical_json,
    content_hash,
    iso,
    load_decisions,
    load_minutes,
    load_minutes_v1,
    GENESIS_HASH,
    MINUTES,
    DECISION,
    ContentLoader,
    LabelParams,
    RecordType,
    register_record_type,
    record_content,
    entry_hash,
    append_entry,
    chained_ids,
    is_chained,
    Problem,
    AuditReport,
    verify_chain,
)
from secretariat.store.audit_head import (  # noqa: F401
    HEAD_PATH_KEY,
    Head,
    head_path_for,
    read_head,
    write_head,
)

