"""``secretariat sortition``: a stratified lottery with quotas, LEXIMIN-fair.

From the Sortition Foundation's two CSV files it computes the LEXIMIN distribution over
quota-satisfying panels, publishes it as a list of panels with tickets (see
``secretariat.selection.panels``) and, with ``--draw``, draws the panel by RFC 3797. It
needs no database. People are named by their row in the people file (1 = the first
person below the header).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from secretariat.cli.commands import Commands, record_number
from secretariat.cli.lottery import add_source_options
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, format_number


def register(commands: Commands) -> None:
    sortition = commands.add(
        "sortition", handler=run_sortition,
        help=_("a lottery with quotas that is as fair as possible to everyone (LEXIMIN)"),
        description=_("Compute the fairest lottery over the panels that meet the quotas "
                      "(LEXIMIN: the lowest selection probability as high as possible, "
                      "then the next lowest, …), publish it as a numbered list of panels "
                      "with tickets, and with --draw draw the panel by RFC 3797. Reads the "
                      "Sortition Foundation's CSV files; needs no database."))
    sortition.add_argument("--people", type=Path, required=True, metavar=_("FILE"),
                           help=_("CSV file of the pool: one row per person, one column "
                                  "per category"))
    sortition.add_argument("--quotas", type=Path, required=True, metavar=_("FILE"),
                           help=_("CSV file with the columns category, feature, min, max"))
    sortition.add_argument("--seats", type=record_number, required=True, metavar="K",
                           help=_("the number of seats on the panel"))
    sortition.add_argument("--format", choices=("text", "json"), default="text",
                           help=_("output format (default: %(default)s)"))
    sortition.add_argument("--draw", action="store_true",
                           help=_("draw the panel from the list with the --source values"))
    add_source_options(sortition)


def run_sortition(args: argparse.Namespace) -> int:
    from secretariat.selection import rfc3797
    from secretariat.selection.leximin import leximin
    from secretariat.selection.panels import publish
    from secretariat.selection.quotas import build_problem
    from secretariat.selection.sortition_files import read_people, read_quotas

    if args.draw and not args.source:
        raise SecretariatError(N_("--draw needs the random sources: give --source once "
                                  "for each, in the order they were announced."))
    if args.source and not args.draw:
        raise SecretariatError(N_("--source is used only with --draw."))
    key = rfc3797.key_string(args.source) if args.draw else None
    quotas = read_quotas(args.quotas)
    pool = read_people(args.people, quotas)
    problem = build_problem(pool.categories, pool.people, quotas, args.seats)
    lottery = publish(leximin(problem))
    drawn = None
    if key is not None:
        ticket = lottery.winning_ticket(key, args.hash)
        drawn = (ticket, lottery.panel_for_ticket(ticket))
    if args.format == "json":
        print(json.dumps(_as_json(lottery, key, args.hash, drawn), ensure_ascii=False))
    elif drawn is not None:
        _print_draw(lottery, key, args.hash, drawn)
    else:
        _print_lottery(lottery, problem)
    return 0


def _rows(members) -> list[int]:
    return [person + 1 for person in members]


def _as_json(lottery, key, hash_name, drawn) -> dict:
    probabilities = lottery.person_probabilities()
    result = {
        "pool_size": lottery.pool_size,
        "resolution": lottery.resolution,
        "probabilities": [float(p) for p in probabilities],
        "minimum_probability": float(min(probabilities)),
        "panels": [{"probability": float(lottery.probability(panel)),
                    "tickets": panel.tickets, "first_ticket": panel.first_ticket,
                    "last_ticket": panel.last_ticket, "members": _rows(panel.members)}
                   for panel in lottery.panels],
    }
    if drawn is not None:
        ticket, panel = drawn
        result["draw"] = {"key_string": key, "hash": hash_name, "ticket": ticket,
                          "panel": lottery.panels.index(panel) + 1,
                          "members": _rows(panel.members)}
    return result


def _percent(value) -> str:
    return f"{float(value) * 100:.6f} %"


def _print_lottery(lottery, problem) -> None:
    probabilities = lottery.person_probabilities()
    print(_("{people} people, {seats} seats, {groups} groups of people with the same "
            "values.").format(people=format_number(problem.pool_size),
                              seats=format_number(problem.seats),
                              groups=format_number(len(problem.groups))))
    print(_("Lowest selection probability: {probability}").format(
        probability=_percent(min(probabilities))))
    print(_("Selection probability by group:"))
    for group in problem.groups:
        values = ", ".join(f"{c} = {v}" for c, v in zip(problem.categories, group.features,
                                                         strict=True))
        print(_("  {values} ({count} people): {probability}").format(
            values=values, count=format_number(group.size),
            probability=_percent(probabilities[group.members[0]])))
    print(_("{count} panels, with tickets 1 to {resolution}; the draw takes the ticket "
            "RFC 3797 selects from that pool:").format(
        count=format_number(len(lottery.panels)),
        resolution=lottery.resolution))
    for number, panel in enumerate(lottery.panels, start=1):
        print(_("{number}. tickets {first}–{last} ({probability}): rows {rows}").format(
            number=number, first=panel.first_ticket, last=panel.last_ticket,
            probability=_percent(lottery.probability(panel)),
            rows=" ".join(str(row) for row in _rows(panel.members))))


def _print_draw(lottery, key, hash_name, drawn) -> None:
    ticket, panel = drawn
    print(_("Key string: {key}").format(key=key))
    print(_("Hash: {name}").format(name=hash_name))
    print(_("Winning ticket: {ticket} of {resolution}").format(
        ticket=ticket, resolution=lottery.resolution))
    print(_("Panel {number} (tickets {first}–{last}); its members, by row of the people "
            "file:").format(number=lottery.panels.index(panel) + 1,
                            first=panel.first_ticket, last=panel.last_ticket))
    for row in _rows(panel.members):
        print(row)
