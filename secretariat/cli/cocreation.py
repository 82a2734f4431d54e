"""``secretariat cycle|consultation|contribution|attest|publication|webpage`` and
``secretariat import contributions``: the co-creation records of an action-plan cycle
from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.cli.editing import calendar_date, change, enum_choices
from secretariat.cocreation_vocabulary import (
    Channel,
    ConsultationSubject,
    PublicationSubject,
    StakeholderKind,
)
from secretariat.i18n import N_, _, format_date, format_number, ngettext


def _cycle_argument(parser, required: bool = True) -> None:
    parser.add_argument("--cycle", dest="cycle_id", type=record_number, required=required,
                        metavar=_("ID"), help=_("the action-plan cycle's number, as "
                                                "“secretariat cycle list” shows it"))


def register(commands: Commands) -> None:
    cycle = commands.group("cycle", help=_("action-plan cycles and their phases"))
    add = cycle.add("add", handler=add_cycle, help=_("record an action-plan cycle"))
    add.add_argument("--name", required=True, metavar=_("NAME"), help=_("e.g. 2025–2027"))
    add.add_argument("--development", nargs=2, required=True, metavar=(_("START"), _("END")),
                     help=_("first and last day of the action plan's development"))
    add.add_argument("--implementation", nargs=2, required=True,
                     metavar=(_("START"), _("END")),
                     help=_("first and last day of its implementation"))
    add.add_argument("--catalogue", choices=("seed", "2021"), default="seed",
                     help=_("the standards the cycle is judged by (default: %(default)s)"))
    add.add_argument("--submitted", metavar=_("DATE"),
                     help=_("the day the action plan was submitted to OGP"))
    cycle.add("list", handler=list_cycles, help=_("list the action-plan cycles"))
    milestone = cycle.add("milestone", handler=add_milestone,
                          help=_("add a milestone or deadline to a cycle's timeline"))
    _cycle_argument(milestone)
    milestone.add_argument("--title", required=True, metavar=_("TEXT"))
    milestone.add_argument("--due", required=True, metavar=_("DATE"))

    consultation = commands.group("consultation", help=_("public consultations"))
    opening = consultation.add("add", handler=add_consultation,
                               help=_("record a consultation window"))
    _cycle_argument(opening)
    opening.add_argument("--subject", required=True, **enum_choices(ConsultationSubject))
    opening.add_argument("--title", required=True, metavar=_("TEXT"))
    opening.add_argument("--opens", required=True, metavar=_("DATE"),
                         help=_("first day responses are taken"))
    opening.add_argument("--closes", required=True, metavar=_("DATE"),
                         help=_("last day responses are taken"))
    opening.add_argument("--channel", action="append", required=True,
                         **enum_choices(Channel),
                         help=_("a channel responses are taken through (repeat for more)"))
    opening.add_argument("--materials", default="", metavar=_("TEXT"))

    contribution = commands.group("contribution", help=_(
        "contributions from the public and the government's responses"))
    adding = contribution.add("add", handler=add_contribution,
                              help=_("record a contribution and print its number"))
    _cycle_argument(adding)
    adding.add_argument("--stakeholder", required=True, **enum_choices(StakeholderKind))
    adding.add_argument("--channel", required=True, **enum_choices(Channel))
    adding.add_argument("--received", required=True, metavar=_("DATE"))
    adding.add_argument("--text", required=True, metavar=_("TEXT"))
    adding.add_argument("--region", default="", metavar=_("TEXT"))
    adding.add_argument("--topic", default="", metavar=_("TEXT"))
    adding.add_argument("--consultation", type=record_number, metavar=_("ID"))
    respond = contribution.add("respond", handler=respond_to,
                               help=_("record the government's reasoned response"))
    respond.add_argument("contribution_id", type=record_number, metavar=_("ID"))
    respond.add_argument("--text", required=True, metavar=_("TEXT"))
    respond.add_argument("--on", required=True, metavar=_("DATE"))
    overdue = contribution.add("overdue", handler=list_overdue, help=_(
        "list contributions whose response is past its 20 days"))
    overdue.add_argument("--date", metavar=_("DATE"), help=_("as of this day (today)"))
    _cycle_argument(overdue, required=False)

    imports = commands.group("import", help=_("import records from a file"))
    importing = imports.add("contributions", handler=import_contributions, help=_(
        "import contributions from a CSV file (all or nothing)"), description=_(
        "Import contributions from a CSV file in UTF-8. Columns: received_on, stakeholder, "
        "channel, text (required), contributor, region, topic, consultation, response, "
        "responded_on. Every row is checked first: if any row is invalid, all problems are "
        "listed with their row numbers and nothing is imported."))
    importing.add_argument("file", metavar=_("FILE.csv"))
    _cycle_argument(importing)

    attest = commands.add("attest", handler=attest_requirement, help=_(
        "attest a requirement the records cannot decide, with evidence"))
    _cycle_argument(attest)
    attest.add_argument("--requirement", required=True, metavar=_("ID"),
                        help=_("the requirement's id, as “secretariat check” shows it"))
    attest.add_argument("--statement", required=True, metavar=_("TEXT"))
    evidence = attest.add_mutually_exclusive_group(required=True)
    evidence.add_argument("--document", type=record_number, metavar=_("ID"),
                          help=_("a document of the repository as evidence"))
    evidence.add_argument("--link", metavar=_("URL"), help=_("a link to the evidence"))
    attest.add_argument("--not-met", action="store_true",
                        help=_("attest that the requirement is not met"))
    attest.add_argument("--by", default="", metavar=_("NAME"), help=_("who attests"))
    attest.add_argument("--on", metavar=_("DATE"), help=_("the day (today)"))

    publication = commands.group("publication", help=_(
        "the national OGP web page and what was published on it"))
    publish = publication.add("add", handler=add_publication,
                              help=_("record that something was published"))
    publish.add_argument("--subject", required=True, **enum_choices(PublicationSubject))
    publish.add_argument("--title", required=True, metavar=_("TEXT"))
    publish.add_argument("--on", required=True, metavar=_("DATE"))
    publish.add_argument("--address", default="", metavar=_("URL"))
    _cycle_argument(publish, required=False)
    page = publication.add("webpage", handler=set_web_page,
                           help=_("set the national OGP web page's address and contact point"))
    page.add_argument("--address", required=True, metavar=_("URL"))
    page.add_argument("--contact", required=True, metavar=_("TEXT"))


def add_cycle(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.cycles import create_cycle

    days = [calendar_date(text, field) for text, field in zip(
        [*args.development, *args.implementation],
        [N_("Development start"), N_("Development end"), N_("Implementation start"),
         N_("Implementation end")])]
    submitted = calendar_date(args.submitted, N_("Action plan submitted")) \
        if args.submitted else None

    def work(_store, s) -> str:
        cycle = create_cycle(s, name=args.name, catalogue=args.catalogue,
                             development_starts_on=days[0], development_ends_on=days[1],
                             implementation_starts_on=days[2],
                             implementation_ends_on=days[3], plan_submitted_on=submitted)
        return _("Recorded cycle {id}: {name}.").format(id=cycle.id, name=cycle.name)

    print(change(args, work))
    return 0


def list_cycles(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.cycles import list_cycles as cycles

    with opened_store(args) as store, store.session() as s:
        rows = [(c.id, c.name, c.catalogue, c.development_starts_on, c.implementation_ends_on)
                for c in cycles(s)]
    if not rows:
        print(_("No action-plan cycles."))
    for id_, name, catalogue, start, end in rows:
        print(_("{id}  {name}  {start} – {end}  [{catalogue}]").format(
            id=id_, name=name, start=format_date(start), end=format_date(end),
            catalogue=catalogue))
    return 0


def add_milestone(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.cycles import add_milestone as add

    due = calendar_date(args.due, N_("Due date"))

    def work(_store, s) -> str:
        item = add(s, args.cycle_id, title=args.title, due_on=due)
        return _("Added milestone {id}.").format(id=item.id)

    print(change(args, work))
    return 0


def add_consultation(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.consultations import open_consultation, window_days

    opens = calendar_date(args.opens, N_("Opening date"))
    closes = calendar_date(args.closes, N_("Closing date"))

    def work(_store, s) -> str:
        item = open_consultation(s, args.cycle_id, subject=args.subject, title=args.title,
                                 opens_on=opens, closes_on=closes, channels=args.channel,
                                 materials=args.materials)
        return ngettext("Recorded consultation {id}, open {days} day.",
                        "Recorded consultation {id}, open {days} days.",
                        window_days(item)).format(id=item.id, days=window_days(item))

    print(change(args, work))
    return 0


def add_contribution(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.contributions import (
        ContributionValues,
        record_contribution,
        response_due,
    )

    received = calendar_date(args.received, N_("Date received"))

    def work(_store, s) -> str:
        item = record_contribution(s, args.cycle_id, ContributionValues(
            stakeholder_kind=args.stakeholder, channel=args.channel, received_on=received,
            text=args.text, region=args.region, topic=args.topic,
            consultation_id=args.consultation))
        return _("Recorded contribution {id}; its response is due by {due}.").format(
            id=item.id, due=format_date(response_due(item.received_on)))

    print(change(args, work))
    return 0


def respond_to(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.contributions import respond

    day = calendar_date(args.on, N_("Response date"))

    def work(_store, s) -> str:
        item = respond(s, args.contribution_id, response=args.text, responded_on=day)
        return _("Recorded the response to contribution {id}.").format(id=item.id)

    print(change(args, work))
    return 0


def list_overdue(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.contributions import (
        overdue_contributions,
        response_due,
    )

    day = calendar_date(args.date, N_("Date")) if args.date else dt.date.today()
    with opened_store(args) as store, store.session() as s:
        rows = [(c.id, c.received_on, c.topic, c.text[:60])
                for c in overdue_contributions(s, day, cycle_id=args.cycle_id)]
    if not rows:
        print(_("No contribution is waiting past its 20 days."))
        return 0
    for id_, received, topic, text in rows:
        print(_("{id}  received {received}, due {due}: {topic} {text}").format(
            id=id_, received=format_date(received), due=format_date(response_due(received)),
            topic=topic, text=text))
    print(ngettext("{count} contribution overdue.", "{count} contributions overdue.",
                   len(rows)).format(count=format_number(len(rows))))
    return 0


def import_contributions(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.import_contributions import import_contributions_csv

    def work(_store, s) -> str:
        count = import_contributions_csv(s, args.cycle_id, Path(args.file))
        return ngettext("Imported {count} contribution.", "Imported {count} contributions.",
                        count).format(count=format_number(count))

    print(change(args, work))
    return 0


def attest_requirement(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.attestations import attest

    day = calendar_date(args.on, N_("Date attested")) if args.on else dt.date.today()

    def work(_store, s) -> str:
        item = attest(s, args.cycle_id, requirement_id=args.requirement,
                      statement=args.statement, attested_on=day, attested_by=args.by,
                      is_met=not args.not_met, evidence_document_id=args.document,
                      evidence_link=args.link or "")
        return _("Recorded attestation {id} for {requirement}.").format(
            id=item.id, requirement=item.requirement_id)

    print(change(args, work))
    return 0


def add_publication(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.web import record_publication

    day = calendar_date(args.on, N_("Publication date"))

    def work(_store, s) -> str:
        item = record_publication(s, subject=args.subject, published_on=day,
                                  title=args.title, address=args.address,
                                  cycle_id=args.cycle_id)
        return _("Recorded publication {id}.").format(id=item.id)

    print(change(args, work))
    return 0


def set_web_page(args: argparse.Namespace) -> int:
    from secretariat.services.cocreation.web import set_web_page as set_page

    def work(_store, s) -> str:
        page = set_page(s, address=args.address, contact_point=args.contact)
        return _("The national OGP web page is {address}.").format(address=page.address)

    print(change(args, work))
    return 0
