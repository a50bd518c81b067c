"""Turn a check-in into a recovery plan, following the rule order of guidance section 2.1."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from .. import PLANNER_VERSION
from .assessment import STRUCTURAL_RULES, Assessment
from .checkin import CheckIn
from .daily_care import hydration_item, nutrition_item, sleep_item
from .features import TENDON, extract
from .holds import HoldState, long_date
from .hydration import hydration_advice
from .plan import DEFAULT_DAYS, MAX_DAYS, MIN_DAYS, Plan, PlanDay, PlanItem, Referral, urgency_rank
from .readiness import apply_running_rules
from .schedule import recovery_activity, region_items, run_items, running_level
from .triage import apply_emergency_rules, apply_referral_rules

if TYPE_CHECKING:
    from .progress import SettlingReport

HOLD_WORDS = {
    "emergency": "emergency care",
    "urgent": "a same-day check",
    "prompt": "a check by a physiotherapist or sports doctor before running again",
}

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "MIN_DAYS", "assess", "build_plan"]


def assess(check_in: CheckIn, settling: SettlingReport | None = None, holds: HoldState | None = None) -> Assessment:
    """Run every rule tier on the check-in (guidance 2.1): what is still open, emergencies, referrals,
    not settling, then running permission and any graded return.

    ``settling`` is the not-settling report of the stored history including this check-in (P5b,
    ``progress.settling_report``); without it the check-in alone is read (P5, the same definition).
    ``holds`` is ``holds.hold_state(...)`` of the stored plans and clearances: an open hold can raise,
    never lower, the urgency, and keeps running off until a clearance is recorded."""
    from .progress import check_in_settling

    a = Assessment(extract(check_in))
    if holds is not None:
        _apply_open_holds(a, holds)
    apply_emergency_rules(a)
    apply_referral_rules(a)
    report = settling if settling is not None else check_in_settling(check_in.to_dict(), check_in.date)
    _apply_settling(a, report)
    apply_running_rules(a)
    if holds is not None:
        _apply_graded_returns(a, holds, check_in)
    return a


def _apply_open_holds(a: Assessment, holds: HoldState) -> None:
    """Each open hold first: its urgency, its reason, no running until cleared, the plan suppressed if it was."""
    from .triage import CLEARANCE_FIRST

    for hold in holds.open:
        a.open_holds.append(hold.rule)
        a.refer(hold.urgency, f"Still open since {long_date(hold.since)}: {hold.reason}", hold.rule)
        a.hold_running(hold.rule)
        if hold.rule in STRUCTURAL_RULES or hold.rule.startswith("E"):
            a.gate_strength(hold.rule)  # M13: still unexamined
        a.injury_pathway = True
        a.return_step(CLEARANCE_FIRST)
        if hold.suppresses_plan:
            a.suppressed = True
            step = (
                f"Your check-in of {long_date(hold.since)} needed {HOLD_WORDS.get(hold.urgency, 'a check')}, and "
                "no clearance has been recorded since. If you have not been seen, get help now; once a clinician "
                "has cleared you, record it (who and when) to start the return."
            )
            if step not in a.do_now:
                a.do_now.append(step)


def _apply_settling(a: Assessment, report: SettlingReport) -> None:
    """P5 (one check-in) and P5b (the stored history): one definition, in progress.py."""
    for concern in report.concerns:
        advice = f"{concern.advice} {report.stale_note}".strip()
        if concern.urgency == "prompt":
            a.refer_before_running(concern.finding, concern.rule, advice)
            a.injury_pathway = True
        else:
            a.refer(concern.urgency, concern.finding, concern.rule, advice)


def _apply_graded_returns(a: Assessment, holds: HoldState, check_in: CheckIn) -> None:
    """RTR7: after a clearance, the rule's graded return caps running until it is complete."""
    for graded in holds.returns_active_on(check_in.date):
        run_free, easy = graded.limits(check_in.date)
        a.fire("RTR7")
        if run_free:
            a.rest(run_free, "RTR7")
        if easy:
            a.cap_easy(easy, "RTR7")
        a.injury_pathway = True
        a.return_step(f"Cleared on {long_date(graded.cleared_on)} by {graded.cleared_by}. " + graded.text())


