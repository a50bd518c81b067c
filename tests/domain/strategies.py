"""Hypothesis strategies that generate check-ins in exchange format v1."""

from hypothesis import strategies as st

from recovery_planner.domain.checkin import BOOL_SYMPTOMS, EXPERIENCE, KINDS, MECHANISMS, TRENDS
from recovery_planner.domain.regions import REGIONS, SIDES, SUBREGIONS


@st.composite
def areas(draw):
    region = draw(st.sampled_from(REGIONS))
    area = {
        "region": region,
        "side": draw(st.sampled_from(SIDES)),
        "pain": draw(st.integers(0, 10)),
        "kind": draw(st.sampled_from(KINDS)),
        "swelling": draw(st.just(True) if draw(st.integers(0, 9)) == 0 else st.just(False)),
        "numbness": draw(st.just(True) if draw(st.integers(0, 9)) == 0 else st.just(False)),
        "gait_change": draw(st.just(True) if draw(st.integers(0, 9)) == 0 else st.just(False)),
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
def check_ins(draw, max_areas=4):
    symptoms = draw(st.dictionaries(st.sampled_from(BOOL_SYMPTOMS), st.booleans(), max_size=4))
    if draw(st.integers(0, 4)) == 0:
        symptoms["morning_stiffness_min"] = draw(st.integers(0, 60))
    return {
        "date": "2026-03-02",
        "athlete": {
            "experience": draw(st.sampled_from(EXPERIENCE)),
            "body_mass_kg": draw(st.integers(40, 120)),
            "age": draw(st.integers(14, 80)),
        },
        "wellbeing": {
            "sleep_hours": draw(st.sampled_from([4, 5.5, 6, 7, 8, 9])),
            "fatigue": draw(st.integers(0, 10)),
            "resting_hr_elevated": draw(st.booleans()),
            "hot_weather": draw(st.booleans()),
        },
        "areas": draw(st.lists(areas(), max_size=max_areas)),
        "symptoms": symptoms,
        "load": {"acute_km_7d": draw(st.integers(0, 150)), "chronic_km_per_week_28d": draw(st.integers(0, 120))},
    }
