"""Reading and writing BLT ballot files: liberal in what is read, canonical in what is
written, and a clear message with the line number for what cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretariat.selection import blt

DATA = Path(__file__).parent / "data" / "stv"

PLAIN = '3 2\n4 1 2 0\n2 3 0\n0\n"Ann"\n"Bo"\n"Cy"\n"Test"\n'


def test_reads_the_plain_form():
    election = blt.parse(PLAIN)
    assert election.candidates == ("Ann", "Bo", "Cy")
    assert election.seats == 2
    assert election.ballots == (blt.Ballot(4, (0, 1)), blt.Ballot(2, (2,)))
    assert election.title == "Test"
    assert election.withdrawn == frozenset()


def test_reads_crlf_padding_comments_and_withdrawn_candidates():
    text = ("\ufeff 3   2  \r\n"
            "  -2  \r\n"
            "# a comment line\r\n"
            "\t4  1 2 0   # trailing comment\r\n"
            "\r\n"
            "2 3 0\r\n"
            " 0 \r\n"
            '  "Ann  Lee"  \r\n'
            '"Bo ""the Builder"" Wu"\r\n'
            '"Cy # not a comment"\r\n'
            '"Title"\r\n')
    election = blt.parse(text)
    assert election.candidates == ("Ann  Lee", 'Bo "the Builder" Wu', "Cy # not a comment")
    assert election.withdrawn == frozenset({1})
    assert election.standing() == [0, 2]
    # The withdrawn candidate is skipped wherever ranked.
    assert election.effective_ballots() == [blt.Ballot(4, (0,)), blt.Ballot(2, (2,))]


def test_reads_bare_names_and_a_missing_closing_zero():
    election = blt.parse("2 1\n3 1 2\n1 2 0\n0\nAnn Lee (Lab)\nBo Wu\nWard 1 - Leith\n")
    assert election.candidates == ("Ann Lee (Lab)", "Bo Wu")
    assert election.ballots[0] == blt.Ballot(3, (0, 1))
    assert election.title == "Ward 1 - Leith"


def test_reads_names_given_only_in_comments():
    # As in the Glasgow 2007 files collected by David McCune.
    text = ("2 1\n3 1 2 0\n0\n# ALTERNATIVE NAME 1: Nina Baker (Grn)\n"
            "# ALTERNATIVE NAME 2: Erin Boyle (Con)\nAnderston ward\n")
    election = blt.parse(text)
    assert election.candidates == ("Nina Baker (Grn)", "Erin Boyle (Con)")
    assert election.title == "Anderston ward"


def test_merges_identical_ballots_keeping_first_seen_order():
    election = blt.parse('2 1\n1 2 1 0\n1 1 0\n2 2 1 0\n0\n"A"\n"B"\n')
    assert election.effective_ballots() == [blt.Ballot(3, (1, 0)), blt.Ballot(1, (0,))]


@pytest.mark.parametrize(("text", "line", "words"), [
    ("", 0, "empty"),
    ("3\n0\n", 1, "number of candidates and the number of seats"),
    ('2 1\n1 3 0\n0\n"A"\n"B"\n', 2, "no candidate 3"),
    ('2 1\n1 1 1 0\n0\n"A"\n"B"\n', 2, "ranked twice"),
    ('2 1\n1 1=2 0\n0\n"A"\n"B"\n', 2, "equal rankings"),
    ('2 1\n1.5 1 0\n0\n"A"\n"B"\n', 2, "not a weight"),
    ('2 1\n1 x 0\n0\n"A"\n"B"\n', 2, "not a candidate number"),
    ('2 1\n1 1 0 2 0\n0\n"A"\n"B"\n', 2, "a 0 before the end"),
    ('2 1\n1 1 0\n', 2, "ends before"),
    ('2 1\n1 1 0\n0\n"A"\n', 4, "names 1 of its 2"),
    ('2 1\n1 1 0\n0\n"A\n"B"\n', 4, "no closing quote"),
    ('2 1\n-3\n1 1 0\n0\n"A"\n"B"\n', 2, "no candidate 3"),
])
def test_refuses_what_it_cannot_read_with_the_line(text, line, words):
    with pytest.raises(blt.BallotFileError) as caught:
        blt.parse(text)
    assert caught.value.line == line
    assert words in str(caught.value)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(blt.BallotFileError, match="Cannot read the ballot file"):
        blt.read_file(tmp_path / "nothing.blt")


def test_writes_the_canonical_form():
    election = blt.election(["Ann", 'Bo "B" Wu', "Cy"], 2,
                            [(4, ["Ann", "Bo \"B\" Wu"]), (2, ["Cy"])],
                            withdrawn=["Cy"], title="Board 2026")
    assert blt.dumps(election) == ('3 2\n-3\n4 1 2 0\n2 3 0\n0\n"Ann"\n"Bo ""B"" Wu"\n'
                                   '"Cy"\n"Board 2026"\n')


@pytest.mark.parametrize("path", sorted(DATA.glob("*.blt")), ids=lambda p: p.name)
def test_real_files_survive_a_round_trip(path, tmp_path):
    election = blt.read_file(path)
    copy = tmp_path / "copy.blt"
    blt.write_file(election, copy)
    assert blt.read_file(copy) == election
    assert b"\r" not in copy.read_bytes()
