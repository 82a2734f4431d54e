"""The document repository: records in the database, bytes in a content-addressed folder.

A file is stored as ``documents_dir/<sha[:2]>/<sha>``. Identical papers are stored once,
and a file is only ever visible under its final name once completely written (temporary
file in the same folder, fsync, ``os.replace``), so a crash never leaves half a paper.
If the caller's transaction is rolled back the copied file stays behind unreferenced;
that is harmless, and the next import of the same file reuses it. A source (a file, a
pipe, a device) is read once, and at most ``MAX_DOCUMENT_BYTES`` + 1 bytes of it.
"""

from __future__ import annotations

import hashlib
import itertools
import mimetypes
import os
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretariat.atomic_files import PARTIAL, fsync_folder, remove_stale_partials
from secretariat.errors import SecretariatError
from secretariat.i18n import LANGUAGES, N_
from secretariat.model import AgendaItem, Document, DocumentKind, agenda_item_document
from secretariat.services import user_files
from secretariat.services.validation import coerce_enum, flush, get_or_error, required_text
from secretariat.services.forum import require_forum

MAX_DOCUMENT_BYTES = 200 * 1024 * 1024


def add_document(
    s: Session,
    *,
    documents_dir: Path,
    source: Path,
    title: str,
    kind: DocumentKind | str = DocumentKind.OTHER,
    language: str = "zh_TW",
    is_public: bool = True,
    description: str = "",
) -> Document:
    forum = require_forum(s)
    clean_title = required_text(title, N_("Title"))
    kind = coerce_enum(DocumentKind, kind, N_("Document type"))
    if language not in LANGUAGES:
        raise SecretariatError(N_("“{language}” is not a supported language."), language=language)
    source = Path(source)
    sha, size = _store_file(Path(documents_dir), source)
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    document = Document(
        forum_id=forum.id, title=clean_title, kind=kind, language=language,
        is_public=bool(is_public), sha256=sha, file_name=source.name, media_type=media_type,
        size_bytes=size, description=(description or "").strip(),
    )
    s.add(document)
    flush(s)
    return document


def stored_path(documents_dir: Path, sha: str) -> Path:
    """Where the repository keeps the bytes whose SHA-256 is ``sha``."""
    return Path(documents_dir) / sha[:2] / sha


def document_file(documents_dir: Path, doc: Document) -> Path:
    """Where the document's bytes are; refuses with a message when the file has gone."""
    path = stored_path(documents_dir, doc.sha256)
    if not path.is_file():
        raise SecretariatError(
            N_("The file of “{title}” is missing from the document folder {folder}. "
               "Restore the folder from a backup."), title=doc.title, folder=str(documents_dir))
    return path


def stored_file(s: Session, documents_dir: Path, document_id: int) -> tuple[Path, str]:
    """The stored bytes of a document and the file name it was added under; refuses with
    a message when the record or its file has gone."""
    doc = get_or_error(s, Document, document_id, N_("document"))
    return document_file(documents_dir, doc), doc.file_name


def attach_document(s: Session, agenda_item_id: int, document_id: int) -> None:
    """Link a paper to an agenda item; attaching it twice changes nothing."""
    item = get_or_error(s, AgendaItem, agenda_item_id, N_("agenda item"))
    document = get_or_error(s, Document, document_id, N_("document"))
    if document not in item.documents:
        item.documents.append(document)
    flush(s)


def detach_document(s: Session, agenda_item_id: int, document_id: int) -> None:
    item = get_or_error(s, AgendaItem, agenda_item_id, N_("agenda item"))
    document = get_or_error(s, Document, document_id, N_("document"))
    if document in item.documents:
        item.documents.remove(document)
    flush(s)


def documents_of_item(s: Session, agenda_item_id: int) -> list[Document]:
    return list(s.scalars(
        select(Document).join(agenda_item_document,
                              agenda_item_document.c.document_id == Document.id)
        .where(agenda_item_document.c.agenda_item_id == agenda_item_id)
        .order_by(Document.title)
    ))


def _store_file(documents_dir: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the store in one bounded pass (a pipe can be read only once;
    ``/dev/zero`` never ends) and return its SHA-256 and size. The copy becomes visible
    under its final name only when complete; identical content already stored is kept."""
    with user_files.open_user_file(source) as src:
        pieces = user_files.chunks(src, source, MAX_DOCUMENT_BYTES)
        first = next(pieces, b"")  # a refused file leaves no trace, not even the folder
        if not first:
            raise SecretariatError(N_("The file {path} is empty."), path=str(source))
        documents_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_partials(documents_dir)
        # The temporary name is one that remove_stale_partials knows as ours.
        fd, temp = tempfile.mkstemp(prefix=f".incoming-{PARTIAL}{os.getpid()}-",
                                    dir=documents_dir)
        try:
            digest, size = hashlib.sha256(), 0
            with os.fdopen(fd, "wb") as out:
                for chunk in itertools.chain([first], pieces):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = stored_path(documents_dir, sha)
            if target.is_file() and target.stat().st_size == size:
                Path(temp).unlink()
                return sha, size
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    fsync_folder(target.parent)
    return sha, size
