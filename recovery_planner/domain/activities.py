"""Activities from a runner's watch files: the model, sport names, and duplicate detection (pure).

An activity is one session of one sport: when it started (an aware datetime), its distance (the file's own
total where it records one, else the horizontal track length), its elapsed duration (start to end, pauses
included) and where it came from. Only running counts as running distance; walking, cycling and every
other sport is cross-training.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

RUNNING = "running"
UNSPECIFIED = "unspecified"
SPORTS = (RUNNING, "walking", "hiking", "cycling", "swimming", "other", UNSPECIFIED)

# Average speeds (m/s) of a file that names no sport but looks like a run: 2.8-9 min/km.
_RUN_SPEED_MIN, _RUN_SPEED_MAX = 1.85, 6.0
_SAME_START_S = 60.0  # two copies of one session start within a minute of each other
_SAME_DISTANCE_KM, _SAME_DISTANCE_FRACTION = 0.05, 0.03  # ... and agree on distance within 50 m or 3 %

_SPORT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (RUNNING, ("run", "jog", "treadmill")),
    ("walking", ("walk",)),
    ("hiking", ("hik", "mountaineering", "trek")),
    ("cycling", ("cycl", "bik", "ride", "velo", "e_bike")),
    ("swimming", ("swim",)),
)
_NO_SPORT = {"", "generic", "all", "unknown", "none", "invalid"}


class ActivityError(ValueError):
    """An activity's values are impossible (negative distance, naive start time...)."""


def normalise_sport(raw: str | None) -> str:
    """One of ``SPORTS`` for a sport as a file names it ("Running", "trail_running", "Biking", "9"...)."""
    word = (raw or "").strip().casefold().replace(" ", "_").replace("-", "_")
    if word in _NO_SPORT:
        return UNSPECIFIED
    for sport, stems in _SPORT_WORDS:
        if any(stem in word for stem in stems):
            return sport
    return "other"


@dataclass(frozen=True)
class Activity:
    """One session of one sport, as read from a watch file."""

    start: datetime
    sport: str
    distance_km: float
    duration_s: float
    source: str
    file_hash: str = ""
    part: int = 0  # the session's number inside a multi-sport file
    fmt: str = ""

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.start.utcoffset() is None:
            raise ActivityError("an activity's start time must carry its time zone")
        if self.sport not in SPORTS:
            raise ActivityError(f"unknown sport {self.sport!r}")
        for name in ("distance_km", "duration_s"):
            value = getattr(self, name)
            if not math.isfinite(value) or value < 0:
                raise ActivityError(f"{name} must be a finite number of zero or more, got {value!r}")

    @property
    def counts_as_running(self) -> bool:
        """A run, or a file naming no sport whose average speed is a running pace."""
        if self.sport == RUNNING:
            return True
        if self.sport != UNSPECIFIED or self.duration_s <= 0:
            return False
        return _RUN_SPEED_MIN <= self.distance_km * 1000 / self.duration_s <= _RUN_SPEED_MAX

    @property
    def fingerprint(self) -> str:
        """The same file (and session inside it) gives the same fingerprint; '' when no hash is known."""
        return f"{self.file_hash}:{self.part}" if self.file_hash else ""

    def to_dict(self) -> dict[str, Any]:
        """The exchange form: ``start`` in ISO 8601 with its offset, numbers rounded sensibly."""
        return {
            "start": self.start.isoformat(),
            "sport": self.sport,
            "distance_km": float(round(self.distance_km, 3)),
            "duration_s": float(round(self.duration_s, 1)),
            "source": self.source,
            "file_hash": self.file_hash,
            "part": self.part,
            "format": self.fmt,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Activity:
        """Read back ``to_dict()``; raises ActivityError (or KeyError/ValueError) for a malformed record."""
        return cls(
            start=datetime.fromisoformat(d["start"]),
            sport=d["sport"],
            distance_km=float(d["distance_km"]),
            duration_s=float(d["duration_s"]),
            source=str(d.get("source", "")),
            file_hash=str(d.get("file_hash", "")),
            part=int(d.get("part", 0)),
            fmt=str(d.get("format", "")),
        )


def _same_session(a: Activity, b: Activity) -> bool:
    if a.sport != b.sport or abs((a.start - b.start).total_seconds()) > _SAME_START_S:
        return False
    tolerance = max(_SAME_DISTANCE_KM, _SAME_DISTANCE_FRACTION * max(a.distance_km, b.distance_km))
    return abs(a.distance_km - b.distance_km) <= tolerance


class DuplicateIndex:
    """Recognises an activity already seen: the same file, or the same start, sport and distance.

    The second test catches the same session exported twice (a GPX from one app, a FIT from the watch).
    """

    def __init__(self, known: Iterable[Activity] = ()):
        self._prints: set[str] = set()
        self._by_minute: dict[int, list[Activity]] = {}
        for a in known:
            self._remember(a)

    def is_duplicate(self, a: Activity) -> bool:
        if a.fingerprint and a.fingerprint in self._prints:
            return True
        minute = _minute(a.start)
        return any(_same_session(a, b) for m in (minute - 1, minute, minute + 1) for b in self._by_minute.get(m, ()))

    def add(self, a: Activity) -> bool:
        """Remember ``a``; False (and nothing remembered) when it is a duplicate."""
        if self.is_duplicate(a):
            return False
        self._remember(a)
        return True

    def _remember(self, a: Activity) -> None:
        if a.fingerprint:
            self._prints.add(a.fingerprint)
        self._by_minute.setdefault(_minute(a.start), []).append(a)


def _minute(t: datetime) -> int:
    return int(t.astimezone(timezone.utc).timestamp() // 60)


def new_activities(known: Iterable[Activity], incoming: Iterable[Activity]) -> tuple[list[Activity], int]:
    """The incoming activities that are not duplicates (of the known ones or of each other), and the skip count."""
    index = DuplicateIndex(known)
    fresh: list[Activity] = []
    skipped = 0
    for a in incoming:
        if index.add(a):
            fresh.append(a)
        else:
            skipped += 1
    return fresh, skipped
