"""Driving the fault-injection runner: kill a command at each fsync and rename in turn, check after each."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .faulty_cli import FAULT_EXIT

RUNNER = Path(__file__).with_name("faulty_cli.py")
MAX_POINTS = 400


def run_faulty(kind: str, n: int, data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "RECOVERY_PLANNER_HOME"}
    env["RECOVERY_PLANNER_HOME"] = str(data_dir.parent / "never-used")
    return subprocess.run(
        [sys.executable, str(RUNNER), kind, str(n), *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def kill_at_every_point(
    kind: str,
    template: Path,
    work: Path,
    args: list[str],
    check: Callable[[Path, subprocess.CompletedProcess, bool], None],
) -> int:
    """For N = 1, 2, ...: copy ``template`` to ``work``, run the command killed at its Nth ``kind`` call and
    ``check(data_dir, result, killed)``; stops after the first run that is not killed. Returns the number of
    kill points."""
    for n in range(1, MAX_POINTS):
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(template, work, symlinks=True)
        out = run_faulty(kind, n, work, *args)
        killed = out.returncode == FAULT_EXIT
        assert "Traceback" not in out.stderr, out.stderr
        check(work, out, killed)
        if not killed:
            return n - 1
    raise AssertionError(f"the command made more than {MAX_POINTS} {kind} calls")
