"""``secretariat meeting create|update|cancel|notice``: planning a meeting from the command
line, with the same checks as the meeting editor of the desktop application.

Start and end are typed on the clock of the place where the meeting happens: the zone
given with ``--time-zone``, else the meeting's own (for an update), else the forum's.
"""

from __future__ import annotations

import argparse

from secretariat.cli.commands import Commands
from secretariat.cli.editing import (
    add_expected_version,
    change,
    checked_zone,
    enum_choices,
    forum_zone,
    glossed_choices,
    local_moment,
    meeting,
)
from secretariat.cli.meetings import add_meeting_argument, local_when, pick_title
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.vocabulary import MeetingKind, MeetingStatus, Modality, Phase

# Options that map one to one onto a field of the meeting service.
_PLAIN_FIELDS = {"title": "title", "title_en": "title_en", "kind": "kind", "phase": "phase",
                 "modality": "modality", "location": "location", "link": "remote_link",
                 "is_public": "is_public", "status": "status"}
SHOWN_BY = "secretariat meeting show"


def register(commands: Commands) -> None:
    # The group's help was given by secretariat.cli.meetings, registered first.
    group = commands.group("meeting", help=_("schedule, change, list and show meetings"))
    create = group.add("create", handler=create_meeting,
                       help=_("plan a new meeting and print its number"))
    _add_meeting_options(create, creating=True)

    update = group.add("update", handler=update_meeting,
                       help=_("change a meeting's details; only the options given change"))
    add_meeting_argument(update)
    _add_meeting_options(update, creating=False)
    update.add_argument(
        "--status", **enum_choices(MeetingStatus),
        help=_("what became of the meeting: {choices}. Held only once it has started; "
               "one with decisions or approved minutes stays held").format(
            choices=glossed_choices(MeetingStatus)))
    add_expected_version(update, SHOWN_BY)

    cancel = group.add("cancel", handler=cancel_meeting,
                       help=_("cancel a meeting (it stays on record)"))
    add_meeting_argument(cancel)
    add_expected_version(cancel, SHOWN_BY)

    notice = group.add("notice", handler=record_notice,
                       help=_("record when, and to whom, the notice of a meeting was sent"))
    add_meeting_argument(notice)
    notice.add_argument("--sent-at", metavar=_("DATE TIME"),
                        help=_("when the notice was sent, on the meeting's clock "
                               "(default: now)"))
    notice.add_argument("--to", required=True, metavar=_("RECIPIENTS"),
                        help=_("to whom it was sent, e.g. “all members; mailing list”"))
    add_expected_version(notice, SHOWN_BY)


def _add_meeting_options(parser: argparse.ArgumentParser, *, creating: bool) -> None:
    parser.add_argument("--title", required=creating, metavar=_("TITLE"),
                        help=_("the title in Chinese"))
    parser.add_argument("--title-en", metavar=_("TITLE"), help=_("the title in English"))
    parser.add_argument("--start", required=creating, metavar=_("DATE TIME"),
                        help=_("start, e.g. “2026-12-01 14:00”"))
    parser.add_argument("--end", required=creating, metavar=_("DATE TIME"),
                        help=_("end, e.g. “2026-12-01 16:00”"))
    parser.add_argument("--time-zone", metavar=_("ZONE"),
                        help=_("where the meeting happens, e.g. Asia/Taipei; start and end "
                               "are read on its clock (default: the meeting's, else the "
                               "forum's)"))
    # The choices are stored codes: their help says what each one reads as.
    parser.add_argument("--kind", **enum_choices(MeetingKind),
                        help=_("type of meeting: {choices} (default when planning: "
                               "forum_meeting)").format(choices=glossed_choices(MeetingKind)))
    parser.add_argument("--phase", **enum_choices(Phase),
                        help=_("phase of the action-plan cycle: {choices} (default when "
                               "planning: whole_cycle)").format(
                            choices=glossed_choices(Phase)))
    parser.add_argument("--modality", **enum_choices(Modality),
                        help=_("in person, remote or hybrid: {choices} (default when "
                               "planning: in_person)").format(
                            choices=glossed_choices(Modality)))
    parser.add_argument("--location", metavar=_("PLACE"),
                        help=_("where it is held (needed in person and hybrid)"))
    parser.add_argument("--link", metavar="URL",
                        help=_("the link to join remotely (needed remote and hybrid)"))
    public = parser.add_mutually_exclusive_group()
    public.add_argument("--public", dest="is_public", action="store_const", const=True,
                        help=_("open to the public"))
    public.add_argument("--closed", dest="is_public", action="store_const", const=False,
                        help=_("closed to the public (the default when planning)"))


