"""Rules of the 2026-12 amendment that no shared check-in covers (guidance section 6): E7, E8, H2, S5, T3, X2,
L3, H1 (WBGT), E2 beyond the calf, R6 cramps, the M13 gate flag, and one referral message per plan."""

from datetime import date

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import assess, build_plan

DAY = date(2026, 3, 2)
RUNNER = {"experience": "intermediate", "body_mass_kg": 64, "age": 34}


def check_in(areas=(), symptoms=None, athlete=None, wellbeing=None, load=None):
    return parse_check_in(
        {
            "date": DAY.isoformat(),
            "athlete": {**RUNNER, **(athlete or {})},
            "wellbeing": {"sleep_hours": 8, "fatigue": 2, **(wellbeing or {})},
            "areas": list(areas),
            "symptoms": symptoms or {},
            "load": load or {},
        },
        DAY,
    )


def plan(**kwargs):
    return build_plan(check_in(**kwargs)).to_dict()


def area(region, pain=3, side="left", kind="aching", **extra):
    return {"region": region, "side": side, "pain": pain, "kind": kind, **extra}


def running(p):
    return [d["running"] for d in p["days"]]


def test_fainting_during_exercise_is_a_cardiac_emergency():
    p = plan(symptoms={"fainting_or_palpitations": True})
    assert p["referral"]["urgency"] == "emergency" and p["plan_suppressed"] and p["no_running_until_cleared"]
    assert "E7" in p["rules_fired"] and "heart" in p["referral"]["reasons"][0]


def test_chest_pain_after_a_fever_mentions_the_heart_muscle():
    p = plan(symptoms={"chest_pain_or_breathless": True, "fever_or_illness": True})
    assert p["referral"]["urgency"] == "emergency" and "inflamed" in p["referral"]["reasons"][0]


def test_weight_gained_with_a_headache_is_low_sodium_no_fluids():
    p = plan(symptoms={"headache": True, "body_mass_change_kg": 1.0})
    assert p["referral"]["urgency"] == "emergency" and "E8" in p["rules_fired"]
    assert any("Do not drink water" in step for step in p["do_now"])


def test_headache_with_heavy_fatigue_after_a_hot_run_is_urgent_but_not_an_emergency():
    p = plan(symptoms={"headache": True}, wellbeing={"fatigue": 8, "hot_weather": True})
    assert p["referral"]["urgency"] == "urgent" and not p["plan_suppressed"]
    assert p["no_running_until_cleared"] and set(running(p)) == {"none"}


def test_fever_means_two_run_free_days_then_easy():
    p = plan(symptoms={"fever_or_illness": True})
    assert running(p)[:4] == ["none", "none", "easy", "easy"]
    assert p["referral"]["urgency"] == "routine" and "S5" in p["rules_fired"]


def test_a_head_cold_allows_easy_running_only():
    p = plan(symptoms={"head_cold_only": True})
    assert running(p)[:3] == ["easy", "easy", "easy"]


def test_severs_in_a_child_is_routine_and_runs_as_pain_allows():
    heel = area("foot", 2, subregion="posterior_heel", mechanism="gradual")
    p = plan(areas=[heel], athlete={"age": 11})
    assert "T3" in p["rules_fired"] and p["referral"]["urgency"] == "routine"
    assert running(p)[0] == "easy"
    assert not any(i["kind"] == "strength_loading" for d in p["days"] for i in d["items"])


def test_heel_pain_at_night_in_a_child_is_not_severs():
    heel = area("foot", 3, subregion="posterior_heel")
    p = plan(areas=[heel], athlete={"age": 11}, symptoms={"night_or_rest_pain": True})
    assert "T3" not in p["rules_fired"] and "P1" in p["rules_fired"] and p["no_running_until_cleared"]


def test_knee_pain_with_a_limp_at_thirteen_is_a_possible_slipped_epiphysis():
    p = plan(areas=[area("knee", 3, gait_change=True, subregion="below_kneecap")], athlete={"age": 13})
    assert "E11" in p["rules_fired"] and "T3" not in p["rules_fired"]
    assert p["referral"]["urgency"] == "urgent" and p["no_running_until_cleared"]


