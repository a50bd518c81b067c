"""Benchmark: the roster with 200 athletes opens in <= 100 ms; a 3-year daily pain chart draws in <= 150 ms.

Run: ``.venv/bin/python tests/benchmarks/bench_history.py`` (offscreen; prints the numbers).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from recovery_planner.domain.checkin import Area, CheckIn
from recovery_planner.domain.progress import HistoryEntry
from recovery_planner.domain.regions import REGIONS
from recovery_planner.domain.roster import RosterEntry

TODAY = date(2026, 3, 1)
ROSTER_TARGET_MS, CHART_TARGET_MS = 100.0, 150.0


def roster_entries(n: int = 200, seed: int = 1) -> list[RosterEntry]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        if rnd.random() < 0.05:
            out.append(RosterEntry(f"a{i:03d}", f"Athlete {i:03d}"))
            continue
        out.append(
            RosterEntry(
                f"a{i:03d}",
                f"Athlete {i:03d}",
                TODAY - timedelta(days=rnd.randint(0, 30)),
                rnd.choice(["none", "easy", "normal", "normal"]),
                rnd.choice(["none"] * 6 + ["routine", "prompt", "urgent"]),
                rnd.choice(REGIONS),
                rnd.choice(["left", "right", "both"]),
                rnd.randint(0, 8),
                rnd.choice(["better", "same", "worse", None]),
                archived=rnd.random() < 0.05,
            )
        )
    return out


def three_year_history(days: int = 1095, seed: int = 2) -> list[HistoryEntry]:
    """Daily check-ins with recurring episodes in a handful of areas (soreness after hard sessions)."""
    rnd = random.Random(seed)
    areas = [
        ("calf", "left"),
        ("quadriceps", "both"),
        ("achilles", "right"),
        ("hamstrings", "right"),
        ("knee", "left"),
        ("shin", "right"),
    ]
    pain = {a: 0.0 for a in areas}
    start = TODAY - timedelta(days=days - 1)
    out = []
    for i in range(days):
        d = start + timedelta(days=i)
        for a in areas:
            if pain[a] <= 0 and rnd.random() < 0.02:
                pain[a] = float(rnd.randint(2, 7))
            elif pain[a] > 0:
                pain[a] = max(0.0, pain[a] + rnd.choice([-1, -1, -1, 0, 0, 1]))
        marked = [{"region": r, "side": s, "pain": p, "kind": "soreness"} for (r, s), p in pain.items() if p > 0]
        check_in = CheckIn(d, areas=tuple(Area(**a) for a in marked))
        out.append(HistoryEntry(f"c{i}", d, check_in, None, frozenset()))
    return out


def bench_roster(app: QApplication, runs: int = 5) -> list[float]:
    from recovery_planner.ui.roster import RosterView

    entries = roster_entries()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        view = RosterView(today=TODAY)
        view.set_entries(entries)
        view.resize(960, 600)
        view.show()
        app.processEvents()  # the first paint happens here
        times.append((time.perf_counter() - t0) * 1000)
        view.close()
        view.deleteLater()
        app.processEvents()
    return times


def bench_chart(app: QApplication, runs: int = 5) -> tuple[float, list[float], int]:
    t0 = time.perf_counter()
    from recovery_planner.ui.charts import PainChartWidget

    chart = PainChartWidget()
    chart.resize(900, 450)
    chart.show()
    app.processEvents()
    import_ms = (time.perf_counter() - t0) * 1000
    history = three_year_history()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        chart.set_history(history)
        chart.draw_now()
        times.append((time.perf_counter() - t0) * 1000)
    points = sum(len(line.get_xdata()) for line in chart.axes().get_lines())
    return import_ms, times, points


def cpu_baseline_ms() -> float:
    """A fixed pure-Python workload, to judge the numbers on a busy or slow machine."""
    t0 = time.perf_counter()
    sum(i * i for i in range(1_000_000))
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    app = QApplication.instance() or QApplication([])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f}, baseline loop {cpu_baseline_ms():.0f} ms")
    roster = bench_roster(app)
    import_ms, chart, points = bench_chart(app)
    r_med, c_med = statistics.median(roster), statistics.median(chart)
    print(
        f"roster, 200 athletes, model + view built and shown: first {roster[0]:.1f} ms, "
        f"median {r_med:.1f} ms (target <= {ROSTER_TARGET_MS:.0f} ms)"
    )
    print(f"pain chart, first show incl. lazy matplotlib import + canvas: {import_ms:.1f} ms (one-off)")
    print(
        f"pain chart, 3 years of daily check-ins (1095 entries, {points} plotted points): "
        f"first {chart[0]:.1f} ms, median {c_med:.1f} ms (target <= {CHART_TARGET_MS:.0f} ms)"
    )
    ok = r_med <= ROSTER_TARGET_MS and c_med <= CHART_TARGET_MS
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
