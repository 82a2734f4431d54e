"""The database as a whole: ``init``, ``info``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secretariat.cli.commands import Commands, opened_store, print_table
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, format_number, format_percent, ngettext

# Below this, a backup or restore is quick enough to need no progress lines.
PROGRESS_FROM_BYTES = 64 * 1024 * 1024


def register(commands: Commands) -> None:
    init = commands.add("init", handler=init_forum, help=_("create the forum in a new database"))
    init.add_argument("--name", required=True, metavar=_("NAME"),
                      help=_("the forum's name in Chinese"))
    init.add_argument("--name-en", metavar=_("NAME"),
                      help=_("the forum's name in English (default: the same as --name)"))
    init.add_argument("--time-zone", default="Asia/Taipei", metavar=_("ZONE"),
                      help=_("time zone of the forum's meetings (default: %(default)s)"))

    commands.add("info", handler=show_info,
                 help=_("show the database location, schema version and record counts"))

    backup = commands.add("backup", handler=write_backup, help=_(
        "write one backup file: a consistent copy of the database, its audit head and "
        "every paper"))
    backup.add_argument("--out", required=True, type=Path, metavar=_("FILE"),
                        help=_("the backup file to write (a ZIP archive)"))
    backup.add_argument("--force", action="store_true",
                        help=_("overwrite the file if it already exists"))

    restore = commands.add("restore", handler=restore_backup,
                           help=_("replace the database with a backup (every file of "
                                  "the backup is checked first) and add its papers"))
    restore.add_argument("file", type=Path, metavar=_("FILE"), help=_(
        "the backup file (also a database file written by an earlier version)"))
    restore.add_argument("--force", action="store_true",
                         help=_("replace a database that already holds records"))


def init_forum(args: argparse.Namespace) -> int:
    from secretariat.services.forum import create_forum

    with opened_store(args, create=True) as store:
        forum = store.run_transaction(lambda s: create_forum(
            s, name_zh_tw=args.name, name_en=args.name_en or args.name,
            time_zone=args.time_zone))
        print(_("Created the forum “{name}” in {location}.").format(
            name=forum.name_zh_tw, location=_location(store)))
    return 0


def show_info(args: argparse.Namespace) -> int:
    from secretariat.store import maintenance
    from secretariat.services.forum import get_forum

    with opened_store(args) as store:
        info = maintenance.info(store)
        with store.session() as s:
            forum = get_forum(s)
            forum_name = (f"{forum.name_zh_tw} / {forum.name_en}" if forum
                          else _("(none yet: run “secretariat init” or “secretariat demo”)"))
    print_table([
        (_("Database"), info.location),
        (_("Back end"), info.backend),
        (_("Schema version"), info.schema_revision or "-"),
        (_("Documents folder"), str(info.documents_dir)),
        (_("Paper files"), f"{format_number(info.paper_files)} "
                           f"({_size(info.paper_bytes)})"),
        (_("Forum"), forum_name),
    ])
    print()
    print(_("Records:"))
    print_table([("  " + maintenance.count_label(table), format_number(count))
                 for table, count in info.counts.items()], right_align=True)
    if info.backend == "sqlite":
        print()
        print(_("“secretariat backup --out FILE” writes the database, its audit head and "
                "the paper files into that one file; “secretariat restore FILE” checks "
                "every part of it before it puts them back."))
    return 0


def write_backup(args: argparse.Namespace) -> int:
    from secretariat.store import maintenance

    if args.out.expanduser().is_file() and not args.force:
        # Often last month's backup: a typo must not replace it silently.
        raise SecretariatError(N_("The file {path} already exists. Give another file name, "
                                  "or add --force to overwrite it."),
                               path=str(args.out.expanduser().resolve()))
    with opened_store(args) as store:
        report = maintenance.backup(store, args.out, progress=_progress(
            N_("Writing the backup: {percent} ({done} of {total})")))
    print(ngettext("Backup written to {path}: the database and {count} paper ({size}).",
                   "Backup written to {path}: the database and {count} papers ({size}).",
                   report.papers).format(path=report.path, count=format_number(report.papers),
                                         size=_size(report.paper_bytes)))
    if report.missing_papers:
        count = len(report.missing_papers)
        print(ngettext(
            "Warning: {count} paper the database lists is missing from {folder}, so the "
            "backup does not hold it (“secretariat audit verify” names it).",
            "Warning: {count} papers the database lists are missing from {folder}, so the "
            "backup does not hold them (“secretariat audit verify” names them).",
            count).format(count=format_number(count), folder=report.documents_dir),
            file=sys.stderr)
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    from secretariat.store import maintenance

    report = maintenance.restore(args.db_url, args.file, force=args.force, progress=_progress(
        N_("Checking and restoring the backup: {percent} ({done} of {total})")))
    total = sum(report.counts.values())
    print(_("Restored {source} into {location} ({count} records).").format(
        source=args.file.expanduser().resolve(), location=report.location,
        count=format_number(total)))
    if report.database_only:
        print(_("This backup is a database file written by an earlier version: it holds no "
                "papers. Copy the documents folder that was beside the backed-up database "
                "into {folder}, if you have it.").format(folder=report.documents_dir))
    else:
        print(_("Papers in {folder}: {added} added, {kept} already there.").format(
            folder=report.documents_dir, added=format_number(report.papers_added),
            kept=format_number(report.papers_kept)))
    return 0


def _progress(message: str):
    """Progress lines on stderr for a large backup, one per tenth of the bytes."""
    shown = [0]

    def report(done: int, total: int) -> None:
        tenth = done * 10 // total if total else 10
        if total >= PROGRESS_FROM_BYTES and tenth > shown[0]:
            shown[0] = tenth
            print(_(message).format(percent=format_percent(done / total),
                                    done=_size(done), total=_size(total)),
                  file=sys.stderr, flush=True)

    return report


def _size(size: int) -> str:
    if size < 1024 * 1024:
        # Translators: a size in kilobytes, e.g. "12.5 KB".
        return _("{size} KB").format(size=format_number(round(size / 1024, 1)))
    # Translators: a size in megabytes, e.g. "12.5 MB".
    return _("{size} MB").format(size=format_number(round(size / (1024 * 1024), 1)))


def _location(store) -> str:
    path = store.database_path
    return str(path) if path is not None else store.engine.url.render_as_string(
        hide_password=True)
