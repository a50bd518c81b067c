"""Clearances: a clinician saw the athlete and cleared them, which closes the holds on running.

After a clearance the plan already stored stays as it is (it was made for that day's check-in and is
never rewritten); the plan view says the hold is cleared and asks for a new check-in, whose plan then
follows the graded return (RTR7). The roster's summary is re-derived at once, so the hold no longer shows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from . import holds
from .changes import Changes, OpResult
from .context import AppContext

if TYPE_CHECKING:
    from ..domain.plan import Plan
    from ..storage.records import ClearanceRecord

NEXT_CHECK_IN = "Record a new check-in to start your graded return."


def _problems(by: Any, on: Any, note: Any, today: date) -> list[str]:
    from ..domain.limits import NOTES_MAX_CHARS

    problems = []
    if not isinstance(by, str) or not by.strip():
        problems.append("Who cleared the athlete: please give a name, for example 'Dr Jo Smith, physiotherapist'.")
    if not isinstance(on, date):
        problems.append(f"The clearance date must be a date like 2026-03-02, got {on!r}.")
    elif on > today:
        problems.append(f"The clearance date {on.isoformat()} is in the future; record it on the day it was given.")
    if not isinstance(note, str):
        problems.append("The note must be text.")
    elif len(note) > NOTES_MAX_CHARS:
        problems.append(f"The note is {len(note):,} characters long; at most {NOTES_MAX_CHARS:,} are kept.")
    return problems


def add_clearance(
    ctx: AppContext, athlete_id: str, by: str, on: date | None = None, note: str = ""
) -> OpResult[ClearanceRecord]:
    """Record that ``by`` cleared the athlete on ``on`` (default today); the roster's hold is re-derived.

    Raises InvalidRecordError (nothing saved) for an empty name, a future date, a date before the open
    hold began, or an over-long note."""
    from ..domain.holds import long_date
    from ..storage.errors import InvalidRecordError

    today = ctx.today()
    on = today if on is None else on
    problems = _problems(by, on, note, today)
    if problems:
        raise InvalidRecordError(problems)
    ctx.repo.get_athlete(athlete_id)  # an unknown athlete is named before anything else
    before = holds.open_holds(ctx, athlete_id)
    notices: list[str] = []
    if before.open:
        first = min(h.since for h in before.open)
        if on < first:
            raise InvalidRecordError(
                [f"The hold began on {long_date(first)}; a clearance must be dated on or after that day."]
            )
    else:
        notices.append("No hold was open; the clearance is recorded in the history.")
    record = ctx.repo.add_clearance(athlete_id, by=by, on=on, note=note)
    after = holds.open_holds(ctx, athlete_id)
    _rederive_roster_hold(ctx, athlete_id, after)
    if before.open and not after.open:
        notices.append(f"The hold is cleared. {NEXT_CHECK_IN}")
    elif after.open:
        notices.append("A hold opened after the clearance date is still open.")
    notices += ctx.repo.pop_warnings()
    changes = Changes(clearances=True, plans=True, athletes=True, athlete_id=athlete_id)
    return OpResult(record, changes, tuple(notices))


def _rederive_roster_hold(ctx: AppContext, athlete_id: str, state: Any) -> None:
    """Put the hold still open today (or none) into the newest check-in's summary and the roster."""
    latest = ctx.repo.get_athlete(athlete_id).latest
    if latest is None:
        return
    hold = holds.hold_summary(holds.top_hold(state))
    if hold != latest.hold:
        ctx.repo.set_hold(athlete_id, latest.checkin_id, hold)


def clearances(ctx: AppContext, athlete_id: str) -> list[ClearanceRecord]:
    """The athlete's clearances, oldest first."""
    return ctx.repo.clearances(athlete_id)


def cleared_notice(ctx: AppContext, athlete_id: str, plan: Plan | None) -> str | None:
    """For the plan in force: "Cleared on ... by ...: record a new check-in" when a clearance dated on or
    after its start closed the holds it carries and no newer check-in has been made; else None."""
    from ..domain.holds import hold_from_plan, long_date

    if plan is None or hold_from_plan(plan) is None:
        return None
    found = [c for c in ctx.repo.clearances(athlete_id) if c.on >= plan.start]
    if not found or holds.open_holds(ctx, athlete_id).open:
        return None
    c = found[-1]
    return f"Cleared on {long_date(c.on)} by {c.by}: the hold in this plan is lifted. {NEXT_CHECK_IN}"
