"""The holds a check-in is planned with, read from the athlete's stored plans and clearances.

What is read (kept small so that a save stays fast):

- the clearances dated on or before the day (all of them: they live in the profile file, read anyway);
- the check-ins after the newest clearance whose graded returns are all over by the day (a clearance
  closes every hold opened on or before its date, so older plans can change nothing), up to the day;
- of those, only the plans of check-ins whose stored summary shows they may open a hold: a referral of
  prompt or above, or "no running until cleared" (summaries stored before that flag existed: the urgency
  alone, or a suppressed plan; planner 1.0 held running only together with a referral of prompt or
  above). Plans of every planner version are read back with ``Plan.from_dict`` and go through
  ``domain.holds.hold_from_plan``, so an old planner's open referral becomes a hold (the upgrade).

An athlete never cleared has every such plan read; the check-in records are read for the not-settling
report anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .context import AppContext

if TYPE_CHECKING:
    from ..domain.holds import Clearance, Hold, HoldState
    from ..domain.plan import Plan
    from ..storage.records import CheckInSummary

_MAY_HOLD_URGENCIES = ("prompt", "urgent", "emergency")


def return_span_days() -> int:
    """The longest graded return (RTR7), in days after its clearance."""
    from ..domain.holds import GRADED_RETURN_DAYS, RETURN_EASY_DAYS

    spans = [no_run + easy for no_run, easy in GRADED_RETURN_DAYS.values()] + [RETURN_EASY_DAYS]
    return max(spans) + 1


def may_open_hold(summary: CheckInSummary) -> bool:
    """True when the check-in's plan could open a hold (read its plan); False when it certainly cannot."""
    if summary.urgency in _MAY_HOLD_URGENCIES or summary.hold_open:
        return True
    if summary.until_cleared is not None:
        return summary.until_cleared
    return summary.plan_suppressed  # stored before the flag: planner 1.0 held running only at prompt or above


@dataclass(frozen=True)
class HoldInputs:
    """The stored plans and clearances that decide the holds on one day."""

    history: tuple[tuple[str | None, Plan], ...]
    clearances: tuple[Clearance, ...]

    def state(self) -> HoldState:
        from ..domain.holds import hold_state

        return hold_state(self.history, self.clearances)

    def state_with(self, plan: Plan) -> HoldState:
        """The holds open once ``plan`` (a new check-in's plan, not stored yet) is added."""
        from ..domain.holds import hold_state

        return hold_state([*self.history, (None, plan)], self.clearances)


def hold_inputs(ctx: AppContext, athlete_id: str, day: date) -> HoldInputs:
    """What decides the holds on ``day`` (see the module notes for what is read); stored plans are read back
    as ``Plan``s."""
    from .queries import read_plan

    clearances = tuple(c.to_clearance() for c in ctx.repo.clearances(athlete_id) if c.on <= day)
    span = timedelta(days=return_span_days())
    settled = [c for c in clearances if c.on + span <= day]
    start = settled[-1].on + timedelta(days=1) if settled else None
    history = []
    for record in ctx.repo.history(athlete_id, start, day):
        if may_open_hold(record.summary):
            plan = ctx.repo.get_plan(athlete_id, record.id)
            if plan is not None:
                history.append((record.id, read_plan(plan)))
    return HoldInputs(tuple(history), clearances)


def hold_summary(hold: Hold | None) -> dict[str, Any] | None:
    """What the roster keeps about the most urgent open hold: reason, rule, since, urgency."""
    if hold is None:
        return None
    return {"reason": hold.reason, "rule": hold.rule, "since": hold.since.isoformat(), "urgency": hold.urgency}


def top_hold(state: HoldState) -> Hold | None:
    """The most urgent open hold (the oldest among equals), or None."""
    return state.open[0] if state.open else None


def open_holds(ctx: AppContext, athlete_id: str) -> HoldState:
    """The holds open today and the graded returns under way."""
    return hold_inputs(ctx, athlete_id, ctx.today()).state()
