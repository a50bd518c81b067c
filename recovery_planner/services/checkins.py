"""THE path from a check-in to a stored plan, for the app and the command line alike.

``save_check_in`` fills the athlete block from the stored profile, validates, reads the athlete's
history to build the not-settling report (guidance P5b: sore for a week without improving, or worse
twice) and the holds still open (``services.holds``: a referral of prompt or above, or "no running until
cleared", stays in force until a clearance is recorded; after it the graded return RTR7), plans with both
and stores the check-in, its plan and the most urgent open hold (for the roster). Nothing is written when
the check-in is invalid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from . import coach, holds, queries
from .changes import Changes, OpResult
from .context import AppContext

if TYPE_CHECKING:
    from ..domain.checkin import CheckIn
    from ..domain.progress import SettlingReport
    from ..storage.records import AthleteRecord, CheckInRecord


@dataclass(frozen=True)
class SavedCheckIn:
    """The stored check-in, its plan as the plan screen shows it (plan format v1, with any coach's changes
    that still apply) and every item ticked so far."""

    record: CheckInRecord
    plan: dict[str, Any]
    done_ids: frozenset[str]


def athlete_block(athlete: AthleteRecord) -> dict[str, Any]:
    """The check-in's ``athlete`` section from a stored profile (fields left unset are left out)."""
    out: dict[str, Any] = {"experience": athlete.experience, "name": athlete.name}
    if athlete.body_mass_kg is not None:
        out["body_mass_kg"] = athlete.body_mass_kg
    if athlete.age is not None:
        out["age"] = athlete.age
    return out


def with_profile(data: Any, athlete: AthleteRecord) -> Any:
    """``data`` with what its ``athlete`` section leaves out taken from the profile (given fields win)."""
    if not isinstance(data, dict):
        return data
    given = data.get("athlete")
    if given is not None and not isinstance(given, dict):
        return data  # let validation name the problem
    return dict(data, athlete={**athlete_block(athlete), **(given or {})})


def parse(ctx: AppContext, data: Any) -> CheckIn:
    """Validate a check-in (exchange format v1) against today's date; raises CheckInError."""
    from ..domain.checkin import parse_check_in

    return parse_check_in(data, ctx.today())


def settling_for(ctx: AppContext, athlete_id: str, check_in: CheckIn) -> SettlingReport:
    """The not-settling report for the athlete's history with ``check_in`` added, as of its date.

    A check-in of the same day replaces the one stored before (a re-plan); later check-ins do not count.
    """
    from ..domain.progress import HistoryEntry, settling_report
    from .queries import history_entries

    past = [e for e in history_entries(ctx, athlete_id) if e.date != check_in.date]
    new = HistoryEntry("new", check_in.date, check_in)
    return settling_report([*past, new], check_in.date)


def save_check_in(ctx: AppContext, athlete_id: str, data: Any, days: int) -> OpResult[SavedCheckIn]:
    """Validate, plan (with the history's not-settling report and open holds) and store a check-in with its plan.

    A check-in of the same day does not replace an earlier one's hold: a hold lasts until a clearance."""
    from ..domain.planner import build_plan
    from .training_load import with_activity_load

    athlete = ctx.repo.get_athlete(athlete_id)
    check_in = parse(ctx, with_activity_load(ctx, athlete_id, with_profile(data, athlete)))
    inputs = holds.hold_inputs(ctx, athlete_id, check_in.date)
    plan = build_plan(check_in, days, settling_for(ctx, athlete_id, check_in), inputs.state())
    hold = holds.hold_summary(holds.top_hold(inputs.state_with(plan)))
    record = ctx.repo.add_check_in(athlete_id, check_in, plan, hold)
    shown = coach.with_edits(ctx, athlete_id, record.id, check_in, plan).outcome.plan
    saved = SavedCheckIn(record, shown, queries.plan_done_items(ctx, athlete_id, plan))
    return OpResult(saved, Changes(check_ins=True, plans=True, athletes=True, athlete_id=athlete_id))


def set_done(ctx: AppContext, athlete_id: str, item_id: str, done: bool) -> OpResult[None]:
    """Tick (or untick) a plan item by its stable id."""
    ctx.repo.set_item_done(athlete_id, item_id, done)
    return OpResult(None, Changes(ticks=True, athlete_id=athlete_id))


def check_in_date(ctx: AppContext) -> date:
    """The date a check-in made now carries (read afresh: the app may stay open past midnight)."""
    return ctx.today()
