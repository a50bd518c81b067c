"""Start-up: process start to first painted window, against an empty PySide6 QMainWindow (same run).

Run: .venv/bin/python tests/benchmarks/bench_startup.py [--coach-db]   (target: ratio <= 2.0)
With --coach-db the app opens a 200-athlete x 3-year database (tests/benchmarks/make_coach_db.py).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EMPTY = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class W(QMainWindow):
    painted = False
    def paintEvent(self, e):
        super().paintEvent(e)
        if not self.painted:
            self.painted = True
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
app = QApplication(sys.argv[:1])
w = W(); w.show(); app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(process start to first paint, process start to exit), in seconds."""
    t0, w0 = time.perf_counter(), time.time()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    total = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{cmd} failed: {p.stderr[-400:]}")
    painted = next(float(line.split()[1]) for line in p.stdout.splitlines() if line.startswith("first-paint"))
    return painted - w0, total


def main() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RECOVERY_PLANNER_REPORT_PAINT="1")
    runs = 11
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        if "--coach-db" in sys.argv:
            sys.path.insert(0, str(Path(__file__).parent))
            from make_coach_db import make_coach_db  # type: ignore[import-not-found]

            make_coach_db(data)
            label = "200-athlete x 3-year database"
        else:
            label = "empty data folder"
        app_cmd = [sys.executable, "-m", "recovery_planner", "--data-dir", str(data), "--quit-after-first-paint"]
        timed(app_cmd, env)  # first run creates the folder and warms the disk cache
        empty, app = [], []
        for _ in range(runs):  # interleaved, so drifting machine load hits both alike
            empty.append(timed([sys.executable, "-c", EMPTY], env))
            app.append(timed(app_cmd, env))
    for what, i in (("start to first paint", 0), ("start to exit after first paint", 1)):
        e, a = statistics.median(r[i] for r in empty), statistics.median(r[i] for r in app)
        print(
            f"{what} ({label}), median of {runs}: empty QMainWindow {e * 1000:.0f} ms, "
            f"Recovery Planner {a * 1000:.0f} ms, ratio {a / e:.2f}" + (" (target <= 2.0)" if i == 0 else "")
        )


if __name__ == "__main__":
    main()
