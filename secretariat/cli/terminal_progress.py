"""A progress bar on the terminal for the long commands (exports, verify): drawn on
standard error only when it is a terminal, so scripts and pipes get clean output.

``min_total``: below that many units (bytes) nothing is drawn — checking a small package
is over before a bar could be read, and a bar flashing by is only noise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

WIDTH = 30


def terminal_progress(stream=None, *, min_total: int = 0
                      ) -> Callable[[int, int, str], None] | None:
    stream = stream or sys.stderr
    if not stream.isatty():
        return None
    drawn = {"last": -1}

    def report(done: int, total: int, _label: str = "") -> None:
        if total < min_total:
            return
        share = done / total if total else 1.0
        step = int(share * 100)
        if step == drawn["last"]:  # one redraw per percent, not per chunk
            return
        drawn["last"] = step
        bar = "#" * int(share * WIDTH)
        stream.write(f"\r[{bar:<{WIDTH}}] {share:4.0%}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return report
