"""Sweat rate and fluid targets around a run (guidance section 4, ACSM 2007, EAH consensus 2015)."""

from __future__ import annotations

from .checkin import CheckIn
from .conditions import HOT_C, hot_wbgt, is_hot
from .plan import HydrationAdvice

DEFAULT_SESSION_MIN = 45.0  # step 0: a typical easy run when neither a planned nor a usual run is known (H)
SR_MIN, SR_MAX = 0.3, 2.5  # L/h clamp for the default estimate
SWEAT_SODIUM_MMOL_PER_L = 37.5  # Baker 2016: 35.9 +/- 10.4 mmol/L
ESTIMATED_RATE_L_PER_H = (0.4, 0.8)  # an estimated sweat rate caps during-run advice (Noakes 2003)
CATCH_UP_WINDOW_H = 6.0  # a day-1 catch-up item only after a session that ended this recently (H)
SODIUM_SESSION_MIN = 60.0  # step 4: fluids with sodium for runs longer than this, or in hot weather


def sweat_rate_per_kg(temperature_c: float | None, hot: bool, wbgt_c: float | None = None) -> float:
    """Default sweat rate in mL per kg per hour: a hot WBGT first, then the temperature, then the hot flag."""
    if hot_wbgt(wbgt_c):
        return 20.0
    if temperature_c is None:
        return 20.0 if hot else 13.0
    if temperature_c < 15:
        return 10.0
    if temperature_c < HOT_C:
        return 13.0
    if temperature_c < 30:
        return 16.0
    return 20.0


def estimated_sweat_rate(
    body_mass_kg: float, temperature_c: float | None, hot: bool, wbgt_c: float | None = None
) -> float:
    """Estimated sweat rate in L/h, clamped to a plausible range."""
    return min(max(body_mass_kg * sweat_rate_per_kg(temperature_c, hot, wbgt_c) / 1000.0, SR_MIN), SR_MAX)


def measured_sweat_rate(bm_pre: float, bm_post: float, fluid_in: float, urine_out: float, hours: float) -> float:
    """Sweat rate from a weighed run: (mass lost + fluid drunk - urine) per hour; 1 kg = 1 L."""
    return (bm_pre - bm_post + fluid_in - urine_out) / hours


def next_run_minutes(check_in: CheckIn) -> tuple[float, str]:
    """Step 0, ``D_plan``: the planned run, else the usual easy run, else 45 min; never the last session."""
    load = check_in.load
    if load.planned_session_min:
        return float(load.planned_session_min), "planned"
    if load.usual_easy_run_min:
        return float(load.usual_easy_run_min), "usual_easy_run"
    return DEFAULT_SESSION_MIN, "default"


def during_run_range(loss: float, allowed: float, hours: float, measured: bool) -> tuple[float, float] | None:
    """Step 4: None (drink to thirst) while the loss stays within 2 % of body mass; never above the loss."""
    if loss <= allowed:
        return None
    if measured:
        return (loss - allowed, loss)
    high = min(loss, ESTIMATED_RATE_L_PER_H[1] * hours)
    return (min(max(loss - allowed, ESTIMATED_RATE_L_PER_H[0] * hours), high), high)


def hours_since_last_session(check_in: CheckIn) -> float | None:
    """When the last session ended: its ``ended_hours_ago``, else the smallest ``hours_since_run``."""
    last = check_in.load.last_session
    ended = last.ended_hours_ago if last is not None else None
    if ended is not None:
        return float(ended)
    hours = [a.hours_since_run for a in check_in.areas if a.hours_since_run is not None]
    return min(hours) if hours else None


def hydration_advice(check_in: CheckIn, *, any_running_day: bool = True) -> HydrationAdvice | None:
    """Fluid targets for the next run and for replacing the last one; None without a body mass.

    A plan with no running day gets no pre-run or during-run amounts (step 6); the post-run amount stays
    as a reference, and is a day-1 catch-up only after a session that ended at most 6 h before.
    """
    last = check_in.load.last_session
    test = last.sweat_test if last else None
    mass = check_in.athlete.body_mass_kg or (test.bm_pre if test else None)
    if mass is None:
        return None
    w = check_in.wellbeing
    wbgt = w.wbgt_c
    last_temp = last.temperature_c if last is not None else None
    if test is not None and last is not None and last.duration_min:
        rate = measured_sweat_rate(test.bm_pre, test.bm_post, test.fluid_in, test.urine_out, last.duration_min / 60.0)
        measured = True
        last_rate = rate
    else:
        next_temp = w.temperature_c if w.temperature_c is not None else last_temp
        rate = estimated_sweat_rate(mass, next_temp, w.hot_weather, wbgt)
        measured = False
        last_rate = estimated_sweat_rate(mass, last_temp if last_temp is not None else next_temp, w.hot_weather)

    session_min, basis_of_run = next_run_minutes(check_in)
    hours = session_min / 60.0
    loss = rate * hours
    allowed = 0.02 * mass
    during = during_run_range(loss, allowed, hours, measured) if any_running_day else None

    if test is not None:
        deficit = max(test.bm_pre - test.bm_post, 0.0)
        basis = "last_session_weighed"
    elif last is not None and last.duration_min:
        deficit = max(last_rate * last.duration_min / 60.0 - (last.fluid_consumed_l or 0.0), 0.0)
        basis = "last_session_estimated"
    else:
        deficit = loss
        basis = "planned_session_nothing_drunk"
    post = (1.25 * deficit, 1.5 * deficit)
    ended = hours_since_last_session(check_in)
    recent = basis != "planned_session_nothing_drunk" and ended is not None and ended <= CATCH_UP_WINDOW_H
    return HydrationAdvice(
        sweat_rate_l_per_h=rate,
        measured=measured,
        session_min=session_min,
        expected_loss_l=loss,
        allowed_loss_l=allowed,
        pre_run_l=(0.005 * mass, 0.007 * mass) if any_running_day else None,
        during_run_l=during,
        post_run_l=post,
        post_run_basis=basis,
        sodium=session_min > SODIUM_SESSION_MIN or is_hot(check_in),
        sodium_loss_mmol=loss * SWEAT_SODIUM_MMOL_PER_L,
        catch_up_l=post if recent and post[1] > 0.05 else None,
        session_basis=basis_of_run,
    )
