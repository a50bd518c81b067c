"""Training-load maths: acute:chronic ratio and week-to-week spikes (guidance L1), single-run spikes (L3)."""

from __future__ import annotations

from .checkin import Load

ACWR_SPIKE = 1.5  # acute:chronic ratio above which load counts as a spike (Gabbett 2016; flag only)
WEEKLY_JUMP_PCT = 30.0  # weekly distance increase within two weeks (Nielsen 2014; caution only)
SINGLE_RUN_SPIKE = 1.10  # L3: one run at most 110 % of the longest run in the last 30 days (Frandsen 2025)


def acute_chronic_ratio(load: Load) -> float | None:
    """7-day distance over the 28-day weekly average, or None when there is no chronic base."""
    if load.acute_km_7d is None or not load.chronic_km_per_week_28d:
        return None
    return load.acute_km_7d / load.chronic_km_per_week_28d


def load_spike(load: Load) -> bool:
    """True when recent running jumped: ratio > 1.5 or > 30 % more distance week on week."""
    ratio = acute_chronic_ratio(load)
    if ratio is not None and ratio > ACWR_SPIKE:
        return True
    return load.weekly_increase_pct is not None and load.weekly_increase_pct > WEEKLY_JUMP_PCT


def single_run_limit_km(load: Load) -> float | None:
    """L3: the longest single run to plan, 110 % of the longest run in the last 30 days (None if unknown)."""
    if not load.longest_run_30d_km:
        return None
    return load.longest_run_30d_km * SINGLE_RUN_SPIKE


def single_run_spike(load: Load) -> bool:
    """True when the planned run is longer than the L3 limit."""
    limit = single_run_limit_km(load)
    return limit is not None and load.planned_session_km is not None and load.planned_session_km > limit
