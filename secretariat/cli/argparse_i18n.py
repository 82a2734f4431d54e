"""argparse in the user's language.

argparse translates its own words ("usage:", "options", "the following arguments are
required", …) with ``gettext`` from the module globals ``argparse._`` and
``argparse.ngettext``; pointing those at our catalog makes ``--help`` and usage errors
read in the user's language. The msgids below are argparse's own (Python 3.11–3.13), listed
with ``N_`` so the catalog extraction picks them up.

argparse writes the colon after a section heading ("options:") itself, untranslated;
``ArgumentParser`` here uses a help formatter that writes the heading through a msgid, so
Chinese help reads 「選項：」 with a full-width colon. Subcommand parsers are made of the
parser's own class, so every level of ``--help`` gets it. The formatter measures text in
terminal columns (``help_format``): Chinese characters take two.
"""

from __future__ import annotations

import argparse

from secretariat import i18n
from secretariat.cli.help_format import ColumnsHelpFormatter
from secretariat.i18n import N_, _

ARGPARSE_MSGIDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
)


def install() -> None:
    """Route argparse's own messages through the program's translations.

    ``i18n._`` reads the current language on every call, so installing once is enough
    even if the language changes later (tests run several languages in one process).
    """
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


class HelpFormatter(ColumnsHelpFormatter):
    class _Section(argparse.HelpFormatter._Section):  # type: ignore[name-defined]
        def format_help(self) -> str:
            heading = self.heading
            if heading is None or heading is argparse.SUPPRESS:
                return super().format_help()
            self.heading = None  # argparse's own heading would end in ":"
            try:
                body = super().format_help()  # "\n" + the items + "\n", or "" when empty
            finally:
                self.heading = heading
            if not body:
                return ""
            indent = " " * self.formatter._current_indent
            # Translators: a section heading of the command line's --help, e.g. "options:".
            title = _("{title}:").format(title=heading)
            return f"{body[0]}{indent}{title}\n{body[1:]}"


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser with translated section headings (see the module's text)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
