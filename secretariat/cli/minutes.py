"""``secretariat minutes start|set|show|circulate|approve|correct|versions|diff``: the
minutes of a meeting through their lifecycle.

Draft → circulated (date, to whom) → approved by a decision of a later meeting, which
locks them. A correction after approval is a new draft version with its reason; earlier
versions stay readable (``minutes show --version``) and ``minutes diff`` shows what
changed. Commands that change the minutes work on the latest version.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from secretariat import dates
from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.cli.editing import (
    add_expected_version,
    change,
    decision_by_number,
    local_moment_and_precision,
    meeting,
    read_text_file,
)
from secretariat.cli.meetings import add_meeting_argument, pick_title, print_columns
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _

SHOWN_BY = "secretariat minutes show"


def register(commands: Commands) -> None:
    minutes = commands.group("minutes", help=_("write, circulate, approve and correct "
                                               "the minutes of a meeting"))
    start = minutes.add("start", handler=start_minutes,
                        help=_("start the minutes of a meeting: a draft with an entry for "
                               "every agenda item"))
    add_meeting_argument(start)

    set_ = minutes.add("set", handler=set_text,
                       help=_("write the text of one agenda item, or of the other matters "
                              "after the items, in the draft minutes"))
    add_meeting_argument(set_)
    where = set_.add_mutually_exclusive_group()
    where.add_argument("--item", type=record_number, metavar=_("ITEM"),
                       help=_("the agenda item's number, as “secretariat agenda list” "
                              "shows it"))
    where.add_argument("--general", "--other-matters", dest="general", action="store_true",
                       help=_("the other matters after the agenda items: any other "
                              "business and the close of the meeting (the default "
                              "without --item)"))
    source = set_.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", metavar=_("TEXT"), help=_("the text"))
    source.add_argument("--file", type=Path, metavar=_("FILE"),
                        help=_("read the text from a UTF-8 text file"))
    add_expected_version(set_, SHOWN_BY)

    show = minutes.add("show", handler=show_minutes, help=_("print the text of the minutes"))
    add_meeting_argument(show)
    show.add_argument("--version", dest="minutes_version", type=record_number, metavar="N",
                      help=_("the version to print (default: the latest)"))

    circulate = minutes.add("circulate", handler=circulate_minutes,
                            help=_("record that the draft minutes were circulated"))
    add_meeting_argument(circulate)
    circulate.add_argument("--on", required=True, metavar=_("DATE"),
                           help=_("when they were circulated: a date, or a date and time, "
                                  "on the meeting's clock"))
    circulate.add_argument("--to", required=True, metavar=_("RECIPIENTS"),
                           help=_("to whom they were circulated"))
    add_expected_version(circulate, SHOWN_BY)

    approve = minutes.add("approve", handler=approve_minutes,
                          help=_("approve circulated minutes by a decision of a later "
                                 "meeting, which locks them"))
    add_meeting_argument(approve)
    approve.add_argument("--decision", required=True, metavar=_("NUMBER"),
                         help=_("the number of the approving decision, e.g. 2026-03-02"))
    add_expected_version(approve, SHOWN_BY)

    correct = minutes.add("correct", handler=correct_minutes,
                          help=_("open a correction of approved minutes: a new draft "
                                 "version"))
    add_meeting_argument(correct)
    correct.add_argument("--reason", required=True, metavar=_("TEXT"),
                         help=_("why the approved minutes need correcting"))
    add_expected_version(correct, SHOWN_BY)

    versions = minutes.add("versions", handler=list_versions,
                           help=_("list the versions of a meeting's minutes"))
    add_meeting_argument(versions)

    diff = minutes.add("diff", handler=show_diff,
                       help=_("show what changed between two versions of the minutes"))
    add_meeting_argument(diff)
    diff.add_argument("old", type=record_number, metavar=_("V1"), help=_("the earlier version"))
    diff.add_argument("new", type=record_number, metavar=_("V2"), help=_("the later version"))


def _latest(s, meeting_id: int):
    from secretariat.services.meetings.minutes import latest_minutes

    record = meeting(s, meeting_id)
    minutes = latest_minutes(s, record.id)
    if minutes is None:
        raise SecretariatError(N_("Meeting {id} has no minutes yet: start them with "
                                  "“secretariat minutes start {id}”."), id=record.id)
    return minutes


def _version(s, meeting_id: int, version_no: int):
    from sqlalchemy import select

    from secretariat.model import Minutes

    minutes = s.scalars(select(Minutes).where(Minutes.meeting_id == meeting(s, meeting_id).id,
                                              Minutes.version_no == version_no)).first()
    if minutes is None:
        raise SecretariatError(N_("The minutes of meeting {id} have no version {version}."),
                               id=meeting_id, version=version_no)
    return minutes


def start_minutes(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import minutes

    def work(_store, s) -> str:
        started = minutes.start_minutes(s, meeting(s, args.meeting_id).id)
        return _("Started draft minutes (version {version}) of meeting {id}.").format(
            version=started.version_no, id=args.meeting_id)

    print(change(args, work))
    return 0


def set_text(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import minutes

    text = args.text if args.text is not None else read_text_file(args.file)
    def work(_store, s) -> str:
        draft = _latest(s, args.meeting_id)
        minutes.set_minutes_text(s, draft.id, agenda_item_id=args.item, text=text,
                                 expected_version=args.expected_version)
        return (_("Saved the text of agenda item {item} in version {version} of the "
                  "minutes.").format(item=args.item, version=draft.version_no)
                if args.item is not None else
                _("Saved the other matters in version {version} of the minutes.").format(
                    version=draft.version_no))

    print(change(args, work))
    return 0


def show_minutes(args: argparse.Namespace) -> int:
    from secretariat.services.meetings.minutes import minutes_entries

    with opened_store(args) as store, store.session() as s:
        chosen = (_version(s, args.meeting_id, args.minutes_version)
                  if args.minutes_version is not None else _latest(s, args.meeting_id))
        print(_("Minutes of meeting {id}, version {version} ({status})").format(
            id=args.meeting_id, version=chosen.version_no, status=_(chosen.status.label)))
        print(_("Record version: {version}").format(version=chosen.version))
        sections = [(f"{entry.position}. {pick_title(entry.title, entry.title_en)}",
                     entry.text) for entry in minutes_entries(s, chosen.id)]
        # Last, under the heading the minutes PDF prints for them.
        sections.append((_("Other matters"), chosen.general_text))
    for heading, text in sections:
        print()
        print(heading)
        for line in (text.strip() or _("(nothing written)")).splitlines():
            print("  " + line)
    return 0


def _circulation_time(text: str, record) -> dt.datetime:
    """A bare date is the start of that day, except on the meeting's own day, when the
    minutes can only have gone out after the meeting: then its end."""
    moment, has_time = local_moment_and_precision(text, record.time_zone,
                                                  N_("Circulation time"))
    meeting_day = record.starts_at.astimezone(ZoneInfo(record.time_zone)).date()
    if not has_time and moment.date() == meeting_day:
        return record.ends_at
    return moment


def circulate_minutes(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import minutes

    def work(_store, s) -> str:
        draft = _latest(s, args.meeting_id)
        record = meeting(s, args.meeting_id)
        when = _circulation_time(args.on, record)
        minutes.circulate_minutes(s, draft.id, circulated_at=when, circulated_to=args.to,
                                  expected_version=args.expected_version)
        return _("Version {version} of the minutes of meeting {id} was circulated on "
                 "{date} to {recipients}.").format(
            version=draft.version_no, id=args.meeting_id,
            date=dates.format_date(when.astimezone(ZoneInfo(record.time_zone)), fmt="medium"),
            recipients=args.to.strip())

    print(change(args, work))
    return 0


def approve_minutes(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import minutes

    def work(_store, s) -> str:
        circulated = _latest(s, args.meeting_id)
        decision = decision_by_number(s, args.decision)
        minutes.approve_minutes(s, circulated.id, decision_id=decision.id,
                                expected_version=args.expected_version)
        return _("Version {version} of the minutes of meeting {id} is approved by decision "
                 "{number} and locked.").format(version=circulated.version_no,
                                                id=args.meeting_id, number=decision.number)

    print(change(args, work))
    return 0


def correct_minutes(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import minutes

    def work(_store, s) -> str:
        approved = _latest(s, args.meeting_id)
        draft = minutes.correct_minutes(s, approved.id, reason=args.reason,
                                        expected_version=args.expected_version)
        return _("Version {version} of the minutes of meeting {id} is a draft for the "
                 "correction; write it with “secretariat minutes set”.").format(
            version=draft.version_no, id=args.meeting_id)

    print(change(args, work))
    return 0


def list_versions(args: argparse.Namespace) -> int:
    from secretariat.services.meetings.minutes import minutes_versions

    with opened_store(args) as store, store.session() as s:
        zone = ZoneInfo(meeting(s, args.meeting_id).time_zone)
        versions = minutes_versions(s, args.meeting_id)
    if not versions:
        print(_("No minutes yet."))
        return 0

    def day(moment) -> str:
        return dates.format_date(moment.astimezone(zone), fmt="medium") if moment else "-"

    header = (_("Version"), _("Status"), _("Circulated"), _("Approved"), _("Decision"),
              _("Correction"))
    rows = [(str(v.version_no), _(v.status.label), day(v.circulated_at), day(v.approved_at),
             v.approved_by_decision_number or "-", v.correction_reason or "-")
            for v in versions]
    print_columns([header, *rows], right_align=(0,))
    return 0


def show_diff(args: argparse.Namespace) -> int:
    from secretariat.services.meetings.minutes import minutes_diff

    with opened_store(args) as store, store.session() as s:
        old = _version(s, args.meeting_id, args.old)
        new = _version(s, args.meeting_id, args.new)
        difference = minutes_diff(s, old.id, new.id)
    if not difference.changed:
        print(_("Versions {old} and {new} of the minutes are the same.").format(
            old=args.old, new=args.new))
        return 0
    print(difference.unified.rstrip("\n"))
    return 0
