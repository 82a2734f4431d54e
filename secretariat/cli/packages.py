"""``secretariat export meeting ID --out PATH``: a meeting's evidence as a signed package;
``export irm --from DATE --to DATE --out PATH``: a period's for the IRM; ``export
publication --out DIR``: the website.

A ZIP by default (``--folder`` for a folder); public content only unless
``--include-private`` (for the secretariat's archive or an IRM request). The signing key is
made on first use and kept in the system keyring, or in a passphrase-protected file where
there is none (``SECRETARIAT_KEY_PASSPHRASE``). Progress goes to the terminal.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from secretariat.cli.commands import Commands, opened_store
from secretariat.cli.meetings import add_meeting_argument
from secretariat.cli.terminal_progress import terminal_progress
from secretariat.i18n import N_, _, ngettext
from secretariat.packages.target_folder import check_writable_target


def register(commands: Commands) -> None:
    register_meeting(commands)
    register_irm(commands)
    register_publication(commands)


def register_meeting(commands: Commands) -> None:
    export = commands.group("export", help=_("write documents out of the records"))
    parser = export.add(
        "meeting", handler=export_meeting,
        help=_("write a meeting's signed evidence package"),
        description=_("Write one meeting's evidence as a signed BagIt package: the agenda and "
                      "the approved minutes as PDFs in both languages, attendance, decisions "
                      "with votes and recusals, the notice record, the papers and Popolo "
                      "metadata. Only public content unless --include-private."))
    add_meeting_argument(parser)
    _add_package_output(parser)


def _add_package_output(parser: argparse.ArgumentParser) -> None:
    """--out, --folder and --include-private: shared by the meeting and IRM packages."""
    parser.add_argument("--out", type=Path, required=True, metavar=_("PATH"),
                        help=_("the package to write (a .zip file, or a new folder with "
                               "--folder)"))
    parser.add_argument("--folder", action="store_true",
                        help=_("write a folder instead of a ZIP file"))
    parser.add_argument("--include-private", action="store_true",
                        help=_("include restricted papers, private decisions and notice "
                               "recipients (not for publication)"))


def _signer_writing_to(out: Path):
    """The forum's signer, once the target is known to be writable: a read-only or
    missing folder is named before the key's passphrase is asked for."""
    from secretariat.packages.signing import forum_signer
    from secretariat.paths import data_dir

    check_writable_target(out)
    return forum_signer(data_dir())


def export_meeting(args: argparse.Namespace) -> int:
    from secretariat.packages.meeting_package import export_meeting_package

    out = _zip_name(args)
    signer = _signer_writing_to(out)
    with opened_store(args) as store, store.session() as s:
        path = export_meeting_package(s, store.documents_dir, args.meeting_id, out,
                                      signer=signer, zipped=not args.folder,
                                      include_private=args.include_private,
                                      report=terminal_progress())
    print(_("Wrote {path}, signed with the key {fingerprint}.").format(
        path=path, fingerprint=signer.fingerprint))
    return 0


def register_irm(commands: Commands) -> None:
    export = commands.group("export", help=_("write documents out of the records"))
    parser = export.add(
        "irm", handler=export_irm,
        help=_("write the signed evidence package of a period for the IRM"),
        description=_("Write the evidence of a period for OGP's Independent Reporting "
                      "Mechanism as one signed BagIt package: every meeting of the period "
                      "in its own folder (as in its meeting package), the membership "
                      "history, the terms of reference, the selection rounds, the register "
                      "of interests, the co-creation records and the compliance report, "
                      "with manifest.json listing every file. Only public content unless "
                      "--include-private."))
    parser.add_argument("--from", dest="date_from", required=True, metavar=_("DATE"),
                        help=_("the first day of the period (YYYY-MM-DD)"))
    parser.add_argument("--to", dest="date_to", required=True, metavar=_("DATE"),
                        help=_("the last day of the period (YYYY-MM-DD)"))
    _add_package_output(parser)


def export_irm(args: argparse.Namespace) -> int:
    from secretariat.cli.editing import calendar_date
    from secretariat.packages.irm_package import read_irm_package, write_irm_package

    date_from = calendar_date(args.date_from, N_("From"))
    date_to = calendar_date(args.date_to, N_("To"))
    out = _zip_name(args)
    signer = _signer_writing_to(out)
    with opened_store(args) as store, store.session() as s:
        data = read_irm_package(s, store.documents_dir, date_from, date_to,
                                include_private=args.include_private)
    path = write_irm_package(data, out, signer=signer, zipped=not args.folder,
                             report=terminal_progress())
    print(ngettext("Wrote {path} ({count} meeting), signed with the key {fingerprint}.",
                   "Wrote {path} ({count} meetings), signed with the key {fingerprint}.",
                   len(data.meetings)).format(path=path, count=len(data.meetings),
                                              fingerprint=signer.fingerprint))
    return 0


def _zip_name(args: argparse.Namespace) -> Path:
    return args.out if args.folder or args.out.suffix.lower() == ".zip" else \
        args.out.with_name(args.out.name + ".zip")


def register_publication(commands: Commands) -> None:
    export = commands.group("export", help=_("write documents out of the records"))
    parser = export.add(
        "publication", handler=export_publication,
        help=_("write the publication package: website, open data and PDFs"),
        description=_("Write the forum's public record as a signed package folder: a static "
                      "website in Chinese and English (open data/index.html, or put data/ on "
                      "any web server), open data as CSV and JSON, and the PDFs. Only public "
                      "content is ever included."))
    parser.add_argument("--out", type=Path, required=True, metavar=_("FOLDER"),
                        help=_("a new folder for the package"))


def export_publication(args: argparse.Namespace) -> int:
    from secretariat.publication.build import build_publication

    signer = _signer_writing_to(args.out)
    with opened_store(args) as store, store.session() as s:
        path = build_publication(s, store.documents_dir, args.out, signer=signer,
                                 report=terminal_progress())
    print(_("Wrote {path}, signed with the key {fingerprint}.").format(
        path=path, fingerprint=signer.fingerprint))
    print(_("Open {page} in a browser to see the website.").format(
        page=path / "data" / "index.html"))
    return 0
