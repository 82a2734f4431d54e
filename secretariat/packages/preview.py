"""What a package will hold, and what it holds back, before it is written.

``meeting_preview`` and ``irm_preview`` work on the read phase's data (no session);
``secretariat.publication.preview`` reads the whole records beside the public ones,
because what is held back is exactly their difference. Counts always; names only where the name itself
may be published (meeting titles, decision numbers, public papers, PDF file names) —
a restricted paper is "3 restricted papers", never its title.

``describe`` turns a preview into translated sentences for the application and the
command line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from secretariat.i18n import _, format_number, ngettext
from secretariat.packages.meeting_package import MeetingPackageData, pdf_names
from secretariat.services.meetings.record_rows import MeetingRecord

# What each line counts, in words (literal ngettext calls, so the catalogs extract them).
KINDS = {
    "meetings": lambda n: ngettext("{count} meeting", "{count} meetings", n),
    "decisions": lambda n: ngettext("{count} decision", "{count} decisions", n),
    "papers": lambda n: ngettext("{count} paper", "{count} papers", n),
    "pdfs": lambda n: ngettext("{count} PDF document", "{count} PDF documents", n),
    "members": lambda n: ngettext("{count} member", "{count} members", n),
    "memberships": lambda n: ngettext("{count} term of membership",
                                      "{count} terms of membership", n),
    "restricted_papers": lambda n: ngettext("{count} restricted paper",
                                            "{count} restricted papers", n),
    "private_decisions": lambda n: ngettext("{count} decision not public",
                                            "{count} decisions not public", n),
    "closed_links": lambda n: ngettext("the online link of {count} closed meeting",
                                       "the online links of {count} closed meetings", n),
    "internal_notes": lambda n: ngettext("the internal notes of {count} meeting",
                                         "the internal notes of {count} meetings", n),
    "recipient_lists": lambda n: ngettext(
        "the notice or circulation list of {count} meeting",
        "the notice or circulation lists of {count} meetings", n),
    "contact_details": lambda n: ngettext("the contact details of {count} person",
                                          "the contact details of {count} people", n),
}
MAX_NAMES = 8  # a line lists at most this many names, then says how many more


@dataclass(frozen=True)
class PreviewLine:
    kind: str  # a key of KINDS
    count: int
    names: tuple[str, ...] = ()  # only names that may themselves be published


@dataclass(frozen=True)
class Preview:
    included: tuple[PreviewLine, ...]
    held_back: tuple[PreviewLine, ...]  # empty when private content was asked for

    def count(self, kind: str) -> int:
        return sum(line.count for line in (*self.included, *self.held_back)
                   if line.kind == kind)


def describe(line: PreviewLine, max_names: int = MAX_NAMES) -> str:
    """One line in words, e.g. "3 restricted papers" or "2 meetings: …; …"."""
    text = KINDS[line.kind](line.count).format(count=format_number(line.count))
    if not line.names:
        return text
    names = list(line.names[:max_names])
    rest = len(line.names) - len(names)
    if rest:
        names.append(ngettext("and {count} more", "and {count} more", rest)
                     .format(count=format_number(rest)))
    return _("{count}: {names}").format(count=text, names=_("; ").join(names))


def meeting_label(record: MeetingRecord) -> str:
    return f"{record.details.day.isoformat()} {record.details.title}"


def meeting_preview(data: MeetingPackageData) -> Preview:
    return _preview([data], ("decisions", "papers", "pdfs"))


def irm_preview(data) -> Preview:
    """``data``: ``irm_package.IrmPackageData``."""
    preview = _preview(list(data.meetings), ("meetings", "decisions", "papers", "pdfs"))
    memberships = data.sections.get("membership", ())
    return Preview(preview.included + (PreviewLine("memberships", len(memberships)),),
                   preview.held_back)


def _preview(meetings: list[MeetingPackageData], kinds: Iterable[str]) -> Preview:
    shown = [m.shown for m in meetings]
    lines = {
        "meetings": PreviewLine("meetings", len(shown), tuple(meeting_label(r) for r in shown)),
        "decisions": decisions_line(shown), "papers": papers_line(shown),
        "pdfs": PreviewLine("pdfs", sum(len(pdf_names(m)) for m in meetings),
                            tuple(n for m in meetings for n in pdf_names(m))
                            if len(meetings) == 1 else ()),
    }
    included = tuple(lines[kind] for kind in kinds)
    if all(m.include_private for m in meetings):
        return Preview(included, ())
    held = held_back_lines([m.record for m in meetings], shown)
    return Preview(included, tuple(line for line in held if line.count))


def decisions_line(records: list[MeetingRecord]) -> PreviewLine:
    numbers = tuple(d.row.number for r in records for d in r.decisions)
    return PreviewLine("decisions", len(numbers), numbers)


def papers_line(records: list[MeetingRecord]) -> PreviewLine:
    titles = tuple(p.title for r in records for item in r.agenda for p in item.papers)
    return PreviewLine("papers", len(titles), titles)


def held_back_lines(whole: list[MeetingRecord], shown: list[MeetingRecord]
               ) -> tuple[PreviewLine, ...]:
    """The difference between the records and what goes out, counted by kind."""
    restricted = private = 0
    links, notes, lists = [], [], []
    for full, public in zip(whole, shown):
        kept_papers = {p.id for item in public.agenda for p in item.papers}
        restricted += sum(p.id not in kept_papers for item in full.agenda for p in item.papers)
        private += len(full.decisions) - len(public.decisions)
        label = meeting_label(full)
        if full.details.remote_link and not public.details.remote_link:
            links.append(label)
        if full.details.internal_notes and not public.details.internal_notes:
            notes.append(label)
        circulated = any(v.circulated_to for v in full.minutes.versions)
        if (full.details.notice_recipients and not public.details.notice_recipients) or (
                circulated and not any(v.circulated_to for v in public.minutes.versions)):
            lists.append(label)
    return (PreviewLine("restricted_papers", restricted),
            PreviewLine("private_decisions", private),
            PreviewLine("closed_links", len(links), tuple(links)),
            PreviewLine("internal_notes", len(notes), tuple(notes)),
            PreviewLine("recipient_lists", len(lists), tuple(lists)))
