"""Importing activities through the service: all or nothing, progress and cancel, parallel workers, re-import."""

from __future__ import annotations

import gzip
import shutil
import zipfile
from datetime import date, datetime, timedelta, timezone

import pytest

from recovery_planner.services.activities import ImportRefusedError, import_activities, list_activities
from recovery_planner.services.context import AppContext
from recovery_planner.storage import Repository
from tests.formats.conftest import DATA, fixture
from tests.formats.gpx_maker import make_gpx

NOW = datetime(2024, 6, 30, 20, 0, tzinfo=timezone.utc)
GOOD = ["gpx/cerknicko-jezero.gpx", "tcx/test.tcx", "fit/garmin-fenix-5-run.fit", "fit/garmin-fenix-5-walk.fit"]


@pytest.fixture
def ctx(tmp_path):
    with Repository.open(tmp_path / "data") as repo:
        yield AppContext(repo, clock=lambda: NOW)


@pytest.fixture
def ana(ctx):
    return ctx.repo.add_athlete("Ana").id


def copy(tmp_path, names, folder="in"):
    dest = tmp_path / folder
    dest.mkdir(exist_ok=True)
    for n in names:
        shutil.copy(DATA / n, dest / n.split("/")[-1])
    return dest


def test_a_folder_is_imported_with_progress(ctx, ana, tmp_path):
    seen = []
    result = import_activities(ctx, ana, [copy(tmp_path, GOOD)], progress=lambda d, t: seen.append((d, t)))
    assert result.value.added == 4 and result.changes.activities and result.changes.athlete_id == ana
    assert seen == [(i, 4) for i in range(1, 5)]
    sports = sorted(a.sport for a in list_activities(ctx, ana).value)
    assert sports == ["running", "running", "unspecified", "walking"]


def test_a_truncated_file_refuses_the_whole_import(ctx, ana, tmp_path):
    folder = copy(tmp_path, [*GOOD, "fit/activity-unexpected-eof.fit", "fit/activity-filecrc.fit"])
    with pytest.raises(ImportRefusedError) as err:
        import_activities(ctx, ana, [folder])
    assert err.value.exit_code == 2
    assert "activity-unexpected-eof.fit: is cut off" in str(err.value)
    assert "activity-filecrc.fit: fails its FIT checksum" in str(err.value)
    assert ctx.repo.activities(ana) == []


def test_files_without_an_activity_are_skipped_with_a_note(ctx, ana, tmp_path):
    folder = copy(tmp_path, [*GOOD, "gpx/cerknicko-without-times.gpx"])
    result = import_activities(ctx, ana, [folder])
    assert result.value.added == 4
    assert any("cerknicko-without-times.gpx: has no times" in n for n in result.notices)


def test_only_files_without_activities_is_an_error(ctx, ana):
    with pytest.raises(ImportRefusedError, match="No activity found"):
        import_activities(ctx, ana, [fixture("gpx", "unicode_with_bom.gpx")])


def test_a_missing_path_is_an_error(ctx, ana, tmp_path):
    with pytest.raises(ImportRefusedError, match="no such file"):
        import_activities(ctx, ana, [tmp_path / "nothing.gpx"])


def test_reimport_adds_nothing_and_does_not_parse_again(ctx, ana, tmp_path, monkeypatch):
    folder = copy(tmp_path, GOOD)
    import_activities(ctx, ana, [folder])
    import recovery_planner.services.activities as service

    def fail(*args):
        raise AssertionError("an imported file was parsed again")

    monkeypatch.setattr(service, "parse_job", fail)
    again = import_activities(ctx, ana, [folder])
    assert (again.value.added, again.value.duplicates) == (0, 4)
    assert not again.changes.any


def test_the_same_run_from_two_apps_is_stored_once(ctx, ana):
    # test.tcx and no_hr.tcx hold the same run (one with heart rate, one without)
    result = import_activities(ctx, ana, [fixture("tcx", "test.tcx"), fixture("tcx", "no_hr.tcx")])
    assert (result.value.added, result.value.duplicates) == (1, 1)


