"""The activity model: sports, running vs cross-training, duplicates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from recovery_planner.domain.activities import Activity, ActivityError, DuplicateIndex, new_activities, normalise_sport

T0 = datetime(2024, 5, 1, 7, 0, tzinfo=timezone.utc)


def act(start=T0, sport="running", km=10.0, seconds=3300.0, file_hash="", part=0) -> Activity:
    return Activity(start, sport, km, seconds, "x.gpx", file_hash=file_hash, part=part)


@pytest.mark.parametrize(
    ("raw", "sport"),
    [
        ("Running", "running"),
        ("trail_running", "running"),
        ("treadmill_running", "running"),
        ("Run", "running"),
        ("Biking", "cycling"),
        ("mountain_biking", "cycling"),
        ("Ride", "cycling"),
        ("walking", "walking"),
        ("hiking", "hiking"),
        ("lap_swimming", "swimming"),
        ("Other", "other"),
        ("fitness_equipment", "other"),
        ("generic", "unspecified"),
        (None, "unspecified"),
        ("", "unspecified"),
    ],
)
def test_sport_names(raw, sport):
    assert normalise_sport(raw) == sport


def test_only_runs_count_as_running():
    assert act().counts_as_running
    for sport in ("walking", "hiking", "cycling", "swimming", "other"):
        assert not act(sport=sport).counts_as_running


def test_a_file_naming_no_sport_counts_as_a_run_only_at_a_running_pace():
    assert act(sport="unspecified", km=10, seconds=3000).counts_as_running  # 5:00 min/km
    assert not act(sport="unspecified", km=5, seconds=3600).counts_as_running  # a walk, 12 min/km
    assert not act(sport="unspecified", km=30, seconds=3600).counts_as_running  # a ride, 30 km/h


def test_start_must_carry_its_time_zone():
    with pytest.raises(ActivityError):
        act(start=datetime(2024, 5, 1, 7, 0))


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf")])
def test_impossible_numbers_are_refused(bad):
    with pytest.raises(ActivityError):
        act(km=bad)


def test_round_trip_through_the_stored_form():
    a = act(start=T0.astimezone(timezone(timedelta(hours=2))), file_hash="ab" * 32, part=1)
    assert Activity.from_dict(a.to_dict()) == a


def test_the_same_file_is_a_duplicate_whatever_it_says():
    index = DuplicateIndex([act(file_hash="h1")])
    assert index.is_duplicate(act(start=T0 + timedelta(days=3), km=3, file_hash="h1"))
    assert not index.is_duplicate(act(start=T0 + timedelta(days=3), km=3, file_hash="h1", part=1))


def test_the_same_session_exported_twice_is_a_duplicate():
    index = DuplicateIndex([act(km=10.0, file_hash="gpx-file")])
    # the watch's FIT: its own total distance differs a little from the GPX track length
    assert index.is_duplicate(act(start=T0 + timedelta(seconds=40), km=10.2, file_hash="fit-file"))


@pytest.mark.parametrize(
    "other",
    [
        act(start=T0 + timedelta(minutes=5)),  # a second session later that morning
        act(sport="cycling"),  # a different sport at the same time (a multi-sport file)
        act(km=12.0),  # clearly another distance
    ],
)
def test_different_sessions_are_not_duplicates(other):
    assert not DuplicateIndex([act()]).is_duplicate(other)


def test_new_activities_skips_duplicates_within_one_batch_too():
    fresh, skipped = new_activities(
        [act(file_hash="a")], [act(file_hash="a"), act(T0 + timedelta(days=1)), act(T0 + timedelta(days=1))]
    )
    assert len(fresh) == 1 and skipped == 2
