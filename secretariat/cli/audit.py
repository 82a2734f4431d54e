"""``secretariat audit verify``: is the hash-chained audit log of approved minutes and
decisions intact, and does every record still hold the content it was approved with?

Exit 0 when it is; 1 naming the first problem (for example a decision whose text was
changed directly in the database, behind the program's back, a paper whose file changed
in the documents folder, or entries removed from the end of the chain, which the head
file kept beside the database shows).
"""

from __future__ import annotations

import argparse

from secretariat.cli.commands import Commands, opened_store
from secretariat.errors import SecretariatError
from secretariat.i18n import _, format_number, ngettext


def register(commands: Commands) -> None:
    audit = commands.group("audit", help=_("check the audit log of approved records"))
    audit.add(
        "verify", handler=verify,
        help=_("check that the audit log is unbroken and approved records are unchanged"),
        description=_("Walk the audit log from its first entry: every entry must follow "
                      "the one before it, and every approved minutes and decision must "
                      "still have the content recorded when it was approved, with the "
                      "meeting details, agenda, attendance, votes and papers (whose "
                      "files are re-hashed) that its minutes record. The chain's end is "
                      "compared with the audit head file kept outside the database. The first "
                      "problem found is named and the exit code is 1."))


def verify(args: argparse.Namespace) -> int:
    from secretariat.services.audit import verify_chain

    with opened_store(args) as store, store.session() as s:
        report = verify_chain(s, documents_dir=store.documents_dir,
                              head_path=store.audit_head_path)
    print(ngettext("Checked {count} audit log entry.", "Checked {count} audit log entries.",
                   report.entries_checked).format(count=format_number(report.entries_checked)))
    for note in report.notes:
        print(_("Note: {note}").format(note=note.message))
    problem = report.first_problem
    if problem is None:
        print(_("OK: the audit log is unbroken and every approved record matches it."))
        return 0
    # Raised with the problem's own msgid so it is translated like every other error.
    raise SecretariatError(problem.reason_msgid, **problem.params)
