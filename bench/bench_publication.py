"""Publication benchmark: the publication package of the large demo (ten forum-years), cold
(no PDF kept from an earlier publication) and warm (republished with nothing changed).

    .venv/bin/python -m bench.bench_publication             # builds bench/out/large.db if missing
    .venv/bin/python -m bench.bench_publication --warm-runs 3

Reports the read phase (database), the write phase (PDFs, pages, open data, hashing and
signing the bag) and how many PDFs were rendered, against the target of DESIGN / issue 10:
the site for ten forum-years built in under 60 s. Rendering runs one process per core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import OUT_DIR, BenchmarkError, ensure_large_demo, venv_script

TARGET_S = 60.0


def _build(store, target: Path, signer, cache) -> tuple[float, float, int]:
    from secretariat.publication.build import read_publication, write_publication

    started = time.perf_counter()
    with store.session() as s:
        data = read_publication(s, store.documents_dir, today=dt.date(2026, 12, 6))
    read = time.perf_counter() - started
    cache.rendered, cache.used = 0, set()
    shutil.rmtree(target, ignore_errors=True)
    write_publication(data, target, signer=signer, pdf_cache=cache)
    return read, time.perf_counter() - started - read, cache.rendered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=OUT_DIR / "large.db")
    parser.add_argument("--warm-runs", type=int, default=3)
    args = parser.parse_args(argv)
    try:
        ensure_large_demo(args.db.resolve(), venv_script("secretariat"), rebuild=False)
    except BenchmarkError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    from secretariat.export.pdf_cache import PdfCache
    from secretariat.packages.signing import forum_signer
    from secretariat.store import open_store

    scratch = Path(tempfile.mkdtemp(prefix="bench-publication-", dir=OUT_DIR))
    try:
        signer = forum_signer(scratch / "keys", passphrase="bench passphrase", use_keyring=False)
        store = open_store(f"sqlite:///{args.db.resolve()}")
        cache = PdfCache(scratch / "pdf-cache")
        cold = _build(store, scratch / "site", signer, cache)
        warm = [_build(store, scratch / "site", signer, cache) for _ in range(args.warm_runs)]
        pages = sum(1 for _ in (scratch / "site" / "data").rglob("*.html"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"Publication of the large demo ({pages:,} pages)")
    for label, (read, write, rendered) in (("cold (no PDF kept)", cold),
                                           ("warm (median)", tuple(
                                               statistics.median(x) for x in zip(*warm)))):
        total = read + write
        print(f"  {label:<20} read {read:6.1f} s  write {write:6.1f} s  total {total:6.1f} s"
              f"  PDFs rendered {int(rendered):,}  "
              f"[{'meets' if total <= TARGET_S else 'misses'} ≤ {TARGET_S:.0f} s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
