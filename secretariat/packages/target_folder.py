"""Where a package is written: refused early, with a message a clerk can act on.

The bag writer already guarantees nothing is left under the final name when writing
fails; these checks make the common failures — a folder that is not there, one the user
may not write in (a read-only share, a CD, a folder of another user), a disk that fills
up — read as a sentence instead of an ``OSError``, before minutes of rendering are lost.

``os.access`` is not enough: for root it says yes to a folder with mode 0o555, and it
knows nothing of a read-only mount. So the check writes (and removes) a probe file with
the bag writer's partial-file name, which is what the real write needs to be able to do.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from secretariat.atomic_files import PARTIAL
from secretariat.errors import SecretariatError
from secretariat.i18n import N_


def check_writable_target(target: Path) -> None:
    """SecretariatError unless a package can be written at ``target``."""
    folder = Path(target).parent
    if not folder.is_dir():
        raise SecretariatError(N_("The folder {folder} does not exist."), folder=str(folder))
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{Path(target).name}.{PARTIAL}{os.getpid()}-",
                                     suffix=".probe", dir=folder)
    except OSError as exc:
        raise _unwritable(folder, exc) from exc
    os.close(fd)
    os.unlink(probe)


@contextmanager
def writing_into(target: Path) -> Iterator[None]:
    """Turn an ``OSError`` met while writing the package into a SecretariatError (the
    writer has removed its partial copy by then)."""
    try:
        yield
    except OSError as exc:
        raise _unwritable(Path(target).parent, exc) from exc


def _unwritable(folder: Path, exc: OSError) -> SecretariatError:
    if exc.errno == errno.ENOSPC:
        return SecretariatError(N_("The disk holding {folder} is full: the package was not "
                                   "written. Free some space or choose another folder."),
                                folder=str(folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return SecretariatError(N_("You may not write in the folder {folder} (it is "
                                   "read-only): the package was not written. Choose "
                                   "another folder."), folder=str(folder))
    return SecretariatError(N_("The package could not be written in {folder}: {error}"),
                            folder=str(folder), error=exc.strerror or str(exc))
