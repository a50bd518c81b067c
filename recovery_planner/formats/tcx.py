"""TCX (Garmin Training Center) activities, read as a stream of defusedxml events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from xml.etree.ElementTree import Element

from gpxpy.geo import haversine_distance

from ..domain.activities import Activity, normalise_sport
from . import safe_xml
from .errors import DamagedError, NotAnActivityError


@dataclass
class _Session:
    sport: str | None
    first: datetime | None = None
    last: datetime | None = None
    lap_km: float = 0.0
    laps_with_distance: int = 0
    lap_seconds: float = 0.0
    last_point_km: float | None = None
    track_km: float = 0.0
    position: tuple[float, float] | None = None
    points: int = field(default=0)

    def see_time(self, t: datetime | None) -> None:
        if t is not None:
            self.first = t if self.first is None or t < self.first else self.first
            self.last = t if self.last is None or t > self.last else self.last


def read_tcx(data: bytes, name: str, file_hash: str = "") -> list[Activity]:
    """One activity per ``<Activity>``.

    Distance: the laps' own ``DistanceMeters`` totals, else the last track point's running distance, else
    the horizontal length of the positions. Duration: first to last time (the first lap's start to the last
    track point), else the laps' ``TotalTimeSeconds``.
    """
    sessions: list[_Session] = []
    current: _Session | None = None
    root: str | None = None
    for event, elem in safe_xml.iter_elements(data, name):
        tag = safe_xml.local_name(elem.tag)
        if root is None:
            root = tag
            if tag != "TrainingCenterDatabase":
                raise DamagedError(name, "is not a TCX file (its root element is not <TrainingCenterDatabase>)")
        if event == "start":
            if tag == "Activity":
                current = _Session(elem.get("Sport"))
            continue
        if current is None:
            if tag in ("Activities", "Courses", "Workouts"):
                elem.clear()
            continue
        if tag == "Trackpoint":
            _trackpoint(current, elem, name)
            elem.clear()
        elif tag == "Lap":
            _lap(current, elem, name)
            elem.clear()
        elif tag == "Id" and current.first is None:
            current.see_time(_time(elem.text, name))
        elif tag == "Activity":
            sessions.append(current)
            current = None
            elem.clear()
    if root is None:
        raise DamagedError(name, "is empty")
    activities = [a for i, s in enumerate(sessions) if (a := _activity(s, i, name, file_hash)) is not None]
    if not activities:
        raise NotAnActivityError(name, "holds no recorded activity with times (perhaps a course or a workout)")
    return activities


def _child(elem: Element, tag: str) -> Element | None:
    return next((c for c in elem if safe_xml.local_name(c.tag) == tag), None)


def _number(elem: Element | None, name: str) -> float | None:
    if elem is None or elem.text is None:
        return None
    try:
        value = float(elem.text)
    except ValueError:
        raise DamagedError(name, f"has a number that cannot be read: {elem.text.strip()[:40]!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise DamagedError(name, f"has a number that cannot be read: {elem.text.strip()[:40]!r}")
    return value


def _time(text: str | None, name: str) -> datetime | None:
    if not text or not text.strip():
        return None
    raw = text.strip().replace("Z", "+00:00")
    try:
        t = datetime.fromisoformat(raw)
    except ValueError:
        raise DamagedError(name, f"has a time that cannot be read: {text.strip()[:40]!r}") from None
    return t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t.astimezone(timezone.utc)


def _trackpoint(s: _Session, elem: Element, name: str) -> None:
    time_el = _child(elem, "Time")
    s.see_time(_time(time_el.text if time_el is not None else None, name))
    km = _number(_child(elem, "DistanceMeters"), name)
    if km is not None:
        s.last_point_km = km / 1000
    pos = _child(elem, "Position")
    if pos is not None:
        lat = _number(_child(pos, "LatitudeDegrees"), name)
        lon = _number(_child(pos, "LongitudeDegrees"), name)
        if lat is not None and lon is not None:
            if s.position is not None:
                s.track_km += haversine_distance(s.position[0], s.position[1], lat, lon) / 1000
            s.position = (lat, lon)
    s.points += 1


def _lap(s: _Session, elem: Element, name: str) -> None:
    s.see_time(_time(elem.get("StartTime"), name))
    metres = _number(_child(elem, "DistanceMeters"), name)
    if metres is not None:
        s.lap_km += metres / 1000
        s.laps_with_distance += 1
    seconds = _number(_child(elem, "TotalTimeSeconds"), name)
    if seconds is not None:
        s.lap_seconds += seconds


def _activity(s: _Session, index: int, name: str, file_hash: str) -> Activity | None:
    if s.first is None:
        return None
    if s.laps_with_distance:
        km = s.lap_km
    elif s.last_point_km is not None:
        km = s.last_point_km
    else:
        km = s.track_km
    elapsed = (s.last - s.first).total_seconds() if s.last is not None and s.points else 0.0
    duration = elapsed if elapsed > 0 else s.lap_seconds
    return Activity(
        start=s.first,
        sport=normalise_sport(s.sport),
        distance_km=max(km, 0.0),
        duration_s=max(duration, 0.0),
        source=name,
        file_hash=file_hash,
        part=index,
        fmt="tcx",
    )
