"""Storage benchmark: a coach's database (200 athletes x 3 years of daily check-ins) vs default TinyDB.

Run: ``.venv/bin/python tests/benchmarks/bench_storage.py [--athletes N] [--years N] [--keep DIR]``.
Prints numbers (it is not a pass/fail test). Targets: open + list athletes <= 100 ms, load one athlete's
full history <= 50 ms, save one check-in <= 20 ms; for the full 200 x 3 database: at most 300 MB on disk,
one athlete's history as JSON with every plan (``history --format json``) <= 1 s, the first save of the
day <= 0.5 s. Ratios are printed against the figures measured before data format 2 (855 MB, 3.2 s, 5.0 s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import orjson
from tinydb import Query, TinyDB

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.storage import Repository
from recovery_planner.storage.backups import create_snapshot
from tests.benchmarks.make_coach_db import TEMPLATES, make_coach_db


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def summary(ms: list[float]) -> str:
    return f"median {statistics.median(ms):8.1f} ms  (min {min(ms):.1f}, max {max(ms):.1f}, n={len(ms)})"


def bench_repository(root: Path, ids: list[str], today: date) -> dict[str, float]:
    results = {}
    print("\nRecovery Planner repository (index + one folder per athlete, sharded by year/month):")

    def open_list() -> None:
        repo = Repository.open(root)
        assert len(repo.list_athletes()) == len(ids)

    ms = timed(open_list, 15)
    results["open_list"] = statistics.median(ms)
    print(f"  open + list athletes        {summary(ms)}")

    def cold_history() -> None:
        repo = Repository.open(root)
        assert len(repo.history(ids[len(ids) // 2])) > 0

    ms = timed(cold_history, 15)
    results["history"] = statistics.median(ms)
    print(f"  open + load one history     {summary(ms)}   (cold: fresh repository each time)")
    repo = Repository.open(root)
    ms = timed(lambda: repo.history(ids[0]), 15)
    print(f"  load one history (warm)     {summary(ms)}")
    rec = repo.history(ids[0])[-1]
    ms = timed(lambda: repo.get_plan(ids[0], rec.id), 15)
    print(f"  load one plan               {summary(ms)}")

    def history_json() -> None:
        fresh = Repository.open(root)
        who = ids[len(ids) // 3]
        plans = fresh.plans_json(who)  # as `history --format json`: stored plan JSON spliced in unparsed
        out = [{**r.to_dict(), "plan": orjson.Fragment(plans[r.id])} for r in fresh.history(who)]
        orjson.dumps(out)

    ms = timed(history_json, 5)
    results["history_json"] = statistics.median(ms)
    print(f"  one history as JSON, plans  {summary(ms)}   (cold; what `history --format json` does)")

    check_in = parse_check_in({"date": today.isoformat(), **TEMPLATES[1]}, today)
    plan = build_plan(check_in)
    t0 = time.perf_counter()
    repo.add_check_in(ids[1], check_in, plan)
    first = (time.perf_counter() - t0) * 1000
    results["first_save"] = first
    print(f"  first save of the day       {first:8.1f} ms  (the daily backup comes after it, not before)")
    t0 = time.perf_counter()
    repo.ensure_daily_backup()
    results["daily_backup"] = (time.perf_counter() - t0) * 1000
    print(f"  then the daily backup       {results['daily_backup']:8.1f} ms  (first one: copies every file)")
    if hasattr(os, "sync"):
        os.sync()  # let the first backup's copy reach the disk so it does not slow the measured saves
    n = iter(range(10**6))
    ms = timed(lambda: repo.add_check_in(ids[2 + next(n) % (len(ids) - 2)], check_in, plan), 40)
    results["save"] = statistics.median(ms)
    print(f"  save one check-in           {summary(ms)}")
    t0 = time.perf_counter()
    create_snapshot(root, "auto")
    print(f"  next daily backup           {(time.perf_counter() - t0) * 1000:8.1f} ms  (copies only changed files)")
    return results


def build_baseline(root: Path, path: Path) -> tuple[list[str], int]:
    """A default single-file TinyDB (JSONStorage) with the same athletes and check-ins (plans left out)."""
    repo = Repository.open(root)
    athletes = {}
    checkins = {}
    ids = []
    for n, a in enumerate(repo.list_athletes(), start=1):
        ids.append(a.id)
        athletes[str(n)] = {k: v for k, v in a.to_dict().items() if k != "latest"}
        for rec in repo.history(a.id):
            d = rec.to_dict()
            checkins[str(len(checkins) + 1)] = d
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"athletes": athletes, "checkins": checkins}, fh)
    return ids, len(checkins)


def bench_baseline(path: Path, ids: list[str], today: date) -> dict[str, float]:
    results = {}
    print(f"\nDefault TinyDB, one file ({path.stat().st_size / 2**20:.0f} MB, check-ins only, no plans):")
    ms = timed(lambda: TinyDB(path).table("athletes").all(), 3)
    results["open_list"] = statistics.median(ms)
    print(f"  open + list athletes        {summary(ms)}")
    ms = timed(lambda: TinyDB(path).table("checkins").search(Query().athlete_id == ids[0]), 3)
    results["history"] = statistics.median(ms)
    print(f"  open + load one history     {summary(ms)}")
    db = TinyDB(path)
    check_in = parse_check_in({"date": today.isoformat(), **TEMPLATES[1]}, today)
    doc = {"athlete_id": ids[0], "date": today.isoformat(), "check_in": check_in.to_dict()}
    ms = timed(lambda: db.table("checkins").insert(dict(doc)), 3)
    results["save"] = statistics.median(ms)
    print(f"  save one check-in           {summary(ms)}")
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--athletes", type=int, default=200)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="build the database here and keep it")
    ap.add_argument("--skip-baseline", action="store_true")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="rp-bench-"))
    root = work / "data"
    today = date.today()
    try:
        t0 = time.perf_counter()
        info = make_coach_db(root, args.athletes, args.years, end=today - timedelta(days=1))
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
        print(
            f"Generated {info.checkins} check-ins with plans for {len(info.athlete_ids)} athletes "
            f"({size / 2**20:.0f} MB) in {time.perf_counter() - t0:.1f} s at {root}"
        )
        if hasattr(os, "sync"):
            os.sync()
        ours = bench_repository(root, info.athlete_ids, today)
        targets = {"open_list": 100, "history": 50, "save": 20, "history_json": 1000, "first_save": 500}
        print(
            "\nTargets: "
            + ", ".join(f"{k} {ours[k]:.1f} ms {'OK' if ours[k] <= v else 'OVER'} (<= {v})" for k, v in targets.items())
        )
        per_checkin = size / info.checkins
        print(
            f"Size: {size / 2**20:.0f} MB, {per_checkin:.0f} bytes per check-in with its plan; "
            f"full 200 x 3 years would be {per_checkin * 219_000 / 2**20:.0f} MB "
            f"({'OK' if per_checkin * 219_000 <= 300 * 2**20 else 'OVER'} <= 300 MB)"
        )
        print(
            "Against data format 1 (855 MB, history JSON 3.2 s, first save 5.0 s): "
            f"size {855 * 2**20 / (per_checkin * 219_000):.1f}x smaller, "
            f"history JSON {3200 / ours['history_json']:.1f}x faster, "
            f"first save {5000 / ours['first_save']:.1f}x faster"
        )
        if not args.skip_baseline:
            ids, _ = build_baseline(root, work / "baseline.json")
            base = bench_baseline(work / "baseline.json", ids, today)
            print("\nRatio default TinyDB / Recovery Planner (higher = ours faster):")
            for k in ("open_list", "history", "save"):
                print(f"  {k:12s} {base[k] / ours[k]:10.0f} x")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
