"""``secretariat meeting list`` and ``secretariat meeting show ID``.

Times are shown on the clock of the place where the meeting happens (its own time zone);
titles follow the language of the messages (the English title in English when there is
one), as in the desktop application.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from secretariat import dates
from secretariat.cli.commands import (
    Commands,
    display_width,
    opened_store,
    print_table,
    record_number,
)
from secretariat.export.document_language import pick
from secretariat.i18n import _, current_language, format_number, ngettext


def register(commands: Commands) -> None:
    meeting = commands.group("meeting", help=_("schedule, change, list and show meetings"))
    listing = meeting.add(
        "list", handler=list_meetings,
        help=_("list meetings: upcoming ones first (soonest first), then past ones"))
    when = listing.add_mutually_exclusive_group()
    when.add_argument("--upcoming", action="store_true",
                      help=_("only meetings that are not over yet"))
    when.add_argument("--past", action="store_true", help=_("only meetings that are over"))

    show = meeting.add(
        "show", handler=show_meeting,
        help=_("show a meeting: details, agenda, attendance, minutes, decisions and "
               "action items"))
    add_meeting_argument(show)


def add_meeting_argument(parser: argparse.ArgumentParser, *, optional: bool = False) -> None:
    """The meeting number positional, shared with the export commands."""
    parser.add_argument("meeting_id", type=record_number, metavar=_("ID"), nargs="?" if optional else None,
                        help=_("the meeting's number, as “secretariat meeting list” shows it"))


def pick_title(title: str, title_en: str) -> str:
    """The English title when messages are in English and one was entered."""
    return pick(title, title_en, current_language())


def local_when(moment: dt.datetime, time_zone: str) -> str:
    """``Dec 11, 2026 14:00`` on the meeting's own clock."""
    try:
        local = moment.astimezone(ZoneInfo(time_zone))
    except OverflowError:  # past the year 9999 there (kept by an older version): UTC
        return f"{dates.format_date(moment, fmt='medium')} {dates.format_time(moment)} UTC"
    return f"{dates.format_date(local, fmt='medium')} {dates.format_time(local)}"


# --- meeting list ------------------------------------------------------------------------


def list_meetings(args: argparse.Namespace) -> int:
    from secretariat.model import MeetingStatus, utcnow
    from secretariat.services import meetings
    from secretariat.services.forum import get_forum

    now = utcnow()
    with opened_store(args) as store, store.session() as s:
        rows = meetings.list_meetings(s, now=now)
        forum = get_forum(s)
    home_zone = forum.time_zone if forum else None
    upcoming = [r for r in rows if r.ends_at > now]
    past = [r for r in rows if r.ends_at <= now]
    sections = []
    if not args.past:
        sections.append((_("Upcoming meetings"), upcoming, _("No upcoming meetings.")))
    if not args.upcoming:
        sections.append((_("Past meetings"), past, _("No past meetings.")))
    header = (_("ID"), _("Date and time"), _("Type"), _("Title"), _("Agenda items"))
    for index, (heading, section, empty) in enumerate(sections):
        if index:
            print()
        print(heading)
        if not section:
            print("  " + empty)
            continue
        table = []
        for row in section:
            when = local_when(row.starts_at, row.time_zone)
            if row.time_zone != home_zone:  # say so when the clock is not the forum's
                when += f" ({row.time_zone})"
            title = pick_title(row.title, row.title_en)
            if row.status == MeetingStatus.CANCELLED:
                title = _("{title} (cancelled)").format(title=title)
            table.append((str(row.id), when, _(row.kind.label), title,
                          format_number(row.agenda_count)))
        print_columns([header, *table], right_align=(0, 4), indent="  ")
    return 0


def print_columns(rows: Sequence[Sequence[str]], *, right_align: Sequence[int] = (),
                  indent: str = "", out=None) -> None:
    """Rows of cells in columns padded to the widest cell (Chinese counts double)."""
    out = out or sys.stdout
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            cells.append(pad + cell if i in right_align else cell + pad)
        print(indent + "  ".join(cells).rstrip(), file=out)


# --- meeting show ------------------------------------------------------------------------


def show_meeting(args: argparse.Namespace) -> int:
    from secretariat.export.meeting_data import meeting_data
    from secretariat.services.meetings import meeting_record

    from secretariat.services.terms.compliance import notice_check_of

    with opened_store(args) as store, store.session() as s:
        record = meeting_record(s, args.meeting_id)  # an unknown id is an error
        notice = notice_check_of(s, args.meeting_id)
    data = meeting_data(record, current_language())
    _print_details(record.details, data, notice)
    _print_agenda(data)
    _print_attendance(record.summary)
    _print_minutes(record.minutes.versions, ZoneInfo(record.details.time_zone))
    _print_decisions([decision.row for decision in record.decisions])
    _print_actions(record.actions)
    return 0


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def _notice_text(notice) -> str:
    """The notice given against the period of the terms in force on the meeting's date."""
    if notice.given_days is None:
        return _("{required} days required; no notice recorded").format(
            required=format_number(notice.required_days))
    return (_("{required} days required, {given} given: met") if notice.met
            else _("{required} days required, {given} given: too short")).format(
        required=format_number(notice.required_days), given=format_number(notice.given_days))


