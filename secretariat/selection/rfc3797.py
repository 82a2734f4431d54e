"""Publicly verifiable random selection as RFC 3797 (section 4) describes it.

Before the draw the organisers publish the pool (numbered 1…N), the number to select and
the random *sources* they will use (lottery results, stock index figures, …): values
nobody knows in advance and anybody can look up afterwards. From those values anyone can
redo the selection:

1. Each source is one or more non-negative decimal numbers. Each number is written in
   canonical form: no leading zeros (``0`` stays a single zero before the point), no
   trailing zeros after the point; a whole number is followed by a period (``9319.``),
   a fraction keeps its period between the parts (``1.25``).
2. The numbers of one source are sorted from smallest to largest and concatenated; the
   source ends with ``/``. The *sources* are not sorted: they stay in the order in which
   they were announced. The result is the key string, e.g. the RFC's section 6 example
   ``9319./2.5.8.10.12./9.18.26.34.41.45./``, hashed as ASCII.
3. The i-th random value (i = 0, 1, 2, …) is the hash (MD5 as the RFC; SHA-256 as an
   option) of the key string with the two-byte big-endian counter i before and after it,
   read as one big-endian unsigned number.
4. The i-th selection divides the i-th value by the number of positions still in the pool
   and takes the position at (remainder + 1) among those not yet selected.

``select`` returns every step, so a command can show the key and each digest.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from secretariat.errors import SecretariatError
from secretariat.i18n import N_

HASHES = {"md5": hashlib.md5, "sha256": hashlib.sha256}
DEFAULT_HASH = "md5"  # the RFC's choice; sha256 is offered for new procedures
# The counter around the key string has two bytes (RFC 3797, section 4).
MOST_SELECTIONS = 2**16

_NUMBER = re.compile(r"(\d*)(?:\.(\d*))?")
_SEPARATORS = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class Step:
    """One selection: the counter, the digest (hex), the divisor and the chosen position."""

    index: int
    digest: str
    divisor: int
    position: int


def canonical_number(text: str) -> str:
    """``007`` → ``7.``, ``0`` → ``0.``, ``1.50`` → ``1.5``, ``.5`` → ``0.5``."""
    match = _NUMBER.fullmatch(text)
    if not match or not (match.group(1) or match.group(2)):
        raise SecretariatError(N_("“{value}” is not a number: a random source is made of "
                                  "whole or decimal numbers (0 or more), e.g. 2 5 8 10 12."),
                               value=text)
    whole = match.group(1).lstrip("0") or "0"
    fraction = (match.group(2) or "").rstrip("0")
    return f"{whole}.{fraction}"


def parse_source(text: str) -> list[str]:
    """The canonical numbers of one source as typed: numbers separated by spaces or commas."""
    numbers = [part for part in _SEPARATORS.split(text.strip()) if part]
    if not numbers:
        raise SecretariatError(N_("A random source is empty: give its numbers, e.g. "
                                  "--source \"2 5 8 10 12\"."))
    return [canonical_number(number) for number in numbers]


def key_string(sources: Iterable[Sequence[str] | str]) -> str:
    """The RFC's key string; each source is a typed string or a list of numbers as text."""
    parts = []
    for source in sources:
        numbers = parse_source(source) if isinstance(source, str) else [
            canonical_number(str(number)) for number in source]
        numbers.sort(key=Decimal)
        parts.append("".join(numbers) + "/")
    if not parts:
        raise SecretariatError(N_("Give at least one random source."))
    return "".join(parts)


def digest(key: str, index: int, hash_name: str = DEFAULT_HASH) -> bytes:
    """The hash of ``counter + key + counter`` (counter: two bytes, big-endian)."""
    counter = index.to_bytes(2, "big")
    return HASHES[hash_name](counter + key.encode("ascii") + counter).digest()


def random_value(key: str, index: int, hash_name: str = DEFAULT_HASH) -> int:
    """The i-th random value: the digest as one big-endian unsigned number."""
    return int.from_bytes(digest(key, index, hash_name), "big")


def select(pool_size: int, seats: int, key: str, hash_name: str = DEFAULT_HASH) -> list[Step]:
    """Draw ``seats`` distinct positions from 1…``pool_size``, in the order drawn."""
    check_counts(pool_size, seats)
    chosen: list[int] = []  # sorted; the pool itself is never listed (it may be huge)
    steps = []
    for index in range(seats):
        value = digest(key, index, hash_name)
        divisor = pool_size - index
        position = _remaining_position(int.from_bytes(value, "big") % divisor, chosen)
        bisect.insort(chosen, position)
        steps.append(Step(index=index, digest=value.hex().upper(), divisor=divisor,
                          position=position))
    return steps


def _remaining_position(rank: int, chosen: list[int]) -> int:
    """The position of the (rank + 1)-th of 1, 2, … not yet chosen (``chosen`` sorted).

    The position p is the smallest with p − (chosen positions ≤ p) = rank + 1: start at
    rank + 1 and move up by the chosen positions passed until no more are passed."""
    position = rank + 1
    passed = 0
    while True:
        now = bisect.bisect_right(chosen, rank + 1 + passed)
        if now == passed:
            return rank + 1 + passed
        passed = now


def check_counts(pool_size: int, seats: int) -> None:
    if pool_size < 1:
        raise SecretariatError(N_("The pool must have at least one position."))
    if not 1 <= seats <= pool_size:
        raise SecretariatError(N_("The number to select must be from 1 to the pool size "
                                  "({pool})."), pool=pool_size)
    if seats > MOST_SELECTIONS:
        raise SecretariatError(N_("RFC 3797 draws at most {most} selections (its counter "
                                  "has two bytes)."), most=MOST_SELECTIONS)
