"""The planner's safety rules hold for any check-in, not just the vignettes (hypothesis)."""

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan

from .plan_checks import URGENCY
from .strategies import check_ins

TODAY = date(2026, 3, 2)
MANY = settings(max_examples=400, deadline=None)
ALWAYS_BANNED = {"knee": {"foam_rolling"}, "shin": {"foam_rolling", "massage"}, "achilles": {"foam_rolling"}}
RUN_KINDS = {"easy_run", "training"}
MEDICINES = ("ibuprofen", "naproxen", "paracetamol", "acetaminophen", "aspirin", "nsaid", "anti-inflammatory pill")


def plan_for(data, days=7):
    return build_plan(parse_check_in(data, TODAY), days).to_dict()


def day1(plan):
    return plan["days"][0]["running"] if plan["days"] else "none"


@MANY
@given(check_ins())
def test_alarm_signs_mean_no_running_on_day_one(data):
    plan = plan_for(data)
    areas = data["areas"]
    if any(a["pain"] >= 4 or a["kind"] == "sharp" or a["swelling"] or a["numbness"] or a["gait_change"] for a in areas):
        assert day1(plan) == "none"


@MANY
@given(check_ins())
def test_severe_pain_is_referred_at_least_promptly(data):
    plan = plan_for(data)
    if any(a["pain"] >= 7 for a in data["areas"]):
        assert URGENCY[plan["referral"]["urgency"]] >= URGENCY["prompt"]
        assert day1(plan) == "none"


@MANY
@given(check_ins())
def test_red_flags_are_never_ignored(data):
    plan = plan_for(data)
    sym = data["symptoms"]
    urgency = URGENCY[plan["referral"]["urgency"]]
    if sym.get("dark_urine"):
        assert plan["plan_suppressed"] and urgency == URGENCY["emergency"]
    if sym.get("confusion_or_collapse") or sym.get("chest_pain_or_breathless"):
        assert plan["plan_suppressed"] and urgency == URGENCY["emergency"]
    if sym.get("calf_warmth_redness"):
        assert plan["plan_suppressed"] and urgency >= URGENCY["urgent"]
    flags = (
        "focal_bone_tenderness",
        "night_or_rest_pain",
        "unable_to_bear_weight_4_steps",
        "radiating_pain",
        "limited_rom",
        "locking_or_giving_way",
        "bony_tenderness_ottawa",
    )
    if any(sym.get(f) for f in flags):
        assert urgency >= URGENCY["prompt"] and plan["no_running_until_cleared"]
    if plan["referral"]["urgency"] != "none":
        assert plan["referral"]["reasons"]


@MANY
@given(check_ins())
def test_bans_and_running_days_are_consistent(data):
    plan = plan_for(data)
    for day in plan["days"]:
        kinds = [it["kind"] for it in day["items"]]
        for it in day["items"]:
            assert it["kind"] not in ALWAYS_BANNED.get(it["region"], ())
        if day["running"] == "none":
            assert not RUN_KINDS & set(kinds)
        else:
            assert RUN_KINDS & set(kinds)
        assert {"hydration", "sleep", "nutrition"} <= set(kinds)
        ids = [it["id"] for it in day["items"]]
        assert len(ids) == len(set(ids))
    if plan["no_running_until_cleared"] or plan["plan_suppressed"]:
        assert all(d["running"] == "none" for d in plan["days"])


@MANY
@given(check_ins())
def test_strained_or_numb_areas_are_not_stretched_or_rolled(data):
    plan = plan_for(data)
    for a in data["areas"]:
        banned = set()
        if a["kind"] == "sharp" and a.get("mechanism") == "sudden_during_sprint":
            banned |= {"stretching", "foam_rolling", "massage", "heat"}
        if a["numbness"]:
            banned |= {"ice", "stretching"}
        if a["swelling"]:
            banned |= {"heat", "massage", "foam_rolling"}
        for day in plan["days"]:
            assert not [it for it in day["items"] if it["region"] == a["region"] and it["kind"] in banned]


@MANY
@given(check_ins())
def test_hydration_never_exceeds_sweat_loss_and_no_medicines(data):
    plan = plan_for(data)
    hyd = plan["hydration"]
    if hyd and hyd["during_run_l"]:
        assert hyd["during_run_l"][1] <= hyd["expected_loss_l"] + 0.01
        assert hyd["during_run_l"][0] <= hyd["during_run_l"][1]
    text = json.dumps(plan).lower()
    assert not [m for m in MEDICINES if m in text]


@MANY
@given(check_ins(), st.integers(3, 14))
def test_same_check_in_gives_the_same_plan(data, days):
    assert plan_for(data, days) == plan_for(json.loads(json.dumps(data)), days)
    assert len(plan_for(data, days)["days"]) in (0, days)


@MANY
@given(
    st.sampled_from(["beginner", "intermediate", "advanced"]),
    st.integers(40, 110),
    st.integers(16, 70),
    st.floats(7, 10),
    st.integers(0, 3),
)
def test_healthy_rested_runner_may_train(experience, mass, age, sleep, fatigue):
    data = {
        "date": "2026-03-02",
        "athlete": {"experience": experience, "body_mass_kg": mass, "age": age},
        "wellbeing": {"sleep_hours": sleep, "fatigue": fatigue},
        "areas": [],
        "symptoms": {},
        "load": {"acute_km_7d": 30, "chronic_km_per_week_28d": 30},
    }
    plan = plan_for(data)
    assert day1(plan) == "normal"
    assert plan["referral"]["urgency"] == "none"