def _given_fields(args: argparse.Namespace, zone: str) -> dict[str, object]:
    """The service fields for the options typed; times read on ``zone``'s clock."""
    fields = {field: getattr(args, option) for option, field in _PLAIN_FIELDS.items()
              if getattr(args, option, None) is not None}
    if args.start is not None:
        fields["starts_at"] = local_moment(args.start, zone, N_("Start"))
    if args.end is not None:
        fields["ends_at"] = local_moment(args.end, zone, N_("End"))
    return fields


def _describe(record) -> str:
    return _("“{title}”, {when}").format(title=pick_title(record.title, record.title_en),
                                        when=local_when(record.starts_at, record.time_zone))


def create_meeting(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import schedule_meeting

    def work(_store, s) -> str:
        zone = checked_zone(args.time_zone) if args.time_zone else forum_zone(s)
        planned = schedule_meeting(s, time_zone=zone, **_given_fields(args, zone))
        return _("Planned meeting {id}: {meeting}.").format(id=planned.id,
                                                            meeting=_describe(planned))

    print(change(args, work))
    return 0


def update_meeting(args: argparse.Namespace) -> int:
    from secretariat.services import meetings

    def work(_store, s) -> str:
        record = meeting(s, args.meeting_id)
        zone = checked_zone(args.time_zone) if args.time_zone else record.time_zone
        fields = _given_fields(args, zone)
        if args.time_zone:
            fields["time_zone"] = zone
        if not fields:
            raise SecretariatError(N_("Nothing to change: give at least one option, such "
                                      "as --title or --start."))
        changed = meetings.update_meeting(s, record.id, expected_version=args.expected_version,
                                          **fields)
        done = _("Meeting {id} updated: {meeting}.").format(id=changed.id,
                                                           meeting=_describe(changed))
        if args.status is None:
            return done
        return done + " " + _("Its status is now “{status}”.").format(
            status=_(changed.status.label))

    print(change(args, work))
    return 0


def cancel_meeting(args: argparse.Namespace) -> int:
    from secretariat.services import meetings

    def work(_store, s) -> str:
        cancelled = meetings.cancel_meeting(s, meeting(s, args.meeting_id).id,
                                            expected_version=args.expected_version)
        return _("Meeting {id} is cancelled: {meeting}. It stays on record.").format(
            id=cancelled.id, meeting=_describe(cancelled))

    print(change(args, work))
    return 0


def record_notice(args: argparse.Namespace) -> int:
    from secretariat.model import utcnow
    from secretariat.services import meetings

    recipients = " ".join((args.to or "").split())
    if not recipients:
        raise SecretariatError(N_("Say to whom the notice was sent."))
    def work(_store, s) -> str:
        record = meeting(s, args.meeting_id)
        sent_at = (local_moment(args.sent_at, record.time_zone, N_("Notice sent at"))
                   if args.sent_at else utcnow())
        meetings.update_meeting(s, record.id, expected_version=args.expected_version,
                                notice_sent_at=sent_at, notice_recipients=recipients)
        return _("Notice of meeting {id} recorded: sent {when} to {recipients}.").format(
            id=record.id, when=local_when(sent_at, record.time_zone), recipients=recipients)

    print(change(args, work))
    return 0
