"""Hot weather and a long run have one definition (domain/conditions.py), and every rule reads it alike:
H1 (readiness), H2 (triage) and the sodium advice of section 4 (hydration)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_planner.domain.checkin import CheckIn, parse_check_in
from recovery_planner.domain.conditions import is_hot, was_long_run
from recovery_planner.domain.hydration import hydration_advice, sweat_rate_per_kg
from recovery_planner.domain.planner import assess

from .strategies import check_ins

DAY = date(2026, 3, 2)
TEMPERATURES = st.sampled_from([None, -5, 10, 24.9, 25, 25.1, 29.9, 30, 40])
WBGTS = st.sampled_from([None, 15, 27.9, 28, 30, 30.1, 32.2, 32.3])


def weather(hot_weather=False, temperature_c=None, wbgt_c=None, last_run_c=None, last_session=True) -> CheckIn:
    wellbeing = {"hot_weather": hot_weather, "temperature_c": temperature_c, "wbgt_c": wbgt_c}
    load = {"last_session": {"duration_min": 40, "temperature_c": last_run_c}} if last_session else {}
    data = {"wellbeing": {k: v for k, v in wellbeing.items() if v is not None}, "areas": [], "load": load}
    return parse_check_in(data, DAY)


def test_the_hot_tick_alone_is_hot():
    assert is_hot(weather(hot_weather=True))
    assert is_hot(weather(hot_weather=True, temperature_c=10))  # the tick is never overruled by a cool reading
    assert not is_hot(weather())


@pytest.mark.parametrize(("celsius", "hot"), [(24.9, False), (25, True), (25.1, True), (10, False), (40, True)])
def test_25_degrees_today_or_on_the_last_run_is_hot(celsius, hot):
    assert is_hot(weather(temperature_c=celsius)) is hot
    assert is_hot(weather(last_run_c=celsius)) is hot


def test_either_temperature_counts():
    assert is_hot(weather(temperature_c=18, last_run_c=31))  # a hot last run (H2), a cool day
    assert is_hot(weather(temperature_c=31, last_run_c=12))
    assert not is_hot(weather(temperature_c=24, last_run_c=24.9))


@pytest.mark.parametrize(("wbgt", "hot"), [(27.9, False), (28, True), (30.1, True), (15, False)])
def test_a_wbgt_of_28_is_hot_whatever_the_air_temperature(wbgt, hot):
    assert is_hot(weather(wbgt_c=wbgt, temperature_c=18, last_run_c=18)) is hot


def test_missing_readings_are_not_hot():
    assert not is_hot(weather(last_session=False))
    assert not is_hot(parse_check_in({"areas": []}, DAY))  # no wellbeing, no load at all


@pytest.mark.parametrize(("minutes", "long"), [(89.9, False), (90, True), (240, True), (None, False)])
def test_a_long_run_is_90_minutes_or_more(minutes, long):
    session = {"duration_min": minutes} if minutes is not None else {"type": "easy run"}
    assert was_long_run(parse_check_in({"areas": [], "load": {"last_session": session}}, DAY)) is long
    assert not was_long_run(weather(last_session=False))


def test_hot_and_long_are_separate():
    long_cool = parse_check_in({"areas": [], "load": {"last_session": {"duration_min": 150, "temperature_c": 8}}}, DAY)
    assert was_long_run(long_cool) and not is_hot(long_cool)
    assert is_hot(weather(hot_weather=True)) and not was_long_run(weather(hot_weather=True))


def test_the_sweat_rate_bands_meet_the_hot_threshold():
    assert sweat_rate_per_kg(24.9, hot=False) < sweat_rate_per_kg(25, hot=False)
    assert sweat_rate_per_kg(18, hot=False, wbgt_c=28) == 20 and sweat_rate_per_kg(18, hot=False, wbgt_c=27.9) == 13


def test_a_hot_last_run_brings_sodium_when_today_is_unknown():
    ci = parse_check_in(
        {
            "athlete": {"body_mass_kg": 70},
            "areas": [],
            "load": {"planned_session_min": 40, "last_session": {"duration_min": 40, "temperature_c": 31}},
        },
        DAY,
    )
    advice = hydration_advice(ci)
    assert advice is not None and advice.sodium  # the rate already used 31 °C as the next run's temperature
    assert advice.sweat_rate_l_per_h == pytest.approx(70 * 20 / 1000)


@st.composite
def probes(draw):
    """A generated check-in whose H1, H2 and sodium outcomes can depend on hot weather only: a headache after
    a recent short run (or none), the next run at most 60 min, no heat stroke and no weight gained."""
    data = draw(check_ins())
    wellbeing, load = data["wellbeing"], data["load"]
    wellbeing["hot_weather"] = draw(st.booleans())
    for key, value in (("temperature_c", draw(TEMPERATURES)), ("wbgt_c", draw(WBGTS))):
        wellbeing.pop(key, None)
        if value is not None:
            wellbeing[key] = value
    data["symptoms"] = {"headache": True} if draw(st.booleans()) else {"vomiting": True}
    load["planned_session_min"] = draw(st.sampled_from([20, 45, 60]))
    if draw(st.booleans()):
        session = {"duration_min": draw(st.sampled_from([20, 45, 89])), "ended_hours_ago": draw(st.integers(0, 24))}
        last_run_c = draw(TEMPERATURES)
        if last_run_c is not None:
            session["temperature_c"] = last_run_c
        load["last_session"] = session
    else:
        load.pop("last_session", None)
        for area in data["areas"]:
            area.pop("hours_since_run", None)  # no time since the run known: counts as recent (H2)
    return parse_check_in(data, DAY)


@settings(max_examples=400, deadline=None)
@given(probes())
def test_triage_readiness_and_hydration_agree_on_hot_weather(ci):
    a = assess(ci)
    advice = hydration_advice(ci)
    assert advice is not None
    seen = {"triage (H2)": "H2" in a.rules, "readiness (H1)": "H1" in a.rules, "hydration (sodium)": advice.sodium}
    assert set(seen.values()) == {is_hot(ci)}, seen
