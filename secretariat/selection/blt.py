"""Ballot files in the BLT format (David Hill's format, read by OpenSTV, droop, OpenTally…).

    4 2              candidates, seats
    -3               withdrawn candidates, as negative numbers (optional line)
    12 1 2 0         weight, then candidate numbers in order of preference, then 0
    7 3 0
    0                end of ballots
    "Ann Smith"      one name per candidate, in number order
    "Bo Li"
    "Chen ""Jay"" Wu"
    "Cleo Park"
    "Title of the election"   (optional)

Reading is liberal, because files in the wild differ: CRLF or CR line ends, a byte-order
mark, padding and tabs anywhere, blank lines, ``#`` comments, names quoted (a quote inside
doubled, ``""``) or bare, withdrawn candidates on one or several lines, a ballot whose
closing 0 is missing, and names given only in comments (``# ALTERNATIVE NAME 3: …``, as in
the Scottish ward files collected by David McCune). What cannot be read with confidence
is refused with the line number: a candidate number out of range, one candidate ranked
twice, a weight that is not a whole number, missing names. Equal rankings (``1=2``) are refused too: the Scottish rules and
Meek's method both need a strict order of preference.

Writing produces the canonical form: LF line ends, single spaces, the withdrawn line only
when someone withdrew, every name and the title quoted.
"""

from __future__ import annotations

import re
from pathlib import Path

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.selection.ballots import Ballot, Election, election

__all__ = ["Ballot", "BallotFileError", "Election", "dumps", "election", "parse",
           "read_file", "write_file"]


class BallotFileError(SecretariatError):
    """A ballot file that cannot be read; ``line`` is 1-based (0 when no line applies)."""

    def __init__(self, message: str, /, *, line: int = 0, **params: object):
        super().__init__(message, line=line, **params)
        self.line = line


# --- Reading -------------------------------------------------------------------------

def read_file(path: str | Path) -> Election:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BallotFileError(N_("Cannot read the ballot file {path}: {reason}"),
                              path=str(path), reason=error.strerror or str(error)) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older counting programs wrote Windows-1252; every byte decodes in Latin-1.
        text = data.decode("cp1252", errors="replace")
    return parse(text)


def parse(text: str) -> Election:
    lines = _logical_lines(text)
    if not lines:
        raise BallotFileError(N_("The ballot file is empty."))
    number, header = lines[0]
    if len(header) != 2 or not all(_is_int(t) for t in header):
        raise BallotFileError(N_("Line {line} of the ballot file: the first line must give "
                                 "the number of candidates and the number of seats."),
                              line=number)
    count, seats = int(header[0]), int(header[1])
    if count < 1 or seats < 1:
        raise BallotFileError(N_("Line {line} of the ballot file: there must be at least one "
                                 "candidate and one seat."), line=number)
    position = 1
    withdrawn: set[int] = set()
    while position < len(lines) and _is_withdrawn_line(lines[position][1]):
        number, tokens = lines[position]
        for token in tokens:
            withdrawn.add(_candidate(token, count, number))
        position += 1
    ballots: list[Ballot] = []
    while True:
        if position >= len(lines):
            raise BallotFileError(N_("The ballot file ends before the line “0” that closes "
                                     "the ballots."), line=lines[-1][0])
        number, tokens = lines[position]
        position += 1
        if tokens == ["0"]:
            break
        ballots.append(_ballot(tokens, count, number))
    names: list[str] = []
    while position < len(lines) and len(names) < count:
        names.append(_name(lines[position]))
        position += 1
    commented = _commented_names(text, count)
    if len(names) < count and commented:
        # The Scottish files collected by David McCune name the candidates only in
        # comments ("# ALTERNATIVE NAME 3: …") and end with the ward's name.
        title = names[0] if names else ""
        return Election(tuple(commented), seats, tuple(ballots), frozenset(withdrawn), title)
    if len(names) < count:
        raise BallotFileError(N_("The ballot file names {found} of its {count} candidates."),
                              line=lines[-1][0], found=len(names), count=count)
    title = _name(lines[position]) if position < len(lines) else ""
    return Election(tuple(names), seats, tuple(ballots), frozenset(withdrawn), title)


def _commented_names(text: str, count: int) -> list[str] | None:
    found: dict[int, str] = {}
    for match in _COMMENTED_NAME.finditer(text):
        found[int(match.group(1))] = match.group(2).strip()
    if sorted(found) != list(range(1, count + 1)):
        return None
    return [found[i] for i in range(1, count + 1)]


_COMMENTED_NAME = re.compile(r"^[ \t]*#[ \t]*ALTERNATIVE NAME[ \t]+(\d+)[ \t]*:(.*)$",
                             re.MULTILINE)


