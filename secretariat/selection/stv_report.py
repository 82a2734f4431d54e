"""The count sheet of an STV count as plain text, stage by stage, in the user's language.

Values are shown truncated (never rounded up) to the count's own decimal places, so a
figure on the sheet is never more than the candidate had: the same convention as the
Scottish councils' result sheets, which print whole votes by dropping the decimals.
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction

from secretariat.i18n import N_, _
from secretariat.selection.stv_result import EXCLUSION, FIRST, SURPLUS, CountResult, Stage

METHOD_LABELS = {
    "scottish": N_("Scottish STV (Scottish Local Government Elections Order 2007, "
                   "schedule 1, rules 45–52)"),
    "meek": N_("Meek STV (keep values iterated to a total surplus of 0.00001 or less)"),
}


def decimal(value: Fraction, places: int, *, sign: bool = False) -> str:
    """``value`` truncated towards zero to ``places`` decimals, with thousands commas."""
    negative = value < 0
    scaled = abs(value.numerator) * 10**places // value.denominator
    whole, fraction = divmod(scaled, 10**places)
    text = f"{whole:,}" + (f".{fraction:0{places}d}" if places else "")
    if negative and scaled:
        return "-" + text
    return ("+" + text) if sign else text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _heading(result: CountResult, stage: Stage) -> str:
    names = result.candidates
    places = result.decimals
    if stage.action == FIRST:
        return _("Stage {number}: first preferences").format(number=stage.number)
    if stage.action == SURPLUS:
        return _("Stage {number}: surplus of {name} ({surplus}) transferred").format(
            number=stage.number, name=names[stage.candidate],
            surplus=decimal(-stage.changes[stage.candidate], places))
    if stage.action == EXCLUSION and stage.candidate is not None:
        return _("Stage {number}: votes of {name}, excluded, transferred").format(
            number=stage.number, name=names[stage.candidate])
    return _("Stage {number}: keep values recomputed").format(number=stage.number)


def _tie_note(stage: Stage) -> str | None:
    if stage.tie == "earlier stage":
        return _("A tie was broken by the votes at an earlier stage.")
    if stage.tie == "lot":
        return _("A tie was broken by lot (drawn from the published seed).")
    return None


def format_report(result: CountResult, title: str = "") -> str:
    """The whole count sheet: heading, then every stage, then the candidates elected."""
    names = result.candidates
    places = result.decimals
    width = max([_width(n) for n in names] + [_width(_("Non-transferable")),
                                              _width(_("Lost by truncation"))])
    out: list[str] = []
    if title:
        out.append(title)
    out.append(_("Method: {method}").format(method=_(METHOD_LABELS[result.method])))
    out.append(_("Seats: {seats}    Valid votes: {votes}    Quota: {quota}").format(
        seats=result.seats, votes=f"{result.valid_votes:,}",
        quota=decimal(result.quota, places)))
    status: dict[int, str] = {c: "" for c in range(len(names)) if c not in result.withdrawn}
    cumulative_nt = Fraction(0)
    for stage in result.stages:
        out.append("")
        out.append(_heading(result, stage))
        if result.method == "meek" and stage.number > 1:
            out.append(_("Quota: {quota}").format(quota=decimal(stage.quota, places)))
        for c in stage.elected:
            status[c] = _("elected")
        for c in stage.excluded:
            status[c] = _("excluded")
        for c in status:
            change = stage.changes[c]
            shown_change = decimal(change, places, sign=True) if change else ""
            line = (f"  {_pad(names[c], width)}  {shown_change:>16}  "
                    f"{decimal(stage.votes[c], places):>16}")
            if result.method == "meek" and stage.keep_values:
                line += f"  k={decimal(stage.keep_values[c], 9)}"
            if status[c]:
                line += f"  {status[c]}"
            out.append(line.rstrip())
        cumulative_nt += stage.non_transferable
        shown_nt = (decimal(stage.non_transferable, places, sign=True)
                    if stage.non_transferable else "")
        out.append(f"  {_pad(_('Non-transferable'), width)}  {shown_nt:>16}  "
                   f"{decimal(cumulative_nt, places):>16}")
        if stage.lost:
            out.append(f"  {_pad(_('Lost by truncation'), width)}  "
                       f"{decimal(stage.lost, places, sign=True):>16}")
        note = _tie_note(stage)
        if note:
            out.append("  " + note)
    out.append("")
    out.append(_("Elected, in order of election:"))
    out.extend(f"  {i}. {name}" for i, name in enumerate(result.elected_names, start=1))
    if len(result.elected) < result.seats:
        out.append(_("Seats left unfilled: {count}").format(
            count=result.seats - len(result.elected)))
    return "\n".join(out) + "\n"
