"""Training-load maths: acute:chronic ratio and week-to-week spikes (guidance L1)."""

from __future__ import annotations

from .checkin import Load

ACWR_SPIKE = 1.5  # acute:chronic ratio above which load counts as a spike (Gabbett 2016; flag only)
WEEKLY_JUMP_PCT = 30.0  # weekly distance increase within two weeks (Nielsen 2014; caution only)


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
