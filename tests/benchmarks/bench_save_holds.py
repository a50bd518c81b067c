"""What reading the holds adds to a save: services.checkins.save_check_in with and without the hold look-up.

Run: ``.venv/bin/python tests/benchmarks/bench_save_holds.py [--athletes N] [--years N] [--saves N]``.
Prints numbers (not a pass/fail test). Target: the save with holds at most ~20 % slower than without.
The database is the storage benchmark's coach database (200 athletes x 3 years of daily check-ins).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from recovery_planner.services import checkins, holds
from recovery_planner.services.context import AppContext
from recovery_planner.storage import Repository
from tests.benchmarks.make_coach_db import TEMPLATES, make_coach_db


def no_holds(ctx: AppContext, athlete_id: str, day: date) -> holds.HoldInputs:
    """The look-up switched off: save_check_in as it was before holds, every other step the same."""
    return holds.HoldInputs((), ())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--athletes", type=int, default=200)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--saves", type=int, default=15, help="saves measured per variant")
    args = ap.parse_args()
    today = date(2026, 12, 1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        t0 = time.perf_counter()
        info = make_coach_db(root, args.athletes, args.years, end=today - timedelta(days=1))
        print(f"built {info.checkins} check-ins for {args.athletes} athletes in {time.perf_counter() - t0:.0f} s")
        repo = Repository.open(root, auto_backup=False)
        ctx = AppContext(repo, clock=lambda: datetime(2026, 12, 1, 9, tzinfo=timezone.utc))
        rng = random.Random(3)
        picks = rng.sample(info.athlete_ids, min(len(info.athlete_ids), 2 * args.saves))
        data = {"date": today.isoformat(), **TEMPLATES[1]}
        for athlete_id in picks[:2]:  # warm the caches both variants share
            ctx.repo.history(athlete_id)
        results: dict[str, list[float]] = {"without holds": [], "with holds": []}
        real_lookup = holds.hold_inputs
        for i, athlete_id in enumerate(picks):
            ctx.repo.history(athlete_id)  # the screens have read (and cached) the history before a save
            variant = "with holds" if i % 2 else "without holds"
            holds.hold_inputs = real_lookup if i % 2 else no_holds  # type: ignore[assignment]
            t0 = time.perf_counter()
            checkins.save_check_in(ctx, athlete_id, data, 7)
            results[variant].append((time.perf_counter() - t0) * 1000)
        holds.hold_inputs = real_lookup  # type: ignore[assignment]
        lookups = []
        for athlete_id in picks:
            t0 = time.perf_counter()
            holds.hold_inputs(ctx, athlete_id, today)
            lookups.append((time.perf_counter() - t0) * 1000)
        repo.close()
    with_holds = results["with holds"]
    base = statistics.median(results["without holds"])
    ours = statistics.median(with_holds)
    print(f"save one check-in without holds  median {base:7.1f} ms (n={len(results['without holds'])})")
    print(f"save one check-in with holds     median {ours:7.1f} ms (n={len(with_holds)})")
    print(f"hold look-up alone               median {statistics.median(lookups):7.1f} ms")
    print(f"ratio with/without: {ours / base:.2f} (target <= 1.20)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
