"""services.checkins.save_check_in: the history's holds and not-settling report reach the stored plan."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from recovery_planner.domain.checkin import CheckInError
from recovery_planner.services import athletes, checkins, queries
from recovery_planner.services.session import open_context

DAY = date(2026, 3, 2)
CLOT = {
    "areas": [{"region": "calf", "side": "left", "pain": 3, "kind": "aching", "mechanism": "none"}],
    "symptoms": {"recent_long_travel_h": 9},
}


def ctx_on(folder: Path, day: date):
    return open_context(folder, clock=lambda: datetime.combine(day, time(12)).astimezone())


def test_an_open_hold_keeps_the_next_days_plan_from_allowing_running(tmp_path: Path) -> None:
    ctx = ctx_on(tmp_path / "data", DAY)
    athlete = athletes.add_athlete(ctx, "Sam", experience="intermediate", body_mass_kg=70).value.id
    first = checkins.save_check_in(ctx, athlete, {"date": DAY.isoformat(), **CLOT}, 7).value
    assert first.plan["referral"]["urgency"] == "urgent"
    clean = {"date": (DAY + timedelta(days=1)).isoformat(), "areas": []}
    later = checkins.save_check_in(ctx, athlete, clean, 7)
    assert later.value.plan["referral"]["urgency"] == "urgent" and later.value.plan["no_running_until_cleared"]
    assert later.changes.plans and later.changes.check_ins and later.changes.athlete_id == athlete
    assert queries.stored_plan(ctx, athlete, later.value.record.id) == later.value.plan


def test_an_invalid_check_in_stores_nothing(tmp_path: Path) -> None:
    ctx = ctx_on(tmp_path / "data", DAY)
    athlete = athletes.add_athlete(ctx, "Sam").value.id
    with pytest.raises(CheckInError):
        checkins.save_check_in(ctx, athlete, {"areas": [{"region": "calf", "side": "up", "pain": 14}]}, 7)
    assert queries.history_records(ctx, athlete) == []


def test_the_check_in_is_dated_by_the_context_clock(tmp_path: Path) -> None:
    ctx = ctx_on(tmp_path / "data", DAY)
    athlete = athletes.add_athlete(ctx, "Sam").value.id
    ctx.clock = lambda: datetime.combine(DAY + timedelta(days=1), time(0, 5)).astimezone()  # past midnight
    saved = checkins.save_check_in(ctx, athlete, {"areas": []}, 7).value
    assert saved.record.date == DAY + timedelta(days=1)


def test_the_theme_of_an_old_window_ini_moves_into_the_settings(tmp_path: Path) -> None:
    from recovery_planner.services.session import start_state

    folder = tmp_path / "data"
    ctx = ctx_on(folder, DAY)
    (folder / "window.ini").write_text("[window]\ntheme=dark\ngeometry=@ByteArray(x)\n", encoding="utf-8")
    state = start_state(ctx).value
    assert state.overview.settings["theme"] == "dark" and not (folder / "window.ini").exists()


def test_a_recorded_clearance_closes_the_hold_for_the_next_plan(tmp_path: Path) -> None:
    ctx = ctx_on(tmp_path / "data", DAY)
    athlete = athletes.add_athlete(ctx, "Sam", experience="intermediate", body_mass_kg=70).value.id
    checkins.save_check_in(ctx, athlete, {"date": DAY.isoformat(), **CLOT}, 7)
    ctx.repo.add_clearance(athlete, by="Dr Okafor", on=DAY + timedelta(days=1), note="scan clear")
    later = checkins.save_check_in(ctx, athlete, {"date": (DAY + timedelta(days=2)).isoformat(), "areas": []}, 7)
    assert later.value.plan["referral"]["urgency"] != "urgent"
