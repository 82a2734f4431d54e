"""Decision numbers: the one stored, typeable form and the one way to show it.

A decision's number is stored as ``2026-S03-R02``: the meeting's year, ``S`` and the
meeting's ordinal among that year's meetings of the forum (its session, 第3次會議), ``R``
and the decision's sequence within the meeting (its resolution, 第2號). The letters keep
it from being read as a date — earlier numbers such as ``2026-03-02`` were taken for
2 March 2026, and under 民國 dates the minutes said 「經第 2026-11-01 號決議確認」 — and
they are neither month nor day markers (``M``/``D``) nor other period codes. The number is
ASCII, short and what a clerk types on the command line; zero padding keeps a year's
numbers in order when sorted as text.

People read it through ``decision_label``: 「2026年第3次會議第2號決議」 (民國115年… with
民國 years) or "Decision 2 of meeting 3 (2026)". ``parse_decision_number`` accepts what a
clerk types: any case, with or without padding, and the pre-0006 form ``2026-03-02``.
``legacy_number`` gives that earlier spelling, which audit entries written before the
renumbering hashed.
"""

from __future__ import annotations

import re

from secretariat.i18n import _, current_language, roc_years

_CANONICAL = re.compile(r"^(\d{4})-S(\d+)-R(\d+)$")
_TYPED = re.compile(r"^\s*(\d{4})\s*-\s*S\s*(\d{1,4})\s*-\s*R\s*(\d{1,4})\s*$", re.IGNORECASE)
_LEGACY = re.compile(r"^\s*(\d{4})-(\d{1,4})-(\d{1,4})\s*$")


def decision_prefix(year: int, meeting_ordinal: int) -> str:
    """``2026-S03`` for the third meeting of 2026: what its decisions' numbers start with."""
    return f"{year}-S{meeting_ordinal:02d}"


def decision_number(prefix: str, ordinal: int) -> str:
    """``2026-S03-R02`` for the second decision of the meeting with prefix ``2026-S03``."""
    return f"{prefix}-R{ordinal:02d}"


def number_parts(number: str) -> tuple[int, int, int] | None:
    """(year, meeting ordinal, decision ordinal) of a stored number, or None."""
    match = _CANONICAL.match(number or "")
    return None if match is None else tuple(int(g) for g in match.groups())


def parse_decision_number(text: str) -> str | None:
    """The stored number a clerk meant (``2026-s3-r2``, ``2026-03-02``), or None."""
    match = _TYPED.match(text or "") or _LEGACY.match(text or "")
    if match is None:
        return None
    year, meeting, ordinal = (int(g) for g in match.groups())
    return decision_number(decision_prefix(year, meeting), ordinal)


def legacy_number(number: str) -> str:
    """The number as it was spelled before the renumbering (``2026-03-02``), digits kept
    as stored; a number of another shape is returned unchanged."""
    match = _CANONICAL.match(number or "")
    if match is None:
        return number
    year, meeting, ordinal = match.groups()
    return f"{year}-{meeting}-{ordinal}"


def decision_label(number: str, *, roc: bool | None = None) -> str:
    """How people read a decision's number, in the current language; 民國 years as the
    user chose (``roc`` None) or as a document says (``roc``, Chinese only)."""
    parts = number_parts(number)
    if parts is None:
        return _("Decision {number}").format(number=number)
    year, meeting, ordinal = parts
    if roc is None:
        roc = roc_years()
    if roc and current_language() == "zh_TW":  # the Chinese wording supplies the 年
        from secretariat.roc import roc_year

        year = f"民國{roc_year(year)}"
    # zh_TW: 「{year}年第{meeting}次會議第{ordinal}號決議」
    return _("Decision {ordinal} of meeting {meeting} ({year})").format(
        ordinal=ordinal, meeting=meeting, year=year)