def _logical_lines(text: str) -> list[tuple[int, list[str]]]:
    """(line number, tokens) of every line that holds something; comments dropped."""
    result = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n")
                                 .split("\n"), start=1):
        tokens = _tokens(raw, number)
        if tokens:
            result.append((number, tokens))
    return result


def _tokens(line: str, number: int) -> list[str]:
    """Split on whitespace; a quoted string (with "" for a quote) is one token that keeps
    its quotes; # outside quotes starts a comment."""
    tokens: list[str] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch.isspace() or ch == "\ufeff":
            i += 1
        elif ch == "#":
            break
        elif ch == '"':
            j, value = i + 1, []
            while True:
                if j >= n:
                    raise BallotFileError(N_("Line {line} of the ballot file: a quoted name "
                                             "has no closing quote."), line=number)
                if line[j] == '"':
                    if j + 1 < n and line[j + 1] == '"':
                        value.append('"')
                        j += 2
                        continue
                    break
                value.append(line[j])
                j += 1
            tokens.append('"' + "".join(value) + '"')
            i = j + 1
        else:
            j = i
            while j < n and not line[j].isspace() and line[j] not in '#"':
                j += 1
            tokens.append(line[i:j])
            i = j
    return tokens


def _is_int(token: str) -> bool:
    return token.lstrip("+-").isdigit()


def _is_withdrawn_line(tokens: list[str]) -> bool:
    return all(t.startswith("-") and t[1:].isdigit() for t in tokens)


def _candidate(token: str, count: int, number: int) -> int:
    value = abs(int(token))
    if not 1 <= value <= count:
        raise BallotFileError(N_("Line {line} of the ballot file: there is no candidate "
                                 "{number} (the file has {count})."),
                              line=number, number=value, count=count)
    return value - 1


def _ballot(tokens: list[str], count: int, number: int) -> Ballot:
    if tokens[0].startswith("("):  # OpenSTV's optional ballot id: "(id) weight …"
        tokens = tokens[1:]
        if not tokens:
            raise BallotFileError(N_("Line {line} of the ballot file: a ballot has an id "
                                     "but no weight."), line=number)
    weight_token, preferences = tokens[0], tokens[1:]
    if not weight_token.isdigit() or int(weight_token) < 1:
        raise BallotFileError(N_("Line {line} of the ballot file: “{value}” is not a "
                                 "weight (a whole number of ballot papers, at least 1)."),
                              line=number, value=weight_token)
    if preferences and preferences[-1] == "0":
        preferences = preferences[:-1]
    ranking: list[int] = []
    for token in preferences:
        if "=" in token:
            raise BallotFileError(N_("Line {line} of the ballot file: equal rankings "
                                     "(“{value}”) cannot be counted; each preference must "
                                     "name one candidate."), line=number, value=token)
        if token == "-":  # a skipped preference in some exports: nothing to count
            continue
        if not token.isdigit():
            raise BallotFileError(N_("Line {line} of the ballot file: “{value}” is not a "
                                     "candidate number."), line=number, value=token)
        if token == "0":
            raise BallotFileError(N_("Line {line} of the ballot file: a 0 before the end of "
                                     "a ballot."), line=number)
        candidate = _candidate(token, count, number)
        if candidate in ranking:
            raise BallotFileError(N_("Line {line} of the ballot file: candidate {number} is "
                                     "ranked twice on one ballot."),
                                  line=number, number=candidate + 1)
        ranking.append(candidate)
    return Ballot(int(weight_token), tuple(ranking))


def _name(line: tuple[int, list[str]]) -> str:
    _number, tokens = line
    if len(tokens) == 1 and tokens[0].startswith('"'):
        return tokens[0][1:-1]
    # A bare name: its words as written, single-spaced (quotes only when the whole
    # line is one quoted string).
    return " ".join(t[1:-1] if t.startswith('"') else t for t in tokens)


# --- Writing -------------------------------------------------------------------------

def dumps(election: Election) -> str:
    lines = [f"{len(election.candidates)} {election.seats}"]
    if election.withdrawn:
        lines.append(" ".join(f"-{c + 1}" for c in sorted(election.withdrawn)))
    for ballot in election.ballots:
        lines.append(" ".join([str(ballot.weight), *(str(c + 1) for c in ballot.ranking),
                               "0"]))
    lines.append("0")
    lines.extend(_quoted(name) for name in election.candidates)
    lines.append(_quoted(election.title))
    return "\n".join(lines) + "\n"


def write_file(election: Election, path: str | Path) -> None:
    Path(path).write_text(dumps(election), encoding="utf-8", newline="\n")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
