"""First chart after opening the History tab, with and without the background matplotlib warm-up.

Run: .venv/bin/python tests/benchmarks/bench_first_chart.py   (target: warm <= 200 ms)
Each measurement is a fresh process (matplotlib imported once per process): open the window on a folder
with 10 check-ins, optionally run charts.warm_up_charts() and wait for it (as after start-up), then time
from switching to the History tab until the chart's canvas has drawn.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

CHILD = r"""
import os, sys, tempfile, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import date, datetime, time as dtime, timedelta
from PySide6.QtWidgets import QApplication
app = QApplication([])
from recovery_planner.services import athletes, checkins
from recovery_planner.services.session import open_context, start_state
from recovery_planner.ui.main_window import MainWindow
start = date(2026, 3, 1)
folder = tempfile.mkdtemp()
ctx = open_context(folder, clock=lambda: datetime.combine(start, dtime(12)).astimezone())
ctx.repo.set_setting("welcomed", True)
me = athletes.ensure_athlete(ctx).value
for i in range(10):
    day = start + timedelta(days=i)
    ctx.clock = lambda day=day: datetime.combine(day, dtime(12)).astimezone()
    area = {"region": "calf", "side": "left", "pain": max(0, 6 - i), "kind": "soreness"}
    data = {"date": day.isoformat(), "areas": [area]}
    checkins.save_check_in(ctx, me, data, 7)
window = MainWindow(ctx, start_state(ctx).value)
window.resize(1280, 720)
window.show()
app.processEvents()
if sys.argv[1] == "warm":
    from recovery_planner.ui.charts import warm_up_charts
    warm_up_charts().join()
chart = window.history_view.view.chart
t0 = time.perf_counter()
window.tabs.setCurrentWidget(window.history_view)
while getattr(chart, "_canvas", None) is None or not chart.series():
    window.tasks.wait()
    app.processEvents()
chart._canvas.draw()
print(f"{(time.perf_counter() - t0) * 1000:.1f}")
window.tasks.wait()
"""


def measure(mode: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD, mode], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


if __name__ == "__main__":
    cold, warm = measure("cold"), measure("warm")
    print(
        f"first chart after opening History, median of 5: cold {cold:.0f} ms, after warm-up {warm:.0f} ms, "
        f"ratio {warm / cold:.2f} (target: warm <= 200 ms)"
    )
