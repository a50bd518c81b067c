"""Benchmark: one PDF handout, a 30-athlete combined squad PDF, and the calendar and spreadsheet of a plan.

Run: ``.venv/bin/python tests/benchmarks/bench_exports.py`` (offscreen; prints the numbers). Aims: a
handout in under 1 s (the File menu export feels immediate) and a 30-athlete squad under 15 s.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from recovery_planner.app import ensure_gui_application
from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.formats.plan_csv import plan_to_csv
from recovery_planner.formats.plan_ics import plan_to_ics
from recovery_planner.ui.handout import handouts_pdf_bytes

CASES = json.loads((Path(__file__).resolve().parents[1] / "data" / "vignettes.json").read_text(encoding="utf-8"))
START = date(2026, 3, 2)


def handouts(n: int) -> list[dict]:
    out = []
    for i in range(n):
        check_in = parse_check_in({**CASES[i % len(CASES)]["check_in"], "date": START.isoformat()}, START)
        out.append({"plan": build_plan(check_in, 7).to_dict(), "check_in": check_in.to_dict(), "athlete_name": f"A{i}"})
    return out


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> None:
    ensure_gui_application()
    one = handouts(1)
    handouts_pdf_bytes(one)  # warm up fonts and the leg geometry
    single = timed(lambda: handouts_pdf_bytes(one), 5)
    data, pages = handouts_pdf_bytes(one)
    print(f"handout PDF ({pages} pages, {len(data) // 1024} KiB): median {statistics.median(single):.0f} ms "
          f"(aim < 1000 ms, ratio {statistics.median(single) / 1000:.2f})")  # fmt: skip
    squad = handouts(30)
    t0 = time.perf_counter()
    data, pages = handouts_pdf_bytes(squad)
    squad_ms = (time.perf_counter() - t0) * 1000
    print(f"squad PDF, 30 athletes ({pages} pages, {len(data) // 1024} KiB): {squad_ms:.0f} ms, "
          f"{squad_ms / 30:.0f} ms per athlete (aim < 15000 ms, ratio {squad_ms / 15000:.2f})")  # fmt: skip
    now = datetime(2026, 3, 2, 8, tzinfo=timezone.utc)
    plan = one[0]["plan"]
    ics = timed(lambda: plan_to_ics(plan, athlete_id="a", now=now), 20)
    csv = timed(lambda: plan_to_csv(plan), 20)
    print(f"calendar: median {statistics.median(ics):.1f} ms; spreadsheet: median {statistics.median(csv):.2f} ms")


if __name__ == "__main__":
    main()
