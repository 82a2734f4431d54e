"""Progress reporting and cooperative cancel shared by the demo generators.

The generators report through a plain callback, never through Qt, so the GUI can run them
in a worker thread and the CLI can print to stderr.
"""

from __future__ import annotations

from collections.abc import Callable

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _

ProgressCallback = Callable[[int, int, str], None]
CancelCallback = Callable[[], bool]


class DemoCancelled(SecretariatError):
    """The user stopped the demo while it was being built; nothing was saved."""

    def __init__(self) -> None:
        super().__init__(N_("Loading the demo forum was cancelled; nothing was saved."))


class Steps:
    """Counts work done out of a known total and checks for cancel between batches.

    Each phase of a generator declares its weight up front (``plan``), then reports its
    progress as a fraction, so the overall count only ever moves forward and ends exactly
    at ``total``.
    """

    def __init__(self, progress: ProgressCallback | None, cancel: CancelCallback | None,
                 weights: dict[str, int]):
        self._progress = progress
        self._cancel = cancel
        self._weights = weights
        self.total = sum(weights.values())
        self._done_before = 0  # units of the phases already finished
        self._phase: str | None = None
        self._label = ""

    def phase(self, name: str, label_msgid: str) -> None:
        """Start phase ``name`` (a key of the weights) shown as ``label_msgid``."""
        if self._phase is not None:
            self._done_before += self._weights[self._phase]
        self._phase = name
        self._label = _(label_msgid)
        self.report(0.0)

    def report(self, fraction: float) -> None:
        """Report ``fraction`` (0..1) of the current phase, and stop if asked to."""
        if self._cancel is not None and self._cancel():
            raise DemoCancelled()
        if self._progress is None or self._phase is None:
            return
        within = int(self._weights[self._phase] * min(max(fraction, 0.0), 1.0))
        self._progress(self._done_before + within, self.total, self._label)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self.total, self.total, _(N_("Done.")))


def batches(rows: list, size: int):
    """Slices of ``rows`` with the fraction done after each, for ``Steps.report``."""
    count = len(rows)
    for start in range(0, count, size):
        end = min(start + size, count)
        yield rows[start:end], end / count if count else 1.0
