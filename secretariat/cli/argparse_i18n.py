"""argparse in the user's language.

argparse translates its own words ("usage:", "options", "the following arguments are
required", …) with ``gettext`` from the module globals ``argparse._`` and
``argparse.ngettext``; pointing those at our catalog makes ``--help`` and usage errors
read in the user's language. The msgids below are argparse's own (Python 3.11–3.13), listed
with ``N_`` so the catalog extraction picks them up.
"""

from __future__ import annotations

import argparse

from secretariat import i18n
from secretariat.i18n import N_

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
