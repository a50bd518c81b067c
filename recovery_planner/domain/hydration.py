"""Sweat rate and fluid targets around a run (guidance section 4, ACSM 2007, EAH consensus 2015)."""

from __future__ import annotations

from .checkin import CheckIn
from .plan import HydrationAdvice

DEFAULT_SESSION_MIN = 60.0
SR_MIN, SR_MAX = 0.3, 2.5  # L/h clamp for the default estimate
SWEAT_SODIUM_MMOL_PER_L = 37.5  # Baker 2016: 35.9 +/- 10.4 mmol/L


def sweat_rate_per_kg(temperature_c: float | None, hot: bool) -> float:
    """Default sweat rate in mL per kg per hour for the conditions (normative data, Baker 2016)."""
    if temperature_c is None:
        return 20.0 if hot else 13.0
    if temperature_c < 15:
        return 10.0
    if temperature_c < 25:
        return 13.0
    if temperature_c < 30:
        return 16.0
    return 20.0


def estimated_sweat_rate(body_mass_kg: float, temperature_c: float | None, hot: bool) -> float:
    """Estimated sweat rate in L/h, clamped to a plausible range."""
    return min(max(body_mass_kg * sweat_rate_per_kg(temperature_c, hot) / 1000.0, SR_MIN), SR_MAX)


def measured_sweat_rate(bm_pre: float, bm_post: float, fluid_in: float, urine_out: float, hours: float) -> float:
    """Sweat rate from a weighed run: (mass lost + fluid drunk - urine) per hour; 1 kg = 1 L."""
    return (bm_pre - bm_post + fluid_in - urine_out) / hours


def hydration_advice(check_in: CheckIn) -> HydrationAdvice | None:
    """Fluid targets for the next run and for replacing the last one; None without a body mass."""
    last = check_in.load.last_session
    test = last.sweat_test if last else None
    mass = check_in.athlete.body_mass_kg or (test.bm_pre if test else None)
    if mass is None:
        return None
    hot = check_in.wellbeing.hot_weather
    if test is not None and last is not None and last.duration_min:
        rate = measured_sweat_rate(test.bm_pre, test.bm_post, test.fluid_in, test.urine_out, last.duration_min / 60.0)
        measured = True
    else:
        temp = check_in.wellbeing.temperature_c
        if temp is None and last is not None:
            temp = last.temperature_c
        rate = estimated_sweat_rate(mass, temp, hot)
        measured = False

    session_min = check_in.load.planned_session_min or (
        last.duration_min if last and last.duration_min else DEFAULT_SESSION_MIN
    )
    hours = session_min / 60.0
    loss = rate * hours
    allowed = 0.02 * mass
    during = None if loss <= allowed else (loss - allowed, loss)

    if test is not None:
        deficit = max(test.bm_pre - test.bm_post, 0.0)
        basis = "last_session_weighed"
    elif last is not None and last.duration_min:
        deficit = max(rate * last.duration_min / 60.0 - (last.fluid_consumed_l or 0.0), 0.0)
        basis = "last_session_estimated"
    else:
        deficit = loss
        basis = "planned_session_nothing_drunk"
    temp_now = check_in.wellbeing.temperature_c
    long_or_hot = session_min > 60 or hot or (temp_now is not None and temp_now >= 25)
    return HydrationAdvice(
        sweat_rate_l_per_h=rate,
        measured=measured,
        session_min=session_min,
        expected_loss_l=loss,
        allowed_loss_l=allowed,
        pre_run_l=(0.005 * mass, 0.007 * mass),
        during_run_l=during,
        post_run_l=(1.25 * deficit, 1.5 * deficit),
        post_run_basis=basis,
        sodium=long_or_hot,
        sodium_loss_mmol=loss * SWEAT_SODIUM_MMOL_PER_L,
    )
