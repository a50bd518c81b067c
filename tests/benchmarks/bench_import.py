"""Import benchmark: three years of daily runs (about 1,100 GPX files), then the same export again.

Run: ``.venv/bin/python tests/benchmarks/bench_import.py [--years 3] [--interval 1] [--workers 2] [--keep DIR]``.
Prints numbers (it is not a pass/fail test). Goals on this 2-core machine: the first import <= 5 minutes
using both cores with progress shown; importing the same export again <= 60 s.

The files are written with gpxpy: one point a second (as most watches record), 5-21 km at 4:45-6:15 min/km,
a long run on Sundays. ``--keep DIR`` keeps the generated files there (and reuses them next time).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from recovery_planner.services.activities import import_activities
from recovery_planner.services.context import AppContext
from recovery_planner.storage import Repository
from tests.formats.gpx_maker import make_gpx


def _write_one(args: tuple[Path, int, float]) -> int:
    folder, day_index, interval = args
    rng = random.Random(day_index)
    start = datetime(2022, 1, 3, 6, 30, tzinfo=timezone.utc) + timedelta(days=day_index, minutes=rng.randint(0, 90))
    km = rng.uniform(14, 21) if start.weekday() == 6 else rng.uniform(5, 12)
    data = make_gpx(start, round(km, 2), pace_s_per_km=rng.uniform(285, 375), interval_s=interval)
    path = folder / f"{start:%Y}" / f"{start:%Y-%m-%d}-run.gpx"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return len(data)


def make_export(folder: Path, days: int, interval: float, workers: int) -> tuple[int, float]:
    """Write (or reuse) the export; returns (total bytes, seconds spent writing)."""
    existing = sorted(folder.rglob("*.gpx"))
    if len(existing) == days:
        return sum(p.stat().st_size for p in existing), 0.0
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    t0 = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        sizes = list(pool.map(_write_one, [(folder, d, interval) for d in range(days)], chunksize=16))
    return sum(sizes), time.perf_counter() - t0


def cpu_seconds() -> tuple[float, float]:
    """(this process, its finished child processes) user + system CPU seconds so far."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def timed_import(ctx: AppContext, athlete_id: str, folder: Path, workers: int) -> tuple[float, object]:
    shown = {"at": -1}
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()

    def progress(done: int, total: int) -> None:
        tenth = done * 10 // total
        if tenth != shown["at"]:
            shown["at"] = tenth
            print(f"    progress {done:>5}/{total} ({done * 100 // total:>3} %) at {time.perf_counter() - t0:6.1f} s")

    result = import_activities(ctx, athlete_id, [folder], progress=progress, workers=workers)
    wall = time.perf_counter() - t0
    cpu1 = cpu_seconds()
    main_cpu, worker_cpu = cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]
    print(
        f"    CPU: {main_cpu:.1f} s in this process + {worker_cpu:.1f} s in the workers; with {workers} idle "
        f"cores that is at least {max(main_cpu, (main_cpu + worker_cpu) / workers):.1f} s "
        f"(load average now {os.getloadavg()[0]:.1f})"
    )
    return wall, result.value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between track points")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the generated files in this folder")
    args = parser.parse_args()
    days = round(args.years * 365.25)
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    export = args.keep or tmp / "export"
    try:
        size, gen_s = make_export(export, days, args.interval, args.workers)
        print(f"export: {days} GPX files, {size / 2**20:.0f} MB, one point every {args.interval:g} s", end="")
        print(f" (written in {gen_s:.1f} s)" if gen_s else " (reused)")
        with Repository.open(tmp / "data", auto_backup=False) as repo:
            ctx = AppContext(repo)
            athlete = repo.add_athlete("Bench Runner").id
            print(f"first import with {args.workers} worker processes:")
            first_s, first = timed_import(ctx, athlete, export, args.workers)
            print(f"  first import: {first_s:.1f} s ({days / first_s:.1f} files/s); {first.summary()}")
            print(f"  goal <= 300 s: {first_s / 300:.2f} of the budget")
            print("same export again:")
            again_s, again = timed_import(ctx, athlete, export, args.workers)
            print(f"  re-import: {again_s:.1f} s; {again.summary()}")
            print(f"  goal <= 60 s: {again_s / 60:.2f} of the budget")
            stored = len(repo.activities(athlete))
            print(f"stored activities: {stored} (expected {days})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
