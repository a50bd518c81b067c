"""Every command: --data-dir before or after it, stdout only what was asked for, the exit-code table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKIN = {"date": "2024-05-02", "areas": [{"region": "calf", "side": "left", "pain": 2, "kind": "aching"}]}


def rp(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "recovery_planner", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    assert rp("--data-dir", str(d), "athletes", "add", "Ana").returncode == 0
    return d


def test_data_dir_before_or_after_the_command_and_stdout_only_the_answer(folder: Path) -> None:
    before = rp("--data-dir", str(folder), "checkin", "add", "-", "--athlete", "Ana", stdin=json.dumps(CHECKIN))
    after = rp("checkin", "add", "-", "--athlete", "Ana", "--data-dir", str(folder), stdin=json.dumps(CHECKIN))
    for out in (before, after):
        assert out.returncode == 0 and out.stdout.strip().startswith("2024-05-02-")
        assert len(out.stdout.splitlines()) == 1  # the id and nothing else
    archived = rp("athletes", "archive", "Ana", "--data-dir", str(folder))
    assert archived.returncode == 0 and "archived" in archived.stderr and "archived" not in archived.stdout
    empty = rp("athletes", "list", "--data-dir", str(folder))
    assert empty.stdout == "" and "No athletes yet" in empty.stderr


def test_data_written_by_a_newer_version_exits_4(folder: Path) -> None:
    index = folder / "index.json"
    doc = json.loads(index.read_text())
    doc["_meta"]["1"]["schema_version"] = 99
    index.write_text(json.dumps(doc))
    out = rp("athletes", "list", "--data-dir", str(folder))
    assert out.returncode == 4 and "newer version" in out.stderr and out.stdout == ""
    assert "Traceback" not in out.stderr


def test_a_data_folder_that_cannot_be_made_exits_5(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    out = rp("athletes", "add", "Ana", "--data-dir", str(tmp_path / "a-file" / "data"))
    assert out.returncode == 5 and out.stdout == "" and "Traceback" not in out.stderr


def test_usage_errors_exit_2_and_help_shows_the_exit_codes() -> None:
    assert rp("history").returncode == 2  # --athlete is required
    for args in (["--help"], ["history", "--help"], ["checkin", "add", "--help"]):
        out = rp(*args)
        text = " ".join(out.stdout.split())
        assert out.returncode == 0 and "exit codes" in text and "4 the data was written by a newer version" in text
    assert "--quit-after-first-paint" not in rp("--help").stdout  # hidden
