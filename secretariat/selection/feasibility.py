"""Why no panel meets the quotas: which quota cannot be met, and by how many people.

Simple causes are named first (a quota needs more people than have the value; a
category's minimums add up to more than the seats, or its maximums to fewer). When every
quota can be met on its own but not all together, the panel closest to the quotas (the
fewest people short or over, found by an integer program) shows which quotas clash.
"""

from __future__ import annotations

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _
from secretariat.selection.panel_search import closest_panel
from secretariat.selection.quotas import Problem, quotas_by_category


def infeasibility_reasons(problem: Problem) -> list[str]:
    """Translated lines, one per reason; empty if the quotas leave at least one panel."""
    reasons = []
    seats = problem.seats
    for quota in problem.quotas:
        available = problem.available(quota)
        if quota.minimum > available:
            reasons.append(_("{category} = {value}: the quota needs at least {minimum} "
                             "but only {available} people in the pool have it "
                             "({short} short).").format(
                category=quota.category, value=quota.value, minimum=quota.minimum,
                available=available, short=quota.minimum - available))
    for category, quotas in quotas_by_category(problem.quotas).items():
        minimums = sum(quota.minimum for quota in quotas)
        if minimums > seats:
            reasons.append(_("{category}: the minimums add up to {total}, more than the "
                             "{seats} seats ({excess} too many).").format(
                category=category, total=minimums, seats=seats, excess=minimums - seats))
        room = sum(min(quota.maximum, problem.available(quota)) for quota in quotas)
        if room < seats:
            reasons.append(_("{category}: at most {total} of the {seats} seats can be "
                             "filled within its maximums and the people available "
                             "({short} short).").format(
                category=category, total=room, seats=seats, short=seats - room))
    if reasons:
        return reasons
    counts, misses = closest_panel(problem)
    for quota, (short, over) in zip(problem.quotas, misses, strict=True):
        if not (short or over):
            continue
        actual = sum(counts[g] for g in problem.quota_groups(quota))
        if short:
            reasons.append(_("{category} = {value}: the closest panel to the quotas has "
                             "{actual}, {short} short of the minimum {minimum}.").format(
                category=quota.category, value=quota.value, actual=actual, short=short,
                minimum=quota.minimum))
        else:
            reasons.append(_("{category} = {value}: the closest panel to the quotas has "
                             "{actual}, {over} over the maximum {maximum}.").format(
                category=quota.category, value=quota.value, actual=actual, over=over,
                maximum=quota.maximum))
    return reasons


def raise_infeasible(problem: Problem) -> None:
    reasons = infeasibility_reasons(problem) or [
        _("No panel meets every quota together.")]
    raise SecretariatError(N_("The quotas cannot be met by any panel of {seats}:"),
                           details=reasons, seats=problem.seats)
