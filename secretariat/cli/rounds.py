"""``secretariat round …``: selection rounds for non-government seats, from the call to
the published result. This module: add, list, show, open/close the call, run, decide,
undo the decision, publish. The inputs (candidates, screening, committee, sources,
quotas, ballots, rubric, scores) are in ``round_inputs``; the report and open data in
``round_report``."""

from __future__ import annotations

import argparse
import json

from secretariat.cli.commands import Commands, opened_store, print_table, record_number
from secretariat.i18n import _, format_number
from secretariat.selection.round_vocabulary import RoundStatus, SelectionMethod


def register(commands: Commands) -> None:
    group = commands.group("round", help=_("selection rounds for non-government seats"))
    add = group.add("add", handler=add_round, help=_("create a selection round (a draft)"))
    add.add_argument("--title", required=True, metavar=_("TEXT"), help=_("the round's title"))
    add.add_argument("--title-en", default="", metavar=_("TEXT"), help=_("its English title"))
    add.add_argument("--sector", required=True, metavar=_("CODE"),
                     help=_("the sector of the seats, e.g. civil_society"))
    add.add_argument("--seats", required=True, type=record_number, metavar="K",
                     help=_("how many seats the round fills"))
    add.add_argument("--term-start", required=True, metavar=_("DATE"),
                     help=_("first day of the term, e.g. 2027-01-01"))
    add.add_argument("--term-end", metavar=_("DATE"), help=_("last day of the term"))
    add.add_argument("--method", required=True, choices=[m.value for m in SelectionMethod],
                     help=_("how the seats are filled"))
    add.add_argument("--hash", default="md5", choices=("md5", "sha256"),
                     help=_("hash of the RFC 3797 draws (default: %(default)s)"))
    for option, helptext in (("--call-opens", _("day the call opens")),
                             ("--call-closes", _("day the call closes")),
                             ("--decision-date", _("day of the draw or count"))):
        add.add_argument(option, metavar=_("DATE"), help=helptext)
    add.add_argument("--constituency", default="", metavar=_("TEXT"),
                     help=_("who may apply and vote"))
    add.add_argument("--criteria-zh", default="", metavar=_("TEXT"),
                     help=_("the published eligibility criteria, in Chinese"))
    add.add_argument("--criteria-en", default="", metavar=_("TEXT"),
                     help=_("the published eligibility criteria, in English"))

    listing = group.add("list", handler=list_rounds, help=_("list the selection rounds"))
    listing.add_argument("--format", choices=("text", "json"), default="text",
                         help=_("output format (default: %(default)s)"))
    show = group.add("show", handler=show_round, help=_("show a round, its pool and result"))
    show.add_argument("round", type=record_number, metavar=_("ROUND"), help=_("round number"))

    for name, target, helptext in (
            ("open-call", RoundStatus.CALL_OPEN, _("open the call for candidates")),
            ("close-call", RoundStatus.CLOSED, _("close the call: the pool is final")),
            ("reopen-draft", RoundStatus.DRAFT, _("take an open call back to a draft"))):
        parser = group.add(name, handler=_move(target), help=helptext)
        parser.add_argument("round", type=record_number, metavar=_("ROUND"),
                            help=_("round number"))
    for name, handler, helptext in (
            ("run", run_method, _("run the round's method on the closed pool")),
            ("decide", decide, _("seat the selected candidates as members for the term")),
            ("undo-decide", undo_decide, _("undo the decision (until it is published)")),
            ("publish", publish, _("publish the result; it can then no longer be undone"))):
        parser = group.add(name, handler=handler, help=helptext)
        parser.add_argument("round", type=record_number, metavar=_("ROUND"),
                            help=_("round number"))


def add_round(args: argparse.Namespace) -> int:
    from secretariat.services.selection.rounds import create_round

    fields = {"title_en": args.title_en, "hash_name": args.hash, "term_end": args.term_end,
              "call_opens": args.call_opens, "call_closes": args.call_closes,
              "decision_date": args.decision_date, "constituency": args.constituency,
              "criteria_zh": args.criteria_zh, "criteria_en": args.criteria_en}
    with opened_store(args) as store:
        round_id = store.run_transaction(lambda s: create_round(
            s, title=args.title, sector_code=args.sector, seats=args.seats,
            term_start=args.term_start, method=args.method, **fields).id)
    print(_("Round {number} created (draft).").format(number=round_id))
    return 0


