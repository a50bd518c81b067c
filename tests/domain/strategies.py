"""Hypothesis strategies that generate check-ins in exchange format v1, with the optional fields of 2026-12."""

from hypothesis import strategies as st

from recovery_planner.domain.checkin import BOOL_SYMPTOMS, EXPERIENCE, KINDS, MECHANISMS, SEXES, TRENDS
from recovery_planner.domain.regions import REGIONS, SIDES, SUBREGIONS


def rarely(p_in_10: int = 1):
    """True about p_in_10 times in ten."""
    return st.integers(0, 9).map(lambda n: n < p_in_10)


@st.composite
def areas(draw):
    region = draw(st.sampled_from(REGIONS))
    area = {
        "region": region,
        "side": draw(st.sampled_from(SIDES)),
        "pain": draw(st.integers(0, 10)),
        "kind": draw(st.sampled_from(KINDS)),
        "swelling": draw(rarely()),
        "numbness": draw(rarely()),
        "gait_change": draw(rarely()),
        "hours_since_run": draw(st.integers(1, 200)),
        "days_since_onset": draw(st.floats(0, 30).map(lambda x: round(x, 1))),
        "trend": draw(st.sampled_from(TRENDS)),
    }
    if region in SUBREGIONS and draw(st.booleans()):
        area["subregion"] = draw(st.sampled_from(sorted(SUBREGIONS[region])))
    if draw(st.integers(0, 3)) == 0:
        area["mechanism"] = draw(st.sampled_from(MECHANISMS))
    return area


@st.composite
def symptoms(draw):
    out = draw(st.dictionaries(st.sampled_from(BOOL_SYMPTOMS), st.booleans(), max_size=5))
    numbers = {
        "morning_stiffness_min": st.integers(0, 60),
        "recent_long_travel_h": st.sampled_from([0, 2, 4, 5, 11]),
        "postpartum_weeks": st.integers(0, 30),
        "recent_weight_loss_pct": st.floats(0, 12).map(lambda x: round(x, 1)),
        "body_mass_change_kg": st.floats(-3, 2).map(lambda x: round(x, 1)),
    }
    for key, values in numbers.items():
        if draw(st.integers(0, 4)) == 0:
            out[key] = draw(values)
    return out


@st.composite
def loads(draw):
    load = {"acute_km_7d": draw(st.integers(0, 150)), "chronic_km_per_week_28d": draw(st.integers(0, 120))}
    optional = {
        "planned_session_min": st.sampled_from([20, 45, 75, 120]),
        "usual_easy_run_min": st.sampled_from([30, 45, 70]),
        "longest_run_30d_km": st.sampled_from([8, 15, 30]),
        "planned_session_km": st.sampled_from([5, 12, 21, 42]),
    }
    for key, values in optional.items():
        if draw(st.integers(0, 3)) == 0:
            load[key] = draw(values)
    if draw(st.booleans()):
        load["last_session"] = {
            "type": draw(st.sampled_from(["easy run", "long run", "marathon", "intervals"])),
            "duration_min": draw(st.sampled_from([30, 60, 95, 150, 240])),
            "fluid_consumed_l": draw(st.sampled_from([0, 0.5, 1.5])),
            "temperature_c": draw(st.sampled_from([8, 18, 27, 33])),
            "ended_hours_ago": draw(st.sampled_from([2, 5, 20, 48])),
        }
    return load


@st.composite
def check_ins(draw, max_areas=4, date="2026-03-02"):
    athlete = {
        "experience": draw(st.sampled_from(EXPERIENCE)),
        "body_mass_kg": draw(st.integers(40, 120)),
        "age": draw(st.integers(8, 80)),
    }
    if draw(st.booleans()):
        athlete["sex"] = draw(st.sampled_from(SEXES))
    if draw(st.integers(0, 3)) == 0:
        athlete["height_cm"] = draw(st.integers(140, 200))
    wellbeing = {
        "sleep_hours": draw(st.sampled_from([4, 5.5, 6, 7, 8, 9])),
        "fatigue": draw(st.integers(0, 10)),
        "resting_hr_elevated": draw(st.booleans()),
        "hot_weather": draw(st.booleans()),
    }
    if draw(st.integers(0, 4)) == 0:
        wellbeing["wbgt_c"] = draw(st.sampled_from([20, 28, 31, 33]))
    return {
        "date": date,
        "athlete": athlete,
        "wellbeing": wellbeing,
        "areas": draw(st.lists(areas(), max_size=max_areas)),
        "symptoms": draw(symptoms()),
        "load": draw(loads()),
    }
