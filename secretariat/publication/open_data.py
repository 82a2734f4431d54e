"""Open data: each public table as CSV and JSON, and a README describing every column.

Every table is declared once — its columns with their descriptions and how each value
is read from the public records — so the files and their documentation cannot disagree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from secretariat.i18n import N_, _, language_override
from secretariat.publication.site_data import SiteData


@dataclass(frozen=True)
class Column:
    name: str
    description: str  # msgid
    value: Callable


@dataclass(frozen=True)
class Table:
    name: str
    description: str  # msgid
    columns: tuple[Column, ...]
    rows: Callable[[SiteData], Iterable]


def _enum(value) -> str:
    return value.value if value is not None else ""


def _day(value) -> str:
    return value.isoformat() if value else ""


def _meeting_items(site: SiteData):
    return ((m, item) for m in site.meetings for item in m.agenda)


def _meeting_attendees(site: SiteData):
    return ((m, a) for m in site.meetings for a in m.attendees if a.status is not None)


def _contributions(site: SiteData):
    cycles = site.cocreation.cycles if site.cocreation else ()
    return ((cycle.name, c) for cycle in cycles for c in cycle.contributions)


def _meeting_decisions(site: SiteData):
    return ((m, d) for m in site.meetings for d in m.decisions)


TABLES: tuple[Table, ...] = (
    Table("members", N_("The forum's members on the day the package was made."), (
        Column("name", N_("name (Chinese)"), lambda m: m.name),
        Column("name_en", N_("name (English), if recorded"), lambda m: m.name_en),
        Column("organisation", N_("organisation"), lambda m: m.organisation),
        Column("sector", N_("sector code (e.g. civil_society)"), lambda m: m.sector_code),
        Column("side", N_("government or non_government"), lambda m: _enum(m.side)),
        Column("seat", N_("the seat held"), lambda m: m.seat_label),
        Column("role", N_("co_chair, member, alternate or observer"), lambda m: _enum(m.role)),
        Column("term_start", N_("first day of the term (YYYY-MM-DD)"), lambda m: _day(m.term_start)),
        Column("term_end", N_("last day of the term, if set"), lambda m: _day(m.term_end)),
        Column("high_level", N_("true for a high-level representative with decision-making "
                                "power"), lambda m: m.high_level),
    ), lambda site: site.members),
    Table("meetings", N_("Every meeting that was not cancelled."), (
        Column("meeting", N_("the meeting's number"), lambda m: m.details.id),
        Column("title", N_("title (Chinese)"), lambda m: m.details.title),
        Column("title_en", N_("title (English)"), lambda m: m.details.title_en),
        Column("kind", N_("forum_meeting, working_group, open_meeting, public_consultation or "
                          "ministerial_meeting"), lambda m: _enum(m.details.kind)),
        Column("status", N_("planned or held"), lambda m: _enum(m.details.status)),
        Column("starts_at", N_("start, ISO 8601 with the offset from UTC"),
               lambda m: m.details.starts_at.isoformat()),
        Column("ends_at", N_("end, ISO 8601 with the offset from UTC"),
               lambda m: m.details.ends_at.isoformat()),
        Column("location", N_("where it was held"), lambda m: m.details.location),
        Column("open_to_public", N_("true if the public could attend"), lambda m: m.details.is_public),
    ), lambda site: site.meetings),
    Table("agenda_items", N_("The items of every agenda, in order."), (
        Column("meeting", N_("the meeting's number"), lambda p: p[0].details.id),
        Column("position", N_("the item's place on the agenda, from 1"), lambda p: p[1].position),
        Column("title", N_("title (Chinese)"), lambda p: p[1].title),
        Column("title_en", N_("title (English)"), lambda p: p[1].title_en),
        Column("purpose", N_("information, discussion or decision"), lambda p: _enum(p[1].purpose)),
        Column("proposed_by", N_("government, non_government or public"),
               lambda p: _enum(p[1].proposed_by)),
    ), _meeting_items),
    Table("attendance", N_("Who attended each held meeting, and in what capacity."), (
        Column("meeting", N_("the meeting's number"), lambda p: p[0].details.id),
        Column("name", N_("name as recorded"), lambda p: p[1].name or p[1].guest_name),
        Column("name_en", N_("name (English), if recorded"), lambda p: p[1].name_en),
        Column("organisation", N_("organisation"), lambda p: p[1].organisation),
        Column("side", N_("government or non_government; empty for those without a seat"),
               lambda p: _enum(p[1].side)),
        Column("capacity", N_("member, alternate, observer or guest"), lambda p: _enum(p[1].capacity)),
        Column("status", N_("present, remote, apologies, proxy or absent"),
               lambda p: _enum(p[1].status)),
    ), _meeting_attendees),
    Table("decisions", N_("Every public decision, with the votes counted."), (
        Column("number", N_("the decision's number: year, meeting (S) and decision (R)"),
               lambda p: p[1].row.number),
        Column("meeting", N_("the meeting's number"), lambda p: p[0].details.id),
        Column("decided_at", N_("when, ISO 8601"), lambda p: p[1].row.decided_at.isoformat()),
        Column("text", N_("the decision (Chinese)"), lambda p: p[1].row.text),
        Column("text_en", N_("the decision (English)"), lambda p: p[1].row.text_en),
        Column("method", N_("consensus or vote"), lambda p: _enum(p[1].row.method)),
        Column("votes_for", N_("votes for (empty for consensus)"), lambda p: p[1].row.votes_for),
        Column("votes_against", N_("votes against"), lambda p: p[1].row.votes_against),
        Column("votes_abstain", N_("abstentions"), lambda p: p[1].row.votes_abstain),
        Column("recusals", N_("number of members recused"), lambda p: len(p[1].recusals)),
    ), _meeting_decisions),
    Table("contributions", N_("Contributions from the public and civil society to the action "
                              "plan, with the government's response (who sent them is not "
                              "published)."), (
        Column("cycle", N_("the action-plan cycle"), lambda p: p[0]),
        Column("received_on", N_("when it was received (YYYY-MM-DD)"), lambda p: _day(p[1][0])),
        Column("stakeholder_kind", N_("the kind of contributor, e.g. civil_society or citizen"),
               lambda p: _enum(p[1][1])),
        Column("region", N_("the contributor's region, if given"), lambda p: p[1][2]),
        Column("channel", N_("how it came in, e.g. written or online_discussion"),
               lambda p: _enum(p[1][3])),
        Column("topic", N_("its topic"), lambda p: p[1][4]),
        Column("text", N_("the contribution"), lambda p: p[1][5]),
        Column("response", N_("the government's reasoned response"), lambda p: p[1][6]),
        Column("responded_on", N_("when the response was given, if it was"),
               lambda p: _day(p[1][7])),
    ), _contributions),
)


def table_files(site: SiteData) -> dict[str, bytes]:
    """``name.csv`` and ``name.json`` for every table, and ``README.md``."""
    files = {}
    for table in TABLES:
        rows = [[column.value(row) for column in table.columns] for row in table.rows(site)]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([c.name for c in table.columns])
        writer.writerows([["" if v is None else str(v).lower() if isinstance(v, bool) else v
                           for v in row] for row in rows])
        files[f"{table.name}.csv"] = "\ufeff".encode() + out.getvalue().encode()
        records = [dict(zip([c.name for c in table.columns], row)) for row in rows]
        files[f"{table.name}.json"] = (json.dumps(records, ensure_ascii=False, indent=1,
                                                  default=str) + "\n").encode()
    files["README.md"] = readme().encode()
    return files


def readme() -> str:
    parts = []
    for language in ("zh_TW", "en"):
        with language_override(language):
            heading = _("Open data")
            lines = [f"# {heading}", "",
                     _("Each table is given as CSV (UTF-8 with a byte order mark, so that "
                       "spreadsheet programs read it) and as JSON (a list of objects with the "
                       "same fields). Dates are ISO 8601."), ""]
            column, meaning = _("Column"), _("Meaning")
            for table in TABLES:
                lines += [f"## {table.name}.csv / {table.name}.json", "", _(table.description),
                          "", f"| {column} | {meaning} |", "|---|---|"]
                lines += [f"| `{c.name}` | {_(c.description)} |" for c in table.columns]
                lines.append("")
            parts.append("\n".join(lines))
    return "\n\n".join(parts)
