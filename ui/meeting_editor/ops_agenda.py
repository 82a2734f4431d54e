"""Agenda and paper operations of the meeting editor (worker thread, no Qt).

Each returns a ``Change`` naming the meeting, so the editor and the meeting list reload.
Removing an item remembers what the undo needs to put it back where it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.model import AgendaItem, DocumentKind, ItemPurpose, ProposedBy
from secretariat.services import documents as document_service
from secretariat.services import meetings as meeting_service
from secretariat.services.validation import get_or_error
from secretariat.i18n import N_
from ui.operations import MEETINGS, Change
from ui.operations.form_values import FormValues

AGENDA_ITEM = "agenda_item"  # RecordIds topic: an item re-created by undo gets a new id


@dataclass(frozen=True)
class ItemForm(FormValues):
    title: str = ""
    title_en: str = ""
    purpose: ItemPurpose = ItemPurpose.DISCUSSION
    presenter: str = ""
    planned_minutes: int | None = None
    proposed_by: ProposedBy = ProposedBy.GOVERNMENT


@dataclass(frozen=True)
class RemovedItem:
    """What an undo of "remove item" re-creates."""

    meeting_id: int
    position: int
    form: ItemForm
    document_ids: tuple[int, ...]


def _item(s: Session, item_id: int) -> AgendaItem:
    return get_or_error(s, AgendaItem, item_id, N_("agenda item"))


def _changed(meeting_id: int) -> Change:
    return Change(MEETINGS, (meeting_id,))


def read_item(s: Session, item_id: int) -> ItemForm:
    item = _item(s, item_id)
    return ItemForm.read_from(item)


def add_item(s: Session, meeting_id: int, form: ItemForm) -> tuple[Change, int]:
    item = meeting_service.add_agenda_item(s, meeting_id, **form.as_fields())
    return _changed(meeting_id), item.id


def edit_item(s: Session, item_id: int, form: ItemForm) -> tuple[Change, ItemForm]:
    old = read_item(s, item_id)
    changed = form.changes_from(old)
    item = (meeting_service.update_agenda_item(s, item_id, **changed) if changed
            else _item(s, item_id))
    return _changed(item.meeting_id), old


def remove_item(s: Session, item_id: int) -> tuple[Change, RemovedItem]:
    item = _item(s, item_id)
    removed = RemovedItem(item.meeting_id, item.position, read_item(s, item_id),
                          tuple(d.id for d in item.documents))
    meeting_service.remove_agenda_item(s, item_id)
    return _changed(removed.meeting_id), removed


def restore_item(s: Session, removed: RemovedItem) -> tuple[Change, int]:
    """Undo of ``remove_item``: the same fields, papers and position (new id)."""
    item = meeting_service.add_agenda_item(s, removed.meeting_id, **removed.form.as_fields())
    for document_id in removed.document_ids:
        document_service.attach_document(s, item.id, document_id)
    meeting_service.move_agenda_item(s, item.id, removed.position)
    return _changed(removed.meeting_id), item.id


def move_item(s: Session, item_id: int, new_position: int) -> tuple[Change, int]:
    """Returns the change and the old position (for undo)."""
    old = _item(s, item_id).position
    item = meeting_service.move_agenda_item(s, item_id, new_position)
    return _changed(item.meeting_id), old


def add_paper(s: Session, documents_dir: Path, item_id: int, source: Path, title: str,
              is_public: bool, language: str) -> tuple[Change, int]:
    """Copy a file into the document repository and attach it to the item."""
    item = _item(s, item_id)
    document = document_service.add_document(
        s, documents_dir=documents_dir, source=source, title=title, kind=DocumentKind.PAPER,
        language=language, is_public=is_public)
    document_service.attach_document(s, item.id, document.id)
    return _changed(item.meeting_id), document.id


def attach_paper(s: Session, item_id: int, document_id: int) -> Change:
    document_service.attach_document(s, item_id, document_id)
    return _changed(_item(s, item_id).meeting_id)


def detach_paper(s: Session, item_id: int, document_id: int) -> Change:
    document_service.detach_document(s, item_id, document_id)
    return _changed(_item(s, item_id).meeting_id)
