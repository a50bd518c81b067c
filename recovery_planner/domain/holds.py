"""Holds: a referral that stays in force on later check-ins until a clinician clears the runner.

Guidance 2.1 step 4 and RTR7; issue 10 item 3. Pure domain: storage keeps the plans and clearances,
services compute the state and pass it to the planner. The API:

    state = hold_state(history, clearances)
        history: the athlete's stored plans, in any order (sorted here by start date): each a ``Plan``
        (a stored one read back with ``Plan.from_dict``, any planner version), a ``(checkin_id, plan)``
        pair, or a ``progress.HistoryEntry`` with its plan loaded (entries without a plan are skipped).
        clearances: ``Clearance`` records (who cleared the athlete, on which day, a note).
    plan = build_plan(check_in, days, settling=report, holds=state)
        while a hold is open the new plan's urgency is at least the hold's, it keeps "no running until
        cleared", and its referral starts with what is still open; after a clearance the rule's graded
        return (RTR7) caps running until it is complete.
    hold = hold_from_plan(plan, checkin_id)
        the hold a single stored plan opens (None if it opens none). Used for the upgrade: plans stored by
        the old planner are read back with ``Plan.from_dict`` and go through the same function, so their
        open referrals become holds.

What opens a hold: a plan whose referral is prompt or above, or that says no running until cleared.
A clearance dated D clears every hold opened by a plan starting on or before D (a same-day check-in
saved after the visit starts a new hold only if its own rules fire again on a later day's plan).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeAlias

from .plan import Plan
from .urgency import URGENCIES, urgency_rank

if TYPE_CHECKING:
    from .progress import HistoryEntry

StoredPlan: TypeAlias = "Plan | tuple[str | None, Plan] | HistoryEntry"
"""One entry of ``hold_state``'s history: a plan, a (checkin_id, plan) pair, or a history entry."""

