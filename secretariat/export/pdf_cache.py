"""Rendered PDFs kept between publications, so republishing renders only what changed.

A publication holds the agenda and approved minutes of every meeting in both languages:
thousands of PDFs for a forum ten years old, at a tenth of a second each. Almost all of
them are of approved, frozen records, identical from one publication to the next. Each
PDF is stored under the SHA-256 of everything that decides its bytes — the writer, the
data it is given (its ``repr``: frozen dataclasses, every field), the language, and the
source of the export modules — so a changed record, a translation or a program change
gives a new key, and a stale PDF can never be served. Rendering is deterministic (the
PDF's dates are the record's), so a cached file is byte for byte the one rendering would
give. ``prune`` keeps only what the last build used.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import cache
from pathlib import Path

from secretariat import __version__, i18n


def _render_to(write: Callable, value: object, language: str, path: Path) -> None:
    """In a pool process: render, then put the file in place atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f"{path.stem}.{os.getpid()}.rendering.pdf")
    try:
        write(value, scratch, language=language)
        os.replace(scratch, path)
    finally:
        scratch.unlink(missing_ok=True)


@cache
def _renderer_fingerprint() -> str:
    """The export code and the compiled catalogs: any change to either renders anew."""
    digest = hashlib.sha256(__version__.encode())
    for folder, pattern in ((Path(__file__).parent, "*.py"), (i18n.catalog_dir(), "*/*/*.mo")):
        for path in sorted(folder.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class PdfCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.used: set[Path] = set()
        self.rendered = 0  # how many were not in the cache (for reports and tests)

    def key(self, write: Callable, value: object, language: str) -> str:
        digest = hashlib.sha256(_renderer_fingerprint().encode())
        digest.update(f"{write.__module__}.{write.__qualname__}|{language}|".encode())
        digest.update(repr(value).encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pdf"

    def pdf(self, write: Callable, value: object, language: str) -> Path:
        """The PDF ``write(value, out, language=language)`` makes, rendered if not kept."""
        path = self._path(self.key(write, value, language))
        if not path.exists():
            _render_to(write, value, language, path)
            self.rendered += 1
        self.used.add(path)
        return path

    def render_all(self, jobs, report=None, *, processes: int | None = None) -> list[Path]:
        """The PDF of every ``(write, value, language)`` job, in order; those not kept are
        rendered by a pool of processes (one per core: reportlab is pure Python, so
        threads would not run in parallel). ``report(done, total, label)`` may raise to
        cancel: the pool is stopped and nothing half-written is kept."""
        paths = [self._path(self.key(write, value, language)) for write, value, language in jobs]
        missing = [n for n, path in enumerate(paths) if not path.exists()]
        workers = min(processes or os.cpu_count() or 1, len(missing))
        if getattr(sys, "frozen", False):
            workers = 1  # an installed (frozen) program cannot re-launch itself as a worker
        if workers > 1 and len(missing) >= 8:
            self._render_in_pool(jobs, paths, missing, workers, report)
        else:
            for done, n in enumerate(missing):
                if report is not None:
                    report(done, len(missing), paths[n].name)
                self.pdf(*jobs[n])
        self.used.update(paths)
        return paths

    def _render_in_pool(self, jobs, paths, missing, workers, report) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process with threads
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = {pool.submit(_render_to, *jobs[n], paths[n]): n for n in missing}
            try:
                for done, future in enumerate(as_completed(futures), start=1):
                    future.result()
                    self.rendered += 1
                    if report is not None:
                        report(done, len(missing), paths[futures[future]].name)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise

    def prune(self) -> int:
        """Remove every kept PDF the last build did not use; returns how many went."""
        removed = 0
        for path in self.folder.glob("*/*.pdf"):
            if path not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