def list_rounds(args: argparse.Namespace) -> int:
    from secretariat.services.selection.views import round_rows

    with opened_store(args) as store, store.session() as s:
        rows = round_rows(s)
    if args.format == "json":
        print(json.dumps([{"id": r.id, "title": r.title, "title_en": r.title_en,
                           "sector": r.sector_code, "seats": r.seats,
                           "method": r.method.value, "status": r.status.value,
                           "candidates": r.candidates, "eligible": r.eligible}
                          for r in rows], ensure_ascii=False))
        return 0
    if not rows:
        print(_("No selection rounds yet."))
    for r in rows:
        print(_("{number}. {title} — {status}, {method}, {seats} seats, {eligible} of "
                "{candidates} candidates eligible").format(
            number=r.id, title=r.title, status=_(r.status.label), method=_(r.method.label),
            seats=format_number(r.seats), eligible=format_number(r.eligible),
            candidates=format_number(r.candidates)))
    return 0


def show_round(args: argparse.Namespace) -> int:
    from secretariat.services.selection.views import round_detail

    with opened_store(args) as store, store.session() as s:
        d = round_detail(s, args.round)
    r = d.row
    print(r.title + (f" / {r.title_en}" if r.title_en else ""))
    print_table([
        (_("Status"), _(r.status.label)), (_("Selection method"), _(r.method.label)),
        (_("Sector"), r.sector_code), (_("Seats"), format_number(r.seats)),
        (_("Term"), f"{r.term_start} – {r.term_end or ''}"),
        (_("Call"), f"{d.call_opens or ''} – {d.call_closes or ''}"),
        (_("Draw or count"), str(r.decision_date or "")),
    ])
    print(_("Candidates:"))
    for c in d.candidates:
        state = (_("eligible") if c.eligible else _("not screened") if c.eligible is None
                 else _("excluded: {reason}").format(reason=c.exclusion_reason))
        mark = f" ★{c.selected_rank}" if c.selected_rank else ""
        print(f"  {c.position}. {c.name} ({c.organisation or '—'}) — {state}{mark}")
    for x in d.sources:
        print(_("Source {number}: {description} = {value}").format(
            number=x["position"], description=x["description"], value=x["value"] or "?"))
    if d.result:
        print(_("Selected, in order:"))
        for number in d.result["selected"]:
            print(f"  {d.result['pool'][number - 1]['name']}")
    return 0


def _move(target: RoundStatus):
    def handler(args: argparse.Namespace) -> int:
        from secretariat.services.selection.rounds import move_round

        with opened_store(args) as store:
            store.run_transaction(lambda s: move_round(s, args.round, target))
        print(_("Round {number}: {status}.").format(number=args.round,
                                                    status=_(target.label)))
        return 0
    return handler


def run_method(args: argparse.Namespace) -> int:
    from secretariat.services.selection.running import run_round

    with opened_store(args) as store:
        record = store.run_transaction(lambda s: run_round(s, args.round))
    print(_("Selected, in order:"))
    for number in record["selected"]:
        print(f"  {number}. {record['pool'][number - 1]['name']}")
    return 0


def decide(args: argparse.Namespace) -> int:
    from secretariat.services.selection.deciding import decide_round

    with opened_store(args) as store:
        count = store.run_transaction(lambda s: len(decide_round(s, args.round)))
    print(_("Round {number} decided: {count} members seated.").format(
        number=args.round, count=format_number(count)))
    return 0


def undo_decide(args: argparse.Namespace) -> int:
    from secretariat.services.selection.deciding import undo_decision

    with opened_store(args) as store:
        store.run_transaction(lambda s: undo_decision(s, args.round))
    print(_("Round {number}: decision undone, the members it seated removed.").format(
        number=args.round))
    return 0


def publish(args: argparse.Namespace) -> int:
    from secretariat.services.selection.publishing import publish_round

    with opened_store(args) as store:
        store.run_transaction(lambda s: publish_round(s, args.round))
    print(_("Round {number} published.").format(number=args.round))
    return 0
