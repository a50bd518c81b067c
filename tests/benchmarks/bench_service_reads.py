"""What the services' read paths cost on a long history: the history tab, the not-settling report and the
hold look-up of a save, the plan in force, the squad overview. Stored check-ins and plans are read back as
typed objects (``CheckIn``, ``Plan``) there; this prints what that costs.

Run: ``.venv/bin/python tests/benchmarks/bench_service_reads.py [--athletes N] [--years N]`` (prints numbers;
not a pass/fail test). The database is the storage benchmark's (daily check-ins with real plans), smaller.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from recovery_planner.services import checkins, coach, holds, queries
from recovery_planner.services.context import AppContext
from recovery_planner.storage import Repository
from tests.benchmarks.make_coach_db import TEMPLATES, make_coach_db


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def history_tab(ctx: AppContext, athlete_id: str, today: date) -> None:
    """What the history tab computes from the entries (pain series, warning, 'did it help?', change maps)."""
    from recovery_planner.domain.progress import change_by_region, did_it_help, pain_series, settling_report

    entries = queries.history_entries(ctx, athlete_id)
    pain_series(entries)
    settling_report(entries, today)
    did_it_help(entries)
    change_by_region(entries[0].check_in, entries[-1].check_in)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--athletes", type=int, default=20)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    today = date(2026, 12, 1)
    with tempfile.TemporaryDirectory() as tmp:
        info = make_coach_db(Path(tmp) / "data", args.athletes, args.years, end=today - timedelta(days=1))
        repo = Repository.open(Path(tmp) / "data", auto_backup=False)
        ctx = AppContext(repo, clock=lambda: datetime(2026, 12, 1, 9, tzinfo=timezone.utc))
        who = info.athlete_ids[0]
        new = checkins.parse(ctx, {"date": today.isoformat(), **TEMPLATES[1]})
        repo.history(who)  # the screens have read (and cached) the history before
        print(f"{args.athletes} athletes x {info.checkins // args.athletes} daily check-ins; warm repository caches")
        rows = [
            ("history tab: history_entries", lambda: queries.history_entries(ctx, who)),
            ("history tab, first open", lambda: (ctx.caches.clear(), history_tab(ctx, who, today))),
            ("history tab, reopened", lambda: history_tab(ctx, who, today)),
            ("not-settling report of a save", lambda: (ctx.caches.clear(), checkins.settling_for(ctx, who, new))),
            ("hold look-up + state of a save", lambda: holds.hold_inputs(ctx, who, today).state()),
            ("plan in force: current_plan", lambda: queries.current_plan(ctx, who)),
            ("squad overview (no cache)", lambda: (ctx.caches.clear(), coach.squad_rows(ctx))),
        ]
        for label, fn in rows:
            print(f"  {label:34s} median {median_ms(fn, args.repeat):8.2f} ms")
        saves = []
        for athlete_id in info.athlete_ids[1 : 1 + args.repeat]:
            repo.history(athlete_id)
            t0 = time.perf_counter()
            checkins.save_check_in(ctx, athlete_id, {"date": today.isoformat(), **TEMPLATES[1]}, 7)
            saves.append((time.perf_counter() - t0) * 1000)
        print(f"  {'save_check_in (whole op)':34s} median {statistics.median(saves):8.2f} ms")
        repo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
