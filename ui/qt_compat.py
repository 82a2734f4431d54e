"""Work around a reference-counting bug of the PySide6 6.12 wheels on Python 3.11.

Measured here: every time Qt reads ``None`` returned by a Python override (e.g.
``QAbstractItemModel.data`` for a role it does not serve) PySide6 takes one reference
to ``None`` that it never gave; passing ``None``/``True``/``False`` through signals does
the same to the booleans. Python 3.12 made these singletons immortal, which hides the
bug there; on 3.11 the count reaches zero after a few thousand table repaints and the
interpreter aborts ("Fatal Python error: none_dealloc").

The remedy mirrors what 3.12 does: give the singletons a reference count so large that
no session can exhaust it. Nothing else changes; on 3.12+ this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = False
_HEADROOM = 1 << 40  # references: far more than any process can drop


def pin_singletons() -> None:
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False, Ellipsis, NotImplemented):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _PINNED = True
