"""Hostile and oversized inputs are refused quickly, by defusedxml and the bounded reader."""

from __future__ import annotations

import gzip
import io
import os
import time
import zipfile

import pytest

from recovery_planner.formats import archive
from recovery_planner.formats.activity_files import MAX_FILE_BYTES, parse_activity, read_activity_file, unpack
from recovery_planner.formats.bounded import read_bounded
from recovery_planner.formats.errors import DamagedError, TooLargeError, UnsafeError

from .conftest import fixture
from .hostile import billion_laughs_gpx, external_dtd_gpx, external_entity_gpx


@pytest.mark.parametrize("make", [billion_laughs_gpx, external_entity_gpx, external_dtd_gpx])
def test_entity_tricks_are_refused_before_expansion(make):
    data = make()
    t0 = time.perf_counter()
    with pytest.raises(UnsafeError, match="refused for safety"):
        parse_activity(data, "evil.gpx", "")
    assert time.perf_counter() - t0 < 1.0


def test_entities_are_refused_in_tcx_too():
    data = billion_laughs_gpx().replace(b"<gpx", b"<TrainingCenterDatabase", 1).replace(b"DOCTYPE gpx", b"DOCTYPE x")
    with pytest.raises(UnsafeError):
        parse_activity(data, "evil.tcx", "")


def test_a_large_regular_file_is_refused_by_its_size_without_reading(tmp_path):
    path = tmp_path / "huge.gpx"
    with open(path, "wb") as fh:
        fh.truncate(200 * 2**20)  # sparse: 200 MB that take no disk space
    t0 = time.perf_counter()
    with pytest.raises(TooLargeError, match="larger than the 64 MB limit"):
        read_activity_file(path)
    assert time.perf_counter() - t0 < 0.5


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_read_only_up_to_the_limit():
    with pytest.raises(TooLargeError, match="holds more than"):
        read_bounded("/dev/zero", 2**20)


def test_a_pipe_is_read_only_up_to_the_limit():
    r, w = os.pipe()
    os.write(w, b"x" * 5000)
    os.close(w)
    with os.fdopen(r, "rb") as stream, pytest.raises(TooLargeError):
        read_bounded(stream, 4096, "pipe")
    assert read_bounded(io.BytesIO(b"abc"), 3) == b"abc"


def test_a_gzip_bomb_is_cut_at_the_limit():
    bomb = gzip.compress(b"\0" * (MAX_FILE_BYTES + 2**20), compresslevel=9)
    assert len(bomb) < 2**20
    with pytest.raises(TooLargeError):
        unpack(bomb, "bomb.gpx.gz")


def test_a_cut_off_gzip_is_damaged():
    data = gzip.compress(fixture("gpx", "cerknicko-jezero.gpx").read_bytes())
    with pytest.raises(DamagedError, match="gzip"):
        unpack(data[: len(data) // 2], "half.gpx.gz")


def test_a_zip_member_that_expands_past_the_limit_is_refused(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("activities/bomb.gpx", "w") as member:
        chunk = b"\0" * 2**20
        for _ in range(MAX_FILE_BYTES // len(chunk) + 2):
            member.write(chunk)
    assert path.stat().st_size < 2**20
    with pytest.raises(TooLargeError, match=r"bomb\.gpx"):
        list(archive.iter_zip_activities(path))


def test_a_zip_with_too_many_entries_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBERS", 5)
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(6):
            zf.writestr(f"a{i}.gpx", b"<gpx/>")
    with pytest.raises(TooLargeError, match="6 entries"):
        list(archive.iter_zip_activities(path))


def test_a_zip_over_the_total_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 50_000)
    path = tmp_path / "big.zip"
    gpx = fixture("gpx", "cerknicko-jezero.gpx").read_bytes()  # 36 kB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("one.gpx", gpx)
        zf.writestr("two.gpx", gpx)
    with pytest.raises(TooLargeError, match="more than"):
        list(archive.iter_zip_activities(path))


def test_a_cut_off_zip_is_damaged(tmp_path):
    path = tmp_path / "cut.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("one.gpx", fixture("gpx", "cerknicko-jezero.gpx").read_bytes())
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(DamagedError, match="damaged zip"):
        list(archive.iter_zip_activities(path))


def test_malformed_xml_is_damaged():
    data = fixture("gpx", "cerknicko-jezero.gpx").read_bytes()
    with pytest.raises(DamagedError, match="not valid XML or is cut off"):
        parse_activity(data[: len(data) // 2], "half.gpx", "")
