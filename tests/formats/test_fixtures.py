"""Real activity files that no one on the team wrote, read as the parsers' own figures say.

Distances within 3 % and durations within 2 % of: gpxpy's own track length and time bounds (GPX), the
figures asserted by python-tcxparser's tests (TCX), and the per-second records exported to CSV alongside
the FIT files in fitdecode's tests (FIT).
"""

from __future__ import annotations

import csv
from datetime import datetime, timezone

import gpxpy
import pytest

from recovery_planner.formats.activity_files import parse_activity, read_activity_file
from recovery_planner.formats.errors import DamagedError, NotAnActivityError

from .conftest import fixture


def read(kind: str, name: str):
    data, digest = read_activity_file(fixture(kind, name), name)
    return parse_activity(data, name, digest)


def close(value: float, expected: float, fraction: float) -> bool:
    return abs(value - expected) <= fraction * abs(expected)


# -- GPX -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    ["cerknicko-jezero.gpx", "korita-zbevnica.gpx", "around-visnjan-with-car.gpx", "track-with-empty-segment.gpx"],
)
def test_gpx_distance_and_duration_match_gpxpy(name):
    (activity,) = read("gpx", name)
    gpx = gpxpy.parse(fixture("gpx", name).read_text(encoding="utf-8-sig"))
    timed = [t for t in gpx.tracks if t.get_time_bounds().start_time is not None]
    bounds = [t.get_time_bounds() for t in timed]
    elapsed = (max(b.end_time for b in bounds) - min(b.start_time for b in bounds)).total_seconds()
    assert close(activity.distance_km * 1000, sum(t.length_2d() for t in timed), 0.03)
    assert close(activity.duration_s, elapsed, 0.02)
    assert activity.start.tzinfo is not None and activity.fmt == "gpx"


def test_gpx_versions_1_0_and_1_1_both_read():
    (v10,) = read("gpx", "cerknicko-jezero.gpx")  # GPX 1.0, GPSBabel
    (v11,) = read("gpx", "around-visnjan-with-car.gpx")  # GPX 1.1, Garmin eTrex 20x
    assert v10.start == datetime(2010, 8, 5, 14, 23, 59, tzinfo=timezone.utc)
    assert v11.start == datetime(2020, 12, 18, 6, 15, 50, tzinfo=timezone.utc)


def test_gpx_track_without_times_is_skipped_not_guessed():
    with pytest.raises(NotAnActivityError, match="no times"):
        read("gpx", "cerknicko-without-times.gpx")


def test_gpx_untimed_copy_of_a_route_is_left_out_of_the_distance():
    # korita-zbevnica has an 8.6 km track without times beside the two timed logs of the outing
    (activity,) = read("gpx", "korita-zbevnica.gpx")
    assert 6.0 < activity.distance_km < 6.6


def test_gpx_empty_segment_is_harmless():
    (activity,) = read("gpx", "track-with-empty-segment.gpx")
    assert activity.duration_s == 76 and activity.distance_km > 0


def test_gpx_byte_order_mark_is_read_as_xml():
    # the file's only content is a waypoint: read past the BOM, then skipped for having no track
    with pytest.raises(NotAnActivityError, match="no recorded track"):
        read("gpx", "unicode_with_bom.gpx")


def test_gpx_with_a_byte_order_mark_gives_the_same_activity(tmp_path):
    original = fixture("gpx", "cerknicko-jezero.gpx").read_bytes()
    path = tmp_path / "bom.gpx"
    path.write_bytes(b"\xef\xbb\xbf" + original)
    data, digest = read_activity_file(path)
    (with_bom,) = parse_activity(data, "bom.gpx", digest)
    (plain,) = read("gpx", "cerknicko-jezero.gpx")
    assert (with_bom.start, with_bom.distance_km, with_bom.duration_s) == (
        plain.start,
        plain.distance_km,
        plain.duration_s,
    )


