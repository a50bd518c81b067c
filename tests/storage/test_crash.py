"""Crash safety: SIGKILL a writer at random moments; every acknowledged check-in must survive."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from recovery_planner.storage import Repository
from recovery_planner.storage.filestore import load_file
from recovery_planner.storage.paths import iter_data_files
from tests.benchmarks.make_coach_db import make_coach_db

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 51
PARALLEL = 3  # writers run side by side, as the app and the CLI may: the lock is exercised too


def _run_and_kill(data_dir: Path, seed: int, rng: random.Random) -> list[str]:
    """Start a writer, kill it with SIGKILL at a random moment; return the lines it acknowledged."""
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acked: list[str] = []
    first = threading.Event()

    def read() -> None:
        for line in proc.stdout:
            acked.append(line.strip())
            first.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 0.4))  # sometimes while it is still starting or opening
    else:
        first.wait(timeout=20)
        time.sleep(rng.uniform(0.0, 0.15))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=20)
    reader.join(timeout=20)
    err = proc.stderr.read()
    proc.stderr.close()
    assert "Traceback" not in err, err
    return acked


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_never_loses_an_acknowledged_check_in(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    info = make_coach_db(data_dir, athletes=24, days=100, end=date(2024, 12, 31))
    assert info.checkins >= 2000
    acked: list[str] = []

    def worker(w: int) -> None:
        rng = random.Random(1234 + w)
        for i in range(w, KILLS, PARALLEL):
            acked.extend(_run_and_kill(data_dir, i, rng))

    with ThreadPoolExecutor(PARALLEL) as pool:
        list(pool.map(worker, range(PARALLEL)))
    assert len(acked) > KILLS  # the writers did get work done between kills

    for rel in iter_data_files(data_dir):  # every file loads
        load_file(data_dir / rel)
    leftovers = list(data_dir.rglob("*.tmp"))
    repo = Repository.open(data_dir)
    stored: dict[str, set[str]] = {a.id: {r.id for r in repo.history(a.id)} for a in repo.list_athletes()}
    assert sum(len(v) for v in stored.values()) >= info.checkins + len(acked)
    for line in acked:
        athlete_id, checkin_id = line.split()
        assert checkin_id in stored[athlete_id], f"acknowledged check-in {checkin_id} was lost"
        assert repo.get_plan(athlete_id, checkin_id) is not None
    # Orphan temp files from killed writers are cleaned by the next writer.
    a = repo.list_athletes()[0]
    repo.add_check_in(a.id, *_any_plan())
    assert not [p for p in (data_dir / "athletes").rglob("*.tmp") if p.parent.name == a.id]
    assert all(p.name.startswith(".") for p in leftovers)


def _any_plan():
    from .conftest import planned

    return planned(date(2024, 6, 1))
