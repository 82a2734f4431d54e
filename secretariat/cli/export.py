"""``secretariat export agenda|minutes|ics``: documents out of the meeting records.

The output path is checked before anything is rendered, and the files are written whole
(temporary file, then rename), so a refusal or a failure leaves nothing behind and never
a half-written document.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from secretariat import i18n
from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.cli.meetings import add_meeting_argument
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, ngettext


def register(commands: Commands) -> None:
    export = commands.group("export", help=_("write documents out of the records"))
    agenda = export.add("agenda", handler=export_agenda,
                        help=_("write a meeting's agenda as a PDF"))
    add_meeting_argument(agenda)
    _add_output(agenda, _("FILE.pdf"))
    _add_document_options(agenda)

    minutes = export.add(
        "minutes", handler=export_minutes,
        help=_("write a meeting's minutes, with attendance and decisions, as a PDF"))
    add_meeting_argument(minutes)
    _add_output(minutes, _("FILE.pdf"))
    _add_document_options(minutes)
    minutes.add_argument("--version", dest="minutes_version", type=record_number, metavar="N",
                         help=_("the version of the minutes to print (default: the latest)"))

    ics = export.add(
        "ics", handler=export_calendar,
        help=_("write a meeting, or all upcoming meetings, as a calendar (.ics) file"),
        description=_("Write an iCalendar file for Outlook, Google Calendar or Apple "
                      "Calendar: the meeting with the given number, or without a number "
                      "every meeting that is not over yet."))
    add_meeting_argument(ics, optional=True)
    _add_output(ics, _("FILE.ics"))
    _add_language(ics)
    # .ics files are passed around (mail, chat, a website): a closed meeting's link stays
    # out unless asked for. An open meeting's link is public either way.
    ics.add_argument("--with-link", action="store_true",
                     help=_("include the online link of closed meetings (leave it out of "
                            "files that will be passed on)"))


def _add_output(parser: argparse.ArgumentParser, metavar: str) -> None:
    parser.add_argument("--out", required=True, type=Path, metavar=metavar,
                        help=_("the file to write (replaced if it exists)"))


def _add_language(parser: argparse.ArgumentParser) -> None:
    # Not "lang": the top-level --lang (the messages' language) must keep its own dest.
    parser.add_argument("--lang", dest="document_language", choices=list(i18n.LANGUAGES),
                        help=_("language of the document (default: the language of the "
                               "messages)"))


def _add_document_options(parser: argparse.ArgumentParser) -> None:
    _add_language(parser)
    parser.add_argument("--roc", action="store_true",
                        help=_("write dates with Republic of China (民國) years (Chinese "
                               "documents only)"))
    # Internal by default: the secretariat's full record, marked "Internal document" on
    # every page. A default that silently left things out would pass for the complete
    # record; publishing is the deliberate step, and the public copy says so too.
    parser.add_argument("--public", action="store_true",
                        help=_("write the public version: only what may be published (no "
                               "restricted papers, no decisions marked not public, no "
                               "internal notes); default: the internal document"))


# --- checks shared by every export --------------------------------------------------------


def checked_output(path: Path, suffix: str) -> Path:
    """``path`` if a file can be written there; otherwise a message saying why not
    (``suffix`` makes the example file name in the message)."""
    out = path.expanduser()
    if out.is_dir():
        raise SecretariatError(N_("{path} is a folder: give the name of the file to write, "
                                  "for example {example}."),
                               path=out, example=out / f"document{suffix}")
    folder = out.parent
    if not folder.exists():
        raise SecretariatError(N_("The folder {folder} does not exist: create it first, or "
                                  "choose another place for the file."),
                               folder=folder.absolute())
    if not folder.is_dir():
        raise SecretariatError(N_("{folder} is a file, not a folder."), folder=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SecretariatError(N_("You may not write files in the folder {folder}."),
                               folder=folder.absolute())
    return out


@contextmanager
def write_errors_explained(out: Path) -> Iterator[None]:
    """A failure while writing (disk full, permissions changed…) as a clerk's message."""
    try:
        yield
    except OSError as error:
        raise SecretariatError(N_("Could not write {path}: {reason}."),
                               path=out, reason=error.strerror or error) from error


