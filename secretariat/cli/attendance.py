"""``secretariat attendance set|guest|list``: who attended a meeting.

People on record are named by number or by their exact name in Chinese or English; a
guest known only by name is added with ``attendance guest``. Quorum and the balance of
those attending are in ``secretariat meeting show``.
"""

from __future__ import annotations

import argparse

from secretariat.cli.commands import Commands, opened_store
from secretariat.cli.editing import (
    add_expected_version,
    change,
    enum_choices,
    glossed_choices,
    meeting,
    person_id,
)
from secretariat.cli.meetings import add_meeting_argument, print_columns
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.vocabulary import AttendanceStatus, AttendeeCapacity


def register(commands: Commands) -> None:
    attendance = commands.group("attendance", help=_("record who attended a meeting"))
    set_ = attendance.add(
        "set", handler=set_attendance,
        help=_("record a person's attendance (again to change it)"))
    add_meeting_argument(set_)
    add_person_argument(set_)
    set_.add_argument("--status", required=True, **enum_choices(AttendanceStatus),
                      help=_("present, remote, apologies, represented by proxy, or absent: "
                             "{choices}").format(choices=glossed_choices(AttendanceStatus)))
    set_.add_argument("--proxy", metavar=_("PERSON"),
                      help=_("with --status proxy: who represented the member"))
    set_.add_argument("--capacity", **enum_choices(AttendeeCapacity),
                      default=AttendeeCapacity.MEMBER.value,
                      help=_("attending as: {choices} (default: %(default)s)").format(
                          choices=glossed_choices(AttendeeCapacity)))
    add_expected_version(set_, "secretariat attendance list")

    guest = attendance.add("guest", handler=add_guest,
                           help=_("record a guest who is not on record, by name"))
    add_meeting_argument(guest)
    guest.add_argument("name", metavar=_("NAME"), help=_("the guest's name"))
    guest.add_argument("--observer", action="store_true",
                       help=_("attending as an observer rather than a guest"))

    listing = attendance.add("list", handler=list_attendance,
                             help=_("list who attended a meeting"))
    add_meeting_argument(listing)


def add_person_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("person", metavar=_("PERSON"),
                        help=_("the person's number, or exact name in Chinese or English"))


def set_attendance(args: argparse.Namespace) -> int:
    from secretariat.model import Person
    from secretariat.services.meetings import set_attendance as record

    def work(_store, s) -> str:
        record_meeting = meeting(s, args.meeting_id)
        attendee = person_id(s, args.person)
        proxy = person_id(s, args.proxy) if args.proxy else None
        if proxy is not None and args.status != AttendanceStatus.PROXY.value:
            raise SecretariatError(N_("--proxy names who represented a member: use it with "
                                      "--status proxy."))
        entry = record(s, record_meeting.id, person_id=attendee, status=args.status,
                       capacity=args.capacity, represented_by_id=proxy,
                       expected_version=args.expected_version)
        name = s.get(Person, attendee).name
        status = _(entry.status.label)
        if entry.represented_by_id is not None:
            status = _("{status} ({proxy})").format(
                status=status, proxy=s.get(Person, entry.represented_by_id).name)
        return _("{name}: {status} at meeting {id}.").format(name=name, status=status,
                                                            id=record_meeting.id)

    print(change(args, work))
    return 0


def add_guest(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import set_attendance as record

    capacity = AttendeeCapacity.OBSERVER if args.observer else AttendeeCapacity.GUEST
    def work(_store, s) -> str:
        record_meeting = meeting(s, args.meeting_id)
        entry = record(s, record_meeting.id, guest_name=args.name,
                       status=AttendanceStatus.PRESENT, capacity=capacity)
        return _("{name} ({capacity}) attends meeting {id}.").format(
            name=entry.guest_name, capacity=_(capacity.label), id=record_meeting.id)

    print(change(args, work))
    return 0


def list_attendance(args: argparse.Namespace) -> int:
    """Who attended; before anything is recorded, who is expected (the members holding a
    seat on the meeting day), each "not recorded"."""
    from secretariat.services.meetings import meeting_record

    with opened_store(args) as store, store.session() as s:
        record = meeting_record(s, args.meeting_id)
    recorded = sorted(record.recorded_attendees(),
                      key=lambda row: (row.person_id is None, row.attendance_id))
    rows = []
    for entry in recorded or [row for row in record.attendees if row.expected]:
        if entry.status is None:
            status = _("Not recorded")
        elif entry.represented_by_id is not None:
            status = _("{status} ({proxy})").format(status=_(entry.status.label),
                                                    proxy=entry.represented_by)
        else:
            status = _(entry.status.label)
        number = str(entry.person_id) if entry.person_id is not None else "-"
        version = str(entry.version) if entry.attendance_id is not None else "-"
        rows.append((number, entry.name, _(entry.capacity.label), status, version))
    if not rows:
        print(_("No attendance recorded yet."))
        return 0
    header = (_("Number"), _("Name"), _("Attending as"), _("Attendance"), _("Record version"))
    print_columns([header, *rows], right_align=(0, 4))
    return 0
