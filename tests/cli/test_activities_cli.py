"""`recovery-planner activities import|list`, run as the real CLI on a tmp data folder."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.formats.conftest import fixture
from tests.formats.hostile import billion_laughs_gpx, external_entity_gpx

MAX_SECONDS, MAX_RSS_MB = 5.0, 200


# The command runs under a small launcher that reports its child's peak memory: a child forked straight from
# pytest would count pytest's own resident set (the kernel keeps the peak across fork and exec).
LAUNCHER = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[2:]); "
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
    "sys.exit(done.returncode)"
)


def run(data_dir: Path, *args: str) -> tuple[subprocess.CompletedProcess, float, float]:
    """The command's result, its wall time in seconds and its own peak memory (resident set) in MB."""
    env = {k: v for k, v in os.environ.items() if k != "RECOVERY_PLANNER_HOME"}
    env["RECOVERY_PLANNER_HOME"] = str(data_dir.parent / "never-used")
    peak_file = data_dir.parent / "peak-rss"
    command = [sys.executable, "-m", "recovery_planner", *args, "--data-dir", str(data_dir)]
    t0 = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", LAUNCHER, str(peak_file), *command], capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - t0
    peak = int(peak_file.read_text())
    return result, seconds, peak / 2**20 if sys.platform == "darwin" else peak / 1024


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    assert run(d, "athletes", "add", "Ana Lopez")[0].returncode == 0
    return d


def listed(data_dir: Path) -> list[dict]:
    out = run(data_dir, "activities", "list", "--athlete", "Ana Lopez", "--format", "json")[0]
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_import_then_list_json_and_csv(data_dir):
    files = [fixture("fit", "garmin-fenix-5-run.fit"), fixture("tcx", "sup_activity_1.tcx")]
    out = run(data_dir, "activities", "import", *map(str, files), "--athlete", "Ana Lopez")[0]
    assert out.returncode == 0, out.stderr
    assert out.stdout == "" and "2 new activities imported" in out.stderr
    rows = listed(data_dir)
    assert [(r["sport"], r["source"]) for r in rows] == [
        ("running", "garmin-fenix-5-run.fit"),
        ("other", "sup_activity_1.tcx"),
    ]
    assert rows[0]["start"] == "2017-06-11T14:34:09+00:00"
    assert rows[0]["distance_km"] == pytest.approx(0.158, abs=0.001) and rows[0]["duration_s"] == 56.9
    csv_out = run(data_dir, "activities", "list", "--athlete", "Ana Lopez", "--format", "csv")[0]
    table = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert list(table[0]) == ["start", "sport", "distance_km", "duration_s", "source"]
    assert [r["sport"] for r in table] == ["running", "other"]


def test_a_truncated_file_exits_2_and_stores_nothing(data_dir):
    good, cut = fixture("fit", "garmin-fenix-5-run.fit"), fixture("fit", "activity-unexpected-eof.fit")
    out = run(data_dir, "activities", "import", str(good), str(cut), "--athlete", "Ana Lopez")[0]
    assert out.returncode == 2
    assert "Nothing was imported" in out.stderr and "activity-unexpected-eof.fit: is cut off" in out.stderr
    assert "Traceback" not in out.stderr
    assert listed(data_dir) == []


def test_unknown_athlete_exits_2(data_dir):
    out = run(data_dir, "activities", "list", "--athlete", "Nobody")[0]
    assert out.returncode == 2 and out.stdout == ""


@pytest.mark.parametrize("make", [billion_laughs_gpx, external_entity_gpx], ids=["billion-laughs", "xxe"])
def test_hostile_gpx_is_refused_quickly_and_small(data_dir, tmp_path, make):
    path = tmp_path / "evil.gpx"
    path.write_bytes(make())
    out, seconds, rss_mb = run(data_dir, "activities", "import", str(path), "--athlete", "Ana Lopez")
    assert out.returncode == 2 and "refused for safety" in out.stderr
    assert "root:" not in out.stderr  # nothing of /etc/passwd
    assert seconds < MAX_SECONDS and rss_mb < MAX_RSS_MB, (seconds, rss_mb)
    assert listed(data_dir) == []


def test_a_200_mb_file_is_refused_by_its_size(data_dir, tmp_path):
    path = tmp_path / "huge.gpx"
    with open(path, "wb") as fh:
        fh.truncate(200 * 2**20)
    out, seconds, rss_mb = run(data_dir, "activities", "import", str(path), "--athlete", "Ana Lopez")
    assert out.returncode == 2 and "larger than the 64 MB limit" in out.stderr
    assert seconds < MAX_SECONDS and rss_mb < MAX_RSS_MB, (seconds, rss_mb)