def _document_language(args: argparse.Namespace) -> str:
    return args.document_language or i18n.current_language()


def _check_roc(args: argparse.Namespace, language: str) -> None:
    if args.roc and language != "zh_TW":
        print(_("Note: --roc applies to Chinese documents only; the dates are written "
                "as usual."), file=sys.stderr)


def _meeting_title(s, meeting_id: int) -> str:
    """The title in the messages' language; an unknown number stops here, before any
    rendering."""
    from secretariat.export.meeting_data import load_meeting

    return load_meeting(s, meeting_id, language=i18n.current_language()).title


# --- the commands -------------------------------------------------------------------------


def export_agenda(args: argparse.Namespace) -> int:
    from secretariat.export import render_agenda_pdf

    return _export_pdf(args, render_agenda_pdf,
                       N_("Wrote the public agenda of “{title}” to {path}.") if args.public
                       else N_("Wrote the internal agenda of “{title}” to {path} (not for "
                               "publication: --public writes the public version)."))


def export_minutes(args: argparse.Namespace) -> int:
    from secretariat.export import render_minutes_pdf

    return _export_pdf(args, render_minutes_pdf,
                       N_("Wrote the public minutes of “{title}” to {path}.") if args.public
                       else N_("Wrote the internal minutes of “{title}” to {path} (not for "
                               "publication: --public writes the public version)."),
                       minutes_version=args.minutes_version)


def _export_pdf(args: argparse.Namespace, render, done: str, **options) -> int:
    """What every PDF export does: check the output and the meeting before rendering,
    then render with ``render(session, meeting_id, out, language=, roc=, public=,
    **options)``
    and print ``done`` (an N_() message with {title} and {path})."""
    out = checked_output(args.out, ".pdf")
    language = _document_language(args)
    _check_roc(args, language)
    with opened_store(args) as store, store.session() as s:
        title = _meeting_title(s, args.meeting_id)
        with write_errors_explained(out):
            render(s, args.meeting_id, out, language=language, roc=args.roc,
                   public=args.public, **options)
    print(_(done).format(title=title, path=out))
    return 0


def export_calendar(args: argparse.Namespace) -> int:
    from secretariat.atomic_files import write_atomically
    from secretariat.export import meeting_to_ics, upcoming_to_ics
    from secretariat.model import utcnow

    out = checked_output(args.out, ".ics")
    language = _document_language(args)
    with opened_store(args) as store, store.session() as s:
        if args.meeting_id is not None:
            # The calendar first: it refuses a meeting it cannot hold before its title is
            # read (a year-9999 date overflows on the meeting's clock).
            data = meeting_to_ics(s, args.meeting_id, language=language,
                                  with_link=args.with_link)
            title = _meeting_title(s, args.meeting_id)
            done = _("Wrote “{title}” to the calendar file {path}.").format(
                title=title, path=out)
        else:
            left_out: list = []
            data = upcoming_to_ics(s, now=utcnow(), language=language,
                                   with_link=args.with_link, left_out=left_out)
            _warn_left_out(left_out)
            count = data.count(b"BEGIN:VEVENT")  # what the file holds, whatever was left out
            done = ngettext("Wrote {count} upcoming meeting to the calendar file {path}.",
                            "Wrote {count} upcoming meetings to the calendar file {path}.",
                            count).format(count=count, path=out)
    with write_errors_explained(out):
        write_atomically(out, data)
    print(done)
    return 0


def _warn_left_out(left_out) -> None:
    """One line on stderr for each meeting the calendar could not hold (an impossible
    year, kept by an older version): the others are exported all the same."""
    from secretariat.services.validation import EARLIEST_YEAR, LATEST_YEAR

    for meeting in left_out:
        print(_("Warning: meeting {id} “{title}” is dated in the year {year}, outside "
                "{first}–{last}: it was left out of the calendar. Correct its date with "
                "“secretariat meeting update {id} --start … --end …”.").format(
            id=meeting.meeting_id, title=meeting.title, year=meeting.year,
            first=EARLIEST_YEAR, last=LATEST_YEAR), file=sys.stderr)
