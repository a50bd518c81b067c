"""What a roster shows about one check-in: its worst area, day-1 running, referral, and the trend.

One definition each, used by storage (the summary kept with every check-in) and the roster.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .checkin import CheckIn
from .plan import Plan
from .progress import pain_trend, worst_area


def worst_of(check_in: CheckIn) -> tuple[str, str, float] | None:
    """(region, side, pain) of the most painful marked area (ties: region order), None when none is marked."""
    return worst_area(check_in)


def summarise(check_in: CheckIn, plan: Plan) -> dict[str, Any]:
    """The stored summary of a check-in and its plan (the trend is added against the check-in before)."""
    worst = worst_of(check_in)
    return {
        "worst_region": worst[0] if worst else None,
        "worst_side": worst[1] if worst else None,
        "worst_pain": worst[2] if worst else None,
        "running_day1": plan.days[0].running if plan.days else None,
        "urgency": plan.referral.urgency,
        "plan_suppressed": plan.plan_suppressed,
        "until_cleared": plan.no_running_until_cleared,
    }


def trend_since(before_day: date | None, before_worst: float | None, day: date, worst: float | None) -> str | None:
    """ "better", "same" or "worse": the worst pain now against the previous check-in's (the same day too).

    None when there is no earlier check-in; no marked pain counts as 0.
    """
    if before_day is None or before_day > day:  # a same-day re-check compares with the earlier one
        return None
    return pain_trend(before_worst or 0.0, worst or 0.0)
