"""The database as a whole: ``init``, ``info``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path

from secretariat.cli.commands import Commands, opened_store, print_table
from secretariat.errors import SecretariatError
from secretariat.i18n import N_, _, format_number


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

    backup = commands.add("backup", handler=write_backup,
                          help=_("write a consistent copy of the database to a file"))
    backup.add_argument("--out", required=True, type=Path, metavar=_("FILE"),
                        help=_("the backup file to write"))
    backup.add_argument("--force", action="store_true",
                        help=_("overwrite the file if it already exists"))

    restore = commands.add("restore", handler=restore_backup,
                           help=_("replace the database with a backup"))
    restore.add_argument("file", type=Path, metavar=_("FILE"), help=_("the backup file"))
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
        (_("Forum"), forum_name),
    ])
    print()
    print(_("Records:"))
    print_table([("  " + maintenance.count_label(table), format_number(count))
                 for table, count in info.counts.items()], right_align=True)
    return 0


def write_backup(args: argparse.Namespace) -> int:
    from secretariat.store import maintenance

    if args.out.expanduser().is_file() and not args.force:
        # Often last month's backup: a typo must not replace it silently.
        raise SecretariatError(N_("The file {path} already exists. Give another file name, "
                                  "or add --force to overwrite it."),
                               path=str(args.out.expanduser().resolve()))
    with opened_store(args) as store:
        written = maintenance.backup(store, args.out)
        documents = store.documents_dir
    print(_("Backup written to {path}.").format(path=written))
    if documents.is_dir() and any(documents.iterdir()):
        print(_("Document files are not inside the backup: copy the folder {folder} "
                "with it.").format(folder=documents))
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    from secretariat.store import maintenance

    info = maintenance.restore(args.db_url, args.file, force=args.force)
    total = sum(info.counts.values())
    print(_("Restored {source} into {location} ({count} records).").format(
        source=args.file.expanduser().resolve(), location=info.location, count=format_number(total)))
    return 0


def _location(store) -> str:
    path = store.database_path
    return str(path) if path is not None else store.engine.url.render_as_string(
        hide_password=True)
