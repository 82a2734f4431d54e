"""Differences between two texts as plain data a view can colour.

Lines are compared first; inside a replaced block the characters are compared, because
Chinese text has no spaces to split words on and a changed character should show as one
changed character, not a whole rewritten paragraph.
"""

from __future__ import annotations

import difflib

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"

Segment = tuple[str, str]  # (op, text) with op one of EQUAL, INSERT, DELETE


def _append(segments: list[Segment], op: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1][0] == op:
        segments[-1] = (op, segments[-1][1] + text)
    else:
        segments.append((op, text))


def _char_segments(old: str, new: str, segments: list[Segment]) -> None:
    # autojunk off: with it, frequent characters such as 的 or 。 count as junk in
    # texts over 200 characters and the result looks arbitrary.
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(segments, EQUAL, old[i1:i2])
            continue
        _append(segments, DELETE, old[i1:i2])
        _append(segments, INSERT, new[j1:j2])


def segments(old: str, new: str) -> list[Segment]:
    """``old`` turned into ``new`` as (op, text) segments; joining the EQUAL and DELETE
    texts gives ``old``, joining EQUAL and INSERT gives ``new``."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    result: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if op == "equal":
            _append(result, EQUAL, before)
        elif op == "replace":
            _char_segments(before, after, result)
        else:
            _append(result, DELETE, before)
            _append(result, INSERT, after)
    return result


def unified(old: str, new: str, *, old_label: str, new_label: str) -> str:
    """A classic unified diff (empty when the texts are equal)."""
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), fromfile=old_label, tofile=new_label, lineterm=""
    )
    return "\n".join(lines)
