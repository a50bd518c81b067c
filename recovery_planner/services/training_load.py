"""Training load from the stored activities: the check-in's load block, and the weekly-load chart's data.

Days are counted in the local time zone of ``ctx.now()``. Imports no file parsers (saving a check-in uses it).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from typing import Any

from ..domain.training_load import (
    CHRONIC_DAYS,
    LoadFlag,
    LoadSummary,
    WeekLoad,
    check_in_load,
    load_summary,
    single_run_spikes,
    weekly_load,
)
from .changes import OpResult
from .context import AppContext
from .queries import read_check_in


@dataclass(frozen=True)
class CheckInLoad:
    """The load for a check-in from the stored activities: the summary and the ``load`` block to fill in."""

    summary: LoadSummary
    load: dict[str, Any]


@dataclass(frozen=True)
class LoadChart:
    """Weekly load with the spike flags and, per sore area, the pain of each check-in (for the chart)."""

    weeks: list[WeekLoad]
    flags: list[LoadFlag]
    pain: dict[str, list[tuple[date, float]]] = field(default_factory=dict)


def load_for_check_in(ctx: AppContext, athlete_id: str, day: date | None = None) -> OpResult[CheckInLoad | None]:
    """The check-in's load block filled from the stored activities (None when there are none).

    Days are counted in the local time zone of ``ctx.now()``; ``day`` defaults to today.
    """
    activities = ctx.repo.activities(athlete_id)
    if not activities:
        return OpResult(None)
    summary = load_summary(activities, day or ctx.today(), _local_zone(ctx))
    return OpResult(CheckInLoad(summary, check_in_load(summary, ctx.now())))


def with_activity_load(ctx: AppContext, athlete_id: str, data: Any) -> Any:
    """``data`` (a check-in, format v1) with the load fields it leaves out filled from the stored activities.

    Given fields win (what the runner typed is kept). ``weekly_increase_pct`` is added only when the 7-day
    distance also comes from the activities, so the two always agree. Without activities, ``data`` as it is.
    """
    if not isinstance(data, dict) or not isinstance(data.get("load", {}), (dict, type(None))):
        return data  # let validation name the problem
    try:
        day = date.fromisoformat(data["date"]) if isinstance(data.get("date"), str) else ctx.today()
    except ValueError:
        return data
    filled = load_for_check_in(ctx, athlete_id, day).value
    if filled is None:
        return data
    given = {k: v for k, v in (data.get("load") or {}).items() if v is not None}
    imported = dict(filled.load)
    if "acute_km_7d" in given:
        imported.pop("weekly_increase_pct", None)
    return dict(data, load={**imported, **given})


def load_chart(ctx: AppContext, athlete_id: str) -> OpResult[LoadChart]:
    """Weekly running load, the L1 (per week) and L3 (per run) flags, and the pain per sore area over time."""
    activities = sorted(ctx.repo.activities(athlete_id), key=lambda a: a.start)
    tz = _local_zone(ctx)
    pain: dict[str, list[tuple[date, float]]] = {}
    for record in ctx.repo.history(athlete_id):
        for area in read_check_in(record).areas:
            label = f"{area.region.replace('_', ' ')} ({area.side})"
            pain.setdefault(label, []).append((record.date, float(area.pain)))
    local_days = [a.start.astimezone(tz).date() for a in activities]
    days = [d for series in pain.values() for d, _ in series] + local_days
    if not days:
        return OpResult(LoadChart([], [], pain))
    today = ctx.today()
    weeks = weekly_load(activities, tz, start=min(days), end=max(*days, today))
    flags: list[LoadFlag] = []
    if activities:
        for week in weeks:
            end = min(week.week_start + timedelta(days=6), today)
            lo = bisect_left(local_days, end - timedelta(days=CHRONIC_DAYS + 14))
            hi = bisect_right(local_days, end)
            recent = activities[lo:hi]
            if recent:
                summary = load_summary(recent, end, tz, record_start=local_days[0])
                flags += [f for f in summary.flags if f.rule == "L1"]
        flags += [
            LoadFlag("L3", f"{a.distance_km:.1f} km, over 110 % of the 30-day longest run ({km:.1f} km)", day)
            for a, km in single_run_spikes(activities, tz)
            for day in [a.start.astimezone(tz).date()]
        ]
    return OpResult(LoadChart(weeks, flags, pain))


def _local_zone(ctx: AppContext) -> tzinfo:
    now = ctx.now()
    tz = now.tzinfo or now.astimezone().tzinfo
    assert tz is not None
    return tz
