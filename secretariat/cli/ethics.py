"""``secretariat ethics sign|signatures|unsigned``: members' signatures of the ethics
statement of each version of the terms of reference, and who in office has not signed
the statement of the version in force."""

from __future__ import annotations

import argparse
import datetime as dt

from secretariat import dates
from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.cli.editing import calendar_date, change, enum_choices, glossed_choices, person_id
from secretariat.i18n import N_, _, localized
from secretariat.terms_vocabulary import SigningMethod


def register(commands: Commands) -> None:
    ethics = commands.group("ethics", help=_("signatures of the ethics statement of the "
                                             "terms of reference"))
    sign = ethics.add("sign", handler=sign_statement,
                      help=_("record that a member signed the ethics statement of a version"))
    sign.add_argument("person", metavar=_("PERSON"), help=_("the person's number or exact name"))
    sign.add_argument("--version", dest="terms_version", required=True, type=record_number,
                      metavar=_("VERSION"), help=_("the version of the terms of reference"))
    sign.add_argument("--on", required=True, metavar=_("DATE"),
                      help=_("the day it was signed (YYYY-MM-DD)"))
    sign.add_argument("--how", required=True, **enum_choices(SigningMethod),
                      help=_("how it was signed: {choices}").format(
                          choices=glossed_choices(SigningMethod)))
    sign.add_argument("--meeting", type=record_number, metavar=_("MEETING"),
                      help=_("the meeting it was signed in (with --how in_meeting)"))

    signatures = ethics.add("signatures", handler=list_signatures,
                            help=_("list the signatures of a version's ethics statement"))
    signatures.add_argument("--version", dest="terms_version", required=True,
                            type=record_number, metavar=_("VERSION"))

    unsigned = ethics.add("unsigned", handler=list_unsigned,
                          help=_("members in office on a day who have not signed the ethics "
                                 "statement of the version in force"))
    unsigned.add_argument("--date", metavar=_("DATE"), help=_("the day (default: today)"))


def sign_statement(args: argparse.Namespace) -> int:
    from secretariat.services.terms import ethics

    def work(_store, s) -> str:
        who = person_id(s, args.person)
        ethics.sign_statement(s, who, args.terms_version,
                              on=calendar_date(args.on, N_("Signing date")), method=args.how,
                              meeting_id=args.meeting)
        return _("Recorded the signature of the ethics statement of version {version} "
                 "({how}, {date}).").format(version=args.terms_version,
                                            how=_(SigningMethod(args.how).label).lower(),
                                            date=args.on.strip())

    print(change(args, work))
    return 0


def list_signatures(args: argparse.Namespace) -> int:
    from secretariat.cli.meetings import print_columns
    from secretariat.services.terms.ethics import signatures

    with opened_store(args) as store, store.session() as s:
        rows = signatures(s, args.terms_version)
    if not rows:
        print(_("No one has signed the ethics statement of version {version} yet.").format(
            version=args.terms_version))
        return 0
    header = [_("Person"), _("Signed on"), _("How")]
    print_columns([header, *[[localized(r.name, r.name_en), dates.format_date(
        r.signed_on, fmt="medium"), _(r.method.label)] for r in rows]])
    return 0


def list_unsigned(args: argparse.Namespace) -> int:
    from secretariat.services.terms.ethics import unsigned_members

    day = calendar_date(args.date, N_("Date")) if args.date else dt.date.today()
    with opened_store(args) as store, store.session() as s:
        result = unsigned_members(s, day)
    shown = dates.format_date(day, fmt="medium")
    if result.version_no is None:
        print(_("No terms of reference were in force on {date}.").format(date=shown))
        return 0
    if not result.members:
        print(_("Every member in office on {date} has signed the ethics statement of "
                "version {version}.").format(date=shown, version=result.version_no))
        return 0
    print(_("Members in office on {date} who have not signed the ethics statement of "
            "version {version}:").format(date=shown, version=result.version_no))
    for member in result.members:
        print(f"  {localized(member.name, member.name_en)} ({member.seat_label})")
    return 0