def test_pregnancy_keeps_usual_easy_running_after_birth_none_for_twelve_weeks():
    pregnant = plan(symptoms={"pregnant_or_postpartum": True}, athlete={"sex": "female"})
    assert set(running(pregnant)) == {"easy"} and pregnant["referral"]["urgency"] == "routine"
    after_birth = plan(symptoms={"pregnant_or_postpartum": True, "postpartum_weeks": 6}, athlete={"sex": "female"})
    assert set(running(after_birth)) == {"none"}


def test_a_calf_ache_soon_after_a_birth_is_a_possible_clot():
    p = plan(areas=[area("calf", 2)], symptoms={"pregnant_or_postpartum": True, "postpartum_weeks": 3})
    assert "E2" in p["rules_fired"] and p["referral"]["urgency"] == "urgent" and p["plan_suppressed"]


def test_a_one_sided_back_of_knee_or_thigh_ache_with_a_clot_risk_is_e2():
    for marked in (area("knee", 2, subregion="back_of_knee"), area("hamstrings", 2)):
        p = plan(areas=[marked], symptoms={"oestrogen_or_active_cancer": True})
        assert "E2" in p["rules_fired"], marked


def test_both_calves_sore_after_a_flight_is_not_a_clot():
    p = plan(areas=[area("calf", 2, side="both", kind="soreness")], symptoms={"recent_long_travel_h": 10})
    assert "E2" not in p["rules_fired"]


def test_a_planned_run_far_beyond_the_longest_recent_run_gets_the_single_run_limit():
    p = plan(load={"longest_run_30d_km": 10, "planned_session_km": 16})
    assert "L3" in p["rules_fired"] and any("11.0 km" in c for c in p["cautions"])


def test_high_wbgt_means_no_hard_running_and_the_hot_default():
    p = plan(wellbeing={"wbgt_c": 31})
    assert "H1" in p["rules_fired"] and running(p)[:3] == ["easy"] * 3


def test_a_cramp_that_still_hurts_the_next_day_is_a_strain():
    p = plan(areas=[area("calf", 4, kind="cramp", hours_since_run=20)])
    assert "R6" in p["rules_fired"] and set(running(p)) == {"none"}


def test_the_m13_gate_is_marked_on_the_assessment():
    gated = assess(check_in(areas=[area("shin", 3)], symptoms={"focal_bone_tenderness": True}))
    assert gated.strength_gated and "P1" in gated.structural_rules
    assert not assess(check_in(areas=[area("achilles", 2, subregion="mid_portion")])).strength_gated


def test_one_referral_message_no_lower_urgency_timing_under_a_same_day_banner():
    p = plan(
        areas=[area("foot", 3, subregion="lateral_midfoot", days_since_onset=10, trend="same")],
        symptoms={"pain_worse_as_run_continues": True},
    )
    assert p["referral"]["urgency"] == "urgent"
    text = " ".join(p["referral"]["reasons"])
    assert "keep to your plan" not in text and "next 1-2 weeks" not in text and "1-3 days" not in text


def test_reds_flag_wording_is_plain_and_not_reassuring():
    p = plan(athlete={"sex": "male", "height_cm": 182, "body_mass_kg": 58})
    (reason,) = p["referral"]["reasons"]
    assert "17.5" in reason and "not normal for runners" in reason and p["referral"]["urgency"] == "routine"


def test_not_settling_has_one_definition_for_one_check_in_and_for_the_history():
    from datetime import timedelta

    from recovery_planner.domain.checkin import parse_check_in
    from recovery_planner.domain.progress import HistoryEntry, settling_report

    sore = area("calf", 5, days_since_onset=9, trend="same")
    alone = plan(areas=[sore])
    assert "P5" in alone["rules_fired"] and alone["referral"]["urgency"] == "prompt"
    assert alone["no_running_until_cleared"]
    history = [
        HistoryEntry(str(i), d, parse_check_in({"areas": [area("calf", 5, days_since_onset=i + 1)]}, d))
        for i in range(9)
        for d in [DAY - timedelta(days=8 - i)]
    ]
    report = settling_report(history, DAY)
    with_history = build_plan(check_in(areas=[area("calf", 5)]), settling=report).to_dict()
    assert "P5b" in with_history["rules_fired"] and "P5" not in with_history["rules_fired"]
    assert with_history["referral"]["urgency"] == alone["referral"]["urgency"]
    assert with_history["no_running_until_cleared"]
