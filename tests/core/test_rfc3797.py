"""RFC 3797 draws: the key string and the selection reproduce the RFC's section 6 example."""

from __future__ import annotations

import pytest

from secretariat.errors import SecretariatError
from secretariat.selection import rfc3797

# RFC 3797, section 6: three sources, a pool of 25, ten selected. The second source was
# published unsorted; the key string sorts the numbers of each source, not the sources.
RFC_SOURCES = ["9319", "2 5 12 8 10", "9 18 26 34 41 45"]
RFC_KEY = "9319./2.5.8.10.12./9.18.26.34.41.45./"
RFC_DIGESTS = [
    "990DD0A5692A029A98B5E01AA28F3459", "3691E55CB63FCC37914430B2F70B5EC6",
    "FE814EDF564C190AC1D25753979990FA", "1863CCACEB568C31D7DDBDF1D4E91387",
    "F4AB33DF4889F0AF29C513905BE1D758", "13EAEB529F61ACFB9A29D0BA3A60DE4A",
    "992DB77C382CA2BDB9727001F3CDCCD9", "63AB4258ECA922976811C7F55C383CE7",
    "DFBC5AC97CED01B3A6E348E3CC63F40D", "31CB111C4A4EBE9287CEAE16FE51B909",
]
RFC_SELECTED = [17, 7, 2, 16, 25, 23, 8, 24, 19, 13]


def test_key_string_of_the_rfc_example():
    assert rfc3797.key_string(RFC_SOURCES) == RFC_KEY


def test_digests_and_selection_of_the_rfc_example():
    steps = rfc3797.select(25, 10, RFC_KEY)
    assert [step.digest for step in steps] == RFC_DIGESTS
    assert [step.divisor for step in steps] == list(range(25, 15, -1))
    assert [step.position for step in steps] == RFC_SELECTED


@pytest.mark.parametrize("typed, canonical", [
    ("9319", "9319."), ("007", "7."), ("0", "0."), ("000", "0."), ("1.50", "1.5"),
    (".5", "0.5"), ("2.0", "2."), ("0.25", "0.25"),
])
def test_canonical_numbers(typed, canonical):
    assert rfc3797.canonical_number(typed) == canonical


def test_sources_keep_their_announced_order_and_sort_their_numbers_numerically():
    assert rfc3797.key_string(["10, 9 100", "3"]) == "9.10.100./3./"
    assert rfc3797.key_string(["3", "10 9 100"]) == "3./9.10.100./"


@pytest.mark.parametrize("bad", ["", "  ", "-3", "1e5", "abc", "1.2.3", "+4"])
def test_a_source_that_is_not_numbers_is_refused(bad):
    with pytest.raises(SecretariatError):
        rfc3797.key_string([bad])


def test_sha256_changes_the_digests_but_not_the_method():
    steps = rfc3797.select(25, 25, RFC_KEY, "sha256")
    assert len(steps[0].digest) == 64
    assert sorted(step.position for step in steps) == list(range(1, 26))
    assert [s.position for s in steps] != RFC_SELECTED


def test_counts_are_checked():
    with pytest.raises(SecretariatError):
        rfc3797.select(5, 6, RFC_KEY)
    with pytest.raises(SecretariatError):
        rfc3797.select(5, 0, RFC_KEY)


def test_a_large_pool_gives_the_positions_a_listed_pool_would():
    # The pool is never listed (a ticket pool has 10^12 positions); the positions must be
    # those of the RFC's "remove the chosen ones from the list".
    for pool_size, seats in ((30, 30), (1000, 200), (7, 3)):
        remaining = list(range(1, pool_size + 1))
        expected = [remaining.pop(rfc3797.random_value(RFC_KEY, i) % (pool_size - i))
                    for i in range(seats)]
        assert [s.position for s in rfc3797.select(pool_size, seats, RFC_KEY)] == expected
    assert 1 <= rfc3797.select(10**12, 1, RFC_KEY)[0].position <= 10**12