# -- TCX ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["test.tcx", "no_hr.tcx"])
def test_tcx_matches_tcxparser_figures(name):
    # python-tcxparser's tests: started_at 2012-12-26T21:29:53Z, distance 4686.31103516 m, duration 1992.78 s
    (activity,) = read("tcx", name)
    assert activity.start == datetime(2012, 12, 26, 21, 29, 53, tzinfo=timezone.utc)
    assert activity.sport == "running" and activity.counts_as_running
    assert close(activity.distance_km * 1000, 4686.31103516, 0.03)
    assert close(activity.duration_s, 1992.78, 0.02)


def test_tcx_without_heart_rate_is_the_same_run():
    assert b"HeartRateBpm" not in fixture("tcx", "no_hr.tcx").read_bytes()
    (with_hr,) = read("tcx", "test.tcx")
    (no_hr,) = read("tcx", "no_hr.tcx")
    assert (no_hr.start, no_hr.distance_km) == (with_hr.start, with_hr.distance_km)


def test_tcx_paddleboarding_is_cross_training():
    (activity,) = read("tcx", "sup_activity_1.tcx")
    assert activity.sport == "other" and not activity.counts_as_running


# -- FIT ---------------------------------------------------------------------------------------------
def _records(name: str) -> tuple[float, float]:
    """(last distance in m, first-to-last seconds) from the records CSV shipped with the FIT file."""
    with open(fixture("fit", name), newline="") as fh:
        rows = list(csv.DictReader(fh))
    times = [datetime.strptime(r["timestamp"].replace("PDT ", ""), "%a %b %d %H:%M:%S %Y") for r in rows]
    return float(rows[-1]["distance"]), (times[-1] - times[0]).total_seconds()


@pytest.mark.parametrize(
    ("name", "sport"),
    [
        ("garmin-fenix-5-run.fit", "running"),
        ("garmin-fenix-5-walk.fit", "walking"),
        ("garmin-edge-820-bike.fit", "cycling"),
    ],
)
def test_fit_matches_its_records(name, sport):
    (activity,) = read("fit", name)
    metres, seconds = _records(name.replace(".fit", "-records.csv"))
    assert activity.sport == sport
    assert close(activity.distance_km * 1000, metres, 0.03)
    assert close(activity.duration_s, seconds, 0.02)


@pytest.mark.parametrize(
    ("name", "sport", "km", "seconds"),
    [
        ("2013-02-06-12-11-14.fit", "running", 4.83538, 2625.14),  # Garmin Forerunner 110
        ("coros-pace-2-cycling-misaligned-fields.fit", "cycling", 32.14576, 12719.0),  # COROS PACE 2
        ("null_compressed_speed_dist.fit", "cycling", 13.40014, 1807.0),  # Zwift
        ("20170518-191602-1740899583.fit", "other", 0.0, 1707.308),  # Garmin vivoactive HR, gym equipment
    ],
)
def test_fit_sessions_of_several_brands(name, sport, km, seconds):
    (activity,) = read("fit", name)
    assert activity.sport == sport
    assert abs(activity.distance_km - km) <= 0.03 * km + 1e-9
    assert close(activity.duration_s, seconds, 0.02)
    assert activity.counts_as_running == (sport == "running")


def test_fit_truncated_file_is_refused_with_a_message():
    with pytest.raises(DamagedError, match="cut off"):
        read("fit", "activity-unexpected-eof.fit")


def test_fit_bad_checksum_is_refused():
    with pytest.raises(DamagedError, match="checksum"):
        read("fit", "activity-filecrc.fit")


def test_fit_format_is_found_by_content_not_name(tmp_path):
    path = tmp_path / "renamed.gpx"
    path.write_bytes(fixture("fit", "garmin-fenix-5-run.fit").read_bytes())
    data, digest = read_activity_file(path)
    (activity,) = parse_activity(data, path.name, digest)
    assert activity.fmt == "fit" and activity.sport == "running"
