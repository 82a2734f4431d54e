"""What the Terms of reference page does: plain functions over a session, run on the
database worker. They call ``services.terms`` and return plain values or ``Changes``;
no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from secretariat.services.terms import adopting, drafting, ethics, versions
from secretariat.services.terms.diff import TermsDiff, compare_views
from secretariat.services.terms.in_force import terms_in_force
from secretariat.services.terms.versions import TermsView
from ui.changes import ChangeKind, Changes

# The terms set the rules meetings are judged by: quorum and balance shown with
# attendance change with them.
TERMS_CHANGE = ChangeKind.FORUM | ChangeKind.ATTENDANCE


@dataclass(frozen=True)
class TermsPageData:
    versions: list[TermsView]
    in_force: int | None  # the version in force today
    unsigned: ethics.Unsigned


@dataclass(frozen=True)
class VersionDetail:
    terms: TermsView
    changes: TermsDiff | None  # from the version before; None for version 1


def load_page(s, today: dt.date | None = None) -> TermsPageData:
    day = today or dt.date.today()
    current = terms_in_force(s, day)
    return TermsPageData(versions.list_views(s), current.version_no if current else None,
                         ethics.unsigned_members(s, day))


def load_detail(s, version_no: int) -> VersionDetail:
    terms = versions.view_version(s, version_no)
    earlier = [v for v in versions.all_versions(s) if v.version_no < version_no]
    before = versions.view(s, earlier[-1]) if earlier else None
    return VersionDetail(terms, compare_views(before, terms) if before else None)


def draft_new_version(s) -> tuple[Changes, int]:
    """A draft copying the version in force; returns the changes and its version number."""
    terms = drafting.draft_version(s)
    return Changes(TERMS_CHANGE, ids=(terms.version_no,)), terms.version_no


def discard(s, version_no: int) -> Changes:
    drafting.discard_draft(s, version_no)
    return Changes(TERMS_CHANGE, ids=(version_no,))


def redraft(s, content: TermsView | None = None) -> Changes:
    """A draft again: a copy of the version in force (redo of "new draft"), or holding
    ``content``, what a discarded draft held (undo of "discard")."""
    if content is None:
        terms = drafting.draft_version(s)
    else:
        base = terms_in_force(s, dt.date.today())
        seats = {row.sector.code: (0, 0) for row in (base.seats if base else [])}
        seats.update({row.sector_code: (row.seats, row.alternates) for row in content.seats})
        terms = drafting.draft_version(
            s, rules=content.rules, seats=seats, change_note=content.change_note,
            texts={topic: {"zh_TW": zh_tw, "en": en}
                   for topic, (zh_tw, en) in content.texts.items()})
    return Changes(TERMS_CHANGE, ids=(terms.version_no,))


def adopt_on(s, version_no: int, day: dt.date) -> Changes:
    adopting.adopt_version(s, version_no, on=day)
    return Changes(TERMS_CHANGE, ids=(version_no,))


def adopt_by_decision(s, version_no: int, number: str) -> Changes:
    adopting.adopt_by_decision_number(s, version_no, number)
    return Changes(TERMS_CHANGE, ids=(version_no,))


def publish(s, version_no: int, day: dt.date) -> Changes:
    adopting.publish_version(s, version_no, on=day)
    return Changes(TERMS_CHANGE, ids=(version_no,))


def sign(s, person_id: int, version_no: int, day: dt.date, method: str) -> Changes:
    ethics.sign_statement(s, person_id, version_no, on=day, method=method)
    return Changes(TERMS_CHANGE, ids=(version_no,))


def unsign(s, person_id: int, version_no: int) -> Changes:
    ethics.withdraw_signature(s, person_id, version_no)
    return Changes(TERMS_CHANGE, ids=(version_no,))


@dataclass(frozen=True)
class SectorSeats:
    code: str
    name_zh_tw: str
    name_en: str
    seats: int
    alternates: int


def load_for_editing(s, version_no: int) -> tuple[TermsView, list[SectorSeats]]:
    """The draft and every sector with the seats the draft gives it (0 for the others)."""
    from secretariat.services.forum import list_sectors

    terms = versions.view_version(s, version_no)
    given = {row.sector_code: row for row in terms.seats}
    sectors = [SectorSeats(x.code, x.name_zh_tw, x.name_en,
                           given[x.code].seats if x.code in given else 0,
                           given[x.code].alternates if x.code in given else 0)
               for x in list_sectors(s)]
    return terms, sectors


def edit_draft(s, version_no: int, rules: dict, texts: dict, change_note: str,
               seats: dict | None = None) -> Changes:
    drafting.update_draft(s, version_no, rules=rules, texts=texts, change_note=change_note,
                          seats=seats)
    return Changes(TERMS_CHANGE, ids=(version_no,))
