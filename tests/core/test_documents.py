"""The document repository: content-addressed, atomic, identical files stored once."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from secretariat.errors import SecretariatError
from secretariat.model import Document, DocumentKind
from secretariat.services import documents as documents_service
from secretariat.services.documents import (
    add_document,
    attach_document,
    detach_document,
    document_file,
    documents_of_item,
)
from secretariat.services.meetings import add_agenda_item, schedule_meeting

TPE = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def docs_dir(tmp_path) -> Path:
    return tmp_path / "documents"


def _file(tmp_path, name, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_file_is_stored_under_its_sha256(session, forum, tmp_path, docs_dir):
    content = "第三期國家行動方案草案".encode() * 100
    source = _file(tmp_path, "行動方案草案.pdf", content)
    doc = add_document(session, documents_dir=docs_dir, source=source, title="行動方案草案",
                       kind=DocumentKind.ACTION_PLAN, is_public=False)
    session.commit()
    sha = hashlib.sha256(content).hexdigest()
    assert doc.sha256 == sha
    assert document_file(docs_dir, doc) == docs_dir / sha[:2] / sha
    assert document_file(docs_dir, doc).read_bytes() == content
    assert (doc.file_name, doc.media_type, doc.size_bytes) == ("行動方案草案.pdf",
                                                               "application/pdf", len(content))
    assert not doc.is_public
    assert not [p for p in docs_dir.rglob(".incoming-*")]  # no temporary file left


def test_identical_content_is_stored_once(session, forum, tmp_path, docs_dir):
    a = _file(tmp_path, "a.txt", b"same paper")
    b = _file(tmp_path, "b.docx", b"same paper")
    first = add_document(session, documents_dir=docs_dir, source=a, title="甲")
    second = add_document(session, documents_dir=docs_dir, source=b, title="乙")
    assert first.sha256 == second.sha256
    assert len([p for p in docs_dir.rglob("*") if p.is_file()]) == 1
    assert second.media_type.startswith("application/vnd.openxmlformats")


def test_damaged_stored_copy_is_replaced(session, forum, tmp_path, docs_dir):
    source = _file(tmp_path, "a.txt", b"the real content")
    doc = add_document(session, documents_dir=docs_dir, source=source, title="甲")
    document_file(docs_dir, doc).write_bytes(b"cut")
    add_document(session, documents_dir=docs_dir, source=source, title="甲")
    assert document_file(docs_dir, doc).read_bytes() == b"the real content"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.pdf", "does not exist"),
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: _file(tmp, "empty.pdf", b""), "is empty"),
    ],
)
def test_bad_files_are_refused_and_nothing_saved(session, forum, tmp_path, docs_dir, make,
                                                 message):
    with pytest.raises(SecretariatError, match=message):
        add_document(session, documents_dir=docs_dir, source=make(tmp_path), title="文件")
    assert session.query(Document).count() == 0
    assert not docs_dir.exists()


def test_oversized_file_is_refused(session, forum, tmp_path, docs_dir, monkeypatch):
    monkeypatch.setattr(documents_service, "MAX_DOCUMENT_BYTES", 10)
    source = _file(tmp_path, "big.pdf", b"x" * 11)
    with pytest.raises(SecretariatError, match="larger than"):
        add_document(session, documents_dir=docs_dir, source=source, title="大檔案")
    assert session.query(Document).count() == 0


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_refused(session, forum, tmp_path, docs_dir):
    source = _file(tmp_path, "secret.pdf", b"x")
    source.chmod(0)
    with pytest.raises(SecretariatError, match="cannot be read"):
        add_document(session, documents_dir=docs_dir, source=source, title="文件")


def test_failed_copy_leaves_no_partial_file(session, forum, tmp_path, docs_dir, monkeypatch):
    source = _file(tmp_path, "a.pdf", b"content")

    def crash(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(documents_service.os, "replace", crash)
    with pytest.raises(OSError):
        add_document(session, documents_dir=docs_dir, source=source, title="文件")
    assert [p for p in docs_dir.rglob("*") if p.is_file()] == []


def test_missing_stored_file_gets_a_clear_message(session, forum, tmp_path, docs_dir):
    doc = add_document(session, documents_dir=docs_dir, source=_file(tmp_path, "a.pdf", b"x"),
                       title="會議資料")
    document_file(docs_dir, doc).unlink()
    with pytest.raises(SecretariatError, match="“會議資料” is missing"):
        document_file(docs_dir, doc)


def test_attach_and_detach_papers_to_agenda_items(session, forum, tmp_path, docs_dir):
    meeting = schedule_meeting(session, title="論壇會議", location="會議室",
                               starts_at=dt.datetime(2026, 3, 2, 14, tzinfo=TPE),
                               ends_at=dt.datetime(2026, 3, 2, 16, tzinfo=TPE))
    item = add_agenda_item(session, meeting.id, title="行動方案進度")
    doc = add_document(session, documents_dir=docs_dir, source=_file(tmp_path, "a.pdf", b"x"),
                       title="進度報告")
    attach_document(session, item.id, doc.id)
    attach_document(session, item.id, doc.id)  # twice changes nothing
    session.commit()
    assert [d.title for d in documents_of_item(session, item.id)] == ["進度報告"]
    detach_document(session, item.id, doc.id)
    session.commit()
    assert documents_of_item(session, item.id) == []
