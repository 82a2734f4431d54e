"""``secretariat coi meeting-declare|meeting-list|meeting-withdraw|flags``: interests
declared on agenda items at a meeting (recused, abstained, declared only: a recusal
flows into the item's decisions) and, before a meeting, the likely conflicts the
members' declarations suggest."""

from __future__ import annotations

import argparse

from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.cli.editing import change, enum_choices, glossed_choices, meeting, person_id
from secretariat.cli.meetings import add_meeting_argument
from secretariat.i18n import _, format_number, localized, ngettext
from secretariat.interest_vocabulary import MeetingInterestAction


def register(commands: Commands) -> None:
    coi = commands.group("coi", help=_("conflicts of interest: declarations, the register "
                                       "of interests, recusals at meetings"))
    declare = coi.add("meeting-declare", handler=declare_at_meeting, help=_(
        "record an interest a member declared on an agenda item, and what they did"))
    add_meeting_argument(declare)
    declare.add_argument("item", type=record_number, metavar=_("ITEM"),
                         help=_("the agenda item (its number, as “meeting show” lists it)"))
    declare.add_argument("person", metavar=_("PERSON"),
                         help=_("the person's number or exact name"))
    declare.add_argument("--action", required=True, **enum_choices(MeetingInterestAction),
                         help=_("what they did: {choices}").format(
                             choices=glossed_choices(MeetingInterestAction)))
    declare.add_argument("--nature", required=True, metavar=_("TEXT"),
                         help=_("the nature of the interest"))

    listing = coi.add("meeting-list", handler=list_meeting_declarations,
                      help=_("list the interests declared at a meeting"))
    add_meeting_argument(listing)

    removal = coi.add("meeting-withdraw", handler=withdraw_declaration, help=_(
        "remove an interest declared at a meeting by mistake (not once the minutes are "
        "approved)"))
    removal.add_argument("declaration_id", type=record_number, metavar=_("ID"),
                          help=_("its number, as “coi meeting-list” shows it"))

    flags = coi.add("flags", handler=list_flags, help=_(
        "list likely conflicts of interest on a meeting's agenda, from the members' "
        "declared interests"))
    add_meeting_argument(flags)


def declare_at_meeting(args: argparse.Namespace) -> int:
    from secretariat.services.interests import meeting_declare

    def work(_store, s) -> str:
        declaration = meeting_declare.declare_at_meeting(
            s, meeting_id=meeting(s, args.meeting_id).id, agenda_item_id=args.item,
            person_id=person_id(s, args.person), nature=args.nature, action=args.action)
        return _("Recorded declaration {id}: {name}, {action}.").format(
            id=declaration.id, name=declaration.person.name,
            action=_(declaration.action.label))

    print(change(args, work))
    return 0


def list_meeting_declarations(args: argparse.Namespace) -> int:
    from secretariat.services.interests.meeting_declare import meeting_declarations

    with opened_store(args) as store, store.session() as s:
        meeting(s, args.meeting_id)
        rows = meeting_declarations(s, args.meeting_id)
    if not rows:
        print(_("No interests were declared at this meeting."))
        return 0
    for row in rows:
        print(_("{id}  item {position} “{title}”: {name} — {nature} [{action}]").format(
            id=row.id, position=row.item_position,
            title=localized(row.item_title, row.item_title_en),
            name=localized(row.person_name, row.person_name_en), nature=row.nature,
            action=_(row.action.label)))
    return 0


def withdraw_declaration(args: argparse.Namespace) -> int:
    from secretariat.services.interests import meeting_declare

    def work(_store, s) -> str:
        meeting_declare.withdraw_meeting_declaration(s, args.declaration_id)
        return _("Removed declaration {id}.").format(id=args.declaration_id)

    print(change(args, work))
    return 0


def list_flags(args: argparse.Namespace) -> int:
    from secretariat.services.interests.flags import likely_conflicts

    with opened_store(args) as store, store.session() as s:
        meeting(s, args.meeting_id)
        found = likely_conflicts(s, args.meeting_id)
    if not found:
        print(_("No likely conflicts of interest on this agenda."))
        return 0
    for flag in found:
        where = _(flag.where).format(paper=flag.paper)
        line = _("Item {position} “{title}”: {name} declared {kind} ({organisation}), "
                 "named in {where}.").format(
            position=flag.item_position, title=localized(flag.item_title, flag.item_title_en),
            name=localized(flag.person_name, flag.person_name_en), kind=_(flag.kind.label),
            organisation=flag.organisation, where=where)
        notes = []
        if flag.is_private:
            notes.append(_("private interest"))
        if flag.declared_action is not None:
            notes.append(_("declared at the meeting: {action}").format(
                action=_(flag.declared_action.label)))
        print(line + (" [" + _("; ").join(notes) + "]" if notes else ""))
    print()
    print(ngettext("{count} likely conflict.", "{count} likely conflicts.",
                   len(found)).format(count=format_number(len(found))))
    return 0
