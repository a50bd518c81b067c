"""The worked examples of guidance section 4."""

from datetime import date

import pytest

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.hydration import estimated_sweat_rate, hydration_advice, measured_sweat_rate


def check_in(**load):
    return parse_check_in(
        {
            "athlete": {"experience": "advanced", "body_mass_kg": load.pop("mass")},
            "wellbeing": load.pop("wellbeing", {}),
            "load": load,
        },
        date(2026, 3, 2),
    )


def test_temperate_hour_is_drink_to_thirst():
    advice = hydration_advice(check_in(mass=70, planned_session_min=60, wellbeing={"temperature_c": 18}))
    assert advice.sweat_rate_l_per_h == pytest.approx(0.91)
    assert advice.during_run_l is None
    assert advice.pre_run_l == pytest.approx((0.35, 0.49))
    assert advice.post_run_l == pytest.approx((1.1375, 1.365))


def test_hot_75_minutes_with_some_drinking():
    advice = hydration_advice(
        check_in(mass=62, wellbeing={"hot_weather": True}, last_session={"duration_min": 75, "fluid_consumed_l": 0.3})
    )
    assert advice.sweat_rate_l_per_h == pytest.approx(1.24)
    assert advice.during_run_l == pytest.approx((0.31, 1.55))
    assert advice.post_run_l == pytest.approx((1.5625, 1.875))
    assert advice.sodium
    assert advice.sodium_loss_mmol == pytest.approx(58.1, abs=0.1)


def test_measured_sweat_test():
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
    assert advice.during_run_l == pytest.approx((0.35, 1.67), abs=0.01)
    assert advice.pre_run_l == pytest.approx((0.33, 0.462))


@pytest.mark.parametrize(("temp", "per_kg"), [(10, 10), (15, 13), (24.9, 13), (25, 16), (30, 20)])
def test_default_sweat_rate_bins(temp, per_kg):
    assert estimated_sweat_rate(100, temp, hot=False) == pytest.approx(per_kg / 10)


def test_default_sweat_rate_is_clamped_and_measured_formula():
    assert estimated_sweat_rate(25, 5, hot=False) == 0.3
    assert estimated_sweat_rate(200, 35, hot=True) == 2.5
    assert measured_sweat_rate(70, 69, 0.5, 0.1, 1.0) == pytest.approx(1.4)


def test_no_body_mass_means_no_numbers():
    assert hydration_advice(parse_check_in({"areas": []}, date(2026, 3, 2))) is None
