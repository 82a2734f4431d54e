"""``secretariat search TEXT``: the search box of the desktop application, on the command
line. Each match is printed as its kind, its record number and title, then a snippet
with the match between « »."""

from __future__ import annotations

import argparse

from secretariat.cli.commands import Commands, display_width, opened_store, record_number
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, current_language, format_number, ngettext
from secretariat.vocabulary import SEARCH_KIND_LABELS as KIND_LABELS

DEFAULT_LIMIT = 20


def register(commands: Commands) -> None:
    search = commands.add(
        "search", handler=run_search,
        help=_("find text in agenda items, minutes, decisions and documents"),
        description=_("Find records containing every word given, Chinese substrings "
                      "included (two characters are enough). Only the latest version of "
                      "each meeting's minutes is searched."))
    search.add_argument("text", nargs="+", metavar=_("TEXT"),
                        help=_("what to look for; several words must all be found"))
    search.add_argument("--kind", action="append", choices=list(KIND_LABELS),
                        help=_("only records of this kind (repeat the option for several)"))
    search.add_argument("--limit", type=record_number, default=DEFAULT_LIMIT, metavar="N",
                        help=_("show at most N matches (default: %(default)s)"))


def run_search(args: argparse.Namespace) -> int:
    from secretariat.services.search import search

    query = " ".join(args.text)
    if not query.split():
        raise SecretariatError(N_("Type the text to search for."))
    if args.limit < 1:
        raise SecretariatError(N_("The number of matches to show must be at least 1."))
    with opened_store(args) as store, store.session() as s:
        hits = search(s, query, limit=args.limit, kinds=args.kind)
    if not hits:
        print(_("Nothing found for “{query}”.").format(query=query))
        return 0
    kinds = [_(KIND_LABELS[hit.kind]) for hit in hits]
    ids = [str(hit.record_id) for hit in hits]
    kind_width = max(display_width(k) for k in kinds)
    id_width = max(len(i) for i in ids)
    indent = " " * (kind_width + id_width + 4)
    language = current_language()
    for hit, kind, record_id in zip(hits, kinds, ids, strict=True):
        title = hit.title_in(language)
        if not hit.is_public:
            title = _("{title} (not public)").format(title=title)
        pad = " " * (kind_width - display_width(kind))
        print(f"{kind}{pad}  {record_id:>{id_width}}  {title}")
        print(f"{indent}{hit.snippet.marked()}")
    print()
    print(ngettext("{count} match.", "{count} matches.", len(hits)).format(
        count=format_number(len(hits))))
    if len(hits) == args.limit:
        print(_("There may be more: use --limit to show more than {limit}.").format(
            limit=format_number(args.limit)))
    return 0
