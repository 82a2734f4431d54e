"""Whether Qt has a screen to open windows on, asked before Qt is asked.

Without one, Qt's xcb platform plugin aborts the whole process (exit code 134) with a
message about ``libxcb-cursor0`` — even when that library is installed, because the
plugin fails to connect to a display and then blames its dependencies. A clerk, or a
developer running the tests, deserves to be told what is really missing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from secretariat.i18n import _

# Platforms that draw without a display server (Qt's own names).
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def display_missing(environ: Mapping[str, str] | None = None,
                    platform: str | None = None) -> bool:
    """True on Linux and other X11/Wayland systems when no display can be reached and no
    headless Qt platform was chosen; Windows and macOS always have their own screen."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if chosen in HEADLESS_PLATFORMS:
        return False
    if chosen == "wayland":
        return not environ.get("WAYLAND_DISPLAY")
    if chosen == "xcb":
        return not environ.get("DISPLAY")
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def display_missing_text() -> str:
    return _("Forum Secretariat needs a display to show its window, and none was found "
             "(neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from a desktop "
             "session, or through remote desktop or X forwarding. To run it without a "
             "screen, e.g. for tests, set QT_QPA_PLATFORM=offscreen.")
