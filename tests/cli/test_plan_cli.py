"""The `plan` command end to end: real process, JSON in, plan out, clear errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

CASES = json.loads((Path(__file__).parents[1] / "data" / "vignettes.json").read_text())


def run(args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "recovery_planner", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


def test_one_check_in_gives_one_plan_object():
    p = run(["plan", "-", "--format", "json"], json.dumps(CASES[0]["check_in"]))
    assert p.returncode == 0, p.stderr
    plan = json.loads(p.stdout)
    assert plan["start"] == "2026-03-02" and len(plan["days"]) == 7


def test_batch_gives_a_list_in_order(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([c["check_in"] for c in CASES]))
    p = run(["plan", str(path), "--days", "3"])
    assert p.returncode == 0, p.stderr
    plans = json.loads(p.stdout)
    assert len(plans) == len(CASES)
    assert [pl["plan_suppressed"] for pl in plans] == [c["expected"]["plan_suppressed"] for c in CASES]
    assert all(len(pl["days"]) in (0, 3) for pl in plans)


def test_text_format_is_readable():
    v04 = next(c for c in CASES if c["id"] == "V04")["check_in"]
    p = run(["plan", "-", "--format", "text"], json.dumps(v04))
    assert p.returncode == 0
    assert "No running" in p.stdout and "not medical advice" in p.stdout
    assert "Before running again" in p.stdout


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("{nope", "not valid JSON (line 1"),
        ("", "is empty"),
        ("42", "a check-in must be a JSON object"),
        (
            json.dumps({"areas": [{"region": "calf", "side": "left", "pain": 14, "kind": "aching"}]}),
            "areas[0].pain: must be 0-10, got 14",
        ),
        (json.dumps({"areas": [{"region": "elbow", "side": "left", "pain": 3, "kind": "aching"}]}), "areas[0].region"),
        (json.dumps([{"areas": []}, {"areas": "x"}]), "[1].areas: must be a list"),
    ],
)
def test_bad_input_exits_2_with_the_field_named(stdin, message):
    p = run(["plan", "-"], stdin)
    assert p.returncode == 2
    assert message in p.stderr
    assert "Traceback" not in p.stderr and p.stdout == ""


def test_missing_file_and_bad_days(tmp_path):
    p = run(["plan", str(tmp_path / "nope.json")])
    assert p.returncode == 2 and "no such file" in p.stderr
    p = run(["plan", "-", "--days", "30"], "{}")
    assert p.returncode == 2 and "--days: must be 3-14" in p.stderr


def test_plan_command_does_not_load_qt():
    code = (
        "import sys, io, json; sys.stdin = io.StringIO('{}'); from recovery_planner.app import main; "
        "main(['plan', '-']); assert 'PySide6' not in sys.modules, 'Qt imported'"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr


def test_every_subcommand_is_known_to_the_fast_app_path():
    from recovery_planner.cli.app_options import COMMANDS
    from recovery_planner.cli.main import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)


def test_app_start_reports_unopenable_data_folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "index.json").write_text('{"_meta": {"1": {"format": 99}}, "athletes": {}}')
    p = subprocess.run(
        [sys.executable, "-m", "recovery_planner", "--data-dir", str(folder), "--quit-after-first-paint"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert p.returncode in (0, 3), p.stderr
    assert "Traceback" not in p.stderr
