"""The input of a stratified lottery: people's feature values, quotas and the seats.

People with identical feature values are interchangeable for every quota, so the
lottery works on *groups* of them (``Problem.groups``): a fair lottery gives every member
of a group the same probability, and the optimisation needs one variable per group
instead of one per person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from secretariat.errors import SecretariatError
from secretariat.i18n import N_


@dataclass(frozen=True)
class Quota:
    """Between ``minimum`` and ``maximum`` panel members have ``value`` in ``category``."""

    category: str
    value: str
    minimum: int
    maximum: int


@dataclass(frozen=True)
class Group:
    """People (0-based indices in the pool, ascending) with the same feature values."""

    features: tuple[str, ...]  # one value per category, in ``Problem.categories`` order
    members: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class Problem:
    categories: tuple[str, ...]
    quotas: tuple[Quota, ...]
    groups: tuple[Group, ...]
    seats: int
    pool_size: int

    def quota_groups(self, quota: Quota) -> list[int]:
        """The groups whose members count towards ``quota``."""
        column = self.categories.index(quota.category)
        return [g for g, group in enumerate(self.groups)
                if group.features[column] == quota.value]

    def available(self, quota: Quota) -> int:
        return sum(self.groups[g].size for g in self.quota_groups(quota))

    def satisfies(self, counts: Sequence[int]) -> bool:
        """Whether a panel with ``counts[g]`` members of each group meets every quota."""
        if sum(counts) != self.seats:
            return False
        return all(quota.minimum <= sum(counts[g] for g in self.quota_groups(quota))
                   <= quota.maximum for quota in self.quotas)


def build_problem(categories: Sequence[str], people: Sequence[Sequence[str]],
                  quotas: Sequence[Quota], seats: int) -> Problem:
    """Group the people (each a tuple of values, one per category) by their values.

    Groups are ordered by their first member, so the same file always gives the same
    groups, in the same order."""
    if seats < 1:
        raise SecretariatError(N_("The panel must have at least one seat."))
    if seats > len(people):
        raise SecretariatError(N_("The panel has {seats} seats but the pool only {people} "
                                  "people."), seats=seats, people=len(people))
    by_values: dict[tuple[str, ...], list[int]] = {}
    for index, values in enumerate(people):
        by_values.setdefault(tuple(values), []).append(index)
    groups = tuple(Group(features=values, members=tuple(members))
                   for values, members in by_values.items())
    return Problem(categories=tuple(categories), quotas=tuple(quotas), groups=groups,
                   seats=seats, pool_size=len(people))


def quotas_by_category(quotas: Sequence[Quota]) -> Mapping[str, list[Quota]]:
    result: dict[str, list[Quota]] = {}
    for quota in quotas:
        result.setdefault(quota.category, []).append(quota)
    return result
