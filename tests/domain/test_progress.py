"""Recovery over time: pain series, usual soreness course, not-settling warnings, ticks, 'did it help?'."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.domain.progress import (
    DID_IT_HELP_CAPTION,
    HistoryEntry,
    change_by_region,
    did_it_help,
    expected_course,
    expected_doms_curve,
    kept_done_ids,
    pain_series,
    settling_report,
    settling_warning,
)

D0 = date(2026, 3, 1)
VIGNETTES = json.loads((Path(__file__).parents[1] / "data" / "vignettes.json").read_text())


def area(region: str, side: str, pain: float, kind: str = "soreness", **extra) -> dict:
    return {"region": region, "side": side, "pain": pain, "kind": kind, **extra}


def entry(day: int, *areas: dict, done: tuple[str, ...] = ()) -> HistoryEntry:
    d = D0 + timedelta(days=day)
    return HistoryEntry(f"c{day}", d, parse_check_in({"areas": list(areas)}, d), None, frozenset(done))


def course(region: str, side: str, pains: list[float], kind: str = "soreness", step: int = 1) -> list[HistoryEntry]:
    return [entry(i * step, area(region, side, p, kind)) for i, p in enumerate(pains)]


def test_pain_series_follows_the_check_ins_and_breaks_after_an_area_clears():
    history = [
        entry(0, area("calf", "left", 5), area("quadriceps", "both", 3)),
        entry(1, area("calf", "left", 3)),
        entry(2, area("calf", "left", 2)),
        entry(3, area("quadriceps", "both", 4)),
    ]
    series = {s.key: s for s in pain_series(history)}
    assert list(series) == [("quadriceps", "both"), ("calf", "left")]  # region order
    quads = series[("quadriceps", "both")]
    assert quads.pains == (3.0, 0.0, None, 4.0)
    assert quads.dates == tuple(D0 + timedelta(days=i) for i in range(4))
    assert series[("calf", "left")].pains == (5.0, 3.0, 2.0, 0.0)
    assert series[("calf", "left")].label == "Left calf"


def test_a_replanned_day_counts_once_with_the_newer_check_in():
    first, again = entry(0, area("calf", "left", 5)), entry(0, area("calf", "left", 3))
    assert pain_series([first, again])[0].pains == (3.0,)


def test_expected_doms_curve_rises_peaks_at_24_to_72_hours_and_is_gone_by_day_7():
    pts = expected_doms_curve(6)
    days, pains = zip(*pts, strict=True)
    peak_day = days[pains.index(max(pains))]
    assert max(pains) == 6 and 1 <= peak_day <= 3
    assert pains[0] < pains[days.index(1.0)]  # rising in the first 24 h
    assert pains[-1] == 0 and days[-1] == 7
    assert all(a >= b for a, b in zip(pains[pains.index(6) :], pains[pains.index(6) + 1 :], strict=False))
    assert expected_doms_curve(20)[4][1] == 10  # clamped to the scale
    assert expected_doms_curve(4, onset_day=10)[0][0] == 10


def test_expected_course_is_anchored_at_onset_and_scaled_to_early_pain():
    history = [
        entry(0, area("quadriceps", "both", 3, hours_since_run=24)),
        entry(1, area("quadriceps", "both", 5)),
        entry(2, area("quadriceps", "both", 2)),
    ]
    course_ = expected_course(history)
    assert course_ is not None
    assert course_.onset == D0 - timedelta(days=1)
    assert max(course_.pains) == 5
    assert expected_course([entry(0)]) is None


def test_normal_soreness_course_gives_no_warning():
    history = course("quadriceps", "both", [4, 5, 3, 2, 1])
    assert settling_warning(history, D0 + timedelta(days=4)) is None


def test_normal_soreness_rising_in_the_first_72_hours_is_not_worse_twice():
    history = course("calf", "both", [2, 4, 6, 3, 1])
    assert settling_report(history[:3], D0 + timedelta(days=2)).concerns == ()


def test_seven_days_without_improvement_warns_and_raises_a_prompt_referral():
    history = course("calf", "left", [4, 5, 4, 4, 5, 4, 4, 4], kind="aching")
    report = settling_report(history, D0 + timedelta(days=7))
    assert report.urgency == "prompt" and report.no_running_until_cleared
    (concern,) = report.concerns
    assert concern.reason == "not_settling" and concern.days_since_onset == 7
    assert "Left calf" in report.message and "7 days" in report.message
    assert "physiotherapist" in report.message


def test_mild_stable_pain_after_a_week_is_a_routine_referral():
    history = course("hamstrings", "right", [2, 2, 3, 2, 2, 2, 2, 2], kind="aching")
    report = settling_report(history, D0 + timedelta(days=7))
    assert report.urgency == "routine" and not report.no_running_until_cleared
    assert "keep to your plan" in report.message


def test_improving_pain_after_a_week_gives_no_warning():
    history = course("calf", "left", [6, 6, 5, 5, 4, 4, 3, 2], kind="aching")
    assert settling_warning(history, D0 + timedelta(days=7)) is None


def test_worse_on_two_check_ins_in_a_row_is_prompt():
    history = course("knee", "left", [2, 3, 5], kind="aching")
    report = settling_report(history, D0 + timedelta(days=2))
    assert [c.reason for c in report.concerns] == ["worse_twice"]
    assert report.urgency == "prompt"
    assert "2, then 3, then 5" in report.message


def test_one_check_in_with_days_since_onset_and_trend_uses_the_reported_trend():
    history = [entry(0, area("calf", "left", 3, "aching", days_since_onset=9, trend="same"))]
    assert settling_report(history, D0).urgency == "routine"
    better = [entry(0, area("calf", "left", 3, "aching", days_since_onset=9, trend="better"))]
    assert settling_report(better, D0).concerns == ()


def test_an_area_that_cleared_up_no_longer_warns():
    history = [*course("calf", "left", [4] * 8, kind="aching"), entry(8)]
    assert settling_warning(history, D0 + timedelta(days=8)) is None


def test_not_settling_raises_the_planned_referral_and_stops_running():
    check_in = parse_check_in(VIGNETTES[0]["check_in"], D0)
    plan = build_plan(check_in).to_dict()
    history = course("calf", "left", [4] * 8, kind="aching")
    report = settling_report(history, D0 + timedelta(days=7))
    raised = build_plan(check_in, settling=report).to_dict()
    assert raised["referral"]["urgency"] == "prompt" and raised["no_running_until_cleared"]
    assert report.message in raised["referral"]["reasons"]
    assert all(d["running"] == "none" for d in raised["days"])
    assert not any(i["kind"] in ("easy_run", "training") for d in raised["days"] for i in d["items"])
    assert all({"rest", "active_recovery"} & {i["kind"] for i in d["items"]} for d in raised["days"])
    assert plan["referral"]["urgency"] == "none"  # without the history nothing is raised
    emergency = parse_check_in(dict(VIGNETTES[0]["check_in"], symptoms={"dark_urine": True}), D0)
    assert build_plan(emergency, settling=report).referral.urgency == "emergency"  # never lowered


def test_change_by_region_per_leg():
    first = {"areas": [area("quadriceps", "both", 5), area("calf", "left", 3), area("knee", "right", 4)]}
    latest = {
        "areas": [
            area("quadriceps", "left", 2),
            area("calf", "left", 5),
            area("knee", "right", 4.5),
            area("shin", "right", 2),
        ]
    }
    assert change_by_region(parse_check_in(first, D0), parse_check_in(latest, D0)) == {
        ("quadriceps", "left"): "better",
        ("quadriceps", "right"): "resolved",
        ("knee", "right"): "same",
        ("shin", "right"): "new",
        ("calf", "left"): "worse",
    }


def test_ticks_persist_on_replanning_when_the_item_still_exists():
    v = VIGNETTES[0]["check_in"]
    old = build_plan(parse_check_in(v, D0)).to_dict()
    day0, day1 = old["days"][0]["items"], old["days"][1]["items"]
    done = {day0[0]["id"], day1[0]["id"], day1[-1]["id"], "2026-03-03:foam_rolling:shin:left"}
    new_check_in = dict(v, date=old["days"][1]["date"])
    new_plan = build_plan(parse_check_in(new_check_in, D0))
    kept = kept_done_ids(done, new_plan)
    new = new_plan.to_dict()
    assert day0[0]["id"] in kept  # the day before the new plan is history
    new_ids = {i["id"] for d in new["days"] for i in d["items"]}
    assert kept == {i for i in done if i in new_ids or i.startswith(old["days"][0]["date"])}
    assert "2026-03-03:foam_rolling:shin:left" not in kept


def test_did_it_help_counts_what_was_done_before_drops_and_rises():
    d = lambda i: (D0 + timedelta(days=i)).isoformat()  # noqa: E731
    history = [
        entry(0, area("calf", "left", 5), done=(f"{d(0)}:foam_rolling:calf:left", f"{d(0)}:sleep:-:-")),
        entry(1, area("calf", "left", 3), done=(f"{d(1)}:easy_run:-:-", f"{d(1)}:ice:knee:left")),
        entry(2, area("calf", "left", 5)),
        entry(3, area("calf", "left", 5)),
    ]
    help_ = did_it_help(history)
    calf = help_[("calf", "left")]
    assert (calf.drops, calf.rises) == (1, 1)
    rows = {r.kind: (r.before_drop, r.before_rise) for r in calf.rows}
    assert rows == {"foam_rolling": (1, 1), "sleep": (1, 1), "easy_run": (0, 1)}  # knee ice not counted
    assert "not what caused the change" in DID_IT_HELP_CAPTION
