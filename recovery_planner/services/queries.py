"""Read-only questions the screens and commands ask: the plan in force, the history, the roster."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .context import AppContext

if TYPE_CHECKING:
    from ..domain.checkin import CheckIn, StoredCheckIn
    from ..domain.plan import Plan
    from ..domain.progress import HistoryEntry
    from ..domain.roster import RosterEntry
    from ..storage.records import AthleteRecord, CheckInRecord


_CHECK_INS_CACHE = "queries.check_ins"


def read_check_in(record: CheckInRecord) -> CheckIn:
    """A stored check-in read back as a ``CheckIn`` (the one place services turn a stored check-in into one)."""
    from ..domain.checkin import read_stored_check_in

    return read_stored_check_in(record.check_in, record.date)


def _stored_check_ins(ctx: AppContext, athlete_id: str) -> Callable[[CheckInRecord], StoredCheckIn]:
    """Each record's check-in as a ``StoredCheckIn`` (read on first use), kept for one athlete at a time (the
    one on screen) by record id (a stored check-in never changes): reloading a history after a save or a tick
    reads only the new check-ins."""
    from ..domain.checkin import StoredCheckIn

    held = ctx.caches.get(_CHECK_INS_CACHE)
    if held is None or held[0] != athlete_id:
        held = (athlete_id, {})
        ctx.caches[_CHECK_INS_CACHE] = held
    cache: dict[str, StoredCheckIn] = held[1]

    def stored(record: CheckInRecord) -> StoredCheckIn:
        found = cache.get(record.id)
        if found is None:
            found = cache[record.id] = StoredCheckIn(record.check_in, record.date)
        return found

    return stored


def read_plan(stored: dict[str, Any]) -> Plan:
    """A stored plan (plan format v1, any planner version) read back as a ``Plan``; ValueError if unreadable."""
    from ..domain.plan import Plan

    return Plan.from_dict(stored)


@dataclass(frozen=True)
class CurrentPlan:
    """The plan in force today (None when there is none), as the plan screen shows it (plan format v1 with
    the coach's changes applied and marked), and the plan items already ticked."""

    plan: dict[str, Any] | None
    done_ids: frozenset[str]
    checkin_id: str | None = None


def current_plan(ctx: AppContext, athlete_id: str) -> CurrentPlan:
    """The plan of the newest check-in on or before today, if it covers today, with the coach's changes
    that still apply and the ticked items. When a clearance has lifted the plan's hold since, the shown
    plan carries ``hold_cleared`` (a notice: record a new check-in to start the graded return)."""
    from .clearances import cleared_notice
    from .coach import effective_plan

    found = effective_plan(ctx, athlete_id, ctx.today())
    if found is None:
        return CurrentPlan(None, frozenset())
    plan = found.outcome.plan
    notice = cleared_notice(ctx, athlete_id, found.plan)
    if notice:  # shown with the plan, never stored in it: the stored plan stays as it was made
        plan = {**plan, "hold_cleared": notice}
    return CurrentPlan(plan, plan_done_items(ctx, athlete_id, found.plan), found.checkin_id)


def plan_done_items(ctx: AppContext, athlete_id: str, plan: Plan) -> frozenset[str]:
    """The ticked items of ``plan``'s days (only the months it covers are read, not the whole history)."""
    dates = sorted(d.date for d in plan.days)
    return ctx.repo.done_items(athlete_id, dates[0], dates[-1]) if dates else frozenset()


def history_entries(ctx: AppContext, athlete_id: str) -> list[HistoryEntry]:
    """The athlete's check-ins as history entries, oldest first. Each stored check-in is read back when it
    is first used (its areas alone for the pain series and warnings; a save's not-settling report reads only
    the latest few); plans are loaded on demand."""
    from ..domain.progress import HistoryEntry

    done = ctx.repo.done_items(athlete_id)
    stored = _stored_check_ins(ctx, athlete_id)
    return [
        HistoryEntry(
            id=r.id,
            date=r.date,
            source=stored(r),
            done_item_ids=done,
            running_day1=r.summary.running_day1,
            urgency=r.summary.urgency,
        )
        for r in ctx.repo.history(athlete_id)
    ]


def history_records(ctx: AppContext, athlete_id: str) -> list[CheckInRecord]:
    """The stored check-in records (with their summaries), oldest first."""
    return ctx.repo.history(athlete_id)


def stored_plan(ctx: AppContext, athlete_id: str, checkin_id: str) -> dict[str, Any] | None:
    """The plan stored with one check-in, as stored (plan format v1, for the screens and exports; read it
    back with ``read_plan`` for a decision), or None if it was never stored."""
    return ctx.repo.get_plan(athlete_id, checkin_id)


def stored_plans_json(ctx: AppContext, athlete_id: str) -> dict[str, bytes]:
    """Check-in id -> the stored plan's JSON text, unparsed (for writing a whole history out quickly)."""
    return ctx.repo.plans_json(athlete_id)


def athletes(ctx: AppContext, include_archived: bool = False) -> list[AthleteRecord]:
    return ctx.repo.list_athletes(include_archived=include_archived)


def find_athlete(ctx: AppContext, name_or_id: str) -> AthleteRecord:
    """The athlete with this name (any case) or id; raises NotFoundError."""
    return ctx.repo.find_athlete(name_or_id)


def get_athlete(ctx: AppContext, athlete_id: str) -> AthleteRecord:
    return ctx.repo.get_athlete(athlete_id)


def settings(ctx: AppContext) -> dict[str, Any]:
    return ctx.repo.settings()


def roster_entries(
    ctx: AppContext, include_archived: bool = True, athletes: Sequence[AthleteRecord] | None = None
) -> list[RosterEntry]:
    """One roster row per athlete (``athletes``: those already listed), from the roster index only (no
    athlete file is read)."""
    from ..domain.roster import RosterEntry

    rows = []
    listed = ctx.repo.list_athletes(include_archived=include_archived) if athletes is None else athletes
    for a in listed:
        s = a.latest
        rows.append(
            RosterEntry(
                athlete_id=a.id,
                name=a.name,
                last_check_in=s.date if s else None,
                running_day1=s.running_day1 if s else None,
                referral_urgency=s.urgency if s else None,
                worst_region=s.worst_region if s else None,
                worst_side=s.worst_side if s else None,
                worst_pain=s.worst_pain if s else None,
                trend=s.trend if s else None,
                archived=a.archived,
                hold_open=bool(s and s.hold),
                hold_reason=(s.hold or {}).get("reason") if s else None,
            )
        )
    return rows
