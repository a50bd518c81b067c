"""The worked examples and safety checks of guidance section 4 (fluids)."""

from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.hydration import (
    during_run_range,
    estimated_sweat_rate,
    hydration_advice,
    measured_sweat_rate,
    next_run_minutes,
    sweat_rate_per_kg,
)


def check_in(**load):
    return parse_check_in(
        {
            "athlete": {"experience": "advanced", "body_mass_kg": load.pop("mass")},
            "wellbeing": load.pop("wellbeing", {}),
            "areas": load.pop("areas", []),
            "load": load,
        },
        date(2026, 3, 2),
    )


def with_load(ci, **fields):
    """The check-in with load fields the format gained in 2026-12 (usual_easy_run_min, ended_hours_ago)."""
    last = ci.load.last_session
    session_fields = fields.pop("last_session", None)
    if session_fields is not None:
        last = SimpleNamespace(**{**(last.__dict__ if last else {}), **session_fields})
    load = SimpleNamespace(**{**ci.load.__dict__, "last_session": last, **fields})
    return replace(ci, load=load)


def test_example_1_temperate_hour_is_drink_to_thirst():
    advice = hydration_advice(check_in(mass=70, planned_session_min=60, wellbeing={"temperature_c": 18}))
    assert advice.sweat_rate_l_per_h == pytest.approx(0.91)
    assert advice.during_run_l is None
    assert advice.pre_run_l == pytest.approx((0.35, 0.49))
    assert advice.post_run_l == pytest.approx((1.1375, 1.365))
    assert advice.catch_up_l is None  # no session to catch up on


def test_example_2_hot_75_minutes_estimated_rate_is_capped():
    advice = hydration_advice(
        check_in(
            mass=62,
            planned_session_min=75,
            wellbeing={"hot_weather": True},
            last_session={"duration_min": 75, "fluid_consumed_l": 0.3},
        )
    )
    assert advice.sweat_rate_l_per_h == pytest.approx(1.24)
    assert not advice.measured
    assert advice.during_run_l == pytest.approx((0.50, 1.00))  # 0.4-0.8 L/h x 1.25 h, not 0.31-1.55 L
    assert advice.post_run_l == pytest.approx((1.5625, 1.875))
    assert advice.sodium
    assert advice.sodium_loss_mmol == pytest.approx(58.1, abs=0.1)
    assert advice.pre_run_l == pytest.approx((0.31, 0.434))


def test_example_2_next_day_40_minutes_in_heat_is_drink_to_thirst():
    advice = hydration_advice(check_in(mass=62, planned_session_min=40, wellbeing={"hot_weather": True}))
    assert advice.expected_loss_l == pytest.approx(0.83, abs=0.01)
    assert advice.during_run_l is None


def test_example_2_catch_up_only_when_the_run_ended_within_6_hours():
    ci = check_in(mass=62, wellbeing={"hot_weather": True}, last_session={"duration_min": 75, "fluid_consumed_l": 0.3})
    soon = hydration_advice(with_load(ci, last_session={"ended_hours_ago": 5}))
    late = hydration_advice(with_load(ci, last_session={"ended_hours_ago": 7}))
    assert soon.catch_up_l == pytest.approx((1.5625, 1.875))
    assert late.catch_up_l is None
    assert late.post_run_l == pytest.approx((1.5625, 1.875))  # the reference stays


def test_example_3_measured_sweat_test_is_unchanged():
    advice = hydration_advice(
        check_in(
            mass=66,
            planned_session_min=90,
            last_session={
                "duration_min": 70,
                "sweat_test": {"bm_pre": 66.0, "bm_post": 65.1, "fluid_in": 0.4, "urine_out": 0},
            },
        )
    )
    assert advice.measured
    assert advice.sweat_rate_l_per_h == pytest.approx(1.114, abs=0.001)
    assert advice.post_run_l == pytest.approx((1.125, 1.35))
    assert advice.during_run_l == pytest.approx((0.35, 1.67), abs=0.01)  # measured: not capped at 0.8 L/h
    assert advice.pre_run_l == pytest.approx((0.33, 0.462))
    assert advice.catch_up_l is None  # the session was yesterday (time unknown)


def test_example_4_sized_for_the_usual_easy_run_not_the_marathon():
    ci = check_in(
        mass=60,
        wellbeing={"hot_weather": True, "temperature_c": 31},
        last_session={"duration_min": 240, "fluid_consumed_l": 2.0, "temperature_c": 31},
    )
    advice = hydration_advice(with_load(ci, usual_easy_run_min=70, last_session={"ended_hours_ago": 30}))
    assert advice.session_min == 70
    assert advice.session_basis == "usual_easy_run"
    assert advice.sweat_rate_l_per_h == pytest.approx(1.20)
    assert advice.during_run_l == pytest.approx((0.467, 0.933), abs=0.005)
    assert advice.pre_run_l == pytest.approx((0.30, 0.42))
    assert advice.catch_up_l is None


def test_next_run_is_planned_then_usual_then_45_minutes():
    ci = check_in(mass=70, last_session={"duration_min": 240})
    assert next_run_minutes(ci) == (45, "default")
    assert next_run_minutes(with_load(ci, usual_easy_run_min=35)) == (35, "usual_easy_run")
    assert next_run_minutes(with_load(ci, usual_easy_run_min=35, planned_session_min=80)) == (80, "planned")


def test_no_running_day_means_no_run_fluids():
    advice = hydration_advice(check_in(mass=70, planned_session_min=120), any_running_day=False)
    assert advice.pre_run_l is None and advice.during_run_l is None
    assert advice.post_run_l[1] > 0


def test_wbgt_of_28_uses_the_hot_default_whatever_the_air_temperature():
    assert sweat_rate_per_kg(18, hot=False, wbgt_c=28) == 20
    assert sweat_rate_per_kg(18, hot=False, wbgt_c=27.9) == 13


@pytest.mark.parametrize("mass", [40, 55, 70, 95, 120])
@pytest.mark.parametrize("minutes", [20, 45, 75, 120, 240])
def test_estimated_during_run_stays_within_0_4_to_0_8_l_per_h_and_the_loss(mass, minutes):
    hours = minutes / 60
    rate = estimated_sweat_rate(mass, 33, hot=True)
    loss = rate * hours
    during = during_run_range(loss, 0.02 * mass, hours, measured=False)
    if during is not None:
        assert during[0] <= during[1] <= min(loss, 0.8 * hours) + 1e-9
        assert during[0] >= min(0.4 * hours, during[1]) - 1e-9


@pytest.mark.parametrize(("temp", "per_kg"), [(10, 10), (15, 13), (24.9, 13), (25, 16), (30, 20)])
def test_default_sweat_rate_bins(temp, per_kg):
    assert estimated_sweat_rate(100, temp, hot=False) == pytest.approx(per_kg / 10)


def test_default_sweat_rate_is_clamped_and_measured_formula():
    assert estimated_sweat_rate(25, 5, hot=False) == 0.3
    assert estimated_sweat_rate(200, 35, hot=True) == 2.5
    assert measured_sweat_rate(70, 69, 0.5, 0.1, 1.0) == pytest.approx(1.4)


def test_no_body_mass_means_no_numbers():
    assert hydration_advice(parse_check_in({"areas": []}, date(2026, 3, 2))) is None
