"""How command modules plug into the command line, and what their handlers share.

Each command module has ``register(commands: Commands)`` and adds its commands there;
``secretariat.cli.COMMAND_MODULES`` lists the modules. Groups such as ``import`` or
``export`` may be extended by several modules: ``commands.group("import", …)`` returns
the same group every time.

A handler is ``handler(args) -> int`` (the exit code; None counts as 0). It raises
``SecretariatError`` for anything the user can fix; ``main`` prints it and exits 1
(2 for ``StoreError``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from secretariat.cli.terminal_text import display_width
from secretariat.i18n import _

# The largest number a record can have: SQLite's and PostgreSQL's BIGINT limit. Larger
# numbers typed on the command line would make the database driver fail, not find nothing.
LARGEST_RECORD_NUMBER = 2**63 - 1

Handler = Callable[[argparse.Namespace], "int | None"]


class Commands:
    """A level of subcommands: the top level, or a group such as ``import``."""

    def __init__(self, subparsers: argparse._SubParsersAction):
        self._subparsers = subparsers
        self._groups: dict[str, Commands] = {}

    def add(self, name: str, *, help: str, handler: Handler,
            description: str | None = None) -> argparse.ArgumentParser:
        """A command; add its arguments to the returned parser."""
        parser = self._subparsers.add_parser(name, help=help, description=description or help)
        parser.set_defaults(handler=handler)
        return parser

    def group(self, name: str, *, help: str) -> Commands:
        """A command with subcommands (``secretariat import members …``)."""
        if name not in self._groups:
            parser = self._subparsers.add_parser(name, help=help, description=help)
            sub = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"),
                                        dest=f"{name}_command")
            sub.required = True
            self._groups[name] = Commands(sub)
        return self._groups[name]


@contextmanager
def opened_store(args: argparse.Namespace, *, create: bool = False) -> Iterator:
    """The database named by ``--db`` / ``SECRETARIAT_DB`` / the default, closed after.
    Only the commands that make a forum (``init``, ``demo``) may create the file."""
    from secretariat.store import open_store

    store = open_store(args.db_url, create=create)
    try:
        yield store
    finally:
        store.close()


def record_number(text: str) -> int:
    """argparse ``type`` for every record number, position, version and count limit the
    command line takes: a whole number from 1 to ``LARGEST_RECORD_NUMBER``."""
    value = (text or "").strip()
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or not 1 <= number <= LARGEST_RECORD_NUMBER:
        from secretariat.i18n import format_number

        raise argparse.ArgumentTypeError(
            _("“{value}” is not a whole number from 1 to {largest}").format(
                value=value, largest=format_number(LARGEST_RECORD_NUMBER)))
    return number


def print_table(rows: Sequence[tuple[str, str]], *, right_align: bool = False,
                out=None) -> None:
    """Two columns, the first padded to the widest label."""
    out = out or sys.stdout
    width = max((display_width(label) for label, _value in rows), default=0)
    value_width = max((display_width(value) for _label, value in rows), default=0)
    for label, value in rows:
        pad = " " * (width - display_width(label))
        if right_align:
            value = " " * (value_width - display_width(value)) + value
        print(f"{label}{pad}  {value}", file=out)
