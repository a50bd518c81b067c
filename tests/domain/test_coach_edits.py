"""A coach's changes never add running, intensity or a banned item (hypothesis over real plans)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.coach_edits import (
    ACTIONS,
    CoachEdit,
    EditError,
    apply_edit,
    apply_edits,
    editable_options,
    item_regions,
)
from recovery_planner.domain.exercise_options import options_for
from recovery_planner.domain.plan import running_rank
from recovery_planner.domain.planner import assess, build_plan

from .strategies import check_ins

TODAY = date(2026, 3, 2)
RUN_KINDS = {"easy_run", "training"}


def _plan_and_bans(data):
    check_in = parse_check_in(data, TODAY)
    return build_plan(check_in, 7).to_dict(), assess(check_in).is_banned


@st.composite
def edit_for(draw, plan):
    days = plan["days"]
    day = draw(st.sampled_from(days)) if days else {"date": TODAY.isoformat(), "items": []}
    items = day["items"]
    item = draw(st.sampled_from(items)) if items else None
    action = draw(st.sampled_from(ACTIONS))
    option = None
    if item is not None and item.get("kind") and len(item_regions(item)) == 1:
        listed = [o.key for o in options_for(item["kind"], next(iter(item_regions(item))))]
        option = draw(st.sampled_from([*listed, "made_up"]))
    return CoachEdit(
        action=action,
        day=date.fromisoformat(day["date"]) + timedelta(days=draw(st.sampled_from([0, 0, 0, 30]))),
        author=draw(st.sampled_from(["Coach Kim", "", "  "])),
        made_at="2026-03-02T09:00:00+00:00",
        item_id=None if item is None else draw(st.sampled_from([item["id"], "2026-03-02:training:-:-", "x"])),
        option=option,
        note=draw(st.sampled_from([None, "", "Short session on grass", "x" * 600])),
    )


def _kinds_by_day(plan):
    return {d["date"]: {(i["kind"], r) for i in d["items"] for r in item_regions(i) or {None}} for d in plan["days"]}


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_no_sequence_of_coach_changes_adds_running_intensity_or_a_banned_item(data):
    plan, is_banned = _plan_and_bans(data.draw(check_ins()))
    edits = data.draw(st.lists(edit_for(plan), max_size=6))
    before = {d["date"]: d for d in plan["days"]}
    before_kinds = _kinds_by_day(plan)
    outcome = apply_edits(plan, edits, is_banned)
    after = outcome.plan
    assert len(outcome.applied) + len(outcome.skipped) == len(edits)
    assert after["no_running_until_cleared"] == plan["no_running_until_cleared"]
    assert after["referral"] == plan["referral"]
    for day in after["days"]:
        old = before[day["date"]]
        assert running_rank(day["running"]) <= running_rank(old["running"])
        for item in day["items"]:
            assert item["kind"] != "training" or "training" in {k for k, _ in before_kinds[day["date"]]}
            if item["kind"] in RUN_KINDS:
                assert day["running"] != "none"
            for region in item_regions(item) or {None}:
                assert not is_banned(item["kind"], region)
                assert (item["kind"], region) in before_kinds[day["date"]] or item["kind"] == "rest"


EASY_CALF = {
    "date": TODAY.isoformat(),
    "athlete": {"experience": "intermediate", "body_mass_kg": 60},
    "areas": [
        {
            "region": "achilles",
            "side": "left",
            "pain": 2,
            "kind": "aching",
            "hours_since_run": 20,
            "days_since_onset": 10,
            "trend": "same",
        }
    ],
    "symptoms": {"morning_stiffness_min": 10, "warms_up_during_run": True},
}


def _first(plan, kind):
    for day in plan["days"]:
        for item in day["items"]:
            if item["kind"] == kind:
                return date.fromisoformat(day["date"]), item
    raise AssertionError(f"no {kind} in the plan")


def test_rest_day_removes_the_run_and_says_who_changed_it():
    plan, is_banned = _plan_and_bans(EASY_CALF)
    run_day = next(d for d in plan["days"] if d["running"] != "none")
    edit = CoachEdit("rest_day", date.fromisoformat(run_day["date"]), "Coach Kim", "2026-03-02T09:00:00+00:00")
    out = apply_edit(plan, edit, is_banned)
    day = next(d for d in out["days"] if d["date"] == run_day["date"])
    assert day["running"] == "none"
    assert not {i["kind"] for i in day["items"]} & RUN_KINDS
    assert day["items"][0]["kind"] == "rest"
    assert day["changed_by_coach"][0]["by"] == "Coach Kim"
    assert out["coach_changes"][0]["action"] == "rest_day"
    assert plan["days"][0] is not out["days"][0]  # the original plan is left as it was


def test_swap_offers_only_exercises_listed_for_the_region_and_records_the_change():
    plan, is_banned = _plan_and_bans(EASY_CALF)
    day, item = _first(plan, "strength_loading")
    choices = editable_options(plan, day, item["id"])
    assert choices, "the Achilles has listed alternatives"
    out = apply_edit(plan, CoachEdit("swap_exercise", day, "Coach Kim", "t", item["id"], choices[0].key), is_banned)
    swapped = next(i for d in out["days"] for i in d["items"] if i["id"] == item["id"])
    assert swapped["title"] == choices[0].title
    assert swapped["changed_by_coach"]["action"] == "swap_exercise"
    with pytest.raises(EditError, match="not an exercise listed"):
        apply_edit(plan, CoachEdit("swap_exercise", day, "Coach Kim", "t", item["id"], "sprint_intervals"), is_banned)


def test_a_required_item_cannot_be_removed_and_the_reason_is_given():
    plan, is_banned = _plan_and_bans(EASY_CALF)
    day, item = _first(plan, "sleep")
    with pytest.raises(EditError, match="part of the safe plan"):
        apply_edit(plan, CoachEdit("remove_item", day, "Coach Kim", "t", item["id"]), is_banned)


def test_an_emergency_plan_cannot_be_changed():
    data = dict(EASY_CALF, symptoms={"chest_pain_or_breathless": True})
    plan, is_banned = _plan_and_bans(data)
    assert plan["plan_suppressed"]
    with pytest.raises(EditError, match="emergency"):
        apply_edit(plan, CoachEdit("day_note", TODAY, "Coach Kim", "t", note="hi"), is_banned)


def test_edits_carry_over_to_a_rebuilt_plan_where_they_still_fit():
    plan, is_banned = _plan_and_bans(EASY_CALF)
    note = CoachEdit("day_note", TODAY + timedelta(days=1), "Coach Kim", "t", note="Grass loop only")
    gone = CoachEdit("day_note", TODAY + timedelta(days=40), "Coach Kim", "t", note="Far away")
    again = CoachEdit.from_dict(note.to_dict())
    outcome = apply_edits(plan, [again, gone], is_banned)
    assert outcome.applied == (note,)
    assert outcome.skipped[0][0] == gone and "no day" in outcome.skipped[0][1]
    assert outcome.plan["days"][1]["coach_note"] == "Grass loop only"
