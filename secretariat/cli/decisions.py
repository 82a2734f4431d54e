"""``secretariat decision record|list``: the forum's decision log.

A decision is taken by consensus or by vote: counts (``--for``, ``--against``,
``--abstain``) or named votes (``--named "王小明=for"``, or the vote in the user's
language: ``--named 王小明=贊成``), checked against the members
attending who may vote, less those recused. Each decision gets a stable number such as
2026-03-02, which ``decision record`` prints.
"""

from __future__ import annotations

import argparse
import re

from secretariat import dates
from secretariat.cli.commands import Commands, opened_store, record_number
from secretariat.cli.editing import (
    change, enum_value, find_person, glossed_choices, meeting, person_id,
)
from secretariat.cli.meetings import add_meeting_argument, decision_notes, pick_title
from secretariat.decision_numbers import decision_label
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, format_number, ngettext
from secretariat.vocabulary import VoteChoice

# "王小明: statement" or "王小明：statement" (the full-width colon a Chinese keyboard types).
_SPEAKER = re.compile(r"^\s*([^:：]+?)\s*[:：]\s*(.+)$", re.DOTALL)


def register(commands: Commands) -> None:
    decision = commands.group("decision", help=_("record decisions and read the decision "
                                                 "log"))
    record = decision.add("record", handler=record_decision,
                          help=_("record a decision of a meeting and print its number"))
    add_meeting_argument(record)
    record.add_argument("--text", required=True, metavar=_("TEXT"),
                        help=_("the decision in Chinese"))
    record.add_argument("--text-en", default="", metavar=_("TEXT"),
                        help=_("the decision in English"))
    record.add_argument("--item", type=record_number, metavar=_("ITEM"),
                        help=_("the agenda item it came from (its number)"))
    method = record.add_mutually_exclusive_group(required=True)
    method.add_argument("--consensus", dest="method", action="store_const",
                        const="consensus", help=_("taken by consensus"))
    method.add_argument("--vote", dest="method", action="store_const", const="vote",
                        help=_("taken by a vote: give --for/--against/--abstain or --named"))
    for option, help_text in (("--for", _("votes for")), ("--against", _("votes against")),
                              ("--abstain", _("abstentions"))):
        record.add_argument(option, type=int, metavar="N", help=help_text)
    record.add_argument("--named", action="append", default=[], metavar=_("PERSON=VOTE"),
                        help=_("one member's vote: {choices} (repeat for each "
                               "member)").format(choices=glossed_choices(VoteChoice)))
    record.add_argument("--recuse", action="append", default=[], metavar=_("PERSON"),
                        help=_("a member recused from this decision (repeat for several)"))
    record.add_argument("--dissent", action="append", default=[], metavar=_("STATEMENT"),
                        help=_("a dissenting statement, as “PERSON: text” or just the text "
                               "(repeat for several)"))
    record.add_argument("--rationale", default="", metavar=_("TEXT"),
                        help=_("why the decision was taken"))
    record.add_argument("--private", action="store_true",
                        help=_("not public (the default is public)"))

    listing = decision.add("list", handler=list_decisions,
                           help=_("list decisions, oldest first, with filters"))
    listing.add_argument("--year", type=int, metavar=_("YEAR"), help=_("only this year"))
    listing.add_argument("--meeting", dest="meeting_id", type=record_number, metavar=_("ID"),
                         help=_("only decisions of this meeting"))
    listing.add_argument("--search", metavar=_("TEXT"),
                         help=_("only decisions whose number, text or rationale contains "
                                "this"))


def _named_votes(s, values: list[str]) -> dict[int, str]:
    """``PERSON=VOTE`` (full-width ＝ too), VOTE a stored value or its word in English or
    in the user's language (``for``, ``For``, ``贊成``)."""
    votes: dict[int, str] = {}
    for value in values:
        who, _sign, word = value.replace("＝", "=").rpartition("=")
        choice = enum_value(VoteChoice, word)
        if not who.strip() or choice is None:
            raise SecretariatError(N_("Write a named vote as PERSON=VOTE, where VOTE is one "
                                      "of {choices} (got “{value}”)."),
                                   choices=glossed_choices(VoteChoice), value=value)
        voter = person_id(s, who)
        if voter in votes:
            raise SecretariatError(N_("{name} has more than one named vote."),
                                   name=who.strip())
        votes[voter] = choice
    return votes


def _dissents(s, values: list[str]) -> list[tuple[int | None, str]]:
    """``PERSON: text`` when PERSON is someone on record; otherwise the whole text, as a
    statement not attributed to anyone."""
    found = []
    for value in values:
        match = _SPEAKER.match(value)
        speaker = find_person(s, match.group(1)) if match else None
        found.append((speaker, match.group(2)) if speaker is not None else (None, value))
    return found


def record_decision(args: argparse.Namespace) -> int:
    from secretariat.services.meetings import decisions

    def work(_store, s) -> str:
        record = meeting(s, args.meeting_id)
        taken = decisions.record_decision(
            s, meeting_id=record.id, agenda_item_id=args.item, text=args.text,
            text_en=args.text_en, method=args.method, votes_for=getattr(args, "for"),
            votes_against=args.against, votes_abstain=args.abstain,
            named_votes=_named_votes(s, args.named),
            recused_person_ids=[person_id(s, who) for who in args.recuse],
            dissents=_dissents(s, args.dissent), rationale=args.rationale,
            is_public=not args.private)
        return _("Recorded {decision} (number {number}) of meeting {id}.").format(
            decision=decision_label(taken.number), number=taken.number, id=record.id)

    print(change(args, work))
    return 0


def list_decisions(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from secretariat.services.meetings.decisions import decision_rows

    with opened_store(args) as store, store.session() as s:
        if args.meeting_id is not None:
            meeting(s, args.meeting_id)  # an unknown meeting is an error, not an empty list
        rows = decision_rows(s, search=args.search, meeting_id=args.meeting_id,
                             year=args.year, sort="number", descending=False)
    if not rows:
        print(_("No decisions."))
        return 0
    for row in rows:
        day = dates.format_date(row.decided_at.astimezone(ZoneInfo(row.meeting_time_zone)),
                                fmt="medium")
        text = " ".join(pick_title(row.text, row.text_en).split())
        print(_("{number}  {decision} · {date}, meeting {id}: {text} [{notes}]").format(
            number=row.number, decision=decision_label(row.number), date=day, id=row.meeting_id, text=text,
            notes=" · ".join(decision_notes(row))))
    print()
    print(ngettext("{count} decision.", "{count} decisions.", len(rows)).format(
        count=format_number(len(rows))))
    return 0
