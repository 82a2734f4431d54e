"""``secretariat coi declare|list|overdue|register|breach|breaches``: declarations of
interests (each item public or private), who owes one, the public register (public
items only, UTF-8 CSV for Excel) and the log of breaches and sanctions. The meeting side
(declarations per agenda item, likely conflicts) is in ``cli.interests_meetings``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from secretariat import dates
from secretariat.cli.commands import Commands, opened_store
from secretariat.cli.editing import (
    calendar_date,
    change,
    decision_by_number,
    enum_choices,
    glossed_choices,
    person_id,
)
from secretariat.i18n import N_, _, format_number, localized, ngettext
from secretariat.interest_vocabulary import DeclarationOccasion, InterestKind


def register(commands: Commands) -> None:
    coi = commands.group("coi", help=_("conflicts of interest: declarations, the register "
                                       "of interests, recusals at meetings"))
    declare = coi.add("declare", handler=declare_interest, help=_(
        "record a person's declaration of interests, one interest at a time (without "
        "--kind: nothing to declare)"))
    declare.add_argument("person", metavar=_("PERSON"),
                         help=_("the person's number or exact name"))
    declare.add_argument("--kind", **enum_choices(InterestKind), help=_(
        "what the interest is: {choices}").format(choices=glossed_choices(InterestKind)))
    declare.add_argument("--text", default="", metavar=_("TEXT"),
                         help=_("the interest, in Chinese"))
    declare.add_argument("--text-en", default="", metavar=_("TEXT"),
                         help=_("the interest, in English"))
    declare.add_argument("--organisation", default="", metavar=_("NAME"), help=_(
        "the organisation it concerns: an organisation on record (its name in either "
        "language) or any name"))
    declare.add_argument("--private", action="store_true", help=_(
        "keep this interest private: it never appears in the public register"))
    declare.add_argument("--on", metavar=_("DATE"),
                         help=_("the day of the declaration, YYYY-MM-DD (default today)"))
    declare.add_argument("--occasion", default=DeclarationOccasion.YEARLY.value,
                         **enum_choices(DeclarationOccasion), help=_(
                             "why it was made: {choices}").format(
                             choices=glossed_choices(DeclarationOccasion)))

    listing = coi.add("list", handler=list_declarations,
                      help=_("list declarations of interests, newest first"))
    listing.add_argument("person", nargs="?", metavar=_("PERSON"),
                         help=_("only this person's (number or exact name)"))

    overdue = coi.add("overdue", handler=list_overdue, help=_(
        "list the members whose declaration of interests is overdue"))
    overdue.add_argument("--date", metavar=_("DATE"),
                         help=_("as on this day, YYYY-MM-DD (default today)"))

    public = coi.add("register", handler=write_register, help=_(
        "write the public register of interests (public items only) as a CSV file"))
    public.add_argument("--out", required=True, type=Path, metavar=_("FILE"),
                        help=_("the CSV file to write (UTF-8, opens in Excel)"))

    breach = coi.add("breach", handler=record_breach,
                     help=_("log a breach of the conflict-of-interest rules"))
    breach.add_argument("person", metavar=_("PERSON"),
                        help=_("the person's number or exact name"))
    breach.add_argument("--date", required=True, metavar=_("DATE"),
                        help=_("when it happened, YYYY-MM-DD"))
    breach.add_argument("--description", required=True, metavar=_("TEXT"),
                        help=_("what happened"))
    breach.add_argument("--sanction", default="", metavar=_("TEXT"),
                        help=_("the sanction decided, if any"))
    decided = breach.add_mutually_exclusive_group()
    decided.add_argument("--decision", metavar=_("NUMBER"),
                         help=_("the decision that set the sanction, e.g. 2026-S03-R02"))
    decided.add_argument("--decided-on", metavar=_("DATE"),
                         help=_("the day the sanction was decided, YYYY-MM-DD"))

    coi.add("breaches", handler=list_breaches, help=_("list breaches and sanctions"))


def declare_interest(args: argparse.Namespace) -> int:
    from secretariat.errors import SecretariatError
    from secretariat.services.interests.declare import (
        ItemInput,
        declare_interests,
        organisation_named,
    )

    day = calendar_date(args.on, N_("Date of the declaration")) if args.on else \
        dt.date.today()
    if args.kind is None and (args.text or args.text_en or args.organisation
                              or args.private):
        raise SecretariatError(N_("Say what kind of interest it is (--kind)."))

    def work(_store, s) -> str:
        who = person_id(s, args.person)
        items = []
        if args.kind is not None:
            on_record = organisation_named(s, args.organisation)
            items.append(ItemInput(
                kind=args.kind, description=args.text, description_en=args.text_en,
                organisation_id=on_record,
                organisation_name="" if on_record else args.organisation,
                is_public=not args.private))
        declaration = declare_interests(s, person_id=who, declared_on=day, items=items,
                                        occasion=args.occasion)
        if not items:
            return _("Recorded for {name}: nothing to declare ({date}).").format(
                name=declaration.person.name, date=dates.format_date(day, fmt="medium"))
        return _("Recorded interest {id} for {name} ({date}, {privacy}).").format(
            id=declaration.items[-1].id, name=declaration.person.name,
            date=dates.format_date(day, fmt="medium"),
            privacy=_("private") if args.private else _("public"))

    print(change(args, work))
    return 0


def list_declarations(args: argparse.Namespace) -> int:
    from secretariat.services.interests.listing import declaration_rows

    with opened_store(args) as store, store.session() as s:
        who = person_id(s, args.person) if args.person else None
        rows = declaration_rows(s, who)
    if not rows:
        print(_("No declarations of interests."))
        return 0
    for row in rows:
        print(_("{date}  {name} ({occasion})").format(
            date=row.declared_on.isoformat(),
            name=localized(row.person_name, row.person_name_en), occasion=_(row.occasion.label)))
        if not row.items:
            print("    " + _("nothing to declare"))
        for item in row.items:
            parts = [localized(item.description, item.description_en)]
            if item.organisation:
                parts.append(localized(item.organisation, item.organisation_en))
            print("    " + _("{id}. {kind}: {text} [{privacy}]").format(
                id=item.id, kind=_(item.kind.label), text=" · ".join(p for p in parts if p),
                privacy=_("public") if item.is_public else _("private")))
    print()
    print(ngettext("{count} declaration.", "{count} declarations.", len(rows)).format(
        count=format_number(len(rows))))
    return 0


def list_overdue(args: argparse.Namespace) -> int:
    from secretariat.services.interests.overdue import overdue_declarations

    day = calendar_date(args.date, N_("Date")) if args.date else dt.date.today()
    with opened_store(args) as store, store.session() as s:
        rows = overdue_declarations(s, day)
    if not rows:
        print(_("No declarations of interests are overdue on {date}.").format(
            date=dates.format_date(day, fmt="medium")))
        return 0
    for row in rows:
        since = row.appointed_on if row.last_declared_on is None or \
            row.last_declared_on < row.appointed_on else row.last_declared_on
        print(_("{name}: {reason}; due {due}").format(
            name=localized(row.person_name, row.person_name_en),
            reason=_(row.reason).format(date=dates.format_date(since, fmt="medium")),
            due=dates.format_date(row.due_on, fmt="medium")))
    print()
    print(ngettext("{count} declaration of interests is overdue.",
                   "{count} declarations of interests are overdue.", len(rows)).format(
        count=format_number(len(rows))))
    return 0


def write_register(args: argparse.Namespace) -> int:
    from secretariat.services.interests.register import write_register as write

    with opened_store(args) as store, store.session() as s:
        count = write(s, args.out)
    print(ngettext("Wrote the public register of interests ({count} row) to {path}.",
                   "Wrote the public register of interests ({count} rows) to {path}.",
                   count).format(count=format_number(count), path=args.out))
    return 0


def record_breach(args: argparse.Namespace) -> int:
    from secretariat.services.interests.breaches import record_breach as record

    occurred = calendar_date(args.date, N_("Date of the breach"))
    decided_on = calendar_date(args.decided_on, N_("Date of the sanction")) \
        if args.decided_on else None

    def work(_store, s) -> str:
        decision = decision_by_number(s, args.decision) if args.decision else None
        breach = record(s, person_id=person_id(s, args.person), occurred_on=occurred,
                        description=args.description, sanction=args.sanction,
                        decision_id=decision.id if decision else None, decided_on=decided_on)
        return _("Logged breach {id}.").format(id=breach.id)

    print(change(args, work))
    return 0


def list_breaches(args: argparse.Namespace) -> int:
    from secretariat.decision_numbers import decision_label
    from secretariat.services.interests.breaches import breach_rows

    with opened_store(args) as store, store.session() as s:
        rows = breach_rows(s)
    if not rows:
        print(_("No breaches logged."))
        return 0
    for row in rows:
        print(_("{id}  {date}  {name}: {description}").format(
            id=row.id, date=row.occurred_on.isoformat(), name=row.person_name,
            description=row.description))
        if row.sanction or row.decision_number or row.decided_on:
            by = decision_label(row.decision_number) if row.decision_number else \
                dates.format_date(row.decided_on, fmt="medium") if row.decided_on else ""
            print("    " + _("Sanction: {sanction} (decided: {by})").format(
                sanction=row.sanction or _("none"), by=by or _("not recorded")))
    return 0
