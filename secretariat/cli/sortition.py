"""``secretariat sortition``: a stratified lottery with quotas (LEXIMIN)."""

from __future__ import annotations

from secretariat.cli.commands import Commands


def register(commands: Commands) -> None:
    pass
