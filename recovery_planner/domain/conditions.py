"""Conditions read from a check-in that several rules share (one definition each)."""

from __future__ import annotations

from .checkin import CheckIn

HOT_C = 25.0  # guidance section 4: 25 °C or more counts as hot


def is_hot(check_in: CheckIn) -> bool:
    """Hot weather: ticked as hot, or 25 °C or more today or on the last run."""
    last = check_in.load.last_session
    temps = (check_in.wellbeing.temperature_c, last.temperature_c if last else None)
    return check_in.wellbeing.hot_weather or any(t is not None and t >= HOT_C for t in temps)
