"""Benchmark: the coach's squad overview ("who needs me today") for 200 athletes x 3 years of check-ins.

Goal: at most 100 ms per build after the first (the first reads every athlete's recent files from disk).
Run: ``.venv/bin/python tests/benchmarks/bench_squad.py [--athletes 200 --years 3]`` (prints the numbers).
Everything happens in a temp folder; the real data folder is never touched.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from datetime import time as dtime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from recovery_planner.services import coach
from recovery_planner.services.context import AppContext
from recovery_planner.storage.repository import Repository
from tests.benchmarks.make_coach_db import make_coach_db

GOAL_MS = 100.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--athletes", type=int, default=200)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="bench-squad-") as tmp:
        t0 = time.perf_counter()
        info = make_coach_db(Path(tmp) / "data", athletes=args.athletes, years=args.years, end=today)
        print(
            f"built {args.athletes} athletes x {args.years} years ({info.checkins} check-ins) in "
            f"{time.perf_counter() - t0:.1f} s"
        )
        repo = Repository.open(info.root, auto_backup=False)
        ctx = AppContext(repo, clock=lambda: datetime.combine(today, dtime(9), timezone.utc))
        t0 = time.perf_counter()
        rows = coach.squad_rows(ctx)
        first_ms = (time.perf_counter() - t0) * 1000
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            coach.squad_rows(ctx)
            times.append((time.perf_counter() - t0) * 1000)
        median = statistics.median(times)
        print(
            f"squad overview, {len(rows)} athletes: first {first_ms:.1f} ms; then median {median:.1f} ms "
            f"(min {min(times):.1f}, max {max(times):.1f}) over {args.runs} runs"
        )
        print(
            f"goal <= {GOAL_MS:.0f} ms after the first: {'met' if median <= GOAL_MS else 'NOT met'} "
            f"(ratio {median / GOAL_MS:.2f} of the goal)"
        )
        repo.close()


if __name__ == "__main__":
    main()
