"""The command line and the app store the same plan for the same check-ins (one path: services.checkins)."""

from __future__ import annotations

import io
import json
import sys
import tempfile
from contextlib import redirect_stdout
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_planner.cli.main import main as cli_main
from recovery_planner.domain.checkin import KINDS, TRENDS
from recovery_planner.services import athletes, checkins, queries
from recovery_planner.services.session import close_context, open_context

BASE = date(2026, 3, 2)
PROFILE = {"experience": "intermediate", "body_mass_kg": 61.0, "age": 34}


def cli(*args: str, stdin: str = "") -> tuple[int, str]:
    """Run the real command line in this process; returns (exit code, standard output)."""
    out, old_stdin = io.StringIO(), sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out):
            code = cli_main(list(args))
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue()


def cli_history(folder: Path, name: str) -> list[dict]:
    code, out = cli("history", "--athlete", name, "--format", "json", "--data-dir", str(folder))
    assert code == 0
    return json.loads(out)


def store_through_cli(folder: Path, history: list[dict], days: int) -> list[dict]:
    code, _ = cli("--data-dir", str(folder), "athletes", "add", "Ana", "--experience", "intermediate", "--mass", "61")
    assert code == 0
    for check_in in history:
        code, out = cli(
            "checkin", "add", "-", "--athlete", "Ana", "--days", str(days), "--data-dir", str(folder),
            stdin=json.dumps(check_in),
        )  # fmt: skip
        assert code == 0 and out.strip()
    return [h["plan"] for h in cli_history(folder, "Ana")]


def store_through_app(folder: Path, history: list[dict], days: int) -> list[dict]:
    """What the main window does on "Show my plan": the service call with the form's check-in."""
    ctx = open_context(folder)
    try:
        athlete = athletes.add_athlete(ctx, "Ana", experience="intermediate", body_mass_kg=61).value.id
        for check_in in history:
            checkins.save_check_in(ctx, athlete, check_in, days)
        return [queries.stored_plan(ctx, athlete, r.id) for r in queries.history_records(ctx, athlete)]
    finally:
        close_context(ctx)


@st.composite
def area(draw: st.DrawFn) -> dict:
    out = {
        "region": draw(st.sampled_from(("knee", "calf", "quadriceps", "shin"))),
        "side": draw(st.sampled_from(("left", "both"))),
        "pain": draw(st.integers(0, 10)),
        "kind": draw(st.sampled_from(KINDS)),
    }
    if draw(st.booleans()):
        out["trend"] = draw(st.sampled_from(TRENDS))
    if draw(st.booleans()):
        out["days_since_onset"] = draw(st.integers(0, 20))
    return out


@st.composite
def athlete_history(draw: st.DrawFn) -> list[dict]:
    """1-6 check-ins on non-decreasing dates (same-day re-plans included), some with their own athlete block."""
    day, out = BASE, []
    for _ in range(draw(st.integers(1, 6))):
        day += timedelta(days=draw(st.sampled_from((0, 1, 1, 1, 2, 4, 9))))
        check_in = {"date": day.isoformat(), "areas": draw(st.lists(area(), min_size=1, max_size=2))}
        if draw(st.integers(0, 3)) == 0:
            check_in["athlete"] = {"experience": draw(st.sampled_from(("beginner", "advanced")))}
        if draw(st.booleans()):
            check_in["wellbeing"] = {"hot_weather": draw(st.booleans()), "sleep_hours": 7, "fatigue": 3}
        out.append(check_in)
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=athlete_history(), days=st.sampled_from((3, 7, 14)))
def test_plan_stored_by_the_cli_equals_the_plan_stored_by_the_app(history: list[dict], days: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        through_cli = store_through_cli(Path(tmp) / "cli", history, days)
        through_app = store_through_app(Path(tmp) / "app", history, days)
    assert len(through_cli) == len(through_app) == len(history)
    for stored_cli, stored_app in zip(through_cli, through_app, strict=True):
        assert stored_cli is not None and stored_cli == stored_app


def test_knee_worse_twice_holds_running_whichever_tool_saved_it(tmp_path: Path) -> None:
    """The review's case: left knee 1, then 2, then 3 on three days in a row."""
    knee = {"region": "knee", "side": "left", "kind": "aching"}
    history = [
        {"date": (BASE + timedelta(days=i)).isoformat(), "areas": [{**knee, "pain": p}]}
        for i, p in enumerate((1, 2, 3))
    ]
    through_cli = store_through_cli(tmp_path / "cli", history, 7)
    third = through_cli[-1]
    assert third["referral"]["urgency"] == "prompt" and third["no_running_until_cleared"]
    assert all(d["running"] == "none" for d in third["days"]) and "P5b" in third["rules_fired"]
    assert through_cli == store_through_app(tmp_path / "app", history, 7)
