"""Start-up, whole processes alternating with an empty PySide6 QMainWindow in one run.

Two figures for the app: first paint (the first window on screen: the loading shell when opening the data
takes over 0.4 s, else the main window) and ready (the main window painted with storage open and its first
page built: what --quit-after-first-paint waits for), each against the empty window's first paint.
Target: ready <= 2.0x.

Run: .venv/bin/python tests/benchmarks/bench_startup.py [--runner | --coach-db [--db FOLDER]] [--runs N]
Three first screens:
- default: an empty data folder (a first start: the welcome page);
- --runner: a returning runner with 40 check-ins over 12 weeks, the last 9 days ago (no plan covers today),
  so the app opens on the check-in form with the leg diagram;
- --coach-db: a 200-athlete x 3-year database in coach mode (tests/benchmarks/make_coach_db.py; it takes minutes
  to build: --db FOLDER builds it there once and reuses it afterwards).
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


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(process start to first paint, to ready, to exit), in seconds; the empty window is ready when painted."""
    t0, w0 = time.perf_counter(), time.time()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    total = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{cmd} failed: {p.stderr[-400:]}")
    stamps = {line.split()[0]: float(line.split()[1]) for line in p.stdout.splitlines() if " " in line}
    painted = stamps["first-paint"]
    return painted - w0, stamps.get("ready", painted) - w0, total


def option(name: str) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None


def coach_db(data: Path) -> None:
    """The 200-athlete database in coach mode (the squad tab is part of the first screen)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from make_coach_db import make_coach_db  # type: ignore[import-not-found]

    from recovery_planner.services.session import close_context, open_context
    from recovery_planner.services.settings import set_setting

    if not (data / "index.json").exists():
        make_coach_db(data)
    ctx = open_context(data)
    set_setting(ctx, "coach_mode", True)
    set_setting(ctx, "welcomed", True)  # a coach who has used the app: it opens on the squad
    close_context(ctx)


def returning_runner(data: Path) -> None:
    """A welcomed runner with a history whose newest plan has run out: the first screen is the check-in form."""
    from datetime import date, timedelta

    from recovery_planner.services.checkins import save_check_in
    from recovery_planner.services.session import close_context, open_context, start_state
    from recovery_planner.services.settings import save_settings

    ctx = open_context(data)
    athlete_id = start_state(ctx).value.athlete_id
    save_settings(ctx, {"welcomed": True, "runner_sex": "female"}, athlete_id, {"body_mass_kg": 58.0})
    last = date.today() - timedelta(days=9)
    for n in range(40):
        day = last - timedelta(days=2 * (39 - n))
        pain = 1 + n % 4
        check_in = {
            "date": day.isoformat(),
            "areas": [{"region": "calf", "side": "left", "pain": pain, "kind": "soreness", "hours_since_run": 20}],
            "wellbeing": {"sleep_hours": 7, "fatigue": 3},
            "load": {"acute_km_7d": 35, "chronic_km_per_week_28d": 34},
        }
        save_check_in(ctx, athlete_id, check_in, 7)
    close_context(ctx)


def main() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RECOVERY_PLANNER_REPORT_PAINT="1")
    # As installed (pip and the bundle ship compiled bytecode): with PYTHONDONTWRITEBYTECODE every run would
    # recompile the app's modules, which an empty window does not have.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = int(option("--runs") or 11)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(option("--db") or Path(tmp) / "data")
        if "--coach-db" in sys.argv:
            coach_db(data)
            label = "200-athlete x 3-year database, coach mode"
        elif "--runner" in sys.argv:
            returning_runner(data)
            label = "returning runner, check-in form first"
        else:
            label = "empty data folder"
        app_cmd = [sys.executable, "-m", "recovery_planner", "--data-dir", str(data), "--quit-after-first-paint"]
        timed(app_cmd, env)  # first run creates the folder and warms the disk cache
        empty, app = [], []
        for _ in range(runs):  # interleaved, so drifting machine load hits both alike
            empty.append(timed([sys.executable, "-c", EMPTY], env))
            app.append(timed(app_cmd, env))
    base = statistics.median(r[0] for r in empty)
    for what, i in (("first paint", 0), ("ready", 1), ("exit", 2)):
        a = statistics.median(r[i] for r in app)
        e = statistics.median(r[i] for r in empty)
        print(
            f"start to {what} ({label}), median of {runs}: empty QMainWindow {e * 1000:.0f} ms, "
            f"Recovery Planner {a * 1000:.0f} ms, ratio to the empty window's first paint {a / base:.2f}"
            + (" (target <= 2.0)" if what == "ready" else "")
        )


if __name__ == "__main__":
    main()
