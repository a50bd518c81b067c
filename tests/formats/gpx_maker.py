"""Synthetic GPX runs written with gpxpy (for the load tests and the import benchmark)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import gpxpy.gpx

_EARTH_M = 6_371_000.0


def make_gpx(
    start: datetime,
    km: float,
    pace_s_per_km: float = 330.0,
    interval_s: float = 1.0,
    sport: str | None = "running",
    lat: float = 46.05,
    lon: float = 14.5,
) -> bytes:
    """A GPX 1.1 track of ``km`` kilometres at a steady pace, a point every ``interval_s`` seconds.

    The route is a circle (a loop round a park), so the horizontal track length is close to ``km``.
    """
    gpx = gpxpy.gpx.GPX()
    gpx.creator = "recovery-planner tests"
    track = gpxpy.gpx.GPXTrack(name=f"Run {start:%Y-%m-%d}")
    track.type = sport
    segment = gpxpy.gpx.GPXTrackSegment()
    track.segments.append(segment)
    gpx.tracks.append(track)
    seconds = km * pace_s_per_km
    steps = max(int(seconds / interval_s), 1)
    radius_m = 400.0
    for i in range(steps + 1):
        dist_m = km * 1000 * i / steps
        angle = dist_m / radius_m
        north, east = radius_m * math.sin(angle), radius_m * (1 - math.cos(angle))
        segment.points.append(
            gpxpy.gpx.GPXTrackPoint(
                latitude=lat + math.degrees(north / _EARTH_M),
                longitude=lon + math.degrees(east / (_EARTH_M * math.cos(math.radians(lat)))),
                elevation=300.0,
                time=start + timedelta(seconds=seconds * i / steps),
            )
        )
    return gpx.to_xml().encode("utf-8")