def test_a_zip_export_with_gzip_members(ctx, ana, tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("activities/1.gpx", fixture("gpx", "cerknicko-jezero.gpx").read_bytes())
        zf.writestr("activities/2.fit.gz", gzip.compress(fixture("fit", "garmin-fenix-5-run.fit").read_bytes()))
        zf.writestr("activities/3.tcx.gz", gzip.compress(fixture("tcx", "sup_activity_1.tcx").read_bytes()))
        zf.writestr("activities.csv", "not read")
        zf.writestr("__MACOSX/activities/._1.gpx", "resource fork")
    result = import_activities(ctx, ana, [path])
    assert (result.value.files, result.value.added) == (3, 3)
    assert {a.source for a in ctx.repo.activities(ana)} == {
        "export.zip/activities/1.gpx",
        "export.zip/activities/2.fit.gz",
        "export.zip/activities/3.tcx.gz",
    }
    # the unzipped files are the same activities: nothing new
    again = import_activities(ctx, ana, [copy(tmp_path, [*GOOD[:1], "fit/garmin-fenix-5-run.fit"])])
    assert again.value.added == 0


def many_runs(tmp_path, n: int):
    folder = tmp_path / "runs"
    folder.mkdir()
    for i in range(n):
        start = datetime(2024, 1, 1, 7, tzinfo=timezone.utc) + timedelta(days=i)
        (folder / f"run{i:03d}.gpx").write_bytes(make_gpx(start, 5 + i % 4, interval_s=10))
    return folder


def test_parallel_workers_give_the_same_result(ctx, ana, tmp_path):
    folder = many_runs(tmp_path, 30)
    seen = []
    result = import_activities(ctx, ana, [folder], progress=lambda d, t: seen.append(d), workers=2)
    assert result.value.added == 30 and seen == list(range(1, 31))
    inline = ctx.repo.add_athlete("Ben").id
    import_activities(ctx, inline, [folder], workers=1)
    key = [(a.start, a.distance_km, a.duration_s) for a in ctx.repo.activities(ana)]
    assert key == [(a.start, a.distance_km, a.duration_s) for a in ctx.repo.activities(inline)]


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_stores_nothing(ctx, ana, tmp_path, workers):
    folder = many_runs(tmp_path, 30)
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 5

    result = import_activities(ctx, ana, [folder], cancel=cancel, workers=workers)
    assert result.value.cancelled and not result.changes.any
    assert ctx.repo.activities(ana) == []


def test_load_for_check_in_uses_local_days(ctx, ana, tmp_path):
    from recovery_planner.services.training_load import load_for_check_in

    assert load_for_check_in(ctx, ana).value is None
    import_activities(ctx, ana, [many_runs(tmp_path, 1)])
    got = load_for_check_in(ctx, ana, day=date(2024, 1, 3)).value
    assert got is not None and got.load["acute_km_7d"] == pytest.approx(5.0, rel=0.03)


def test_a_large_file_is_parsed_in_a_memory_capped_worker(ctx, ana, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor

    import recovery_planner.services.activities as service

    started = []

    class RecordingPool(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            started.append(kwargs.get("initializer"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(service, "ProcessPoolExecutor", RecordingPool)
    small = import_activities(ctx, ana, [fixture("gpx", "track-with-empty-segment.gpx")], workers=1)
    assert small.value.added == 1 and started == []  # a small file: parsed here, no process started
    monkeypatch.setattr(service, "LARGE_FILE_BYTES", 10_000)
    large = import_activities(ctx, ana, [fixture("gpx", "cerknicko-jezero.gpx")], workers=1)
    assert large.value.added == 1 and started == [service._limit_worker_memory]


def test_the_athlete_s_whole_record_carries_their_activities(ctx, ana):
    from recovery_planner.services.coach import athlete_record

    import_activities(ctx, ana, [fixture("fit", "garmin-fenix-5-run.fit")])
    (activity,) = athlete_record(ctx, ana)["activities"]
    assert activity["sport"] == "running" and activity["start"] == "2017-06-11T14:34:09+00:00"
