"""``secretariat verify PATH``: is a package intact, complete and signed?

Checks what ``bagit.py --validate``, ``sha256sum -c`` and ``openssl pkeyutl -verify``
would, and that nothing in it could harm the computer it is opened on, naming every
problem. ``--fingerprint`` compares the signing key with one published elsewhere (the key
inside a package proves integrity, not authorship); ``--against-db`` checks that the
database still holds every audit entry the package recorded. Needs no database otherwise.
``secretariat signing-key`` shows this forum's key. A big package gets a progress bar on
a terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secretariat.cli.commands import Commands, opened_store
from secretariat.i18n import _, format_number, ngettext

BIG_PACKAGE_BYTES = 16 << 20  # a smaller package is checked before a bar could be read


def register(commands: Commands) -> None:
    parser = commands.add(
        "verify", handler=verify,
        help=_("check a package's checksums and signature"),
        description=_("Check a package (a ZIP or a folder): the BagIt structure, every file "
                      "against both manifests, the tag manifest and its Ed25519 signature, "
                      "and that no name could escape the package or collide with another. "
                      "Every problem is named; the exit code is 1 if there is any."))
    parser.add_argument("path", type=Path, metavar=_("PATH"), help=_("the package"))
    parser.add_argument("--fingerprint", metavar=_("FINGERPRINT"),
                        help=_("the signing key's fingerprint as published by the forum"))
    parser.add_argument("--against-db", action="store_true",
                        help=_("also check that the database still holds every audit log "
                               "entry the package recorded"))
    key = commands.add("signing-key", handler=show_key,
                       help=_("show the public key that signs this forum's packages"))
    key.add_argument("--pem", action="store_true", help=_("print the public key itself"))


def verify(args: argparse.Namespace) -> int:
    from secretariat.cli.terminal_progress import terminal_progress
    from secretariat.packages.verify import verify_package

    result = verify_package(args.path, report=terminal_progress(min_total=BIG_PACKAGE_BYTES))
    problems = result.messages()
    wanted = " ".join(args.fingerprint.split()) if args.fingerprint else None
    if wanted and result.fingerprint and wanted.lower() != result.fingerprint.lower():
        problems.append(_("The package was signed with the key {found}, not with {wanted}.")
                        .format(found=result.fingerprint, wanted=wanted))
    if args.against_db and result.audit_head is not None:
        problems += _against_db(args, result.audit_head)
    elif args.against_db:
        problems.append(_("The package records no audit log head to compare."))
    for problem in problems:
        print(_("Problem: {problem}").format(problem=problem), file=sys.stderr)
    if problems:
        print(ngettext("The package is not valid: {count} problem.",
                       "The package is not valid: {count} problems.", len(problems))
              .format(count=format_number(len(problems))), file=sys.stderr)
        return 1
    print(_("OK: {files} files, {size} bytes; every checksum and the signature match.")
          .format(files=format_number(result.files), size=format_number(result.bytes)))
    print(_("Signed with the key {fingerprint}.").format(fingerprint=result.fingerprint))
    return 0


def _against_db(args: argparse.Namespace, recorded: dict) -> list[str]:
    from secretariat.services.audit.package_head import compare_with_package, head_from_json

    head = head_from_json(recorded)
    if head is None:
        return [_("The package's audit log head is not readable.")]
    with opened_store(args) as store, store.session() as s:
        mismatch = compare_with_package(s, head)
    if mismatch is None:
        print(_("The database still holds the {count} audit log entries the package recorded.")
              .format(count=format_number(head.count)))
        return []
    return [_(mismatch.msgid).format(**mismatch.params)]


def show_key(args: argparse.Namespace) -> int:
    from secretariat.packages.signing import forum_signer
    from secretariat.paths import data_dir

    signer = forum_signer(data_dir())
    if args.pem:
        sys.stdout.write(signer.public_pem.decode("ascii"))
        return 0
    print(_("Fingerprint: {fingerprint}").format(fingerprint=signer.fingerprint))
    print(_("Kept in: {where}").format(
        where=_("the system keyring") if signer.where == "keyring" else signer.where))
    return 0
