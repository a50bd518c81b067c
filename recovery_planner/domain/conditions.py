"""Conditions read from a check-in that several rules share (one definition each).

Hot weather (H1, H2 and the sodium advice of section 4) and a long run (H2) are defined here and nowhere
else; the WBGT limits of H1 and the sweat-rate bands of section 4 build on these thresholds.
"""

from __future__ import annotations

from .checkin import CheckIn

HOT_C = 25.0  # H1, H2, section 4: an air temperature of 25 °C or more counts as hot
HOT_WBGT_C = 28.0  # H1, section 4: a WBGT of 28 °C or more counts as hot (humid or radiant heat)
LONG_RUN_MIN = 90.0  # H2: a session of 90 min or more counts as long


def hot_wbgt(wbgt_c: float | None) -> bool:
    """A known wet-bulb globe temperature of 28 °C or more (humidity, sun and wind included)."""
    return wbgt_c is not None and wbgt_c >= HOT_WBGT_C


def is_hot(check_in: CheckIn) -> bool:
    """Hot weather for H1, H2 and the sodium advice: ticked as hot, 25 °C or more today or on the last run,
    or a WBGT of 28 °C or more. Either temperature counts (the safe reading: H2 asks about the last run,
    H1 and the fluids about the next one); a missing value never makes it hot."""
    w = check_in.wellbeing
    last = check_in.load.last_session
    temperatures = (w.temperature_c, last.temperature_c if last else None)
    return w.hot_weather or any(t is not None and t >= HOT_C for t in temperatures) or hot_wbgt(w.wbgt_c)


def was_long_run(check_in: CheckIn) -> bool:
    """The last session lasted 90 min or more (H2); an unknown duration is not long."""
    last = check_in.load.last_session
    return last is not None and last.duration_min is not None and last.duration_min >= LONG_RUN_MIN
