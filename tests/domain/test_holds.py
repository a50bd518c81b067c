"""Holds: a referral stays in force until a clearance is recorded; then the rule's graded return (RTR7)."""

from datetime import date, timedelta

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.holds import Clearance, hold_from_plan, hold_state
from recovery_planner.domain.plan import Plan
from recovery_planner.domain.planner import build_plan

DAY = date(2026, 3, 2)
CLEAN = {"athlete": {"experience": "intermediate", "body_mass_kg": 70, "age": 35}, "areas": [], "symptoms": {}}
CLOT = {
    **CLEAN,
    "areas": [{"region": "calf", "side": "left", "pain": 3, "kind": "aching", "mechanism": "none"}],
    "symptoms": {"recent_long_travel_h": 9},
}
HEAT_STROKE = {**CLEAN, "symptoms": {"confusion_or_collapse": True}}
SEVERE = {**CLEAN, "areas": [{"region": "quadriceps", "side": "left", "pain": 7, "kind": "aching"}]}


def plan(data, day=DAY, holds=None):
    return build_plan(parse_check_in({**data, "date": day.isoformat()}, day), 7, holds=holds)


def test_a_clean_check_in_the_same_day_keeps_the_clot_warning():
    first = plan(CLOT)
    assert first.referral.urgency == "urgent" and first.plan_suppressed
    later = plan(CLEAN, holds=hold_state([("c1", first)])).to_dict()
    assert later["referral"]["urgency"] == "urgent"
    assert later["plan_suppressed"] and later["no_running_until_cleared"]
    assert later["referral"]["reasons"][0].startswith("Still open since 2 March 2026:")
    assert later["do_now"]


def test_without_the_hold_the_clean_check_in_would_allow_training():
    assert plan(CLEAN).to_dict()["days"][0]["running"] == "normal"


def test_a_later_check_in_can_raise_but_never_lower_the_urgency():
    state = hold_state([plan(SEVERE)])
    (hold,) = state.open
    assert (hold.rule, hold.urgency, hold.no_running_until_cleared) == ("P6", "prompt", True)
    calm = plan(CLEAN, DAY + timedelta(days=1), state).to_dict()
    assert calm["referral"]["urgency"] == "prompt" and all(d["running"] == "none" for d in calm["days"])
    worse = plan({**CLEAN, "symptoms": {"dark_urine": True}}, DAY + timedelta(days=1), state)
    assert worse.referral.urgency == "emergency"
    raised = hold_state([plan(SEVERE), worse])
    assert raised.urgency == "emergency"


def test_one_hold_per_rule_keeps_the_first_day_and_the_checkin_id():
    state = hold_state([("b", plan(SEVERE, DAY + timedelta(days=2))), ("a", plan(SEVERE))])
    (hold,) = state.open
    assert hold.since == DAY and hold.checkin_id == "a"


def test_a_clearance_closes_the_hold_and_starts_the_heat_stroke_return():
    first = plan(HEAT_STROKE)
    assert first.plan_suppressed and first.no_running_until_cleared
    cleared_on = DAY + timedelta(days=2)
    state = hold_state([first], [Clearance(cleared_on, "Dr Okafor", "blood tests normal")])
    assert state.open == ()
    (graded,) = state.returns
    assert graded.rule == "E4" and graded.cleared_by == "Dr Okafor"
    after = plan(CLEAN, cleared_on + timedelta(days=1), state).to_dict()
    assert [d["running"] for d in after["days"]] == ["none"] * 7  # at least 7 days off after the clearance
    assert any("Dr Okafor" in step for step in after["return_to_run"])
    later = plan(CLEAN, cleared_on + timedelta(days=8), state).to_dict()
    assert {d["running"] for d in later["days"]} == {"easy"}  # graded heat re-exposure: easy only
    done = plan(CLEAN, graded.complete_on, state).to_dict()
    assert done["days"][0]["running"] == "normal"


def test_a_clearance_does_not_close_a_hold_opened_after_it():
    cleared = Clearance(DAY, "physio")
    state = hold_state([plan(SEVERE), plan(SEVERE, DAY + timedelta(days=3))], [cleared])
    (hold,) = state.open
    assert hold.since == DAY + timedelta(days=3)


def test_an_old_planner_plan_with_an_open_referral_becomes_a_hold():
    old = {
        "start": "2026-02-20",
        "plan_suppressed": False,
        "referral": {"urgency": "urgent", "reasons": ["Deep groin pain ... femoral neck"]},
        "no_running_until_cleared": True,
        "days": [],
        "hydration": None,
        "stop_rules": [],
        "return_to_run": [],
        "rules_fired": ["E5", "P1", "R5"],
        "planner_version": "1.0",
    }
    hold = hold_from_plan(Plan.from_dict(old), "old-1")
    assert hold is not None and (hold.rule, hold.urgency, hold.since) == ("E5", "urgent", date(2026, 2, 20))
    assert hold_state([("old-1", Plan.from_dict(old))]).open == (hold,)
    routine = {**old, "referral": {"urgency": "routine", "reasons": ["book"]}, "no_running_until_cleared": False}
    assert hold_from_plan(Plan.from_dict(routine)) is None
    bare = {"start": "2026-02-20", "referral": {"urgency": "prompt", "reasons": []}}  # the oldest plans
    assert hold_from_plan(Plan.from_dict(bare)).reason


def test_hold_dicts_name_rule_reason_and_date_for_the_roster():
    (hold,) = hold_state([("c1", plan(CLOT))]).open
    out = hold.to_dict()
    assert out["rule"] == "E2" and out["urgency"] == "urgent" and out["since"] == "2026-03-02"
    assert out["checkin_id"] == "c1" and "clot" in out["reason"]


def test_history_entries_from_storage_are_read_with_their_ids():
    from recovery_planner.domain.progress import HistoryEntry

    first = plan(CLOT)
    check_in = parse_check_in({"date": DAY.isoformat()}, DAY)
    entries = [
        HistoryEntry("c1", DAY, check_in, first),
        HistoryEntry("c2", DAY, check_in, None),  # plan not loaded: skipped
    ]
    (hold,) = hold_state(entries).open
    assert (hold.checkin_id, hold.rule) == ("c1", "E2")
