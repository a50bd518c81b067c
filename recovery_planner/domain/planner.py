"""Turn a check-in into a recovery plan, following the rule order of guidance section 2.1."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from .. import PLANNER_VERSION
from .assessment import STRUCTURAL_RULES, Assessment
from .checkin import CheckIn
from .daily_care import hydration_item, is_child, nutrition_item, sleep_item
from .day_notes import day_summary, running_reason
from .exercises import WALK_RUN_RULE, WALK_RUN_STEPS
from .features import TENDON, extract
from .holds import HoldState, long_date
from .hydration import hydration_advice
from .limits import DEFAULT_DAYS, MAX_DAYS, MIN_DAYS
from .plan import HydrationAdvice, Plan, PlanDay, PlanItem, Referral
from .plan_size import limit_day
from .readiness import apply_running_rules
from .schedule import DayRunning, plan_running, recovery_activity, region_items, run_items
from .triage import apply_emergency_rules, apply_referral_rules
from .urgency import URGENCIES, urgency_rank

if TYPE_CHECKING:
    from .progress import SettlingReport

HOLD_WORDS = {
    "emergency": "emergency care",
    "urgent": "a same-day check",
    "prompt": "a check by a physiotherapist or sports doctor before running again",
}

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "MIN_DAYS", "assess", "build_plan"]

SAME_DAY_RULES = ("E5", "E9", "E10", "E11")  # urgent interim plans: no hopping or self-tests either


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
    report = settling if settling is not None else check_in_settling(check_in, check_in.date)
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
    runs = [] if a.suppressed else plan_running(a, days)
    any_run = any(r.level != "none" for r in runs)
    advice = None if a.suppressed or is_child(a) else hydration_advice(check_in, any_running_day=any_run)
    plan_days: list[PlanDay] = []
    for i, run in enumerate(runs):
        items = _day_items(a, i, run, advice)
        plan_days.append(
            PlanDay(
                check_in.date + timedelta(days=i),
                run.level,
                items,
                running_reason=running_reason(a, i, runs, check_in.date),
                summary=day_summary(items, run),
            )
        )
    levels = tuple(URGENCIES[reason[0]] for reason in sorted(a.reasons, key=lambda r: -r[0]))
    graded = tuple(a.graded_return)  # RTR7 steps, before RTR1-RTR6
    return Plan(
        start=check_in.date,
        plan_suppressed=a.suppressed,
        referral=Referral(a.urgency, a.ordered_reasons(), levels),
        no_running_until_cleared=a.until_cleared,
        days=tuple(plan_days),
        hydration=advice,
        stop_rules=stop_rules(a) if any_run else (),
        return_to_run=graded if a.suppressed else (*graded, *(return_to_run(a) if a.injury_pathway else ())),
        do_now=tuple(a.do_now),
        cautions=() if a.suppressed else tuple(dict.fromkeys(tuple(a.cautions) + _strain_watch(a))),
        rules_fired=tuple(a.rules),
        planner_version=PLANNER_VERSION,
    )


def strength_gated(a: Assessment) -> bool:
    """M13: no strength_loading while a possible clot, fracture, rupture, slipped epiphysis or locked knee is open."""
    locking = "P7" in a.rules and bool(a.features.symptom("locking_or_giving_way"))
    return a.strength_gated or locking or any(rule in a.rules for rule in STRUCTURAL_RULES - {"P7"})


def _day_items(a: Assessment, day: int, run: DayRunning, advice: HydrationAdvice | None) -> tuple[PlanItem, ...]:
    items: list[PlanItem] = []
    items += run_items(a, day, run) if run.level != "none" else [recovery_activity(a, day, run)]
    for x in a.features.areas:
        items += region_items(a, x, day, run.level)
    items += [hydration_item(a, advice, day, run.level), sleep_item(a, day), nutrition_item(a, day, run.level)]
    gated = strength_gated(a)

    def banned(kind: str, region: str | None) -> bool:
        return a.is_banned(kind, region) or (gated and kind == "strength_loading")

    return limit_day(items, banned)


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
    """RTR1-RTR6: the checks to pass before running again after an injury (RTR7 steps come first, from triage)."""
    regions = {x.area.region for x in a.features.areas}
    steps = [
        "Everyday activities hurt 2/10 or less, with no pain at rest or at night, no tender spot on a bone and "
        "no swelling.",
        "You can walk briskly for 30 minutes without pain (30-45 minutes after a suspected bone injury).",
    ]
    if a.high_risk_bone or a.bone_sites or a.no_self_tests or any(r in a.rules for r in SAME_DAY_RULES):
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
    ladder = ", then ".join(WALK_RUN_STEPS)
    steps.append(
        f"Then walk-run every other day, one step per run day: {ladder}. {WALK_RUN_RULE} Distance before speed; "
        "no hills or intervals until you have run two weeks without pain."
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
