"""``python -m secretariat.store.migrations ARGS``: Alembic's command line on the packaged
scripts, for developers writing a new revision. Name the database with ``-x db=URL``
(default: the one the program would open, see ``secretariat.paths.resolve_db_url``)."""

from __future__ import annotations

import sys

from alembic.config import CommandLine

from secretariat.store.migrations import alembic_config


def main(argv: list[str] | None = None) -> None:
    cli = CommandLine(prog="python -m secretariat.store.migrations")
    options = cli.parser.parse_args(argv)
    if not hasattr(options, "cmd"):
        cli.parser.error("too few arguments")
    cfg = alembic_config()
    cfg.cmd_opts = options
    cli.run_cmd(cfg, options)


if __name__ == "__main__":
    main(sys.argv[1:])
