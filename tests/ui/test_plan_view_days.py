"""The plan view shows each day's reason and summary, merged items with their areas, and citations."""

import json
from datetime import date
from pathlib import Path

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.plan import Plan
from recovery_planner.domain.planner import build_plan
from recovery_planner.ui.plan_view import PlanView

TODAY = date(2026, 3, 2)
DATA = Path(__file__).parents[1] / "data"
CASES = {c["id"]: c for c in json.loads((DATA / "vignettes.json").read_text())}


def shown(qtbot, plan):
    view = PlanView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.set_plan(plan, set(), TODAY)
    return view


def test_day_rows_say_why_and_items_name_all_their_areas(qtbot):
    plan = build_plan(parse_check_in(CASES["V01"]["check_in"], TODAY)).to_dict()
    view = shown(qtbot, plan)
    top = view.tree.topLevelItem(0)
    assert top.text(1) == plan["days"][0]["running_reason"]
    assert plan["days"][0]["summary"] in top.toolTip(0)
    labels = [top.child(i).text(0) for i in range(top.childCount())]
    merged = [it for it in plan["days"][0]["items"] if len(it["dose"].get("regions") or []) > 1]
    assert merged, "V01 marks two sore areas: some item covers both"
    assert any("Quadriceps and calf, both legs" in label for label in labels)
    view.tree.setCurrentItem(top.child(1))
    details = view.details.toPlainText()
    assert "Based on:" in details and "R9" not in details and "M1" not in details
    view.tree.setCurrentItem(top)
    assert plan["days"][0]["running_reason"] in view.details.toPlainText()


def test_a_plan_without_running_shows_no_run_fluids(qtbot):
    plan = build_plan(parse_check_in(CASES["V03"]["check_in"], TODAY)).to_dict()
    assert all(d["running"] == "none" for d in plan["days"]) and plan["hydration"]["pre_run_l"] is None
    view = shown(qtbot, plan)
    assert "no fluids for a run" in view.notes.toPlainText()


def test_a_plan_from_planner_1_0_still_displays(qtbot):
    stored = json.loads((DATA / "plans_planner_1.0.json").read_text())[0]["plan"]
    view = shown(qtbot, stored)
    top = view.tree.topLevelItem(0)
    assert top.childCount() == len(stored["days"][0]["items"])
    view.tree.setCurrentItem(top.child(0))
    assert "Based on:" in view.details.toPlainText()
    assert Plan.from_dict(stored).start.isoformat() == stored["start"]
