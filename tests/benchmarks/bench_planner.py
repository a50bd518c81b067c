"""Planner speed: median time for one 7-day plan, and a 1,000-check-in batch through the CLI end to end.

Run: .venv/bin/python tests/benchmarks/bench_planner.py   (targets: <= 1 ms per plan, <= 3 s per batch)
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "tests" / "domain"))
CASES = json.loads((ROOT / "tests" / "data" / "vignettes.json").read_text())


def random_check_in(rng: random.Random) -> dict:
    case = rng.choice(CASES)["check_in"]
    data = json.loads(json.dumps(case))
    for area in data["areas"]:
        area["pain"] = rng.randint(0, 10)
    return data


def main() -> None:
    rng = random.Random(1)
    check_ins = [parse_check_in(random_check_in(rng), date(2026, 3, 2)) for _ in range(2000)]
    for c in check_ins[:200]:
        build_plan(c)
    times = []
    for c in check_ins:
        t0 = time.perf_counter()
        build_plan(c).to_dict()
        times.append(time.perf_counter() - t0)
    median_ms = statistics.median(times) * 1000
    print(
        f"one 7-day plan (build + to_dict): median {median_ms:.3f} ms, p95 "
        f"{sorted(times)[int(len(times) * 0.95)] * 1000:.3f} ms  (target <= 1 ms: "
        f"{median_ms / 1.0:.2f}x of budget)"
    )

    batch = [random_check_in(rng) for _ in range(1000)]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(batch, fh)
    walls = []
    for _ in range(3):
        t0 = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "recovery_planner", "plan", fh.name], capture_output=True)
        walls.append(time.perf_counter() - t0)
        assert p.returncode == 0, p.stderr[-500:]
    wall = statistics.median(walls)
    print(
        f"1,000-check-in batch through the CLI: median {wall:.2f} s wall over 3 runs "
        f"(target <= 3 s: {wall / 3.0:.2f}x of budget)"
    )


if __name__ == "__main__":
    main()
