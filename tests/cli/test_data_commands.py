"""The data commands, run as the real CLI (`python -m recovery_planner ...`) on a tmp data folder."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKIN = {"date": "2024-05-02", "areas": [{"region": "calf", "side": "left", "pain": 6, "kind": "sharp"}]}


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "RECOVERY_PLANNER_HOME"}
    env["RECOVERY_PLANNER_HOME"] = str(data_dir.parent / "never-used")
    return subprocess.run(
        [sys.executable, "-m", "recovery_planner", *args, "--data-dir", str(data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    assert run(d, "athletes", "add", "Ana Lopez", "--experience", "intermediate", "--mass", "58").returncode == 0
    return d


def test_athletes_add_and_list(data_dir: Path) -> None:
    out = run(data_dir, "athletes", "list")
    assert out.returncode == 0 and "Ana Lopez" in out.stdout and "no check-ins yet" in out.stdout
    dup = run(data_dir, "athletes", "add", "ana lopez")
    assert dup.returncode == 2 and "already exists" in dup.stderr and "Traceback" not in dup.stderr
    bad = run(data_dir, "athletes", "add", "Ben", "--mass", "400")
    assert bad.returncode == 2 and "body mass" in bad.stderr
    listed = json.loads(run(data_dir, "athletes", "list", "--format", "json").stdout)
    assert [a["name"] for a in listed] == ["Ana Lopez"] and listed[0]["body_mass_kg"] == 58
    assert not (data_dir.parent / "never-used").exists()


def test_checkin_add_then_history_in_every_format(data_dir: Path, tmp_path: Path) -> None:
    f = tmp_path / "c.json"
    f.write_text(json.dumps(CHECKIN))
    first = run(data_dir, "checkin", "add", str(f), "--athlete", "ana lopez")
    assert first.returncode == 0, first.stderr
    second = run(
        data_dir, "checkin", "add", "-", "--athlete", "Ana Lopez", stdin=json.dumps({**CHECKIN, "date": "2024-05-01"})
    )
    ids = [first.stdout.strip(), second.stdout.strip()]
    assert ids[0].startswith("2024-05-02-") and ids[1].startswith("2024-05-01-")
    hist = json.loads(run(data_dir, "history", "--athlete", "Ana Lopez", "--format", "json").stdout)
    assert [h["id"] for h in hist] == ids[::-1]
    assert hist[1]["check_in"]["areas"][0]["pain"] == 6 and hist[1]["plan"]["start"] == "2024-05-02"
    assert hist[1]["check_in"]["athlete"]["experience"] == "intermediate"  # filled from the profile
    rows = list(
        csv.DictReader(io.StringIO(run(data_dir, "history", "--athlete", "Ana Lopez", "--format", "csv").stdout))
    )
    assert [r["id"] for r in rows] == ids[::-1] and rows[1]["worst_region"] == "calf"
    text = run(data_dir, "history", "--athlete", "Ana Lopez").stdout
    assert ids[0] in text
    assert "last check-in 2024-05-02" in run(data_dir, "athletes", "list").stdout


@pytest.mark.parametrize(
    "stdin, message",
    [
        ('{"date": ', "not valid JSON"),
        (json.dumps({"areas": [{"region": "calf", "side": "up", "pain": 16, "kind": "sharp"}]}), "areas[0].side"),
        ("", "empty"),
    ],
)
def test_bad_check_in_exits_2_and_writes_nothing(data_dir: Path, stdin: str, message: str) -> None:
    out = run(data_dir, "checkin", "add", "-", "--athlete", "Ana Lopez", stdin=stdin)
    assert out.returncode == 2 and message in out.stderr and out.stdout == ""
    assert "Traceback" not in out.stderr
    assert json.loads(run(data_dir, "history", "--athlete", "Ana Lopez", "--format", "json").stdout) == []


def test_unknown_athlete_exits_2(data_dir: Path) -> None:
    out = run(data_dir, "checkin", "add", "-", "--athlete", "Zed", stdin=json.dumps(CHECKIN))
    assert out.returncode == 2 and "No athlete called 'Zed'" in out.stderr


def test_damaged_file_exits_3_then_restore_repairs(data_dir: Path) -> None:
    assert run(data_dir, "checkin", "add", "-", "--athlete", "Ana Lopez", stdin=json.dumps(CHECKIN)).returncode == 0
    backup = run(data_dir, "backup")
    assert backup.returncode == 0 and "Backup saved" in backup.stderr
    assert Path(backup.stdout.strip()).is_dir()  # stdout: only the backup's folder
    shard = next((data_dir / "athletes").glob("*/checkins-2024-05.json"))
    shard.write_bytes(shard.read_bytes()[:40])
    out = run(data_dir, "history", "--athlete", "Ana Lopez")
    assert out.returncode == 3 and str(shard) in out.stderr and "restore" in out.stderr
    assert "Traceback" not in out.stderr
    fixed = run(data_dir, "restore")
    assert fixed.returncode == 0 and "Restored" in fixed.stderr and fixed.stdout == ""
    assert len(json.loads(run(data_dir, "history", "--athlete", "Ana Lopez", "--format", "json").stdout)) == 1


def test_backup_list_export_and_restore_from_zip(data_dir: Path, tmp_path: Path) -> None:
    zip_path = tmp_path / "move.zip"
    out = run(data_dir, "backup", "--to", str(zip_path))
    assert out.returncode == 0 and zip_path.exists()
    assert "manual" not in run(data_dir, "backup", "--list").stdout
    other = tmp_path / "other-computer"
    restored = run(other, "restore", "--from", str(zip_path))
    assert restored.returncode == 0, restored.stderr
    assert "Ana Lopez" in run(other, "athletes", "list").stdout
    missing = run(other, "restore", "--from", str(tmp_path / "nope.zip"))
    assert missing.returncode == 2 and "No backup at" in missing.stderr
