"""``secretariat action add|list|done``: action items that come out of meetings, with
their owner, due date and status, and the list of overdue ones."""

from __future__ import annotations

import argparse
import datetime as dt

from secretariat import dates
from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.cli.editing import (
    add_expected_version,
    calendar_date,
    change,
    decision_by_number,
    enum_choices,
    glossed_choices,
    meeting,
    person_id,
)
from secretariat.cli.meetings import add_meeting_argument
from secretariat.i18n import N_, _, format_number, ngettext
from secretariat.vocabulary import ActionStatus


def register(commands: Commands) -> None:
    action = commands.group("action", help=_("follow the action items of meetings"))
    add = action.add("add", handler=add_action,
                     help=_("add an action item to a meeting and print its number"))
    add_meeting_argument(add)
    add.add_argument("--description", required=True, metavar=_("TEXT"),
                     help=_("what is to be done"))
    owner = add.add_mutually_exclusive_group()
    owner.add_argument("--owner", metavar=_("PERSON"),
                       help=_("who does it: a person's number or exact name"))
    owner.add_argument("--owner-text", default="", metavar=_("TEXT"),
                       help=_("who does it, when not a person on record (e.g. an agency)"))
    add.add_argument("--due", metavar=_("DATE"), help=_("due date, e.g. 2026-12-31"))
    add.add_argument("--item", type=record_number, metavar=_("ITEM"),
                     help=_("the agenda item it came from (its number)"))
    add.add_argument("--decision", metavar=_("NUMBER"),
                     help=_("the decision it carries out, e.g. 2026-03-02"))

    listing = action.add("list", handler=list_actions,
                         help=_("list action items by due date"))
    listing.add_argument("--status", **enum_choices(ActionStatus),
                         help=_("only action items with this status: {choices}").format(
                             choices=glossed_choices(ActionStatus)))
    listing.add_argument("--overdue", action="store_true",
                         help=_("only open or in-progress items past their due date"))
    listing.add_argument("--meeting", dest="meeting_id", type=record_number, metavar=_("ID"),
                         help=_("only action items of this meeting"))

    done = action.add("done", handler=mark_done,
                      help=_("mark an action item as done (today, unless --on says when)"))
    done.add_argument("action_id", type=record_number, metavar=_("ID"),
                      help=_("the action item's number, as “secretariat action list” "
                             "shows it"))
    done.add_argument("--on", metavar=_("DATE"),
                      help=_("the day it was done, YYYY-MM-DD, on or after its meeting"))
    add_expected_version(done, "secretariat action list")


def add_action(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import actions

    due = calendar_date(args.due, N_("Due date")) if args.due else None
    def work(_store, s) -> str:
        record = meeting(s, args.meeting_id)
        decision = decision_by_number(s, args.decision) if args.decision else None
        item = actions.add_action(
            s, meeting_id=record.id, description=args.description,
            owner_person_id=person_id(s, args.owner) if args.owner else None,
            owner_text=args.owner_text, due_on=due, agenda_item_id=args.item,
            decision_id=decision.id if decision is not None else None)
        return _("Added action item {id} to meeting {meeting}.").format(id=item.id,
                                                                       meeting=record.id)

    print(change(args, work))
    return 0


def list_actions(args: argparse.Namespace) -> int:
    from secretariat.services.meetings.actions import action_rows

    today = dt.date.today()
    with opened_store(args) as store, store.session() as s:
        if args.meeting_id is not None:
            meeting(s, args.meeting_id)  # an unknown meeting is an error, not an empty list
        rows = action_rows(s, status=args.status, meeting_id=args.meeting_id,
                           overdue_on=today if args.overdue else None)
    if not rows:
        print(_("No overdue action items.") if args.overdue else _("No action items."))
        return 0
    for row in rows:
        notes = [_(row.status.label)]
        if row.owner_name:
            notes.insert(0, row.owner_name)
        if row.due_on is not None:
            due = _("due {date}").format(date=dates.format_date(row.due_on, fmt="medium"))
            if row.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS) \
                    and row.due_on < today:
                due = _("{due}, overdue").format(due=due)
            notes.append(due)
        notes.append(_("Record version: {version}").format(version=row.version))
        print(_("{id}  meeting {meeting}: {description} [{notes}]").format(
            id=row.id, meeting=row.meeting_id, description=row.description,
            notes=" · ".join(notes)))
    print()
    print(ngettext("{count} action item.", "{count} action items.", len(rows)).format(
        count=format_number(len(rows))))
    return 0


def mark_done(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import actions

    completed_on = calendar_date(args.on, N_("Completion date")) if args.on else None
    def work(_store, s) -> str:
        item = actions.update_action(s, args.action_id, status=ActionStatus.DONE,
                                     completed_on=completed_on,
                                     expected_version=args.expected_version)
        return _("Action item {id} is done ({date}).").format(
            id=item.id, date=dates.format_date(item.completed_on, fmt="medium"))

    print(change(args, work))
    return 0
