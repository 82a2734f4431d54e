"""Reading a file a user named (minutes text, a paper, an import), never more than a limit.

The size the file system reports is not trusted: ``/dev/zero`` and pipes report 0, and a
file can grow while it is read. Reads stop after ``limit + 1`` bytes, so an endless or
huge file is refused with a message naming the file and the limit instead of filling the
memory. The operating system's reasons are English whatever the user's language: the
causes a clerk can fix get messages of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from secretariat.errors import SecretariatError
from secretariat.i18n import N_, current_locale

CHUNK = 1024 * 1024
MAX_TEXT_FILE_BYTES = 10 * 1024 * 1024  # a text file of minutes: far more than any meeting


class Size:
    """A number of bytes as the user reads it (``200 MB``, babel-formatted when the message
    is shown, so it follows the language shown)."""

    def __init__(self, size_bytes: int):
        self.size_bytes = size_bytes

    def __str__(self) -> str:
        from babel.units import format_unit

        megabytes = self.size_bytes / (1024 * 1024)
        if megabytes >= 1:
            return format_unit(round(megabytes, 1), "digital-megabyte", length="short",
                               locale=current_locale())
        return format_unit(round(self.size_bytes / 1024, 1), "digital-kilobyte",
                           length="short", locale=current_locale())

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def too_large(path: Path, limit: int) -> SecretariatError:
    return SecretariatError(N_("The file {path} is larger than {limit}, the most it may be."),
                            path=str(path), limit=Size(limit))


def open_user_file(path: Path) -> BinaryIO:
    """``path`` opened for reading, or a message saying why it cannot be."""
    path = Path(path).expanduser()
    try:
        if path.is_dir():
            raise IsADirectoryError
        return path.open("rb")
    except FileNotFoundError:
        raise SecretariatError(N_("The file {path} does not exist."), path=str(path)) from None
    except IsADirectoryError:
        raise SecretariatError(N_("{path} is a folder, not a file."), path=str(path)) from None
    except PermissionError:
        raise SecretariatError(N_("The file {path} cannot be read (no permission)."),
                               path=str(path)) from None
    except OSError as error:
        raise unreadable(path, error) from None


def unreadable(path: Path, error: OSError) -> SecretariatError:
    return SecretariatError(N_("The file {path} cannot be read: {reason}"),
                            path=str(path), reason=error.strerror or str(error))


def chunks(handle: BinaryIO, path: Path, limit: int) -> Iterator[bytes]:
    """The file's bytes in chunks; refused as soon as more than ``limit`` bytes came."""
    total = 0
    while True:
        try:
            chunk = handle.read(min(CHUNK, limit + 1 - total))
        except OSError as error:
            raise unreadable(path, error) from None
        if not chunk:
            return
        total += len(chunk)
        if total > limit:
            raise too_large(path, limit)
        yield chunk


def read_bytes(path: Path, limit: int) -> bytes:
    """The whole file, at most ``limit`` bytes (else refused)."""
    with open_user_file(path) as handle:
        return b"".join(chunks(handle, Path(path), limit))


def read_text(path: Path, limit: int = MAX_TEXT_FILE_BYTES) -> str:
    """A UTF-8 text file (a byte order mark is dropped), at most ``limit`` bytes."""
    raw = read_bytes(path, limit)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SecretariatError(N_("The file {path} is not UTF-8 text. Save it as UTF-8 "
                                  "and try again."), path=str(path)) from None
