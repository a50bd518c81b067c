"""Units for display and entry: values are stored in SI (km, kg, °C) and converted only at the edges."""

from __future__ import annotations

from dataclasses import dataclass

KM_PER_MILE = 1.609344
KG_PER_POUND = 0.45359237
METRIC = "metric"
IMPERIAL = "imperial"


@dataclass(frozen=True)
class Unit:
    """How one kind of quantity is shown: its symbol and the conversion from and to the stored SI value."""

    symbol: str
    per_si: float  # shown = stored * per_si (temperatures use an offset too)
    offset: float = 0.0
    decimals: int = 1

    def from_si(self, value: float) -> float:
        """The stored SI value as shown in this unit."""
        return value * self.per_si + self.offset

    def to_si(self, value: float) -> float:
        """A value typed in this unit, as stored."""
        return (value - self.offset) / self.per_si


_UNITS: dict[tuple[str, str], Unit] = {
    ("distance", METRIC): Unit("km", 1.0),
    ("distance", IMPERIAL): Unit("mi", 1 / KM_PER_MILE),
    ("mass", METRIC): Unit("kg", 1.0),
    ("mass", IMPERIAL): Unit("lb", 1 / KG_PER_POUND),
    ("temperature", METRIC): Unit("°C", 1.0, decimals=0),
    ("temperature", IMPERIAL): Unit("°F", 9 / 5, 32.0, decimals=0),
}
QUANTITIES = ("distance", "mass", "temperature")


def system_of(setting: object) -> str:
    """'imperial' or 'metric' from a stored ``units`` setting (anything unknown means metric)."""
    return IMPERIAL if setting == IMPERIAL else METRIC


def unit(quantity: str, system: str) -> Unit:
    """The unit shown for ``quantity`` ('distance', 'mass', 'temperature') in ``system``."""
    return _UNITS[(quantity, system_of(system))]


def to_si(quantity: str, system: str, value: float) -> float:
    """A typed value in the system's unit converted to the stored SI value."""
    return unit(quantity, system).to_si(value)


def from_si(quantity: str, system: str, value: float) -> float:
    """A stored SI value converted to the system's unit."""
    return unit(quantity, system).from_si(value)


def format_value(quantity: str, system: str, si_value: float, decimals: int | None = None) -> str:
    """A stored value as text in the system's unit, e.g. '24.9 mi' or '77 °F' (trailing .0 dropped)."""
    u = unit(quantity, system)
    shown = round(u.from_si(si_value), u.decimals if decimals is None else decimals)
    text = f"{shown:.{u.decimals if decimals is None else decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} {u.symbol}"


def si_range_in(quantity: str, system: str, low_si: float, high_si: float) -> tuple[float, float]:
    """The allowed SI range (low, high) expressed in the system's unit, for messages and validators."""
    u = unit(quantity, system)
    a, b = u.from_si(low_si), u.from_si(high_si)
    return (min(a, b), max(a, b))
