"""`export` and `checkin import`, run as the real command line on tmp data folders (PDF drawn offscreen)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from recovery_planner.formats.exchange import checksum

from ..formats.plans import vignette_check_in

TODAY = date.today().isoformat()


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("RECOVERY_PLANNER_HOME", "DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command line must manage without a screen on its own
    env["RECOVERY_PLANNER_HOME"] = str(data_dir.parent / "never-used")
    return subprocess.run(
        [sys.executable, "-m", "recovery_planner", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    files = (p for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock"))
    return {str(p.relative_to(folder)): p.read_bytes() for p in files if p.relative_to(folder).parts[0] != "logs"}


@pytest.fixture
def runner(tmp_path: Path) -> Path:
    """A data folder with Ana and one check-in (shin pain that needs a physio) made today."""
    data = tmp_path / "runner"
    assert run(data, "athletes", "add", "Ana López", "--experience", "intermediate").returncode == 0
    f = tmp_path / "c.json"
    f.write_text(json.dumps({**vignette_check_in("V03"), "date": TODAY}))
    added = run(data, "checkin", "add", str(f), "--athlete", "Ana López")
    assert added.returncode == 0, added.stderr
    return data


def test_export_every_format(runner: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("pdf", "ics", "csv", "checkin"):
        done = run(runner, "export", "--athlete", "ana lópez", "--format", fmt, "--to", str(out))
        assert done.returncode == 0, done.stderr
        assert done.stdout == "" and done.stderr.startswith("Saved to ")
    files = {p.suffix: p for p in out.iterdir()}
    assert set(files) == {".pdf", ".ics", ".csv", ".json"}
    reader = PdfReader(files[".pdf"])
    assert len(reader.pages) >= 2 and "Recovery plan for Ana López" in reader.pages[0].extract_text().replace("\t", " ")
    assert len(list(Calendar.from_ical(files[".ics"].read_bytes()).walk("VEVENT"))) == 7
    assert files[".csv"].read_bytes().startswith(b"\xef\xbb\xbfdate,running,activity,regions,dose,done\r\n")
    assert json.loads(files[".json"].read_text(encoding="utf-8"))["format"] == "recovery-planner-checkin"


def test_bad_export_requests_exit_2(runner: Path, tmp_path: Path) -> None:
    for args, words in (
        (("--athlete", "Nobody", "--format", "csv", "--to", str(tmp_path / "x.csv")), "Nobody"),
        (("--athlete", "Ana López", "--format", "csv", "--to", str(tmp_path / "no" / "x.csv")), "not an existing"),
        (("--athlete", "Ana López", "--format", "ics", "--to", str(tmp_path / "x.ics"), "--checkin", "nope"), "nope"),
    ):
        failed = run(runner, "export", *args)
        assert failed.returncode == 2 and words in failed.stderr and "Traceback" not in failed.stderr
    assert not list(tmp_path.glob("x.*"))


def test_import_once_into_another_folder_and_refuse_hostile_files(runner: Path, tmp_path: Path) -> None:
    file = tmp_path / "ana.checkin.json"
    assert run(runner, "export", "--athlete", "Ana López", "--format", "checkin", "--to", str(file)).returncode == 0
    coach = tmp_path / "coach"
    assert run(coach, "athletes", "add", "Ana").returncode == 0
    payload = json.loads(file.read_text(encoding="utf-8"))
    pain14 = json.loads(json.dumps(payload))
    pain14["check_in"]["areas"][0]["pain"] = 14
    pain14["checksum"] = checksum(pain14)
    tampered = json.loads(json.dumps(payload))
    tampered["check_in"]["areas"][0]["pain"] = 1
    hostile = {
        "big.json": (b"{" + b" " * (2 * 1024 * 1024) + b"}", "larger than 1 MB"),
        "v9.json": (json.dumps({**payload, "version": 9}).encode(), "newer Recovery Planner"),
        "tampered.json": (json.dumps(tampered).encode(), "checksum does not match"),
        "broken.json": (file.read_bytes()[:100], "not valid JSON"),
        "pain14.json": (json.dumps(pain14).encode(), "check_in.areas[0].pain: must be 0-10, got 14"),
    }
    before = snapshot(coach)
    for name, (data, words) in hostile.items():
        (tmp_path / name).write_bytes(data)
        refused = run(coach, "checkin", "import", str(tmp_path / name), "--athlete", "Ana")
        assert refused.returncode == 2, (name, refused.stderr)
        assert words in refused.stderr and "Traceback" not in refused.stderr and refused.stdout == ""
        assert snapshot(coach) == before, name
    first = run(coach, "checkin", "import", str(file), "--athlete", "Ana")
    assert first.returncode == 0, first.stderr
    assert "made for Ana López" in first.stderr and first.stdout.strip().startswith(TODAY)
    again = run(coach, "checkin", "import", str(file), "--athlete", "Ana")
    assert again.returncode == 0 and "already stored" in again.stderr and again.stdout == first.stdout
    history = json.loads(run(coach, "history", "--athlete", "Ana", "--format", "json").stdout)
    assert len(history) == 1 and history[0]["plan"]["referral"]["urgency"] == "prompt"
