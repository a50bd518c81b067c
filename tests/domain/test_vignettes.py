"""Every shared vignette gets its safe expected outcome (copied from shared/vignettes/check_ins.json)."""

import json
from datetime import date
from pathlib import Path

import pytest

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan

from .plan_checks import expectation_errors, kinds

CASES = json.loads((Path(__file__).parents[1] / "data" / "vignettes.json").read_text())
TODAY = date(2026, 1, 1)


def close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.02, 0.03 * abs(b))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_vignette_gets_safe_plan(case):
    plan = build_plan(parse_check_in(case["check_in"], TODAY)).to_dict()
    assert expectation_errors(plan, case["expected"]) == []


@pytest.mark.parametrize("case", [c for c in CASES if c["expected"].get("should_include")], ids=lambda c: c["id"])
def test_vignette_includes_good_practice(case):
    plan = build_plan(parse_check_in(case["check_in"], TODAY)).to_dict()
    assert set(case["expected"]["should_include"]) <= kinds(plan)


def test_measured_sweat_test_vignette_hydration():
    case = next(c for c in CASES if c["id"] == "V14")
    hyd = build_plan(parse_check_in(case["check_in"], TODAY)).to_dict()["hydration"]
    want = case["expected"]["hydration"]
    assert close(hyd["sweat_rate_l_per_h"], want["sweat_rate_l_per_h"])
    for got, exp in (
        (hyd["post_run_l"], want["post_run_fluid_l"]),
        (hyd["during_run_l"], want["planned_session_during_l"]),
        (hyd["pre_run_l"], want["pre_run_fluid_l"]),
    ):
        assert all(close(g, e) for g, e in zip(got, exp, strict=True)), (got, exp)


def test_emergency_plans_say_what_to_do_now_and_have_no_schedule():
    for case in CASES:
        plan = build_plan(parse_check_in(case["check_in"], TODAY)).to_dict()
        if plan["plan_suppressed"]:
            assert plan["days"] == [] and plan["do_now"]
            assert plan["referral"]["reasons"]
