"""``secretariat tor list|show|draft|adopt|publish|discard|diff|export|frequency``: the
forum's terms of reference (職權範圍) as numbered versions.

A clerk drafts a version (``tor draft FILE.toml``: the version in force with the file's
changes; ``tor draft`` alone: a plain copy to change later with ``tor edit VERSION FILE``), adopts it by a recorded
decision (``tor adopt 2 --decision 2026-S03-R02``) or, for terms adopted before the
decision log was kept, on a date (``--on 2025-01-15``), and publishes it. Adopted
versions never change; ``tor diff 1 2`` shows what a later version changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from secretariat import dates
from secretariat.cli.commands import Commands, opened_store, print_table, record_number
from secretariat.cli.editing import calendar_date, change, decision_by_number
from secretariat.i18n import LANGUAGES, N_, _
from secretariat.terms_vocabulary import TOPICS

DRAFT_FILE_HELP = N_(
    "a TOML or JSON file with the changes: change_note = \"…\"; [rules] quorum_percent = 60, "
    "notice_days = 10 …; [texts.mandate] zh_TW = \"…\", en = \"…\" (topics: {topics}); "
    "[[seats]] sector = \"civil_society\", seats = 6, alternates = 6. What it leaves out "
    "is copied from the version in force")


def register(commands: Commands) -> None:
    tor = commands.group("tor", help=_("the terms of reference (職權範圍): versions, "
                                       "adoption, differences, PDF"))
    tor.add("list", handler=list_versions, help=_("list the versions of the terms of reference"))

    show = tor.add("show", handler=show_version, help=_("print one version: its rules and "
                                                        "the text of every topic"))
    show.add_argument("terms_version", type=record_number, metavar=_("VERSION"))
    _add_language(show, _("the language of the text (default: both)"))

    draft = tor.add("draft", handler=draft_version,
                    help=_("draft a new version: a copy of the version in force, with the "
                           "changes a file gives"))
    draft.add_argument("file", nargs="?", type=Path, metavar=_("FILE"),
                       help=_(DRAFT_FILE_HELP).format(
                           topics=", ".join(key for key, _label in TOPICS)))
    draft.add_argument("--from", dest="based_on", type=record_number, metavar=_("VERSION"),
                       help=_("copy this version instead of the one in force"))

    edit = tor.add("edit", handler=edit_draft,
                   help=_("change the draft version with the changes a file gives"))
    edit.add_argument("terms_version", type=record_number, metavar=_("VERSION"))
    edit.add_argument("file", type=Path, metavar=_("FILE"),
                      help=_("a TOML or JSON file, as for “secretariat tor draft”"))

    adopt = tor.add("adopt", handler=adopt_version,
                    help=_("adopt the draft version: by a recorded decision, or on a date"))
    adopt.add_argument("terms_version", type=record_number, metavar=_("VERSION"))
    how = adopt.add_mutually_exclusive_group(required=True)
    how.add_argument("--decision", metavar=_("NUMBER"),
                     help=_("the number of the adopting decision, e.g. 2026-S03-R02"))
    how.add_argument("--on", metavar=_("DATE"),
                     help=_("the adoption date (YYYY-MM-DD), for terms adopted before the "
                            "decision log was kept"))

    publish = tor.add("publish", handler=publish_version,
                      help=_("record the publication of an adopted version"))
    publish.add_argument("terms_version", type=record_number, metavar=_("VERSION"))
    publish.add_argument("--on", required=True, metavar=_("DATE"),
                         help=_("the publication date (YYYY-MM-DD)"))

    discard = tor.add("discard", handler=discard_version, help=_("discard the draft version"))
    discard.add_argument("terms_version", type=record_number, metavar=_("VERSION"))

    diff = tor.add("diff", handler=show_diff,
                   help=_("show what changed between two versions"))
    diff.add_argument("old", type=record_number, metavar=_("V1"), help=_("the earlier version"))
    diff.add_argument("new", type=record_number, metavar=_("V2"), help=_("the later version"))

    export = tor.add("export", handler=export_version, help=_("write one version as a PDF"))
    export.add_argument("terms_version", type=record_number, metavar=_("VERSION"))
    export.add_argument("--out", required=True, type=Path, metavar=_("FILE.pdf"),
                        help=_("the file to write (replaced if it exists)"))
    _add_language(export, _("the language of the document (default: both, Chinese first)"))

    frequency = tor.add("frequency", handler=show_frequency,
                        help=_("forum meetings in a year against the number the terms of "
                               "reference require"))
    frequency.add_argument("--year", type=int, metavar=_("YEAR"),
                           help=_("the calendar year (default: this year)"))


def _add_language(parser: argparse.ArgumentParser, help_text: str) -> None:
    # Not "lang": the top-level --lang (the messages' language) keeps its own dest.
    parser.add_argument("--language", dest="document_language", choices=list(LANGUAGES),
                        help=help_text)


def _languages(args: argparse.Namespace) -> tuple[str, ...]:
    return (args.document_language,) if args.document_language else ("zh_TW", "en")


def _day(value) -> str:
    return dates.format_date(value, fmt="medium") if value else "-"


def list_versions(args: argparse.Namespace) -> int:
    from secretariat.cli.meetings import print_columns
    from secretariat.services.terms.versions import list_views

    with opened_store(args) as store, store.session() as s:
        views = list_views(s)
    if not views:
        print(_("No terms of reference yet: draft the first version with "
                "“secretariat tor draft”."))
        return 0
    header = [_("Version"), _("Status"), _("Adopted on"), _("By decision"), _("Published on"),
              _("Quorum")]
    rows = [[str(v.version_no), _(v.status.label), _day(v.adopted_on),
             v.adopted_by_decision_number or "-", _day(v.published_on),
             f"{v.rules['quorum_percent']} %"] for v in views]
    print_columns([header, *rows], right_align=(0,))
    return 0


def show_version(args: argparse.Namespace) -> int:
    from secretariat.cli.terms_text import print_version
    from secretariat.services.terms.versions import view_version

    with opened_store(args) as store, store.session() as s:
        shown = view_version(s, args.terms_version)
    print_version(shown, _languages(args))
    return 0


def draft_version(args: argparse.Namespace) -> int:
    from secretariat.services.terms import drafting
    from secretariat.services.terms.draft_file import DraftSpec, read_draft_file

    spec = read_draft_file(args.file) if args.file is not None else DraftSpec()

    def work(_store, s) -> str:
        terms = drafting.draft_version(s, based_on=args.based_on, rules=spec.rules,
                                       texts=spec.texts, seats=spec.seats,
                                       change_note=spec.change_note or "")
        return _("Drafted version {version} of the terms of reference; adopt it with "
                 "“secretariat tor adopt {version} --decision NUMBER”.").format(
            version=terms.version_no)

    print(change(args, work))
    return 0


def edit_draft(args: argparse.Namespace) -> int:
    from secretariat.services.terms import drafting
    from secretariat.services.terms.draft_file import read_draft_file

    spec = read_draft_file(args.file)

    def work(_store, s) -> str:
        terms = drafting.update_draft(s, args.terms_version, rules=spec.rules,
                                      texts=spec.texts, seats=spec.seats,
                                      change_note=spec.change_note)
        return _("Changed the draft version {version} of the terms of reference.").format(
            version=terms.version_no)

    print(change(args, work))
    return 0


def adopt_version(args: argparse.Namespace) -> int:
    from secretariat.services.terms import adopting

    def work(_store, s) -> str:
        if args.decision is not None:
            decision = decision_by_number(s, args.decision)
            terms = adopting.adopt_version(s, args.terms_version, decision_id=decision.id)
            return _("Version {version} of the terms of reference is adopted by decision "
                     "{number}, in force from {date}.").format(
                version=terms.version_no, number=decision.number, date=_day(terms.adopted_on))
        terms = adopting.adopt_version(s, args.terms_version,
                                       on=calendar_date(args.on, N_("Adoption date")))
        return _("Version {version} of the terms of reference is adopted, in force from "
                 "{date}.").format(version=terms.version_no, date=_day(terms.adopted_on))

    print(change(args, work))
    return 0


def publish_version(args: argparse.Namespace) -> int:
    from secretariat.services.terms import adopting

    def work(_store, s) -> str:
        terms = adopting.publish_version(s, args.terms_version,
                                         on=calendar_date(args.on, N_("Publication date")))
        return _("Version {version} of the terms of reference was published on "
                 "{date}.").format(version=terms.version_no, date=_day(terms.published_on))

    print(change(args, work))
    return 0


def discard_version(args: argparse.Namespace) -> int:
    from secretariat.services.terms import drafting

    def work(_store, s) -> str:
        drafting.discard_draft(s, args.terms_version)
        return _("Discarded the draft version {version}.").format(version=args.terms_version)

    print(change(args, work))
    return 0


def show_diff(args: argparse.Namespace) -> int:
    from secretariat.cli.terms_text import print_diff
    from secretariat.services.terms.diff import terms_diff

    with opened_store(args) as store, store.session() as s:
        changes = terms_diff(s, args.old, args.new)
    print_diff(changes)
    return 0


def export_version(args: argparse.Namespace) -> int:
    from secretariat.cli.export import checked_output, write_errors_explained
    from secretariat.export import render_terms_pdf
    from secretariat.services.terms.versions import get_version

    out = checked_output(args.out, ".pdf")
    with opened_store(args) as store, store.session() as s:
        get_version(s, args.terms_version)  # an unknown version stops here
        with write_errors_explained(out):
            render_terms_pdf(s, args.terms_version, out, languages=_languages(args))
    print(_("Wrote version {version} of the terms of reference to {path}.").format(
        version=args.terms_version, path=out))
    return 0


def show_frequency(args: argparse.Namespace) -> int:
    import datetime as dt

    from secretariat.services.forum import require_forum
    from secretariat.services.terms.compliance import meeting_frequency

    year = args.year or dt.date.today().year
    with opened_store(args) as store, store.session() as s:
        require_forum(s)
        result = meeting_frequency(s, year)
    if result.terms_version is None:
        print(_("No terms of reference were in force in {year}.").format(year=year))
        return 0
    print(_("Forum meetings in {year}, against version {version} of the terms of "
            "reference:").format(year=year, version=result.terms_version))
    print_table([("  " + _(row.phase.label),
                  (_("{held} of {required}: met") if row.met
                   else _("{held} of {required}: too few")).format(
                      held=row.held, required=row.required)) for row in result.rows])
    return 0
