"""Stored check-ins and plans are read back once, as ``CheckIn`` and ``Plan``, on the services' read paths.

Plans stored by planner 1.0 (tests/data/plans_planner_1.0.json) are written into a real data folder exactly as
that version wrote them; the holds, the plan in force and the exports then give what the stored document says.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from recovery_planner.domain.checkin import CheckIn, parse_check_in
from recovery_planner.domain.holds import rule_behind
from recovery_planner.domain.plan import Plan
from recovery_planner.domain.planner import build_plan
from recovery_planner.domain.progress import settling_report
from recovery_planner.domain.urgency import urgency_rank
from recovery_planner.formats.plan_csv import plan_to_csv
from recovery_planner.services import athletes, checkins, clearances, exports, holds, queries
from recovery_planner.services.context import AppContext
from recovery_planner.storage.repository import Repository

DATA = Path(__file__).parents[1] / "data"
OLD_PLANS = {x["id"]: x["plan"] for x in json.loads((DATA / "plans_planner_1.0.json").read_text())}
START = date(2026, 3, 2)
assert all(p["start"] == START.isoformat() for p in OLD_PLANS.values())
SORE = {"region": "calf", "side": "left", "pain": 3, "kind": "soreness", "hours_since_run": 24}


@dataclass(frozen=True)
class AsPlanner10Wrote(Plan):
    """A plan whose stored document is exactly what planner 1.0 wrote (storage stores ``to_dict()``)."""

    document: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return self.document


def as_written(document: dict[str, Any]) -> AsPlanner10Wrote:
    typed = Plan.from_dict(document)
    return AsPlanner10Wrote(**{f.name: getattr(typed, f.name) for f in fields(Plan)}, document=document)


@pytest.fixture
def ctx(tmp_path: Path):
    c = AppContext(
        Repository.open(tmp_path / "data", auto_backup=False),
        clock=lambda: datetime(2026, 3, 3, 18, tzinfo=timezone.utc),
    )
    yield c
    c.repo.close()


def store_old(ctx: AppContext, vignette: str) -> tuple[str, str]:
    """An athlete with one check-in whose plan planner 1.0 stored; (athlete id, check-in id)."""
    athlete = athletes.add_athlete(ctx, f"Runner {vignette}", experience="intermediate").value.id
    check_in = parse_check_in({"date": START.isoformat(), "areas": [SORE]}, START)
    record = ctx.repo.add_check_in(athlete, check_in, as_written(OLD_PLANS[vignette]))
    return athlete, record.id


def opens_hold(document: dict[str, Any]) -> bool:
    return (
        urgency_rank(document["referral"]["urgency"]) >= urgency_rank("prompt") or document["no_running_until_cleared"]
    )


@pytest.mark.parametrize("vignette", sorted(OLD_PLANS))
def test_holds_read_planner_1_0_plans_as_typed_plans_with_the_stored_referral(ctx: AppContext, vignette) -> None:
    old = OLD_PLANS[vignette]
    athlete, checkin_id = store_old(ctx, vignette)
    assert queries.stored_plan(ctx, athlete, checkin_id) == old  # stored as planner 1.0 wrote it
    inputs = holds.hold_inputs(ctx, athlete, START)
    for _, plan in inputs.history:
        assert isinstance(plan, Plan) and plan == Plan.from_dict(old)
    state = holds.open_holds(ctx, athlete)
    if not opens_hold(old):
        assert state.open == ()
        return
    (hold,) = state.open
    urgency = old["referral"]["urgency"]
    # what the stored document says, field by field (what the dict-reading code gave before)
    assert hold.urgency == urgency and hold.since == START and hold.checkin_id == checkin_id
    assert hold.reason == old["referral"]["reasons"][0]
    assert hold.no_running_until_cleared == old["no_running_until_cleared"]
    assert hold.rule == rule_behind(urgency, old["rules_fired"])


def test_a_planner_1_0_plan_in_force_is_shown_as_stored_until_a_clearance_lifts_its_hold(ctx: AppContext) -> None:
    old = OLD_PLANS["V22"]  # urgent (E5), no running until cleared
    athlete, checkin_id = store_old(ctx, "V22")
    current = queries.current_plan(ctx, athlete)
    assert current.checkin_id == checkin_id and current.plan == old  # the document as stored, nothing added
    assert holds.open_holds(ctx, athlete).urgency == "urgent"
    clearances.add_clearance(ctx, athlete, "Dr Jo Smith, sports physician")
    shown = queries.current_plan(ctx, athlete).plan
    assert shown is not None and shown["hold_cleared"].startswith("Cleared on 3 March 2026 by Dr Jo Smith")
    assert {k: v for k, v in shown.items() if k != "hold_cleared"} == old
    assert queries.stored_plan(ctx, athlete, checkin_id) == old  # the stored plan is never rewritten
    assert holds.open_holds(ctx, athlete).open == ()


def test_a_planner_1_0_plan_exports_as_its_stored_document(ctx: AppContext, tmp_path: Path) -> None:
    athlete, checkin_id = store_old(ctx, "V03")
    out = exports.export(ctx, athlete, "csv", tmp_path / "plan.csv").value
    assert out.checkin_id == checkin_id
    assert out.path.read_bytes() == plan_to_csv(OLD_PLANS["V03"], frozenset())


def test_the_history_reads_each_stored_check_in_as_a_check_in_once(ctx: AppContext) -> None:
    athlete = athletes.add_athlete(ctx, "Ana", experience="intermediate").value.id
    knee = {"region": "knee", "side": "left", "kind": "aching"}
    for day, pain in ((1, 2), (2, 3), (3, 4)):  # worse on two check-ins in a row
        checkins.save_check_in(ctx, athlete, {"date": f"2026-03-0{day}", "areas": [{**knee, "pain": pain}]}, 7)
    entries = queries.history_entries(ctx, athlete)
    records = queries.history_records(ctx, athlete)
    for entry, record in zip(entries, records, strict=True):
        assert isinstance(entry.check_in, CheckIn)
        assert entry.check_in == parse_check_in(record.check_in, record.date)  # as validated when saved
    today = date(2026, 3, 3)
    typed = [type(e)(e.id, e.date, parse_check_in(r.check_in, r.date)) for e, r in zip(entries, records, strict=True)]
    report = settling_report(entries, today)
    assert report == settling_report(typed, today)
    assert [(c.reason, c.pains) for c in report.concerns] == [("worse_twice", (2.0, 3.0, 4.0))]
    again = queries.history_entries(ctx, athlete)
    assert all(a.check_in is b.check_in for a, b in zip(entries, again, strict=True))  # read once, kept for the athlete


def test_a_save_shows_the_new_plan_as_its_document(ctx: AppContext) -> None:
    """save_check_in hands the typed check-in and plan on; the plan shown is the new plan's document."""
    athlete = athletes.add_athlete(ctx, "Bo", experience="intermediate").value.id
    data = {"date": START.isoformat(), "areas": [SORE]}
    saved = checkins.save_check_in(ctx, athlete, data, 7).value
    expected = build_plan(parse_check_in({**data, "athlete": {"experience": "intermediate", "name": "Bo"}}, START))
    assert saved.plan == expected.to_dict()
    assert queries.stored_plan(ctx, athlete, saved.record.id) == saved.plan
