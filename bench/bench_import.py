"""Member import benchmark: ``import_members_csv`` on a generated file of 100,000 rows.

    .venv/bin/python -m bench.bench_import                   # SQLite, 100,000 rows, 3 runs
    .venv/bin/python -m bench.bench_import --rows 20000 --runs 5
    .venv/bin/python -m bench.bench_import --db postgresql+psycopg://…/db   # an empty server db
    .venv/bin/python -m bench.bench_import --profile         # cProfile of one run, top 25

Each run imports the same file into a fresh forum (a new SQLite file in ``bench/out/``, or
the server database emptied first) and commits, as ``secretariat import members`` does.
The file: Chinese names, 2,000 organisations, every sector, a quarter of the rows with a
named seat, one in five an alternate, contact details on most rows: 9.7 MB (9.3 MiB), under the 10 MiB limit. The report gives the
median time and rows per second against the target (DESIGN: 100,000 member rows < 10 s),
and the median CPU time of the process (the steadier figure on a busy machine).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

from bench.harness import OUT_DIR, verdict
from secretariat.services.forum import create_forum
from secretariat.services.members.import_csv import import_members_csv
from secretariat.store import open_store

TARGET_S = 10.0
SECTORS = ("government_agency", "subnational_government", "parliament", "civil_society",
           "academia", "private_sector", "citizen", "media", "其他", "公民社會組織")
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
GIVEN = "志明淑芬家豪美玲宗翰怡君建國雅婷俊傑佩珊冠宇欣怡承恩詩涵"


def write_file(path: Path, rows: int, seed: int = 20_261_204) -> None:
    rng = random.Random(seed)
    lines = ["姓名,英文姓名,組織,部門,角色,任期開始,任期結束,高層,電子郵件,電話,席次"]
    sector = SECTORS[0]
    for n in range(rows):
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)) + str(n)
        alternate = n % 5 == 4
        seat = f"席次 {n - 1}" if alternate else (f"席次 {n}" if n % 4 == 0 else "")
        if alternate and (n - 1) % 4:
            seat = ""
        if not seat.endswith(f" {n - 1}"):  # an alternate shares its member's sector
            sector = rng.choice(SECTORS)
        role = "代理人" if alternate else rng.choice(("委員", "委員", "委員", "觀察員"))
        start = f"202{rng.randint(0, 5)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        end = "" if rng.random() < 0.3 else "2030/12/31"
        lines.append(",".join([
            name, f"M. {n}" if n % 2 else "", f"組織{rng.randrange(2000)}", sector, role, start,
            end, rng.choice(("是", "否", "")), f"m{n}@example.org" if n % 3 else "",
            f"02-{rng.randrange(10**8):08d}" if n % 2 else "", seat]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def fresh_store(url: str | None, run: int):
    if url is None:
        path = OUT_DIR / f"import-{run}.db"
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
        url = f"sqlite:///{path}"
    store = open_store(url)
    with store.session() as s:
        from sqlalchemy import text

        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("TRUNCATE membership, person_contact, person, organisation, seat, "
                           "forum RESTART IDENTITY CASCADE"))
        create_forum(s, name_zh_tw="匯入測試論壇", name_en="Import forum")
        s.commit()
    return store


def one_run(url: str | None, csv_path: Path, run: int) -> tuple[float, float, object]:
    store = fresh_store(url, run)
    started, cpu = time.perf_counter(), time.process_time()
    report = store.run_transaction(lambda s: import_members_csv(s, csv_path))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    store.close()
    return seconds, cpu, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a server database to empty and use (default: SQLite)")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one run instead")
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    csv_path = OUT_DIR / f"members-{args.rows}.csv"
    write_file(csv_path, args.rows)
    print(f"{csv_path}: {args.rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        seconds, _cpu, report = one_run(args.db, csv_path, 0)
        profiler.disable()
        print(f"one run in {seconds:.2f} s: {report}")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return 0
    times, cpus = [], []
    for run in range(args.runs):
        seconds, cpu, report = one_run(args.db, csv_path, run)
        times.append(seconds)
        cpus.append(cpu)
        print(f"  run {run + 1}: {seconds:6.2f} s (CPU {cpu:6.2f} s)  "
              f"{args.rows / seconds:9,.0f} rows/s  {report}")
    median = statistics.median(times)
    print(f"median {median:.2f} s, {args.rows / median:,.0f} rows/s "
          f"(min {min(times):.2f} s, max {max(times):.2f} s, {args.runs} runs); "
          f"median CPU {statistics.median(cpus):.2f} s")
    scaled = median * 100_000 / args.rows
    passed = scaled < TARGET_S
    print(verdict("100,000 member rows < 10 s", passed, f"{scaled:.2f} s per 100,000 rows"))
    return 0 if passed or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
