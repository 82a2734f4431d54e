"""Names inside a bag: what is allowed, how manifests spell them, and which collide.

A bag travels between Windows, macOS and Linux, so a name must mean the same file on
each: no absolute paths or ``..`` (a path that escapes the bag could overwrite anything
where it is unpacked), no backslashes or drive letters, no control characters, and no two
names that differ only by letter case or Unicode normalisation (NFC vs NFD of 臺 or é) —
on a case-insensitive or normalising file system one would silently replace the other.
"""

from __future__ import annotations

import re
import unicodedata

from secretariat.errors import SecretariatError
from secretariat.i18n import N_

# Characters Windows refuses in a file name, and the ASCII control characters.
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"|?*\\]')
_RESERVED_WINDOWS = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}
MAX_PATH_CHARS = 240


def path_problem(name: str) -> str | None:
    """Why ``name`` (``/``-separated, relative to the bag) is unsafe, as a msgid; or None."""
    if not name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return N_("an absolute path")
    if len(name) > MAX_PATH_CHARS:
        return N_("a path too long for Windows")
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return N_("a path that leaves the package or has empty parts")
    if _FORBIDDEN.search(name):
        return N_("characters that are not allowed in file names")
    for part in parts:
        if part.split(".")[0].upper() in _RESERVED_WINDOWS or part.endswith((" ", ".")):
            return N_("a name Windows cannot store")
    return None


def check_path(name: str) -> str:
    """``name`` in NFC, or a SecretariatError saying why it cannot go into a bag."""
    problem = path_problem(name)
    if problem:
        raise SecretariatError(N_("“{name}” cannot go into a package: {problem}."),
                               name=name, problem=problem)
    return unicodedata.normalize("NFC", name)


def collision_key(name: str) -> str:
    """Names with the same key are the same file on some operating system."""
    return unicodedata.normalize("NFC", name).casefold()


def encode_manifest_path(name: str) -> str:
    """RFC 8493 §2.1.3: percent-encode CR, LF and % in manifest file paths."""
    return name.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_manifest_path(text: str) -> str:
    return re.sub(r"%(0[dDaA]|25)",
                  lambda m: {"0d": "\r", "0a": "\n", "25": "%"}[m.group(1).lower()], text)


# A paper's name inside a bag: short enough that "data/meetings/<date-title>/papers/<n>-"
# plus the name stays within MAX_PATH_CHARS.
MAX_NAME_BYTES_IN_BAG = 150


def safe_file_name(name: str, fallback: str = "file") -> str:
    """A file name as typed by a user (a paper's), made safe by the program's one rule for
    file names (``export.file_names.safe_file_name``), its extension kept."""
    from secretariat.export.file_names import safe_file_name as one_rule

    stem, dot, extension = name.rpartition(".")
    if not (dot and stem and extension.isalnum() and len(extension) <= 10):
        stem, extension = name, ""
    return one_rule(stem, f".{extension}" if extension else "",
                    max_bytes=MAX_NAME_BYTES_IN_BAG, fallback=fallback)
