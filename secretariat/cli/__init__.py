"""The ``secretariat`` command line.

    secretariat [--db URL] [--lang zh_TW|en] COMMAND …

Commands live in one module per group (``COMMAND_MODULES``), each with a ``register``
function (see ``commands.Commands``). Every module is imported to build the parser, for
``--help`` too, so at module level they import only ``secretariat.vocabulary`` (choices)
and light helpers; SQLAlchemy, the models and the services are imported inside the
handlers that use them. The language is chosen before the parser is built,
so ``--help`` and argparse's own words are in the user's language: ``--lang`` wins, then
the usual locale variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): Chinese → zh_TW, any
other → English.

Exit codes: 0 done; 1 a problem the user can fix (the message says what); 2 the database
cannot be opened safely, or the command line itself is wrong; 130 interrupted; 141 the
reader of the output went away (``secretariat meeting list | head -1``), as for any Unix
program stopped by SIGPIPE.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Mapping, Sequence

from secretariat import __version__, i18n
from secretariat.cli import argparse_i18n
from secretariat.cli.commands import Commands
from secretariat.errors import SecretariatError, StoreError
from secretariat.i18n import _

COMMAND_MODULES = (
    "secretariat.cli.app",
    "secretariat.cli.demo",
    "secretariat.cli.members",
    "secretariat.cli.balance",
    "secretariat.cli.meetings",
    "secretariat.cli.meeting_edit",
    "secretariat.cli.agenda",
    "secretariat.cli.attendance",
    "secretariat.cli.minutes",
    "secretariat.cli.decisions",
    "secretariat.cli.actions",
    "secretariat.cli.cocreation",
    "secretariat.cli.compliance",
    "secretariat.cli.export",
    "secretariat.cli.search",
    "secretariat.cli.verify",
    "secretariat.cli.packages",
    "secretariat.cli.audit",
    "secretariat.cli.standards",
    "secretariat.cli.stv",
    "secretariat.cli.lottery",
    "secretariat.cli.sortition",
    "secretariat.cli.interests",
    "secretariat.cli.interests_meetings",
    "secretariat.cli.terms",
    "secretariat.cli.ethics",
    "secretariat.cli.rounds",
    "secretariat.cli.round_inputs",
    "secretariat.cli.round_report",
)
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
EXIT_USER_ERROR = 1
EXIT_STORE_ERROR = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 128 + 13  # 128 + SIGPIPE, what a shell reports for `yes | head`


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """zh_TW for a Chinese locale, otherwise English (C/POSIX included)."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            # LANGUAGE may list several (zh_TW:en); the first decides.
            first = value.split(":")[0].lower()
            return "zh_TW" if first.startswith("zh") else "en"
    return "en"


def _language_option(argv: Sequence[str]) -> str | None:
    """``--lang`` read ahead of the real parser, which is built in that language.

    Only a ``--lang`` before the command counts: one after it belongs to the command
    (``export … --lang en`` chooses the document's language, not the messages')."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=list(i18n.LANGUAGES))
    pre.add_argument("--db")  # so its value is not taken for the command
    pre.add_argument("command", nargs=argparse.REMAINDER)
    known, _rest = pre.parse_known_args(argv)
    return known.lang


def build_parser() -> argparse.ArgumentParser:
    """The full parser, in the current language."""
    parser = argparse_i18n.ArgumentParser(
        prog="secretariat",
        description=_("Forum Secretariat: records and evidence for an OGP multi-stakeholder "
                      "forum."),
        epilog=_("The database is chosen by --db, else the SECRETARIAT_DB environment "
                 "variable, else secretariat.db in your data folder."),
    )
    parser.add_argument("--db", metavar="URL", help=_(
        "database file or SQLAlchemy URL (e.g. postgresql+psycopg://host/name)"))
    parser.add_argument("--lang", choices=list(i18n.LANGUAGES),
                        help=_("language of messages (default: from your locale)"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_("show the program's version and exit"))
    # Translators: "commands" heads the list of commands in --help, and "COMMAND" stands for
    # one of them in the usage line and under that heading: they should differ.
    subparsers = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"),
                                       dest="command")
    commands = Commands(subparsers)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; output piped into a reader that stops early (``| head``) ends the
    command quietly (the recipe of Python's ``signal`` documentation)."""
    try:
        code = _main(argv)
        sys.stdout.flush()  # inside the try: the last lines may fail to reach the reader
        return code
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at devnull so that flush cannot
        # fail and print its own "Exception ignored" message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # stdout is not a real file (e.g. captured in tests)
            pass
        return EXIT_BROKEN_PIPE


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argparse_i18n.install()
    try:
        i18n.set_language(_language_option(argv) or language_from_environment())
    except SystemExit as exit_:  # a bad --lang value: argparse has said why
        return int(exit_.code or EXIT_STORE_ERROR)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error already printed
        return int(exit_.code or 0)
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return EXIT_STORE_ERROR
    from secretariat.paths import resolve_db_url

    args.db_url = resolve_db_url(args.db)
    return run(args)


def run(args: argparse.Namespace) -> int:
    """Call the command's handler, turning project errors into messages and exit codes."""
    try:
        return int(args.handler(args) or 0)
    except BrokenPipeError:  # before ``Exception``: ``main`` ends quietly for it
        raise
    except StoreError as error:
        _print_error(error)
        return EXIT_STORE_ERROR
    except SecretariatError as error:
        _print_error(error)
        return EXIT_USER_ERROR
    except Exception as error:
        # Another writer in the way of a command that does not retry: a message, not a
        # traceback. Anything else is a bug and keeps its traceback.
        from secretariat.store.transactions import friendly_error

        friendly = friendly_error(error)
        if friendly is None:
            raise
        _print_error(friendly)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(_("Interrupted; nothing more was saved."), file=sys.stderr)
        return EXIT_INTERRUPTED


def _print_error(error: SecretariatError) -> None:
    print(_("Error: {message}").format(message=error), file=sys.stderr)
