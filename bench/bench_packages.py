"""Package benchmark: writing and verifying a package of 1 GB of papers, against the standard
tools over the same files in the same run.

    .venv/bin/python -m bench.bench_packages                  # 1,024 MB in 64 files, 3 runs
    .venv/bin/python -m bench.bench_packages --megabytes 256 --runs 5

The papers are random bytes (as incompressible as PDFs and scans), generated once into
``bench/out/papers/``. Each run, with the files in the page cache for every contender:

- baseline: ``sha256sum`` over the files, plus ``zip -0`` of them (one hash pass and one
  stored archive: the least a tool must do to produce a checksummed ZIP);
- ours: ``BagWriter`` streaming the same files into a signed, zipped bag, computing SHA-256,
  SHA-512 (and the ZIP's CRC-32) from a single read of each file;
- verify: ``verify_package`` of that bag against ``bagit.py --validate`` of the same bag
  unpacked (bagit cannot read ZIPs), both checking SHA-256 and SHA-512.

Reports medians, MB/s and the ratio ours / baseline (target ≥ 0.90 for writing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bench.harness import OUT_DIR
from secretariat.packages.bag_writer import BagWriter
from secretariat.packages.signing import forum_signer
from secretariat.packages.verify import verify_package

WRITE_TARGET = 0.90


def make_papers(folder: Path, megabytes: int, files: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    size = megabytes * (1 << 20) // files
    paths = []
    for n in range(files):
        path = folder / f"paper-{n:03d}.pdf"
        if not path.exists() or path.stat().st_size != size:
            with open(path, "wb") as out:
                for _ in range(size // (1 << 20)):
                    out.write(os.urandom(1 << 20))
                out.write(os.urandom(size % (1 << 20)))
        paths.append(path)
    for stale in folder.glob("paper-*.pdf"):
        if stale not in paths:
            stale.unlink()
    return paths


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def baseline(papers: list[Path], scratch: Path) -> float:
    target = scratch / "baseline.zip"
    target.unlink(missing_ok=True)
    return timed(lambda: (
        subprocess.run(["sha256sum", *map(str, papers)], check=True, stdout=subprocess.DEVNULL),
        subprocess.run(["zip", "-0", "-q", "-j", str(target), *map(str, papers)], check=True)))


def ours(papers: list[Path], scratch: Path, signer) -> tuple[float, Path]:
    target = scratch / "bag.zip"
    target.unlink(missing_ok=True)

    def write():
        with BagWriter(target, zipped=True, bagging_date=dt.date(2026, 12, 6)) as bag:
            for paper in papers:
                bag.add_file(f"papers/{paper.name}", paper)
            bag.finish(signer, {})
    return timed(write), target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=1024)
    parser.add_argument("--files", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    papers = make_papers(OUT_DIR / "papers", args.megabytes, args.files)
    megabytes = sum(p.stat().st_size for p in papers) / (1 << 20)
    for paper in papers:  # into the page cache, for every contender alike
        paper.read_bytes()
    scratch = Path(tempfile.mkdtemp(prefix="bench-packages-", dir=OUT_DIR))
    signer = forum_signer(scratch / "keys", passphrase="bench passphrase", use_keyring=False)
    base, mine, checks, bagit = [], [], [], []
    try:
        for _ in range(args.runs):
            base.append(baseline(papers, scratch))
            seconds, bag = ours(papers, scratch, signer)
            mine.append(seconds)
            checks.append(timed(lambda: verify_package(bag)))
            unpacked = scratch / "unpacked"
            shutil.rmtree(unpacked, ignore_errors=True)
            with zipfile.ZipFile(bag) as z:
                z.extractall(unpacked)
            bagit.append(timed(lambda: subprocess.run(
                [sys.executable, "-m", "bagit", "--validate", "--quiet",
                 str(unpacked / "bag")], check=True)))
        assert verify_package(bag).ok
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    b, m, c, g = (statistics.median(x) for x in (base, mine, checks, bagit))
    ratio = b / m
    print(f"Package of {megabytes:,.0f} MB in {len(papers)} files, {args.runs} runs (medians)")
    print(f"  baseline sha256sum + zip -0   {b:6.2f} s  {megabytes / b:7.0f} MB/s")
    print(f"  BagWriter (SHA-256 + SHA-512) {m:6.2f} s  {megabytes / m:7.0f} MB/s  "
          f"throughput {ratio:.2f}× baseline  "
          f"[{'meets' if ratio >= WRITE_TARGET else 'misses'} ≥ {WRITE_TARGET:.2f}]")
    print(f"  verify_package (ZIP)          {c:6.2f} s  {megabytes / c:7.0f} MB/s")
    print(f"  bagit.py --validate (folder)  {g:6.2f} s  {megabytes / g:7.0f} MB/s  "
          f"verify is {g / c:.2f}× as fast")
    return 0


if __name__ == "__main__":
    sys.exit(main())
