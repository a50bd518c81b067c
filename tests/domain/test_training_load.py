"""Load maths from activities: weekly totals, acute vs chronic, L1 and L3 flags, the check-in's load block."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_planner.domain.activities import SPORTS, Activity
from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.training_load import (
    check_in_load,
    load_summary,
    single_run_spikes,
    weekly_load,
)

UTC = timezone.utc
DAY = date(2024, 6, 30)  # a Sunday


def run(day: date, km: float, sport: str = "running", minutes: float | None = None, hour: int = 7) -> Activity:
    seconds = (minutes if minutes is not None else km * 5.5) * 60
    return Activity(datetime.combine(day, time(hour), UTC), sport, km, seconds, f"{day}.gpx")


def steady(weeks: int, km_per_run: float, runs_per_week: int = 4, end: date = DAY) -> list[Activity]:
    out = []
    for i in range(weeks * 7):
        d = end - timedelta(days=i)
        if i % 7 < runs_per_week:
            out.append(run(d, km_per_run))
    return out


activities = st.lists(
    st.builds(
        lambda days, km, sport, minutes, hour: run(DAY - timedelta(days=days), km, sport, minutes, hour),
        st.integers(0, 60),
        st.floats(0, 50).map(lambda x: round(x, 2)),
        st.sampled_from(SPORTS),
        st.floats(1, 300),
        st.integers(0, 23),
    ),
    max_size=60,
)


@given(activities)
def test_acute_load_is_the_runs_of_the_last_seven_days(acts):
    s = load_summary(acts, DAY, UTC)
    expected = sum(a.distance_km for a in acts if a.counts_as_running and (DAY - a.start.date()).days < 7)
    assert abs(s.acute_km_7d - expected) < 0.01


@given(activities)
def test_cross_training_never_adds_running_distance(acts):
    runs_only = [a for a in acts if a.counts_as_running]
    with_cross = load_summary(acts, DAY, UTC)
    without = load_summary([*runs_only, run(DAY - timedelta(days=40), 0.0, "walking")], DAY, UTC)
    assert with_cross.acute_km_7d == without.acute_km_7d
    assert with_cross.longest_run_30d_km == without.longest_run_30d_km


@given(activities)
@settings(max_examples=50)
def test_weekly_totals_add_up_to_all_running(acts):
    weeks = weekly_load(acts, UTC)
    assert abs(sum(w.running_km for w in weeks) - sum(a.distance_km for a in acts if a.counts_as_running)) < 0.05
    assert sum(w.runs for w in weeks) + sum(w.cross_training_sessions for w in weeks) == len(acts)
    assert all(w.week_start.weekday() == 0 for w in weeks)
    assert all((b.week_start - a.week_start).days == 7 for a, b in itertools.pairwise(weeks))


@given(activities)
def test_later_activities_never_change_a_day_s_load(acts):
    later = [run(DAY + timedelta(days=1), 30.0)]
    assert load_summary(acts, DAY, UTC) == load_summary(acts + later, DAY, UTC)


@given(activities)
def test_the_load_block_is_a_valid_check_in_load(acts):
    s = load_summary(acts, DAY, UTC)
    block = check_in_load(s, datetime.combine(DAY, time(20), UTC))
    ci = parse_check_in({"date": DAY.isoformat(), "load": block}, DAY)
    assert ci.load.acute_km_7d == s.acute_km_7d
    assert ci.load.chronic_km_per_week_28d == s.chronic_km_per_week_28d


def test_steady_training_has_no_flags():
    s = load_summary(steady(6, 8.0), DAY, UTC)
    assert s.acute_km_7d == 32.0 and s.chronic_km_per_week_28d == 32.0
    assert s.acwr == 1.0 and s.weekly_increase_pct == 0.0
    assert s.flags == ()


def test_a_jump_in_weekly_distance_is_flagged_l1_as_a_flag_only():
    acts = [a for a in steady(6, 6.0) if (DAY - a.start.date()).days >= 7] + [
        run(DAY - timedelta(days=i), 12) for i in range(4)
    ]
    s = load_summary(acts, DAY, UTC)
    assert s.acute_km_7d == 48 and s.weekly_increase_pct == 100.0
    (flag,) = [f for f in s.flags if f.rule == "L1"]
    assert "1.6 times" in flag.reason and "100 % more" in flag.reason
    assert "risk" not in flag.reason.lower() and "probab" not in flag.reason.lower()


def test_a_short_record_gives_no_chronic_load_and_so_no_false_spike():
    s = load_summary(steady(2, 10.0), DAY, UTC)
    assert s.chronic_km_per_week_28d is None and s.acwr is None
    assert not [f for f in s.flags if f.rule == "L1"]


def test_longest_run_of_the_last_30_days():
    acts = [run(DAY - timedelta(days=31), 30.0), run(DAY - timedelta(days=29), 14.0), run(DAY - timedelta(days=3), 9.0)]
    s = load_summary(acts, DAY, UTC)
    assert s.longest_run_30d_km == 14.0
    assert s.single_run_cap_km == 15.4  # L3: 110 %


def test_a_long_walk_is_not_the_longest_run():
    s = load_summary([run(DAY - timedelta(days=2), 8.0), run(DAY - timedelta(days=1), 25.0, "walking", 300)], DAY, UTC)
    assert s.longest_run_30d_km == 8.0 and s.cross_training_min_7d == 300


def test_l3_flags_a_single_run_over_110_percent_of_the_30_day_longest():
    base = [run(DAY - timedelta(days=d), 10.0) for d in range(8, 45, 3)]
    within = run(DAY - timedelta(days=5), 10.9)  # 109 % of 10 km: not a spike
    spike = run(DAY - timedelta(days=2), 12.1)  # 111 % of the 10.9 km run
    spikes = single_run_spikes([*base, spike, within], UTC)
    assert [a for a, _ in spikes] == [spike]
    s = load_summary([*base, spike, within], DAY, UTC)
    (flag,) = [f for f in s.flags if f.rule == "L3"]
    assert flag.day == spike.start.date() and "110 %" in flag.reason


def test_days_are_counted_in_the_runner_s_time_zone():
    tz = timezone(timedelta(hours=-7))
    late = Activity(datetime(2024, 7, 1, 2, 0, tzinfo=UTC), "running", 10.0, 3000, "x")  # 19:00 on 30 June there
    assert load_summary([late], DAY, tz).acute_km_7d == 10.0
    assert load_summary([late], DAY, UTC).acute_km_7d == 0.0


def test_last_session_only_when_it_ended_in_the_last_two_days():
    recent = run(DAY, 10.0, minutes=60, hour=7)
    old = run(DAY - timedelta(days=5), 10.0)
    now = datetime.combine(DAY, time(12), UTC)
    block = check_in_load(load_summary([old, recent], DAY, UTC), now)
    assert block["last_session"] == {"type": "running", "duration_min": 60.0, "ended_hours_ago": 4.0}
    assert "last_session" not in check_in_load(load_summary([old], DAY, UTC), now)
    assert "last_session" not in check_in_load(load_summary([old, recent], DAY, UTC))


def naive_spikes(acts, tz):
    """L3 straight from its definition, for checking the windowed version."""
    runs = sorted((a for a in acts if a.counts_as_running), key=lambda a: a.start)
    if not runs:
        return []
    first = runs[0].start.astimezone(tz).date()
    out = []
    for a in runs:
        day = a.start.astimezone(tz).date()
        if (day - first).days < 30:
            continue
        before = [b.distance_km for b in runs if 1 <= (day - b.start.astimezone(tz).date()).days <= 30]
        if before and max(before) and a.distance_km > 1.1 * max(before):
            out.append((a, max(before)))
    return out


@given(
    st.lists(
        st.builds(
            lambda days, km, sport: run(DAY - timedelta(days=days), km, sport),
            st.integers(0, 120),
            st.floats(0, 40).map(lambda x: round(x, 1)),
            st.sampled_from(["running", "running", "cycling"]),
        ),
        max_size=80,
    )
)
def test_single_run_spikes_match_the_definition(acts):
    assert sorted(single_run_spikes(acts, UTC), key=lambda p: (p[0].start, p[0].distance_km)) == sorted(
        naive_spikes(acts, UTC), key=lambda p: (p[0].start, p[0].distance_km)
    )
