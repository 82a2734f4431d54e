"""Package benchmark: an IRM package over 1 GB of papers, and its verification, against the
standard tools over the same files in the same run.

    .venv/bin/python -m bench.bench_packages                  # 1,024 MB in 64 papers, 3 runs
    .venv/bin/python -m bench.bench_packages --megabytes 256 --runs 5

The papers are random bytes (as incompressible as PDFs and scans), generated once into
``bench/out/papers/`` and filed once, through the documents service, as the public papers
of eight forum meetings of 2026 in ``bench/out/irm-bench.db``. Each run, with the files in
the page cache for every contender:

- baseline: ``sha256sum`` over the stored paper files, plus ``zip -0`` of them (one hash
  pass and one stored archive: the least a tool must do to produce a checksummed ZIP);
- ours: ``export_irm_package`` for 2026 — reading the records, rendering the eight
  meetings' agendas in both languages, and streaming every paper into a signed, zipped
  bag, SHA-256, SHA-512 and the ZIP's CRC-32 computed from a single read of each file;
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


MEETINGS = 8


def irm_forum(papers: list[Path]) -> tuple[object, list[Path]]:
    """The benchmark forum (made once): the papers filed on eight meetings' agendas.
    Returns the open store and the stored files."""
    from zoneinfo import ZoneInfo

    from secretariat.services import documents, meetings
    from secretariat.services.forum import create_forum
    from secretariat.store import open_store

    path = OUT_DIR / "irm-bench.db"
    fresh = not path.exists()
    store = open_store(f"sqlite:///{path}", create=fresh)
    if fresh:
        with store.session() as s:
            create_forum(s, name_zh_tw="基準測試論壇", name_en="Benchmark forum")
            zone = ZoneInfo("Asia/Taipei")
            per_meeting = len(papers) // MEETINGS
            for m in range(MEETINGS):
                start = dt.datetime(2026, 1 + m, 10, 14, tzinfo=zone)
                meeting = meetings.schedule_meeting(
                    s, title=f"第{m + 1}次論壇會議", starts_at=start,
                    ends_at=start + dt.timedelta(hours=2), location="會議室")
                item = meetings.add_agenda_item(s, meeting.id, title="會議資料")
                for paper in papers[m * per_meeting:(m + 1) * per_meeting]:
                    doc = documents.add_document(s, documents_dir=store.documents_dir,
                                                 source=paper, title=paper.stem)
                    documents.attach_document(s, item.id, doc.id)
            s.commit()
    from secretariat.services.documents import stored_path
    from secretariat.model import Document
    from sqlalchemy import select

    with store.session() as s:
        stored = [stored_path(store.documents_dir, sha)
                  for sha in s.scalars(select(Document.sha256).order_by(Document.id))]
    return store, stored


def ours(store, scratch: Path, signer) -> tuple[float, Path]:
    from secretariat.packages.irm_package import export_irm_package

    target = scratch / "irm.zip"
    target.unlink(missing_ok=True)

    def write():
        with store.session() as s:
            export_irm_package(s, store.documents_dir, target, signer=signer,
                               date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 12, 31),
                               today=dt.date(2026, 12, 6))
    return timed(write), target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=1024)
    parser.add_argument("--files", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    papers = make_papers(OUT_DIR / "papers", args.megabytes, args.files)
    store, papers = irm_forum(papers)  # from now on, the stored copies
    megabytes = sum(p.stat().st_size for p in papers) / (1 << 20)
    for paper in papers:  # into the page cache, for every contender alike
        paper.read_bytes()
    scratch = Path(tempfile.mkdtemp(prefix="bench-packages-", dir=OUT_DIR))
    signer = forum_signer(scratch / "keys", passphrase="bench passphrase", use_keyring=False)
    base, mine, checks, bagit = [], [], [], []
    try:
        for _ in range(args.runs):
            base.append(baseline(papers, scratch))
            seconds, bag = ours(store, scratch, signer)
            mine.append(seconds)
            checks.append(timed(lambda: verify_package(bag)))
            unpacked = scratch / "unpacked"
            shutil.rmtree(unpacked, ignore_errors=True)
            with zipfile.ZipFile(bag) as z:
                z.extractall(unpacked)
            bagit.append(timed(lambda: subprocess.run(
                [sys.executable, "-m", "bagit", "--validate", "--quiet",
                 str(unpacked / "irm")], check=True)))
        assert verify_package(bag).ok
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    b, m, c, g = (statistics.median(x) for x in (base, mine, checks, bagit))
    ratio = b / m
    print(f"IRM package of {megabytes:,.0f} MB of papers in {len(papers)} files on "
          f"{MEETINGS} meetings, {args.runs} runs (medians)")
    print(f"  baseline sha256sum + zip -0   {b:6.2f} s  {megabytes / b:7.0f} MB/s")
    print(f"  export_irm_package (IRM 2026) {m:6.2f} s  {megabytes / m:7.0f} MB/s  "
          f"throughput {ratio:.2f}× baseline  "
          f"[{'meets' if ratio >= WRITE_TARGET else 'misses'} ≥ {WRITE_TARGET:.2f}]")
    print(f"  verify_package (ZIP)          {c:6.2f} s  {megabytes / c:7.0f} MB/s")
    print(f"  bagit.py --validate (folder)  {g:6.2f} s  {megabytes / g:7.0f} MB/s  "
          f"verify is {g / c:.2f}× as fast")
    return 0


if __name__ == "__main__":
    sys.exit(main())
