"""A check-in filled from imported activities triggers the planner's load rules (L1), with real files."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.services.activities import import_activities
from recovery_planner.services.context import AppContext
from recovery_planner.services.training_load import load_for_check_in
from recovery_planner.storage import Repository
from tests.formats.gpx_maker import make_gpx

DAY = date(2024, 6, 30)
NOW = datetime(2024, 6, 30, 18, 0, tzinfo=timezone.utc)


@pytest.fixture
def ctx(tmp_path):
    with Repository.open(tmp_path / "data") as repo:
        yield AppContext(repo, clock=lambda: NOW)


def write_runs(folder, runs: list[tuple[int, float]]) -> None:
    """GPX files for (days before DAY, km) runs, plus a long bike ride that must not count as running."""
    folder.mkdir()
    for days, km in runs:
        start = datetime(2024, 6, 30, 7, tzinfo=timezone.utc) - timedelta(days=days)
        (folder / f"{start:%Y-%m-%d}.gpx").write_bytes(make_gpx(start, km, interval_s=15))
    ride = datetime(2024, 6, 29, 9, tzinfo=timezone.utc)
    (folder / "ride.gpx").write_bytes(make_gpx(ride, 60, pace_s_per_km=120, interval_s=30, sport="cycling"))


def check_in_with_imported_load(ctx, athlete_id):
    filled = load_for_check_in(ctx, athlete_id, DAY).value
    assert filled is not None
    data = {
        "date": DAY.isoformat(),
        "athlete": {"experience": "intermediate", "body_mass_kg": 62},
        "areas": [{"region": "calf", "side": "left", "pain": 2, "kind": "soreness", "hours_since_run": 12}],
        "load": filled.load,
    }
    return filled, build_plan(parse_check_in(data, DAY))


def test_a_spike_in_the_imported_runs_fires_l1(ctx, tmp_path):
    ana = ctx.repo.add_athlete("Ana").id
    base = [(d, 6.0) for d in range(7, 35) if d % 7 in (1, 3, 5)]  # 18 km a week for 4 weeks
    spike = [(d, 12.0) for d in (0, 2, 4, 6)]  # 48 km in the last 7 days
    write_runs(tmp_path / "runs", base + spike)
    import_activities(ctx, ana, [tmp_path / "runs"])
    filled, plan = check_in_with_imported_load(ctx, ana)
    assert filled.load["acute_km_7d"] == pytest.approx(48, rel=0.03)
    assert filled.load["longest_run_30d_km"] == pytest.approx(12, rel=0.03)
    assert "L1" in plan.rules_fired
    assert [f.rule for f in filled.summary.flags].count("L1") == 1


def test_steady_imported_running_does_not_fire_l1(ctx, tmp_path):
    ben = ctx.repo.add_athlete("Ben").id
    write_runs(tmp_path / "runs", [(d, 6.0) for d in range(0, 35) if d % 7 in (0, 2, 4)])
    import_activities(ctx, ben, [tmp_path / "runs"])
    filled, plan = check_in_with_imported_load(ctx, ben)
    assert filled.load["acute_km_7d"] == pytest.approx(18, rel=0.03)
    assert "L1" not in plan.rules_fired
    # the 60 km ride the day before is cross-training: not a run, not the longest run
    assert filled.load["longest_run_30d_km"] == pytest.approx(6, rel=0.03)
    assert filled.summary.cross_training_min_7d == pytest.approx(120, rel=0.02)


def test_saving_a_check_in_fills_the_load_it_leaves_out(ctx, tmp_path):
    from recovery_planner.services.checkins import save_check_in
    from recovery_planner.services.training_load import with_activity_load

    ana = ctx.repo.add_athlete("Ana", experience="intermediate", body_mass_kg=60).id
    base = [(d, 6.0) for d in range(7, 35) if d % 7 in (1, 3, 5)]
    write_runs(tmp_path / "runs", base + [(d, 12.0) for d in (0, 2, 4, 6)])
    import_activities(ctx, ana, [tmp_path / "runs"])
    areas = [{"region": "knee", "side": "right", "pain": 2, "kind": "aching"}]
    bare = {"date": DAY.isoformat(), "areas": areas}
    assert with_activity_load(ctx, ana, bare)["load"]["longest_run_30d_km"] == pytest.approx(12, rel=0.03)  # for L3
    saved = save_check_in(ctx, ana, bare, 7).value
    load = saved.record.check_in["load"]
    assert load["acute_km_7d"] == pytest.approx(48, rel=0.03)
    assert "weekly_increase_pct" in load
    assert "L1" in saved.plan["rules_fired"]
    # what the runner typed wins, and the week-on-week figure is then left out (it would not agree)
    typed = {"date": DAY.isoformat(), "areas": areas, "load": {"acute_km_7d": 20, "chronic_km_per_week_28d": 20}}
    assert with_activity_load(ctx, ana, typed)["load"]["longest_run_30d_km"] == pytest.approx(12, rel=0.03)
    saved = save_check_in(ctx, ana, typed, 7).value
    load = saved.record.check_in["load"]
    assert (load["acute_km_7d"], load["chronic_km_per_week_28d"]) == (20, 20)
    assert "weekly_increase_pct" not in load
    assert "L1" not in saved.plan["rules_fired"]


def test_without_activities_the_check_in_is_unchanged(ctx):
    from recovery_planner.services.training_load import with_activity_load

    ben = ctx.repo.add_athlete("Ben").id
    data = {"date": DAY.isoformat(), "areas": []}
    assert with_activity_load(ctx, ben, data) is data


@pytest.mark.parametrize(("planned_km", "fires"), [(14.0, True), (13.0, False)])
def test_a_planned_run_over_110_percent_of_the_imported_longest_fires_l3(ctx, tmp_path, planned_km, fires):
    from recovery_planner.services.checkins import save_check_in

    cas = ctx.repo.add_athlete("Cas", experience="intermediate", body_mass_kg=70).id
    write_runs(tmp_path / "runs", [(d, 8.0) for d in range(2, 40, 3)] + [(10, 12.0)])  # longest run: 12 km
    import_activities(ctx, cas, [tmp_path / "runs"])
    data = {"date": DAY.isoformat(), "areas": [], "load": {"planned_session_km": planned_km}}
    saved = save_check_in(ctx, cas, data, 7).value
    assert saved.record.check_in["load"]["longest_run_30d_km"] == pytest.approx(12, rel=0.03)
    assert ("L3" in saved.plan["rules_fired"]) is fires
