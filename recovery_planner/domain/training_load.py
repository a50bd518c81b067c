"""Training load from stored activities: weekly totals, acute vs chronic load, spike flags (guidance 2.7).

Running distance only counts runs; every other sport is cross-training time. The spike flags L1 (ACWR
above 1.5, or more than 30 % more distance than the week before) and L3 (a single run longer than 110 % of
the longest run of the 30 days before it) are flags to show, never an injury probability.

Days are calendar days in the time zone the caller gives (the runner's own), the check-in day included.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from .activities import Activity
from .checkin import Load
from .load import ACWR_SPIKE, WEEKLY_JUMP_PCT, acute_chronic_ratio, load_spike
from .load import SINGLE_RUN_SPIKE as SINGLE_RUN_LIMIT  # L3: one run within 110 % of the 30-day longest

ACUTE_DAYS, CHRONIC_DAYS, LONGEST_RUN_DAYS = 7, 28, 30
RECENT_SESSION_HOURS = 48  # a session older than this is not the check-in's "last session"


@dataclass(frozen=True)
class WeekLoad:
    """One Monday-to-Sunday week: running distance and time, and cross-training time."""

    week_start: date
    running_km: float = 0.0
    running_min: float = 0.0
    runs: int = 0
    cross_training_min: float = 0.0
    cross_training_sessions: int = 0


@dataclass(frozen=True)
class LoadFlag:
    """A spike to show beside the load (rule id and a plain reason; never a risk figure)."""

    rule: str
    reason: str
    day: date | None = None


@dataclass(frozen=True)
class LoadSummary:
    """The load on one day, from the activities up to and including it.

    ``chronic_km_per_week_28d`` (and so the ratio) is None until the activities reach back 28 days, and
    ``weekly_increase_pct`` until they reach back 14 days and the week before had running: a short record
    would otherwise look like a spike.
    """

    day: date
    acute_km_7d: float
    chronic_km_per_week_28d: float | None
    weekly_increase_pct: float | None
    longest_run_30d_km: float | None
    cross_training_min_7d: float
    last_session: Activity | None
    newest_activity_day: date | None
    flags: tuple[LoadFlag, ...] = ()

    @property
    def acwr(self) -> float | None:
        return acute_chronic_ratio(self.as_load())

    @property
    def single_run_cap_km(self) -> float | None:
        """L3: the longest single run to plan (110 % of the longest run of the last 30 days)."""
        return None if self.longest_run_30d_km is None else round(self.longest_run_30d_km * SINGLE_RUN_LIMIT, 2)

    def as_load(self) -> Load:
        return Load(
            acute_km_7d=self.acute_km_7d,
            chronic_km_per_week_28d=self.chronic_km_per_week_28d,
            weekly_increase_pct=self.weekly_increase_pct,
        )


def local_day(a: Activity, tz: tzinfo) -> date:
    return a.start.astimezone(tz).date()


def _runs(activities: Iterable[Activity]) -> list[Activity]:
    return [a for a in activities if a.counts_as_running]


def _between(activities: Iterable[Activity], tz: tzinfo, first: date, last: date) -> list[Activity]:
    return [a for a in activities if first <= local_day(a, tz) <= last]


def _km(activities: Iterable[Activity]) -> float:
    return sum(a.distance_km for a in activities)


def weekly_load(
    activities: Iterable[Activity], tz: tzinfo, start: date | None = None, end: date | None = None
) -> list[WeekLoad]:
    """Every week from the first activity's (or ``start``'s) to the last's (or ``end``'s), empty weeks included."""
    acts = list(activities)
    days = [local_day(a, tz) for a in acts]
    if not days and (start is None or end is None):
        return []
    first = _monday(start or min(days))
    last = _monday(end or max(days))
    totals: dict[date, dict[str, float]] = {}
    for a, d in zip(acts, days, strict=True):
        t = totals.setdefault(_monday(d), {"km": 0.0, "run_min": 0.0, "runs": 0, "x_min": 0.0, "x": 0})
        if a.counts_as_running:
            t["km"] += a.distance_km
            t["run_min"] += a.duration_s / 60
            t["runs"] += 1
        else:
            t["x_min"] += a.duration_s / 60
            t["x"] += 1
    out: list[WeekLoad] = []
    week = first
    while week <= last:
        got = totals.get(week)
        if got is None:
            out.append(WeekLoad(week))
        else:
            out.append(
                WeekLoad(
                    week,
                    running_km=round(got["km"], 3),
                    running_min=round(got["run_min"], 1),
                    runs=int(got["runs"]),
                    cross_training_min=round(got["x_min"], 1),
                    cross_training_sessions=int(got["x"]),
                )
            )
        week += timedelta(days=7)
    return out


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def longest_run_before(
    activities: Iterable[Activity], tz: tzinfo, day: date, days: int = LONGEST_RUN_DAYS
) -> float | None:
    """The longest run in the ``days`` days up to and including ``day`` (None without runs)."""
    runs = _between(_runs(activities), tz, day - timedelta(days=days - 1), day)
    return max((a.distance_km for a in runs), default=None)


def single_run_spikes(
    activities: Iterable[Activity], tz: tzinfo, record_start: date | None = None
) -> list[tuple[Activity, float]]:
    """L3 flags: each run longer than 110 % of the longest run of the 30 days before its day.

    Returns (run, that longest run in km). A run with no run in the 30 days before it is not flagged
    (there is nothing to compare it with), nor is a run in the first month of the record (which starts
    at ``record_start``, else at the first run).
    """
    runs = sorted(_runs(activities), key=lambda a: a.start)
    if not runs:
        return []
    days = [local_day(a, tz) for a in runs]
    start = min(days[0], record_start) if record_start else days[0]
    out: list[tuple[Activity, float]] = []
    lo = 0
    for a, day in zip(runs, days, strict=True):
        if day - start < timedelta(days=LONGEST_RUN_DAYS):
            continue
        while days[lo] < day - timedelta(days=LONGEST_RUN_DAYS):
            lo += 1
        hi = bisect_left(days, day, lo)
        longest = max((b.distance_km for b in runs[lo:hi]), default=None)
        if longest and a.distance_km > longest * SINGLE_RUN_LIMIT:
            out.append((a, longest))
    return out


def load_summary(
    activities: Sequence[Activity], day: date, tz: tzinfo, record_start: date | None = None
) -> LoadSummary:
    """The load on ``day`` from the activities on or before it (later ones are ignored).

    ``record_start``: the day the activity record begins, when ``activities`` is only the recent part of it.
    """
    acts = [a for a in activities if local_day(a, tz) <= day]
    runs = _runs(acts)
    first_day = min((local_day(a, tz) for a in acts), default=None)
    if record_start is not None and acts:
        first_day = min(record_start, first_day) if first_day else record_start
    reach = (day - first_day).days + 1 if first_day else 0

    acute = _km(_between(runs, tz, day - timedelta(days=ACUTE_DAYS - 1), day))
    chronic = None
    if reach >= CHRONIC_DAYS:
        chronic = _km(_between(runs, tz, day - timedelta(days=CHRONIC_DAYS - 1), day)) / (CHRONIC_DAYS / 7)
    increase = None
    week_before = _km(_between(runs, tz, day - timedelta(days=2 * ACUTE_DAYS - 1), day - timedelta(days=ACUTE_DAYS)))
    if reach >= 2 * ACUTE_DAYS and week_before > 0:
        increase = (acute - week_before) / week_before * 100
    cross = sum(
        a.duration_s / 60
        for a in _between(acts, tz, day - timedelta(days=ACUTE_DAYS - 1), day)
        if not a.counts_as_running
    )
    summary = LoadSummary(
        day=day,
        acute_km_7d=round(acute, 2),
        chronic_km_per_week_28d=None if chronic is None else round(chronic, 2),
        weekly_increase_pct=None if increase is None else round(increase, 1),
        longest_run_30d_km=longest_run_before(runs, tz, day),
        cross_training_min_7d=round(cross, 1),
        last_session=max(acts, key=lambda a: a.start + timedelta(seconds=a.duration_s), default=None),
        newest_activity_day=max((local_day(a, tz) for a in acts), default=None),
    )
    window = [a for a in runs if local_day(a, tz) >= day - timedelta(days=ACUTE_DAYS + LONGEST_RUN_DAYS)]
    recent_spikes = [
        (a, longest)
        for a, longest in single_run_spikes(window, tz, record_start=_first_run_day(runs, tz, record_start))
        if local_day(a, tz) > day - timedelta(days=ACUTE_DAYS)
    ]
    return LoadSummary(**{**summary.__dict__, "flags": _flags(summary, recent_spikes, tz)})


def _first_run_day(runs: Sequence[Activity], tz: tzinfo, record_start: date | None) -> date | None:
    first = min((local_day(a, tz) for a in runs), default=None)
    if first is None or record_start is None:
        return first or record_start
    return min(first, record_start)


def _flags(s: LoadSummary, spikes: list[tuple[Activity, float]], tz: tzinfo) -> tuple[LoadFlag, ...]:
    flags: list[LoadFlag] = []
    if load_spike(s.as_load()):
        reasons = []
        ratio = s.acwr
        if ratio is not None and ratio > ACWR_SPIKE:
            reasons.append(
                f"{s.acute_km_7d:g} km of running in the last 7 days is {ratio:.1f} times the weekly average "
                f"of the last 4 weeks ({s.chronic_km_per_week_28d:g} km)"
            )
        if s.weekly_increase_pct is not None and s.weekly_increase_pct > WEEKLY_JUMP_PCT:
            reasons.append(f"{s.weekly_increase_pct:g} % more running than the week before")
        flags.append(LoadFlag("L1", "; ".join(reasons), s.day))
    for a, longest in spikes:
        flags.append(
            LoadFlag(
                "L3",
                f"a {a.distance_km:.1f} km run, longer than 110 % of the longest run of the 30 days before it "
                f"({longest:.1f} km)",
                local_day(a, tz),
            )
        )
    return tuple(flags)


def check_in_load(summary: LoadSummary, now: datetime | None = None) -> dict[str, Any]:
    """The check-in's ``load`` block (format v1 fields) filled from the activities.

    ``last_session`` is given only for a session that ended in the last 48 hours before ``now`` (the
    domain has no clock: without ``now``, none), so an old run never sets today's fluids or heat advice.
    """
    block: dict[str, Any] = {"acute_km_7d": summary.acute_km_7d}
    if summary.chronic_km_per_week_28d is not None:
        block["chronic_km_per_week_28d"] = summary.chronic_km_per_week_28d
    if summary.weekly_increase_pct is not None:
        block["weekly_increase_pct"] = summary.weekly_increase_pct
    if summary.longest_run_30d_km is not None:
        block["longest_run_30d_km"] = round(summary.longest_run_30d_km, 2)
    last = summary.last_session
    if last is not None and now is not None:
        hours = (now - (last.start + timedelta(seconds=last.duration_s))).total_seconds() / 3600
        if 0 <= hours <= RECENT_SESSION_HOURS:
            block["last_session"] = {
                "type": last.sport,
                "duration_min": round(min(max(last.duration_s / 60, 1), 24 * 60), 1),
                "ended_hours_ago": round(hours, 1),
            }
    return block
