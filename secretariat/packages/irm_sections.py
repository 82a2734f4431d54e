"""The sections of an IRM package, each a reader (database thread) and a writer (no
session): the extension point the later capabilities plug into.

A section whose ``read`` is None is not available in this version: the package's README
and ``manifest.json`` name it as missing, so an IRM researcher knows what to ask for
instead of assuming the forum has no terms of reference or no selection rounds. A branch
that builds one of them replaces its entry in ``SECTIONS`` with a reader and a writer.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from secretariat.i18n import N_
from secretariat.packages.meeting_contents import to_json
from secretariat.services.members.views import MemberRow, member_rows


@dataclass(frozen=True)
class Period:
    date_from: dt.date
    date_to: dt.date

    def overlaps(self, start: dt.date, end: dt.date | None) -> bool:
        return start <= self.date_to and (end is None or end >= self.date_from)


Files = dict[str, "Path | bytes"]  # names inside data/ -> content
# read(session, period, include_private) -> plain data; write(data, scratch) -> files
Reader = Callable[[Session, Period, bool], object]
Writer = Callable[[object, Path], Files]


@dataclass(frozen=True)
class IrmSection:
    key: str
    title: str  # msgid: what the section holds, for the README and the preview
    read: Reader | None = None  # None: not available yet in this version
    write: Writer | None = None
    # The writer also takes the meetings' folders in the package, to point at them.
    needs_folders: bool = False

    @property
    def available(self) -> bool:
        return self.read is not None


# --- membership history ----------------------------------------------------------------

MEMBERSHIP_COLUMNS = ("membership_id", "person_number", "name", "name_en", "organisation",
                      "sector", "side", "seat", "role", "high_level", "term_start",
                      "term_end", "ended_on")


def read_membership(s: Session, period: Period, _include_private: bool
                    ) -> tuple[MemberRow, ...]:
    """Every term that overlapped the period (public fields: never contact details)."""
    rows = member_rows(s, on=period.date_to, include_past=True)
    return tuple(m for m in rows if period.overlaps(m.term_start, _term_end(m)))


def _term_end(m: MemberRow) -> dt.date | None:
    ends = [day for day in (m.ended_on, m.term_end) if day is not None]
    return min(ends) if ends else None


def _membership_values(m: MemberRow) -> dict:
    return {"membership_id": m.membership_id, "person_number": m.person_id, "name": m.name,
            "name_en": m.name_en, "organisation": m.organisation, "sector": m.sector_code,
            "side": m.side.value, "seat": m.seat_label, "role": m.role.value,
            "high_level": m.high_level, "term_start": m.term_start.isoformat(),
            "term_end": m.term_end.isoformat() if m.term_end else None,
            "ended_on": m.ended_on.isoformat() if m.ended_on else None}


def write_membership(rows: tuple[MemberRow, ...], _scratch: Path) -> Files:
    values = [_membership_values(m) for m in rows]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(MEMBERSHIP_COLUMNS)
    for row in values:
        writer.writerow(["" if row[c] is None else
                         ("yes" if row[c] is True else "no" if row[c] is False else row[c])
                         for c in MEMBERSHIP_COLUMNS])
    return {"membership/membership-history.csv": "\ufeff".encode() + out.getvalue().encode(),
            "membership/membership-history.json": to_json({"memberships": values})}


# --- terms of reference ------------------------------------------------------------------

def read_terms(s: Session, _period: Period, include_private: bool):
    """Every version (drafts only in the internal package: a draft is not yet the forum's
    rule), the forum's names, and who signed each version's ethics statement."""
    from secretariat.services.forum import require_forum
    from secretariat.services.terms.ethics import signatures
    from secretariat.services.terms.versions import list_views
    from secretariat.terms_vocabulary import TermsStatus

    forum = require_forum(s)
    views = [v for v in list_views(s) if include_private or v.status != TermsStatus.DRAFT]
    signed = {v.version_no: tuple(signatures(s, v.version_no)) for v in views}
    return (forum.name_zh_tw, forum.name_en), tuple(views), signed


def write_terms(data, scratch: Path) -> Files:
    from secretariat.export.pdf_terms import write_terms_pdf

    names, views, signed = data
    files: Files = {}
    scratch.mkdir(parents=True, exist_ok=True)
    for terms in views:
        out = scratch / f"terms-of-reference-v{terms.version_no}.pdf"
        write_terms_pdf(terms, names, out)
        files[f"terms_of_reference/{out.name}"] = out
        files[f"terms_of_reference/terms-of-reference-v{terms.version_no}.json"] = to_json({
            "version": terms.version_no, "status": terms.status.value,
            "adopted_on": terms.adopted_on.isoformat() if terms.adopted_on else None,
            "adopted_by_decision": terms.adopted_by_decision_number,
            "published_on": terms.published_on.isoformat() if terms.published_on else None,
            "rules": terms.rules,
            "texts": {topic: {"zh_TW": zh, "en": en} for topic, (zh, en) in terms.texts.items()},
            "seats": [vars(row) for row in terms.seats],
            "ethics_signatures": [_signature(row) for row in signed[terms.version_no]]})
    return files


def _signature(row) -> dict:
    values = dict(vars(row)) if hasattr(row, "__dict__") else {}
    return {key: (value.isoformat() if isinstance(value, dt.date) else
                  getattr(value, "value", value)) for key, value in values.items()}


# --- register of interests ---------------------------------------------------------------

def read_register(s: Session, period: Period, include_private: bool):
    """The public register as it stands, and, only when the secretariat includes the
    private part, every declaration made in the period with its private items."""
    from secretariat.services.interests.listing import declaration_rows
    from secretariat.services.interests.register import register_rows

    private = ()
    if include_private:
        private = tuple(d for d in declaration_rows(s)
                        if period.date_from <= d.declared_on <= period.date_to)
    return tuple(register_rows(s)), private


def write_register(data, _scratch: Path) -> Files:
    from secretariat.services.interests.register import register_csv

    public, private = data
    files: Files = {"interests/register-of-interests.csv": register_csv(list(public))}
    if private:
        files["interests/declarations-with-private-items.json"] = to_json({"declarations": [
            {"person_number": d.person_id, "name": d.person_name, "name_en": d.person_name_en,
             "declared_on": d.declared_on.isoformat(), "occasion": d.occasion.value,
             "items": [{"kind": i.kind.value, "description": i.description,
                        "description_en": i.description_en, "organisation": i.organisation,
                        "organisation_en": i.organisation_en, "public": i.is_public}
                       for i in d.items]} for d in private]})
    return files


from secretariat.packages.irm_cocreation import (  # noqa: E402  (sections defined there)
    read_cocreation, read_compliance, write_cocreation, write_compliance,
)
from secretariat.packages.irm_selection import read_selection, write_selection  # noqa: E402

# The order is the README's. Meetings are not a section here: every meeting's evidence is
# built by the meeting package's own code (``irm_package``).
SECTIONS: list[IrmSection] = [
    IrmSection("membership", N_("membership history: every term that overlapped the "
                                "period (CSV and JSON)"), read_membership, write_membership),
    IrmSection("terms_of_reference", N_("all versions of the terms of reference"),
               read_terms, write_terms),
    IrmSection("selection_rounds", N_("selection rounds, with everything needed to re-check "
                                      "them"), read_selection, write_selection),
    IrmSection("register_of_interests", N_("the register of interests (public part; the "
                                           "private part only when included explicitly)"),
               read_register, write_register),
    IrmSection("cocreation", N_("co-creation records: contributions and responses, "
                                "consultations, communications log"),
               read_cocreation, write_cocreation),
    IrmSection("compliance_report", N_("the compliance report (PDF and JSON), each entry "
                                       "pointing to the files that support it"),
               read_compliance, write_compliance, needs_folders=True),
]
