"""``secretariat search TEXT``: the search box of the desktop application, on the command
line.

Each match takes three lines: its kind and what a person calls it (an agenda item by its
position on the agenda, a decision by its number, minutes by version); the meeting it
belongs to, by the number the other commands take (``meeting show ID``), title and date
on the meeting's own clock; then a snippet with the match between « ». Internal ids are
shown only where a command needs one: the meeting's number, and an agenda item's own
number (``agenda move|remove|attach ITEM``)."""

from __future__ import annotations

import argparse

from zoneinfo import ZoneInfo

from secretariat import dates
from secretariat.cli.commands import Commands, display_width, opened_store, record_number
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, current_language, format_number, localized, ngettext
from secretariat.vocabulary import SEARCH_KIND_LABELS as KIND_LABELS

DEFAULT_LIMIT = 20


def register(commands: Commands) -> None:
    search = commands.add(
        "search", handler=run_search,
        help=_("find text in agenda items, minutes, decisions and documents"),
        description=_("Find records containing every word given: Chinese anywhere in "
                      "the text (two characters are enough), English and other words "
                      "where a word starts (IRM finds “IRM report”, not "
                      "“confirmation”). Only the latest version of each meeting's "
                      "minutes is searched. Each match shows the meeting's number, as "
                      "“secretariat meeting show” takes it, and an agenda item's own "
                      "number, as “secretariat agenda” takes it."))
    search.add_argument("text", nargs="+", metavar=_("TEXT"),
                        help=_("what to look for; several words must all be found"))
    search.add_argument("--kind", action="append", choices=list(KIND_LABELS),
                        help=_("only records of this kind (repeat the option for several)"))
    search.add_argument("--limit", type=record_number, default=DEFAULT_LIMIT, metavar="N",
                        help=_("show at most N matches (default: %(default)s)"))


def heading(hit) -> str:
    """The record as a person names it, in the language of the messages."""
    title = hit.title_in(current_language())  # a decision's title starts with its number
    if hit.kind == "agenda_item":
        title = _("{position}. {title} (item number {id})").format(
            position=format_number(hit.item_position), title=title, id=hit.record_id)
    elif hit.item_position is not None:  # minutes of an item, a decision on one
        title = _("{title} (agenda item {position})").format(
            title=title, position=format_number(hit.item_position))
    if not hit.is_public:
        title = _("{title} (not public)").format(title=title)
    return title


def meeting_line(hit) -> str:
    """``Meeting 12: Third forum meeting, Mar 5, 2026`` (the date on its own clock)."""
    ref = hit.meeting
    day = ref.starts_at.astimezone(ZoneInfo(ref.time_zone))
    return _("Meeting {id}: {title}, {date}").format(
        id=hit.meeting_id, title=localized(ref.title, ref.title_en, current_language()),
        date=dates.format_date(day, fmt="medium"))


def run_search(args: argparse.Namespace) -> int:
    from secretariat.services.search import search

    query = " ".join(args.text)
    if not query.split():
        raise SecretariatError(N_("Type the text to search for."))
    if args.limit < 1:
        raise SecretariatError(N_("The number of matches to show must be at least 1."))
    with opened_store(args) as store, store.session() as s:
        # One more than shown: tells "exactly N" from "the first N of more".
        hits = search(s, query, limit=args.limit + 1, kinds=args.kind)
    more = len(hits) > args.limit
    hits = hits[:args.limit]
    if not hits:
        print(_("Nothing found for “{query}”.").format(query=query))
        return 0
    kinds = [_(KIND_LABELS[hit.kind]) for hit in hits]
    kind_width = max(display_width(k) for k in kinds)
    indent = " " * (kind_width + 2)
    for hit, kind in zip(hits, kinds, strict=True):
        pad = " " * (kind_width - display_width(kind))
        print(f"{kind}{pad}  {heading(hit)}")
        if hit.meeting is not None:
            print(f"{indent}{meeting_line(hit)}")
        print(f"{indent}{hit.snippet.marked()}")
    print()
    print(ngettext("{count} match.", "{count} matches.", len(hits)).format(
        count=format_number(len(hits))))
    if more:
        print(_("There are more: use --limit to show more than {limit}.").format(
            limit=format_number(args.limit)))
    return 0
