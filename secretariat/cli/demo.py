"""``secretariat demo``: load the demo forum, with progress on stderr."""

from __future__ import annotations

import argparse
import sys

from secretariat.cli.commands import Commands, opened_store, print_table
from secretariat.i18n import _, format_number


def register(commands: Commands) -> None:
    demo = commands.add(
        "demo", handler=load, help=_("load the demo forum into an empty database"),
        description=_("Load a realistic bilingual demo forum into an empty database: "
                      "'small' to try the program, 'large' (about ten forum-years) for "
                      "benchmarks."))
    demo.add_argument("--scale", choices=("small", "large"), default="small",
                      help=_("how much to generate (default: %(default)s)"))


class StderrProgress:
    """One line per phase; on a terminal the line is updated in place with the percentage."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.label: str | None = None

    def __call__(self, done: int, total: int, label: str) -> None:
        percent = 100 * done // total if total else 100
        if self.interactive:
            self.stream.write(f"\r{percent:3d}% {label}\033[K")
            if done >= total:
                self.stream.write("\n")
        elif label != self.label:
            self.stream.write(f"{percent:3d}% {label}\n")
        self.label = label
        self.stream.flush()


def load(args: argparse.Namespace) -> int:
    from secretariat.demo import count_label, load_demo

    with opened_store(args, create=True) as store:
        summary = load_demo(store, scale=args.scale, progress=StderrProgress())
    done = (_("Loaded the small demo forum in {seconds} s:") if args.scale == "small"
            else _("Loaded the large demo forum in {seconds} s:"))
    print(done.format(seconds=format_number(round(summary.seconds, 1))))
    print_table([("  " + count_label(key), format_number(count))
                 for key, count in summary.counts.items()], right_align=True)
    return 0
