"""``secretariat agenda add|list|move|remove|attach``: a meeting's agenda items and the
papers linked to them.

Agenda items are named by their own number (printed by ``agenda add`` and ``agenda
list``), which stays the same when items are reordered; their position is the number the
agenda shows (1, 2, 3…).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from secretariat import i18n
from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.cli.editing import (
    add_expected_version, change, enum_choices, glossed_choices, meeting,
)
from secretariat.cli.meetings import add_meeting_argument, pick_title, print_columns
from secretariat.i18n import N_, _, format_number
from secretariat.vocabulary import ItemPurpose, ProposedBy

SHOWN_BY = "secretariat agenda list"


def register(commands: Commands) -> None:
    agenda = commands.group("agenda", help=_("prepare a meeting's agenda"))
    add = agenda.add("add", handler=add_item,
                     help=_("add an item at the end of a meeting's agenda and print its "
                            "number"))
    add_meeting_argument(add)
    add.add_argument("--title", required=True, metavar=_("TITLE"),
                     help=_("the title in Chinese"))
    add.add_argument("--title-en", default="", metavar=_("TITLE"),
                     help=_("the title in English"))
    add.add_argument("--purpose", **enum_choices(ItemPurpose),
                     default=ItemPurpose.DISCUSSION.value,
                     help=_("for information, discussion or decision: {choices} (default: "
                            "%(default)s)").format(choices=glossed_choices(ItemPurpose)))
    add.add_argument("--presenter", default="", metavar=_("NAME"),
                     help=_("who presents the item"))
    add.add_argument("--minutes", dest="planned_minutes", type=int, metavar="N",
                     help=_("planned time in minutes"))
    add.add_argument("--proposed-by", **enum_choices(ProposedBy),
                     default=ProposedBy.GOVERNMENT.value,
                     help=_("who proposed the item: {choices} (default: %(default)s)").format(
                         choices=glossed_choices(ProposedBy)))

    listing = agenda.add("list", handler=list_items,
                         help=_("list a meeting's agenda items with their numbers"))
    add_meeting_argument(listing)

    move = agenda.add("move", handler=move_item,
                      help=_("move an agenda item to another position (1 = first)"))
    _add_item_argument(move)
    move.add_argument("position", type=record_number, metavar=_("POSITION"),
                      help=_("the new position on the agenda, 1 for the first item"))
    add_expected_version(move, SHOWN_BY)

    remove = agenda.add("remove", handler=remove_item,
                        help=_("remove an agenda item that has no minutes, decisions or "
                               "action items"))
    _add_item_argument(remove)
    add_expected_version(remove, SHOWN_BY)

    attach = agenda.add("attach", handler=attach_file,
                        help=_("add a file to the document repository and link it to an "
                               "agenda item as a paper"))
    _add_item_argument(attach)
    attach.add_argument("file", type=Path, metavar=_("FILE"), help=_("the file to add"))
    attach.add_argument("--title", metavar=_("TITLE"),
                        help=_("the paper's title (default: the file's name)"))
    attach.add_argument("--restricted", action="store_true",
                        help=_("not public: only the secretariat may publish it"))
    attach.add_argument("--lang", dest="document_language", choices=list(i18n.LANGUAGES),
                        default="zh_TW",
                        help=_("the language the paper is written in (default: "
                               "%(default)s)"))


def _add_item_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("item_id", type=record_number, metavar=_("ITEM"),
                        help=_("the agenda item's number, as “secretariat agenda list” "
                               "shows it"))


def _item(s, item_id: int):
    from secretariat.model import AgendaItem
    from secretariat.services.validation import get_or_error

    return get_or_error(s, AgendaItem, item_id, N_("agenda item"))


def add_item(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import add_agenda_item

    def work(_store, s) -> str:
        item = add_agenda_item(
            s, meeting(s, args.meeting_id).id, title=args.title, title_en=args.title_en,
            purpose=args.purpose, presenter=args.presenter,
            planned_minutes=args.planned_minutes, proposed_by=args.proposed_by)
        return _("Added agenda item {id} at position {position}: “{title}”.").format(
            id=item.id, position=item.position, title=item.title)

    print(change(args, work))
    return 0


def list_items(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import meeting_record

    with opened_store(args) as store, store.session() as s:
        record = meeting_record(s, args.meeting_id)
    rows = [(format_number(item.id), f"{item.position}.",
             pick_title(item.title, item.title_en), _(item.purpose.label),
             format_number(len(item.papers)), str(item.version))
            for item in record.agenda]
    if not rows:
        print(_("No agenda items yet."))
        return 0
    header = (_("Number"), _("Position"), _("Title"), _("Purpose"), _("Papers"),
              _("Record version"))
    print_columns([header, *rows], right_align=(0, 1, 4, 5))
    return 0


def move_item(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import move_agenda_item

    def work(_store, s) -> str:
        item = move_agenda_item(s, _item(s, args.item_id).id, args.position,
                                expected_version=args.expected_version)
        return _("Agenda item {id} “{title}” is now at position {position}.").format(
            id=item.id, title=item.title, position=item.position)

    print(change(args, work))
    return 0


def remove_item(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import remove_agenda_item

    def work(_store, s) -> str:
        title = _item(s, args.item_id).title
        remove_agenda_item(s, args.item_id, expected_version=args.expected_version)
        return title

    title = change(args, work)
    print(_("Removed agenda item {id} “{title}”.").format(id=args.item_id, title=title))
    return 0


def attach_file(args: argparse.Namespace) -> int:
    from secretariat.model import DocumentKind
    from secretariat.services.documents import add_document, attach_document

    source = args.file.expanduser()
    def work(store, s) -> str:
        item = _item(s, args.item_id)  # an unknown item stops before the file is copied
        # The file is stored under its hash: copying it again on a retry changes nothing.
        document = add_document(
            s, documents_dir=store.documents_dir, source=source,
            title=args.title if args.title is not None else source.name,
            kind=DocumentKind.PAPER, language=args.document_language,
            is_public=not args.restricted)
        attach_document(s, item.id, document.id)
        return _("Attached “{document}” (document {id}) to agenda item {item} “{title}”.")\
            .format(document=document.title, id=document.id, item=item.id, title=item.title)

    print(change(args, work))
    return 0