def build_plan(
    check_in: CheckIn,
    days: int = DEFAULT_DAYS,
    settling: SettlingReport | None = None,
    holds: HoldState | None = None,
) -> Plan:
    """The day-by-day plan for ``days`` days (3-14) starting on the check-in's date.

    ``settling``: ``progress.settling_report(history + [this check-in], date)`` (P5b); ``holds``:
    ``holds.hold_state(stored plans, clearances)``. Both optional: without them only this check-in counts."""
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(f"days must be {MIN_DAYS}-{MAX_DAYS}, got {days}")
    a = assess(check_in, settling, holds)
    advice = None if a.suppressed else hydration_advice(check_in)
    plan_days: list[PlanDay] = []
    if not a.suppressed:
        for i in range(days):
            running = running_level(a, i)
            plan_days.append(PlanDay(check_in.date + timedelta(days=i), running, _day_items(a, i, running, advice)))
    any_run = any(d.running != "none" for d in plan_days)
    if a.suppressed:
        returns: tuple[str, ...] = tuple(a.graded_return)
    else:
        returns = (*a.graded_return, *(return_to_run(a) if a.injury_pathway else ()))
    return Plan(
        start=check_in.date,
        plan_suppressed=a.suppressed,
        referral=Referral(a.urgency, a.ordered_reasons()),
        no_running_until_cleared=a.until_cleared,
        days=tuple(plan_days),
        hydration=advice,
        stop_rules=stop_rules(a) if any_run else (),
        return_to_run=returns,
        do_now=tuple(a.do_now),
        cautions=() if a.suppressed else tuple(a.cautions) + _strain_watch(a),
        rules_fired=tuple(a.rules),
        planner_version=PLANNER_VERSION,
    )


def _day_items(a: Assessment, day: int, running: str, advice) -> tuple[PlanItem, ...]:
    items: list[PlanItem] = []
    items += run_items(a, day, running) if running != "none" else [recovery_activity(a, day)]
    for x in a.features.areas:
        items += region_items(a, x, day, running)
    items += [hydration_item(a, advice, day, running), sleep_item(a, day), nutrition_item(a, day, running)]
    seen: set[tuple[str, str | None, str | None]] = set()
    kept: list[PlanItem] = []
    for item in items:
        key = (item.kind, item.region, item.side)
        if key in seen or a.is_banned(item.kind, item.region):
            continue
        seen.add(key)
        kept.append(item)
    return tuple(kept)


def stop_rules(a: Assessment) -> tuple[str, ...]:
    """R9: when to stop a run, attached to every plan that has running in it."""
    rules = [
        "Stop and walk home if pain during the run goes above 3/10, or rises 2 points above how it felt "
        "before you started.",
        "Stop at once for any sharp or shooting pain, new swelling, or if you start to limp.",
        "Next morning, pain and stiffness must be no worse than the morning before. If they are worse, take "
        "the next day off running.",
    ]
    if any(x.pattern == TENDON for x in a.features.areas):
        rules.append(
            "For the tendon: pain up to 3/10 during a run is acceptable only if it has settled by the "
            "next morning and does not creep up from week to week."
        )
    return tuple(rules)


def return_to_run(a: Assessment) -> tuple[str, ...]:
    """RTR1-RTR6: the checks to pass before running again after an injury."""
    regions = {x.area.region for x in a.features.areas}
    steps = [
        "Everyday activities hurt 2/10 or less, with no pain at rest or at night, no tender spot on a bone and "
        "no swelling.",
        "You can walk briskly for 30 minutes without pain (30-45 minutes after a suspected bone injury).",
    ]
    if a.high_risk_bone or a.bone_sites or a.no_self_tests:
        steps.append("Do not test the leg by hopping until a clinician has cleared you.")
    else:
        steps.append("Ten single-leg hops on the sore side hurt 2/10 or less.")
    if regions & {"calf", "achilles"}:
        steps.append(
            "Single-leg heel raises on the sore side: at least 90 % as many as on the other side, without pain."
        )
    if a.strain_sites:
        steps.append(
            "The muscle moves through its full range without pain. Standing on the leg without pain "
            "is needed, but it is not enough on its own."
        )
    steps.append(
        "Then walk-run on alternate days: 5 x (1 min run / 2 min walk), 5 x (2/1), 4 x (4/1), "
        "3 x (6/1), 2 x (10/1), then 20-30 min continuous. Move up a step only if pain stays at 2/10 "
        "or less and the next morning is no worse. Distance before speed; no hills or intervals until "
        "you have run two weeks pain-free."
    )
    return tuple(steps)


def _strain_watch(a: Assessment) -> tuple[str, ...]:
    """What to watch after a strain; the physiotherapist note only when no prompt referral already says it."""
    if not a.strain_sites or a.suppressed:
        return ()
    notes = []
    if urgency_rank(a.urgency) < urgency_rank("prompt"):
        bruise = "" if a.features.symptom("bruising") else ", if bruising or swelling appears,"
        notes.append(
            f"See a physiotherapist if you are not walking normally by day 3{bruise} or if it is not clearly "
            "better by day 7."
        )
    if any(region == "calf" for region, _ in a.strain_sites):
        notes.append(
            "A calf that becomes swollen, warm or red without a new injury needs a same-day check for a blood clot."
        )
    return tuple(notes)
