"""Reading a bag someone gave us — a folder or a ZIP — without trusting it.

Nothing is extracted: ZIP members are streamed straight into the hash functions, so a
hostile package cannot write a single byte on this computer. Every name is checked
before it is read (absolute paths, ``..``, names colliding by case or Unicode
normalisation, links), and sizes are bounded so a ZIP bomb or a huge member ends in a
clear message instead of filling the disk or the memory.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from secretariat.i18n import N_
from secretariat.packages.bag_paths import collision_key, path_problem

CHUNK = 1 << 20
MAX_TAG_FILE_BYTES = 16 << 20  # manifests and bag-info of even a huge bag are far smaller
MAX_MEMBER_BYTES = 64 << 30
MAX_COMPRESSION_RATIO = 200  # PDFs and papers compress little; a bomb compresses a lot


@dataclass
class Problem:
    msgid: str
    params: dict = field(default_factory=dict)


class UnreadableBag(Exception):
    """The package cannot be read as a bag at all (its problem is ``problem``)."""

    def __init__(self, msgid: str, **params):
        super().__init__(msgid)
        self.problem = Problem(msgid, params)


class BagSource:
    """Files of a bag by their ``/``-separated names relative to the bag's top folder."""

    sizes: dict[str, int]
    problems: list[Problem]

    def read_small(self, name: str) -> bytes:
        if self.sizes[name] > MAX_TAG_FILE_BYTES:
            raise UnreadableBag(N_("{name} is too large for a tag file ({size} bytes)."),
                                name=name, size=self.sizes[name])
        return b"".join(self.chunks(name))

    def chunks(self, name: str) -> Iterator[bytes]:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        pass

    def _admit(self, name: str, size: int) -> None:
        problem = path_problem(name)
        if problem:
            self.problems.append(Problem(N_("The package holds “{name}”: {problem}."),
                                         {"name": name, "problem": problem}))
            return
        key = collision_key(name)
        if key in self._keys:
            self.problems.append(Problem(
                N_("“{name}” and “{other}” are the same file on some computers (letter case "
                   "or Unicode normalisation)."), {"name": name, "other": self._keys[key]}))
            return
        if size > MAX_MEMBER_BYTES:
            self.problems.append(Problem(N_("“{name}” is too large ({size} bytes)."),
                                         {"name": name, "size": size}))
            return
        self._keys[key] = name
        self.sizes[name] = size


class FolderBag(BagSource):
    def __init__(self, root: Path):
        self.root, self.sizes, self.problems, self._keys = root, {}, [], {}
        for folder, dirs, files in os.walk(root):
            for name in sorted(dirs + files):
                path = Path(folder) / name
                relative = path.relative_to(root).as_posix()
                if path.is_symlink():
                    self.problems.append(Problem(N_("“{name}” is a link; a package holds only "
                                                    "files."), {"name": relative}))
                    if name in dirs:
                        dirs.remove(name)
                elif name in files:
                    self._admit(relative, path.stat().st_size)

    def chunks(self, name: str) -> Iterator[bytes]:
        with open(self.root.joinpath(*name.split("/")), "rb") as handle:
            while chunk := handle.read(CHUNK):
                yield chunk


class ZipBag(BagSource):
    def __init__(self, path: Path):
        self.sizes, self.problems, self._keys, self._members = {}, [], {}, {}
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise UnreadableBag(N_("{path} is not a ZIP file, or it is truncated ({error})."),
                                path=str(path), error=str(exc)) from exc
        files = [i for i in infos if not i.is_dir()]
        roots = {i.filename.split("/", 1)[0] for i in files}
        if len(roots) != 1 or any("/" not in i.filename for i in files):
            raise UnreadableBag(N_("{path} does not hold exactly one bag folder at its top "
                                   "level."), path=str(path))
        (self.root_name,) = roots
        for info in files:
            name = info.filename.split("/", 1)[1]
            if stat.S_ISLNK(info.external_attr >> 16):
                self.problems.append(Problem(N_("“{name}” is a link; a package holds only "
                                                "files."), {"name": name}))
                continue
            if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
                self.problems.append(Problem(N_("“{name}” expands {ratio} times when unpacked; "
                                                "refusing it as a possible ZIP bomb."),
                                             {"name": name,
                                              "ratio": info.file_size // info.compress_size}))
                continue
            before = len(self.sizes)
            self._admit(name, info.file_size)
            if len(self.sizes) > before:
                self._members[name] = info

    def chunks(self, name: str) -> Iterator[bytes]:
        info = self._members[name]
        read = 0
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(CHUNK):
                    read += len(chunk)
                    if read > info.file_size:  # zipfile checks too; never trust the header
                        raise UnreadableBag(N_("“{name}” is longer than the package says."),
                                            name=name)
                    yield chunk
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise UnreadableBag(N_("“{name}” cannot be read from the package ({error})."),
                                name=name, error=str(exc)) from exc

    def close(self) -> None:
        self._zip.close()


def open_bag(path: Path) -> BagSource:
    path = Path(path)
    if path.is_dir():
        return FolderBag(path)
    if path.is_file():
        return ZipBag(path)
    raise UnreadableBag(N_("{path} does not exist."), path=str(path))
