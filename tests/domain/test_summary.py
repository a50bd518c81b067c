"""One definition each: the worst area, the trend since the check-in before, hot weather."""

from datetime import date, timedelta

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.conditions import is_hot
from recovery_planner.domain.planner import build_plan
from recovery_planner.domain.summary import summarise, trend_since, worst_of

DAY = date(2026, 3, 2)


def check_in(areas, **wellbeing):
    return parse_check_in({"date": DAY.isoformat(), "areas": areas, "wellbeing": wellbeing}, DAY)


def test_worst_area_is_the_highest_pain_and_ties_go_by_region_order():
    tie = check_in(
        [
            {"region": "calf", "side": "left", "pain": 4, "kind": "aching"},
            {"region": "quadriceps", "side": "both", "pain": 4, "kind": "aching"},
        ]
    )
    assert worst_of(tie) == ("quadriceps", "both", 4.0)  # quadriceps comes before calf in the region list
    assert worst_of(check_in([])) is None
    summary = summarise(tie, build_plan(tie, 7))
    assert (summary["worst_region"], summary["worst_pain"]) == ("quadriceps", 4.0)


def test_trend_compares_with_an_earlier_check_in_only():
    before = date(2026, 3, 1)
    assert trend_since(before, 3, DAY, 5) == "worse"
    assert trend_since(before, 3, DAY, 3.5) == "same"
    assert trend_since(before, 3, DAY, None) == "better"  # nothing marked now counts as no pain
    assert trend_since(None, None, DAY, 5) is None
    assert trend_since(DAY, 1, DAY, 5) == "worse"  # against the previous check-in, whatever its date (issue 12)
    assert trend_since(DAY + timedelta(days=1), 1, DAY, 5) is None  # a back-dated check-in has no "previous"


def test_hot_weather_from_the_tick_or_25_degrees_today_or_on_the_last_run():
    assert is_hot(check_in([], hot_weather=True))
    assert is_hot(check_in([], temperature_c=25))
    assert not is_hot(check_in([], temperature_c=24.5))
    last_run = parse_check_in(
        {"date": DAY.isoformat(), "areas": [], "load": {"last_session": {"duration_min": 40, "temperature_c": 28}}},
        DAY,
    )
    assert is_hot(last_run)
