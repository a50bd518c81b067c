"""Bad check-ins are refused with messages that name the field and the problem."""

from datetime import date

import pytest

from recovery_planner.domain.checkin import CheckInError, parse_check_in

TODAY = date(2026, 3, 2)
GOOD_AREA = {"region": "calf", "side": "left", "pain": 3, "kind": "aching"}


def errors_for(data):
    with pytest.raises(CheckInError) as info:
        parse_check_in(data, TODAY)
    return str(info.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"areas": [dict(GOOD_AREA, pain=14)]}, "areas[0].pain: must be 0-10, got 14"),
        ({"areas": [dict(GOOD_AREA, region="elbow")]}, "areas[0].region: must be one of"),
        ({"areas": [dict(GOOD_AREA, side="middle")]}, "areas[0].side: must be one of left, right, both"),
        ({"areas": [dict(GOOD_AREA, pain="three")]}, "areas[0].pain: must be a number, got 'three'"),
        ({"areas": [dict(GOOD_AREA, pain=True)]}, "areas[0].pain: must be a number, got true"),
        ({"areas": [{"region": "calf", "side": "left", "kind": "aching"}]}, "areas[0].pain: is required"),
        ({"areas": [dict(GOOD_AREA, subregion="deep_groin")]}, "areas[0].subregion: the calf region has no"),
        ({"areas": [dict(GOOD_AREA, region="foot", subregion="elbow")]}, "areas[0].subregion: must be one of"),
        ({"date": "2026-13-45"}, "date: is not a real calendar date"),
        ({"date": "02/03/2026"}, "date: must be a date written YYYY-MM-DD"),
        ({"athlete": {"experience": "godlike"}}, "athlete.experience: must be one of beginner"),
        ({"athlete": {"body_mass_kg": -3}}, "athlete.body_mass_kg: must be 25-250, got -3"),
        ({"athlete": {"age": 30.5}}, "athlete.age: must be a whole number"),
        ({"areas": {"region": "calf"}}, "areas: must be a list of areas, got an object"),
        ({"wellbeing": {"fatigue": 11}}, "wellbeing.fatigue: must be 0-10, got 11"),
        ({"wellbeing": {"hot_weather": "yes"}}, "wellbeing.hot_weather: must be true or false"),
        ({"symptoms": {"dark_urin": True}}, "symptoms.dark_urin: is not a known question"),
        ({"symptoms": {"dark_urine": "yes"}}, "symptoms.dark_urine: must be true, false or null"),
        ({"load": {"acute_km_7d": -5}}, "load.acute_km_7d: must be 0-2000, got -5"),
        (
            {"load": {"last_session": {"duration_min": 60, "sweat_test": {"bm_pre": 60, "bm_post": 61}}}},
            "load.last_session.sweat_test: these weights and drinks give no sweat loss",
        ),
        (
            {"load": {"last_session": {"sweat_test": {"bm_pre": 61, "bm_post": 60}}}},
            "load.last_session.duration_min: is required with a sweat test",
        ),
        (42, "a check-in must be a JSON object, got 42"),
    ],
)
def test_bad_field_is_named(data, message):
    assert message in errors_for(data)


def test_every_problem_is_reported_at_once():
    text = errors_for({"athlete": {"experience": "pro"}, "areas": [dict(GOOD_AREA, pain=11, side="up")]})
    assert len(text.splitlines()) == 3


def test_defaults_and_round_trip():
    check_in = parse_check_in({"areas": [GOOD_AREA], "symptoms": {"dark_urine": None, "first_step_pain": 4}}, TODAY)
    assert check_in.date == TODAY
    assert check_in.athlete.experience == "beginner"
    assert check_in.symptoms == {"first_step_pain": 4}
    assert parse_check_in(check_in.to_dict(), date(2000, 1, 1)) == check_in


def test_unknown_top_level_fields_are_ignored_for_forward_compatibility():
    assert parse_check_in({"areas": [], "app_extension": {"x": 1}}, TODAY).areas == ()
