"""Plan format v1 stays readable: plans stored by planner 1.0 read back and render; new fields only add."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.citations import RULE_CITATIONS, citations
from recovery_planner.domain.plan import Plan
from recovery_planner.domain.plan_text import render_plan_text
from recovery_planner.domain.planner import build_plan

DATA = Path(__file__).parents[1] / "data"
OLD = json.loads((DATA / "plans_planner_1.0.json").read_text())
CASES = json.loads((DATA / "vignettes.json").read_text())
ADDED_DAY = {"running_reason", "summary"}
ADDED_ITEM = {"citations"}
ADDED_HYDRATION = {"catch_up_l", "session_basis"}
CITATION = re.compile(r"^[A-Z][\w'&.,\- øöäüéÄÖÜÉ()]+ (19|20)\d\d$")


def without_added(plan):
    plan = json.loads(json.dumps(plan))
    for day in plan["days"]:
        for key in ADDED_DAY:
            day.pop(key, None)
        for item in day["items"]:
            for key in ADDED_ITEM:
                item.pop(key, None)
    if plan.get("hydration"):
        for key in ADDED_HYDRATION:
            plan["hydration"].pop(key, None)
    plan["referral"].pop("reason_urgencies", None)
    return plan


@pytest.mark.parametrize("stored", OLD, ids=[s["id"] for s in OLD])
def test_plan_from_planner_1_0_reads_back_with_fields_only_added(stored):
    plan = Plan.from_dict(stored["plan"])
    again = plan.to_dict()
    assert without_added(again) == stored["plan"]
    for day in again["days"]:
        for item in day["items"]:
            assert (
                item["sources"]
                == next(i for d in stored["plan"]["days"] for i in d["items"] if i["id"] == item["id"])["sources"]
            )


@pytest.mark.parametrize("stored", OLD, ids=[s["id"] for s in OLD])
def test_plan_from_planner_1_0_renders_as_text(stored):
    text = render_plan_text(stored["plan"])
    assert "not medical advice" in text
    if stored["plan"]["days"]:
        assert "Why:" in text


def test_a_plan_older_than_item_ids_still_reads():
    old = json.loads(json.dumps(OLD[0]["plan"]))
    for key in ("do_now", "cautions", "rules_fired", "planner_version"):
        old.pop(key)
    for day in old["days"]:
        for item in day["items"]:
            item.pop("id")
            item.pop("how_to", None)
            item.pop("optional", None)
    plan = Plan.from_dict(old)
    assert plan.planner_version == ""
    assert plan.to_dict()["days"][0]["items"][0]["id"].startswith(old["days"][0]["date"])


@pytest.mark.parametrize("bad", [{}, {"start": "not a date"}, {"start": "2026-03-02", "days": [{"items": []}]}, []])
def test_an_unreadable_plan_is_a_clear_value_error(bad):
    with pytest.raises(ValueError, match="not a readable plan"):
        Plan.from_dict(bad)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_new_plans_keep_rule_ids_and_add_readable_citations(case):
    plan = build_plan(parse_check_in(case["check_in"], date(2026, 3, 2))).to_dict()
    for day in plan["days"]:
        assert day["running_reason"] and day["summary"]
        for item in day["items"]:
            assert item["sources"], item["title"]
            assert all(CITATION.match(c) for c in item["citations"]), item["citations"]
            assert not set(item["citations"]) & set(RULE_CITATIONS)  # no rule codes among the citations
    text = render_plan_text(plan)
    assert "Based on: M" not in text and not re.search(r"\((M|R|E|P)\d+[;)]", text)


def test_citations_expand_rule_ids_and_prefer_named_studies():
    assert citations(["M14"]) == ("Law & Herbert 2007",)
    assert citations(["M9", "S4", "Hirshkowitz 2015"]) == ("Hirshkowitz et al. 2015",)
    assert citations(["S2-18"]) == ()
    assert citations(["PEACE", "M8"]) == ("Dubois & Esculier 2020",)


def test_every_rule_citation_is_author_and_year():
    for rule, refs in RULE_CITATIONS.items():
        assert all(CITATION.match(r) for r in refs), rule


def test_one_referral_title_in_the_text():
    case = next(c for c in CASES if c["id"] == "V05")
    text = render_plan_text(build_plan(parse_check_in(case["check_in"], date(2026, 3, 2))).to_dict())
    titles = ["GET HELP NOW", "SEE A DOCTOR TODAY", "SEE A PHYSIOTHERAPIST", "BOOK AN ASSESSMENT"]
    assert sum(t in text for t in titles) == 1