HOLD_FROM = "prompt"  # the lowest referral urgency that holds until cleared
RETURN_EASY_DAYS = 14  # RTR6 walk-run steps on alternate days: about two weeks of easy running (H)
# RTR7, per rule: (run-free days after the clearance, then easy-only days). E1: >= 72 h rest then graded
# activity; E4: >= 7 days off, then >= 2 weeks of graded heat; H2 (heat exhaustion): easy in the cool for
# 2 days; the others: the treating team's programme, then the walk-run return (RTR1-RTR6). All H.
GRADED_RETURN_DAYS: dict[str, tuple[int, int]] = {"E1": (3, 14), "E4": (7, 14), "H2": (0, 2)}
SUPPRESSING_RULES = frozenset({"E1", "E2", "E3", "E4", "E6", "E7", "E8"})
# Which rules can set each urgency: used to name the rule behind a stored plan's referral.
_RULES_BY_URGENCY: dict[str, tuple[str, ...]] = {
    "emergency": ("E1", "E2", "E3", "E4", "E6", "E7", "E8"),
    "urgent": ("E2", "E5", "E9", "E10", "E11", "H2"),
    "prompt": ("P1", "P2", "P3", "P4", "P5b", "P5", "P6", "P7", "R6", "T2"),
}
_RETURN_TEXT = {
    "H2": "After heat exhaustion: two easy days, in the cooler part of the day, before usual training.",
    "E1": "After possible muscle breakdown: rest at least 3 days, then light activity only once your doctor's "
    "blood (CK) and urine tests are normal, then light, moderate and full training in steps.",
    "E4": "After heat stroke: no exercise for 7 days after the clearance; then train in the cool, longer first, "
    "then harder, and only then slowly back into the heat over at least 2 weeks.",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """A date in plain words, independent of the system locale: '2 March 2026'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Hold:
    """An open referral: the rule behind it, its urgency and reason, and the plan that opened it."""

    rule: str
    urgency: str
    reason: str
    since: date
    no_running_until_cleared: bool
    checkin_id: str | None = None

    @property
    def suppresses_plan(self) -> bool:
        """Emergency-level holds (and E2) keep the plan suppressed until cleared, as on the first day."""
        return self.urgency == "emergency" or self.rule in SUPPRESSING_RULES

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "urgency": self.urgency,
            "reason": self.reason,
            "since": self.since.isoformat(),
            "no_running_until_cleared": self.no_running_until_cleared,
            "checkin_id": self.checkin_id,
        }


@dataclass(frozen=True)
class Clearance:
    """A clinician cleared the athlete: the day, who (free text) and a note."""

    on: date
    by: str
    note: str = ""


@dataclass(frozen=True)
class GradedReturn:
    """RTR7 after a clearance: run-free days, then easy-only days, counted from the clearance day."""

    rule: str
    cleared_on: date
    cleared_by: str
    no_run_days: int
    easy_days: int

    @property
    def complete_on(self) -> date:
        """The first day the graded return no longer limits running."""
        return self.cleared_on + timedelta(days=self.no_run_days + self.easy_days + 1)

    def limits(self, day: date) -> tuple[int, int]:
        """(run-free days, easy-only days) still to come for a plan whose day 1 is ``day``."""
        k = (day - self.cleared_on).days
        run_free = max(self.no_run_days - k + 1, 0) if self.no_run_days else 0
        return run_free, max(self.no_run_days + self.easy_days - k + 1, 0)

    def text(self) -> str:
        return _RETURN_TEXT.get(
            self.rule,
            "After the clearance, come back with the walk-run steps below, on alternate days, before usual training.",
        )


@dataclass(frozen=True)
class HoldState:
    """What the stored history still holds open, and the graded returns under way."""

    open: tuple[Hold, ...] = ()
    returns: tuple[GradedReturn, ...] = ()

    @property
    def urgency(self) -> str:
        return max((h.urgency for h in self.open), key=urgency_rank, default="none")

    @property
    def no_running_until_cleared(self) -> bool:
        return any(h.no_running_until_cleared for h in self.open)

    def returns_active_on(self, day: date) -> tuple[GradedReturn, ...]:
        return tuple(r for r in self.returns if day < r.complete_on)


def rule_behind(urgency: str, rules_fired: Iterable[str]) -> str:
    """The first fired rule that can set ``urgency`` (plans store the rules, not which one set it)."""
    fired = list(rules_fired)
    for rule in fired:
        if rule in _RULES_BY_URGENCY.get(urgency, ()):
            return rule
    for rule in fired:
        if rule[:1] in ("E", "P"):
            return rule
    return "referral"


def hold_from_plan(plan: Plan, checkin_id: str | None = None) -> Hold | None:
    """The hold one stored plan opens (any planner version, read back with ``Plan.from_dict``), or None.

    The upgrade path: an old planner's plan with an open referral of prompt or above becomes a hold."""
    urgency = plan.referral.urgency if plan.referral.urgency in URGENCIES else "none"
    until_cleared = plan.no_running_until_cleared
    if urgency_rank(urgency) < urgency_rank(HOLD_FROM) and not until_cleared:
        return None
    reasons = plan.referral.reasons
    reason = reasons[0] if reasons else "A clinician asked to see you before you run again."
    return Hold(rule_behind(urgency, plan.rules_fired), urgency, reason, plan.start, until_cleared, checkin_id)


def _entries(history: Iterable[StoredPlan]) -> list[tuple[str | None, Plan]]:
    """(checkin_id, plan) pairs by start date from plans, pairs or history entries (those with a plan)."""
    out: list[tuple[str | None, Plan]] = []
    for entry in history:
        if isinstance(entry, Plan):
            out.append((None, entry))
        elif isinstance(entry, tuple):
            out.append(entry)
        elif entry.plan is not None:  # a progress.HistoryEntry
            out.append((entry.id, entry.plan))
    return sorted(out, key=lambda e: e[1].start)


def _graded_return(hold: Hold, clearance: Clearance) -> GradedReturn:
    no_run, easy = GRADED_RETURN_DAYS.get(hold.rule, (0, RETURN_EASY_DAYS))
    return GradedReturn(hold.rule, clearance.on, clearance.by, no_run, easy)


def hold_state(history: Iterable[StoredPlan], clearances: Iterable[Clearance] = ()) -> HoldState:
    """The holds still open after the stored plans and clearances, and the graded returns they started.

    One hold per rule (the first plan that opened it gives ``since``; a later plan may raise its urgency).
    A clearance closes every hold opened on or before its day and starts each one's graded return."""
    entries = _entries(history)
    pending = sorted(clearances, key=lambda c: c.on)
    open_holds: dict[str, Hold] = {}
    returns: dict[str, GradedReturn] = {}
    i = 0
    for clearance in [*pending, None]:
        while i < len(entries) and (clearance is None or entries[i][1].start <= clearance.on):
            checkin_id, plan = entries[i]
            i += 1
            hold = hold_from_plan(plan, checkin_id)
            if hold is None:
                continue
            known = open_holds.get(hold.rule)
            if known is None:
                open_holds[hold.rule] = hold
            elif urgency_rank(hold.urgency) > urgency_rank(known.urgency) or (
                hold.no_running_until_cleared and not known.no_running_until_cleared
            ):
                open_holds[hold.rule] = Hold(
                    known.rule,
                    max(known.urgency, hold.urgency, key=urgency_rank),
                    hold.reason if urgency_rank(hold.urgency) > urgency_rank(known.urgency) else known.reason,
                    known.since,
                    known.no_running_until_cleared or hold.no_running_until_cleared,
                    known.checkin_id,
                )
        if clearance is not None:
            for hold in open_holds.values():
                returns[hold.rule] = _graded_return(hold, clearance)
            open_holds.clear()
    order = sorted(open_holds.values(), key=lambda h: (-urgency_rank(h.urgency), h.since))
    return HoldState(tuple(order), tuple(sorted(returns.values(), key=lambda r: r.cleared_on)))
