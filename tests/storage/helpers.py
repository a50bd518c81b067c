"""Helpers for the storage tests: run the real CLI on a data folder, make folders really read-only."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKIN = {"date": "2024-05-02", "areas": [{"region": "calf", "side": "left", "pain": 3, "kind": "soreness"}]}


def cli(data_dir: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None):
    """Run ``recovery-planner ARGS --data-dir DATA_DIR`` in a fresh process."""
    full_env = {k: v for k, v in os.environ.items() if k != "RECOVERY_PLANNER_HOME"}
    full_env["RECOVERY_PLANNER_HOME"] = str(data_dir.parent / "never-used")
    full_env["PYTHONPATH"] = str(ROOT)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "recovery_planner", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=full_env,
    )


def checkin_file(tmp_path: Path, **changes: object) -> str:
    f = tmp_path / f"checkin-{len(list(tmp_path.glob('checkin-*')))}.json"
    f.write_text(json.dumps({**CHECKIN, **changes}))
    return str(f)


@contextlib.contextmanager
def read_only(*folders: Path) -> Iterator[None]:
    """Make folders truly unwritable: chmod for a normal user, the immutable attribute for root."""
    if os.geteuid() != 0:
        modes = [f.stat().st_mode for f in folders]
        for f in folders:
            os.chmod(f, 0o500)
        try:
            yield
        finally:
            for f, mode in zip(folders, modes, strict=True):
                os.chmod(f, stat.S_IMODE(mode))
        return
    chattr = shutil.which("chattr")
    done: list[Path] = []
    try:
        for f in folders:
            if chattr is None or subprocess.run([chattr, "+i", str(f)], capture_output=True).returncode != 0:
                pytest.skip("cannot make a folder read-only as root here (no chattr +i)")
            done.append(f)
        yield
    finally:
        for f in done:
            subprocess.run([chattr, "-i", str(f)], capture_output=True)