def _print_details(meeting, data, notice=None) -> None:
    title = pick_title(meeting.title, meeting.title_en)
    other = meeting.title if title != meeting.title else meeting.title_en
    print(f"{title} ({other})" if other.strip() and other != title else title)
    when = dates.format_time_range(data.starts_at, data.ends_at)
    zone = dates.zone_label(data.starts_at)
    rows = [
        (_("Meeting number"), str(meeting.id)),
        (_("Record version"), str(meeting.version)),  # for --expected-version
        (_("Type"), _(meeting.kind.label)),
        (_("Phase"), _(meeting.phase.label)),
        (_("Modality"), _(meeting.modality.label)),
        (_("Status"), _(meeting.status.label)),
        (_("When"), f"{when} ({meeting.time_zone}, {zone})"),
    ]
    if meeting.location:
        rows.append((_("Location"), meeting.location))
    if meeting.remote_link:
        rows.append((_("Online link"), meeting.remote_link))
    rows.append((_("Public"), _yes_no(meeting.is_public)))
    if meeting.notice_sent_at is not None:
        sent = local_when(meeting.notice_sent_at, meeting.time_zone)
        if meeting.notice_recipients.strip():
            sent = _("{when}, to {recipients}").format(
                when=sent, recipients=" ".join(meeting.notice_recipients.split()))
        rows.append((_("Notice sent"), sent))
    if notice is not None:
        rows.append((_("Notice period"), _notice_text(notice)))
    print_table([("  " + label, value) for label, value in rows])


def _section(heading: str) -> None:
    print()
    print(heading)


def _print_agenda(data) -> None:
    _section(_("Agenda"))
    if not data.items:
        print("  " + _("No agenda items yet."))
        return
    for item in data.items:
        details = [_(item.purpose.label)]
        if item.planned_minutes is not None:
            details.append(_("{minutes} min").format(minutes=item.planned_minutes))
        if item.presenter:
            details.append(_("Presenter: {name}").format(name=item.presenter))
        print(f"  {item.number}. {item.title} [{' · '.join(details)}]")
        for paper in item.papers:
            shown = _("Paper: {title}") if paper.is_public else _("Paper (restricted): {title}")
            print("     " + shown.format(title=paper.title))


def _print_attendance(summary) -> None:
    _section(_("Attendance"))
    quorum = (_("{required} needed: met") if summary.quorum_met
              else _("{required} needed: not met")).format(
        required=format_number(summary.quorum_required))
    print_table([("  " + label, value) for label, value in [
        (_("Present"), format_number(summary.present)),
        (_("Remote"), format_number(summary.remote)),
        (_("Represented by proxy"), format_number(summary.proxy)),
        (_("Apologies"), format_number(summary.apologies)),
        (_("Absent"), format_number(summary.absent)),
        (_("Observers"), format_number(summary.observers)),
        (_("Guests"), format_number(summary.guests)),
        (_("Members attending"), _("{attending} of {entitled} entitled").format(
            attending=format_number(summary.members_attending),
            entitled=format_number(summary.members_entitled))),
        (_("Quorum"), quorum),
        # Which rules judged the meeting: the terms of reference in force on its date.
        (_("Rules"), (_("terms of reference version {version}: quorum {percent} %").format(
            version=summary.terms_version, percent=summary.quorum_percent)
            if summary.terms_version is not None else
            _("no terms of reference adopted yet: quorum {percent} %").format(
                percent=summary.quorum_percent))),
        (_("Government / non-government"), f"{format_number(summary.government)} / "
                                            f"{format_number(summary.non_government)}"),
    ]])


def _print_minutes(versions, zone: ZoneInfo) -> None:
    _section(_("Minutes"))
    if not versions:
        print("  " + _("No minutes yet."))
        return
    for v in versions:
        parts = [_(v.status.label)]
        if v.circulated_at is not None:
            parts.append(_("circulated on {date} to {recipients}").format(
                date=dates.format_date(v.circulated_at.astimezone(zone), fmt="medium"),
                recipients=v.circulated_to))
        if v.approved_at is not None:
            approved = dates.format_date(v.approved_at.astimezone(zone), fmt="medium")
            number = v.approved_by_decision_number
            parts.append(_("approved on {date} by decision {number}").format(
                date=approved, number=number) if number
                else _("approved on {date}").format(date=approved))
        if v.correction_reason:
            parts.append(_("correction: {reason}").format(reason=v.correction_reason))
        print("  " + _("Version {version}: {details}").format(
            version=v.version_no, details=_("; ").join(parts)))


def _votes(row) -> str:
    if row.votes_for is None:
        return _(row.method.label)
    return _("{method}: {votes_for} for, {votes_against} against, {votes_abstain} "
             "abstaining").format(method=_(row.method.label), votes_for=row.votes_for,
                                  votes_against=row.votes_against or 0,
                                  votes_abstain=row.votes_abstain or 0)


def _print_decisions(rows) -> None:
    _section(_("Decisions"))
    if not rows:
        print("  " + _("No decisions."))
        return
    for row in rows:
        text = " ".join(pick_title(row.text, row.text_en).split())
        print(f"  {row.number}  {text} [{' · '.join(decision_notes(row))}]")


def decision_notes(row) -> list[str]:
    """Method and votes, recusals, dissents, privacy: how a decision was taken, in short
    (shared with ``secretariat decision list``)."""
    notes = [_votes(row)]
    if row.recusal_count:
        notes.append(ngettext("{count} recused", "{count} recused",
                              row.recusal_count).format(count=row.recusal_count))
    if row.dissent_count:
        notes.append(ngettext("{count} dissenting statement", "{count} dissenting "
                              "statements", row.dissent_count).format(
            count=row.dissent_count))
    if not row.is_public:
        notes.append(_("not public"))
    return notes


def _print_actions(rows) -> None:
    _section(_("Action items"))
    if not rows:
        print("  " + _("No action items."))
        return
    for row in rows:
        notes = [_(row.status.label)]
        if row.owner_name:
            notes.insert(0, row.owner_name)
        if row.due_on is not None:
            notes.append(_("due {date}").format(date=dates.format_date(row.due_on,
                                                                         fmt="medium")))
        print(f"  - {row.description} [{' · '.join(notes)}]")
