"""Bad check-ins are refused with messages that name the field and the problem."""

from datetime import date

import pytest

from recovery_planner.domain.checkin import CheckInError, decode_json, parse_check_in

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


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"athlete": {"sex": "x"}}, "athlete.sex: must be one of female, male"),
        ({"athlete": {"height_cm": 400}}, "athlete.height_cm: must be 80-250, got 400"),
        ({"wellbeing": {"wbgt_c": "hot"}}, "wellbeing.wbgt_c: must be a number"),
        ({"symptoms": {"pop_or_cannot_heel_raise": "yes"}}, "symptoms.pop_or_cannot_heel_raise: must be true"),
        ({"symptoms": {"previous_clot_or_surgery": 1}}, "symptoms.previous_clot_or_surgery: must be true"),
        ({"symptoms": {"recent_weight_loss_pct": 80}}, "symptoms.recent_weight_loss_pct: must be 0-60, got 80"),
        ({"symptoms": {"postpartum_weeks": -1}}, "symptoms.postpartum_weeks: must be 0-520, got -1"),
        ({"load": {"usual_easy_run_min": 0}}, "load.usual_easy_run_min: must be 1-1440, got 0"),
        ({"load": {"longest_run_30d_km": -2}}, "load.longest_run_30d_km: must be 0-400, got -2"),
        ({"load": {"planned_session_km": "far"}}, "load.planned_session_km: must be a number"),
        ({"load": {"last_session": {"ended_hours_ago": -1}}}, "load.last_session.ended_hours_ago: must be 0-"),
        ({"areas": [dict(GOOD_AREA, region="shin", subregion="kneecap")]}, "areas[0].subregion: must be one of"),
        ({"date": "1969-12-31"}, "date: must be between 1970-01-01 and 2100-12-31"),
        ({"date": "2101-01-01"}, "date: must be between 1970-01-01 and 2100-12-31"),
        ({"athlete": {"name": "Ana \ud800"}}, "athlete.name: contains characters that are not valid text"),
    ],
)
def test_bad_new_field_is_named(data, message):
    assert message in errors_for(data)


def test_the_accepted_dates_are_a_fixed_range_not_relative_to_today():
    for day in ("1970-01-01", "2100-12-31"):
        assert parse_check_in({"date": day}, TODAY).date.isoformat() == day


def test_new_optional_fields_are_read_and_missing_means_not_asked():
    data = {
        "athlete": {"sex": "female", "height_cm": 168, "body_mass_kg": 50},
        "wellbeing": {"wbgt_c": 29.5},
        "areas": [dict(GOOD_AREA, region="foot", subregion="lateral_midfoot")],
        "symptoms": {"pregnant_or_postpartum": True, "postpartum_weeks": 6, "fever_or_illness": False},
        "load": {"usual_easy_run_min": 50, "longest_run_30d_km": 18, "last_session": {"ended_hours_ago": 3}},
    }
    check_in = parse_check_in(data, TODAY)
    assert check_in.athlete.sex == "female" and round(check_in.athlete.bmi, 1) == 17.7
    assert check_in.load.last_session.ended_hours_ago == 3 and check_in.wellbeing.wbgt_c == 29.5
    assert check_in.symptom("pop_or_cannot_heel_raise") is None  # not asked
    assert parse_check_in(check_in.to_dict(), date(2000, 1, 1)) == check_in


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"athlete": {"body_mass_kg": NaN}}', "NaN is not a number"),
        ('{"wellbeing": {"fatigue": Infinity}}', "Infinity is not a number"),
        ('{"wellbeing": {"fatigue": ' + "9" * 5000 + "}}", "a number with 5000 digits is too long"),
        ('{"wellbeing": {"fatigue": 1e999}}', "too large a number"),
        ("[" * 100000 + "]" * 100000, "nested too deeply"),
        ("{nope", "not valid JSON (line 1, column 2"),
    ],
)
def test_json_that_python_would_choke_on_gets_a_plain_message(text, message):
    with pytest.raises(ValueError) as info:
        decode_json(text)
    assert message in str(info.value)


def test_a_lone_surrogate_in_a_key_is_printable_in_the_message():
    text = errors_for(decode_json('{"symptoms": {"\\ud800": true}}'))
    assert "symptoms.\\ud800: is not a known question" in text
    text.encode("utf-8")  # never raises: the message can always be printed
