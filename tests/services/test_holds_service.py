"""Holds that last, through the services on a real data folder: a referral stays until a clearance."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.domain.roster import status_text
from recovery_planner.domain.urgency import urgency_rank
from recovery_planner.services import athletes, checkins, clearances, coach, holds, queries
from recovery_planner.services.context import AppContext
from recovery_planner.storage import InvalidRecordError
from recovery_planner.storage.repository import Repository

DAY = date(2026, 3, 2)
ATHLETE = {"experience": "intermediate", "body_mass_kg": 82, "age": 58, "sex": "male"}


def clot_warning(day: date) -> dict:
    """Guidance E2 (vignette P01): a one-sided calf ache three weeks after knee surgery."""
    return {
        "date": day.isoformat(),
        "athlete": ATHLETE,
        "areas": [
            {
                "region": "calf",
                "side": "left",
                "pain": 3,
                "kind": "aching",
                "days_since_onset": 2,
                "trend": "worse",
                "mechanism": "none",
            }
        ],
        "symptoms": {"previous_clot_or_surgery": True, "calf_warmth_redness": False},
    }


def clean(day: date, pain: int = 1, region: str = "quadriceps") -> dict:
    """A mild, improving muscle soreness after a run: on its own, usual or easy training."""
    area = {"region": region, "side": "left", "pain": pain, "kind": "soreness", "hours_since_run": 24}
    return {"date": day.isoformat(), "athlete": ATHLETE, "areas": [{**area, "trend": "better"}]}


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> datetime:
        return datetime(self.day.year, self.day.month, self.day.day, 18, 0, tzinfo=timezone.utc)


def make_ctx(folder: Path, day: date = DAY) -> AppContext:
    return AppContext(Repository.open(folder, auto_backup=False), clock=Clock(day))


@pytest.fixture
def ctx(tmp_path: Path):
    c = make_ctx(tmp_path / "data")
    yield c
    c.repo.close()


def add_ana(ctx: AppContext) -> str:
    return athletes.add_athlete(ctx, "Ana", experience="intermediate", body_mass_kg=82).value.id


def save(ctx: AppContext, athlete_id: str, data: dict, days: int = 7) -> dict:
    ctx.clock.day = max(ctx.clock.day, date.fromisoformat(data["date"]))  # type: ignore[attr-defined]
    return checkins.save_check_in(ctx, athlete_id, data, days).value.plan


def test_a_clean_check_in_later_the_same_day_keeps_the_clot_hold(ctx: AppContext) -> None:
    ana = add_ana(ctx)
    first = save(ctx, ana, clot_warning(DAY))
    assert first["referral"]["urgency"] == "urgent" and first["plan_suppressed"]
    assert build_plan(parse_check_in(clean(DAY), DAY), 7).referral.urgency == "none"  # alone it would be clear
    second = save(ctx, ana, clean(DAY))
    assert second["referral"]["urgency"] == "urgent"
    assert second["plan_suppressed"] and second["no_running_until_cleared"]
    assert second["referral"]["reasons"][0].startswith("Still open since 2 March 2026")
    latest = ctx.repo.get_athlete(ana).latest
    assert latest.urgency == "urgent" and latest.hold["rule"] == "E2" and latest.hold["since"] == "2026-03-02"
    [row] = queries.roster_entries(ctx)
    assert row.hold_open and row.hold_reason == latest.hold["reason"]
    [squad_row] = coach.squad_rows(ctx)
    assert status_text(squad_row).startswith("Held until cleared")


def test_a_clearance_lifts_the_hold_and_the_next_plan_follows_the_graded_return(ctx: AppContext) -> None:
    ana = add_ana(ctx)
    save(ctx, ana, clot_warning(DAY))
    ctx.clock.day = DAY + timedelta(days=2)  # type: ignore[attr-defined]
    result = clearances.add_clearance(ctx, ana, "Dr Jo Smith", note="Scan clear")
    assert result.changes.clearances and result.changes.plans and result.changes.athletes
    assert any("Record a new check-in" in n for n in result.notices)
    assert ctx.repo.get_athlete(ana).latest.hold is None  # the roster no longer shows the hold
    assert not queries.roster_entries(ctx)[0].hold_open
    assert not status_text(coach.squad_rows(ctx)[0]).startswith("Held")
    assert [c.by for c in clearances.clearances(ctx, ana)] == ["Dr Jo Smith"]
    shown = queries.current_plan(ctx, ana).plan
    assert shown is not None and "Record a new check-in" in shown["hold_cleared"]
    assert "hold_cleared" not in queries.stored_plan(ctx, ana, queries.history_records(ctx, ana)[-1].id)
    nxt = save(ctx, ana, clean(DAY + timedelta(days=3)))
    assert not nxt["plan_suppressed"] and "RTR7" in nxt["rules_fired"]
    assert nxt["referral"]["urgency"] == "none"
    assert all(d["running"] in ("none", "easy") for d in nxt["days"])  # the graded return: easy at most
    assert any(s.startswith("Cleared on 4 March 2026 by Dr Jo Smith") for s in nxt["return_to_run"])


@pytest.mark.parametrize(
    ("by", "on", "note", "problem"),
    [
        ("  ", None, "", "Who cleared"),
        ("Dr X", DAY + timedelta(days=1), "", "in the future"),
        ("Dr X", DAY - timedelta(days=1), "", "The hold began on 2 March 2026"),
        ("Dr X", None, "x" * 5001, "characters long"),
    ],
)
def test_a_bad_clearance_is_refused_with_a_plain_message(ctx: AppContext, by, on, note, problem) -> None:
    ana = add_ana(ctx)
    save(ctx, ana, clot_warning(DAY))
    with pytest.raises(InvalidRecordError, match=problem):
        clearances.add_clearance(ctx, ana, by, on, note)
    assert clearances.clearances(ctx, ana) == []
    assert ctx.repo.get_athlete(ana).latest.hold is not None


def test_an_old_planner_plan_with_an_open_referral_becomes_a_hold(ctx: AppContext) -> None:
    """The upgrade: a stored plan made by planner 1.0 (no hold in its summary) still holds."""
    import json

    old = json.loads((Path(__file__).parents[1] / "data" / "plans_planner_1.0.json").read_text())
    plans = old if isinstance(old, list) else list(old.values())
    held = next(p for p in (x.get("plan", x) for x in plans) if urgency_rank(p["referral"]["urgency"]) >= 2)
    ana = add_ana(ctx)
    start = date.fromisoformat(held["start"])
    check_in = parse_check_in(clean(start), start)
    stored_plan = build_plan(check_in, 7)
    ctx.repo.add_check_in(ana, check_in, type(stored_plan).from_dict(held))  # as the old version stored it
    assert ctx.repo.get_athlete(ana).latest.hold is None
    ctx.clock.day = start + timedelta(days=1)  # type: ignore[attr-defined]
    nxt = save(ctx, ana, clean(start + timedelta(days=1)))
    assert urgency_rank(nxt["referral"]["urgency"]) >= urgency_rank(held["referral"]["urgency"])
    assert nxt["no_running_until_cleared"] and all(d["running"] == "none" for d in nxt["days"])
    assert ctx.repo.get_athlete(ana).latest.hold["urgency"] == held["referral"]["urgency"]


def test_the_hold_inputs_skip_plans_before_a_settled_clearance(ctx: AppContext) -> None:
    """The bounded look-back: plans before a clearance whose graded return is over are not read."""
    ana = add_ana(ctx)
    save(ctx, ana, clot_warning(DAY))
    ctx.clock.day = DAY + timedelta(days=1)  # type: ignore[attr-defined]
    clearances.add_clearance(ctx, ana, "Dr Jo Smith")
    assert len(holds.hold_inputs(ctx, ana, DAY + timedelta(days=5)).history) == 1
    late = DAY + timedelta(days=1 + holds.return_span_days())
    assert holds.hold_inputs(ctx, ana, late).history == ()
    assert holds.hold_inputs(ctx, ana, late).state().open == ()


@st.composite
def check_in_sequence(draw: st.DrawFn) -> list[dict]:
    day, out = DAY, []
    for _ in range(draw(st.integers(2, 5))):
        day += timedelta(days=draw(st.sampled_from((0, 1, 2, 5))))
        if draw(st.integers(0, 3)) == 0:
            out.append(clot_warning(day))
        else:
            pain = draw(st.integers(0, 8))
            out.append(clean(day, pain, draw(st.sampled_from(("quadriceps", "knee", "shin")))))
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sequence=check_in_sequence())
def test_while_a_hold_is_open_a_later_check_in_never_lowers_the_urgency(sequence: list[dict]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = make_ctx(Path(tmp) / "data")
        try:
            ana = add_ana(ctx)
            held: str | None = None
            for data in sequence:
                plan = save(ctx, ana, data)
                if held is not None:
                    assert urgency_rank(plan["referral"]["urgency"]) >= urgency_rank(held)
                    assert plan["no_running_until_cleared"] or plan["plan_suppressed"]
                    assert all(d["running"] == "none" for d in plan["days"])
                latest = ctx.repo.get_athlete(ana).latest
                if latest.hold is not None:
                    assert urgency_rank(latest.urgency) >= urgency_rank(latest.hold["urgency"])
                    held = max(held or "none", latest.hold["urgency"], key=urgency_rank)
        finally:
            ctx.repo.close()
