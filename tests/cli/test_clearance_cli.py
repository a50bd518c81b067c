"""`clearance add|list` and the roster's hold, through the real command line on a real data folder."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from tests.cli.test_same_plan_both_paths import cli, cli_history
from tests.services.test_holds_service import clean, clot_warning

DAY = date(2026, 3, 2)


def _run(folder: Path, *args: str, stdin: str = "") -> tuple[int, str]:
    return cli(*args, "--data-dir", str(folder), stdin=stdin)


def _check_in(folder: Path, data: dict) -> None:
    code, out = _run(folder, "checkin", "add", "-", "--athlete", "Ana", stdin=json.dumps(data))
    assert code == 0 and out.strip()


def _latest(folder: Path) -> dict:
    code, out = _run(folder, "athletes", "list", "--format", "json")
    assert code == 0
    return json.loads(out)[0]["latest"]


def test_a_clearance_recorded_on_the_command_line_lifts_the_hold(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert _run(folder, "athletes", "add", "Ana", "--experience", "intermediate", "--mass", "82")[0] == 0
    _check_in(folder, clot_warning(DAY))
    _check_in(folder, clean(DAY))  # the same day: the hold stays
    latest = _latest(folder)
    assert latest["urgency"] == "urgent"
    assert latest["hold"] == {
        "reason": latest["hold"]["reason"],
        "rule": "E2",
        "since": "2026-03-02",
        "urgency": "urgent",
    }
    assert latest["hold"]["reason"]
    assert cli_history(folder, "Ana")[-1]["plan"]["plan_suppressed"]

    code, out = _run(folder, "clearance", "add", "--athlete", "Ana", "--by", "Dr Jo Smith", "--date", "2026-03-03",
                     "--note", "Ultrasound clear")  # fmt: skip
    assert code == 0 and len(out.split()) == 1  # the id only
    assert _latest(folder)["hold"] is None
    code, out = _run(folder, "clearance", "list", "--athlete", "Ana", "--format", "json")
    [listed] = json.loads(out)
    assert (listed["on"], listed["by"], listed["note"]) == ("2026-03-03", "Dr Jo Smith", "Ultrasound clear")
    code, text = _run(folder, "clearance", "list", "--athlete", "Ana")
    assert code == 0 and "2026-03-03" in text and "Dr Jo Smith" in text

    _check_in(folder, clean(DAY + timedelta(days=4)))
    plan = cli_history(folder, "Ana")[-1]["plan"]
    assert "RTR7" in plan["rules_fired"] and not plan["plan_suppressed"]
    assert all(d["running"] in ("none", "easy") for d in plan["days"])
    assert _latest(folder)["hold"] is None and _latest(folder)["urgency"] == "none"


def test_bad_clearances_exit_2_and_save_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _run(folder, "athletes", "add", "Ana")
    _check_in(folder, clot_warning(DAY))
    cases = [
        ("--by", " "),
        ("--by", "Dr X", "--date", "2026-03-01"),  # before the hold began
        ("--by", "Dr X", "--date", "2999-01-01"),  # in the future
        ("--by", "Dr X", "--note", "x" * 6000),
    ]
    for extra in cases:
        code, out = _run(folder, "clearance", "add", "--athlete", "Ana", *extra)
        assert code == 2 and out == "", extra
    assert _run(folder, "clearance", "add", "--athlete", "Nobody", "--by", "Dr X")[0] == 2
    code, out = _run(folder, "clearance", "list", "--athlete", "Ana", "--format", "json")
    assert code == 0 and json.loads(out) == []
    assert _latest(folder)["hold"]["rule"] == "E2"
