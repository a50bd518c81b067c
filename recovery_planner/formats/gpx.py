"""GPX 1.0/1.1 activities with gpxpy, after defusedxml has vetted the bytes (gpxpy parses XML itself)."""

from __future__ import annotations

from datetime import datetime, timezone

import gpxpy
import gpxpy.gpx

from ..domain.activities import Activity, normalise_sport
from . import safe_xml
from .errors import DamagedError, NotAnActivityError

_TIMED_SHARE = 0.75  # a track counts as recorded when three in four of its points carry a time


def read_gpx(data: bytes, name: str, file_hash: str = "") -> list[Activity]:
    """One activity per GPX file, from its tracks that carry times (first time to last).

    A track whose points mostly lack times (a saved copy of a route) is left out. Distance is the
    horizontal length of the timed tracks (GPX records no total of its own); the sport is the first
    track's ``<type>``, else unspecified.
    """
    if safe_xml.vet(data, name) != "gpx":
        raise DamagedError(name, "is not a GPX file (its root element is not <gpx>)")
    try:
        gpx = gpxpy.parse(safe_xml.decode_text(data, name))
    except gpxpy.gpx.GPXException as exc:
        raise DamagedError(name, f"is not a readable GPX file ({exc})") from None
    tracks = [t for t in gpx.tracks if any(s.points for s in t.segments)]
    if not tracks:
        raise NotAnActivityError(name, "holds no recorded track (only waypoints or a planned route)")
    timed = [t for t in tracks if _mostly_timed(t)]
    times = [p.time for t in timed for s in t.segments for p in s.points if p.time is not None]
    if not times:
        raise NotAnActivityError(name, "has no times in its track, so when it took place is unknown")
    start, end = _utc(min(times)), _utc(max(times))
    if end <= start:
        raise NotAnActivityError(name, "records a single moment, not an activity")
    sport = next((normalise_sport(t.type) for t in gpx.tracks if t.type), normalise_sport(None))
    return [
        Activity(
            start=start,
            sport=sport,
            distance_km=sum(t.length_2d() for t in timed) / 1000,
            duration_s=(end - start).total_seconds(),
            source=name,
            file_hash=file_hash,
            fmt="gpx",
        )
    ]


def _mostly_timed(track: gpxpy.gpx.GPXTrack) -> bool:
    points = [p for s in track.segments for p in s.points]
    return sum(p.time is not None for p in points) >= _TIMED_SHARE * len(points)


def _utc(t: datetime) -> datetime:
    """GPX times are UTC; a time written without a zone is read as UTC."""
    return t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t.astimezone(timezone.utc)
