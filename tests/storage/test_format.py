"""The file format: version first, per-record checksums, hidden stamp, compact plans, old files still read."""

from __future__ import annotations

import base64
import dataclasses
import zlib
from datetime import date
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.storage import DamagedFileError, InvalidRecordError, NewerVersionError, Repository
from recovery_planner.storage.filestore import ShardStorage, load_file
from recovery_planner.storage.schema import SCHEMA_VERSION

from .conftest import planned
from .helpers import checkin_file, cli

DAY = date(2024, 5, 1)


def _shard(repo: Repository, athlete_id: str, kind: str = "checkins") -> Path:
    return repo.data_dir / "athletes" / athlete_id / f"{kind}-2024-05.json"


def test_a_flipped_byte_that_keeps_the_json_valid_is_caught(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    repo.add_check_in(a.id, *planned(DAY, pain=3))
    shard = _shard(repo, a.id)
    blob = shard.read_bytes()
    assert blob.count(b'"pain":3') == 1
    shard.write_bytes(blob.replace(b'"pain":3', b'"pain":8'))  # still valid JSON, still the right shape
    orjson.loads(shard.read_bytes())
    with pytest.raises(DamagedFileError, match="checksum"):
        Repository.open(repo.data_dir).history(a.id)


def test_a_flipped_byte_in_a_plan_is_caught(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    rec = repo.add_check_in(a.id, *planned(DAY))
    shard = _shard(repo, a.id, "plans")
    tables = orjson.loads(shard.read_bytes())
    doc = tables["plans"]["1"]
    text = doc["plan_zs1"]
    doc["plan_zs1"] = text[:40] + ("A" if text[40] != "A" else "B") + text[41:]
    shard.write_bytes(orjson.dumps(tables))
    with pytest.raises(DamagedFileError, match="checksum"):
        Repository.open(repo.data_dir).get_plan(a.id, rec.id)


def test_version_is_read_before_the_checksum(repo: Repository, tmp_path: Path) -> None:
    """A newer file may checksum differently or look cut off to this version: it is refused as newer (exit 4)."""
    a = repo.add_athlete("Ana")
    repo.add_check_in(a.id, *planned(DAY))
    shard = _shard(repo, a.id)
    tables = orjson.loads(shard.read_bytes())
    tables["_meta"]["1"].update(schema_version=SCHEMA_VERSION + 1, app_version="9.0", sums={"new": "layout"})
    shard.write_bytes(orjson.dumps(tables)[:-40])  # and unreadable as JSON here
    before = shard.read_bytes()
    with pytest.raises(NewerVersionError, match=f"data format {SCHEMA_VERSION + 1}") as exc:
        Repository.open(repo.data_dir).history(a.id)
    assert "9.0" in str(exc.value)
    out = cli(repo.data_dir, "history", "--athlete", "Ana")
    assert out.returncode == 4 and f"format {SCHEMA_VERSION + 1}" in out.stderr
    added = cli(repo.data_dir, "checkin", "add", checkin_file(tmp_path, date="2024-05-03"), "--athlete", "Ana")
    assert added.returncode == 4
    restored = cli(repo.data_dir, "restore")
    assert restored.returncode == 0 and shard.read_bytes() == before  # never repaired over
    assert shard.read_bytes() == before and not list((repo.data_dir / "damaged").glob("*"))


def test_an_older_app_never_rewrites_a_newer_profile(repo: Repository) -> None:
    a = repo.add_athlete("Ana Lopez")
    profile = repo.data_dir / "athletes" / a.id / "profile.json"
    tables = orjson.loads(profile.read_bytes())
    tables["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    tables["profile"]["1"]["new_field"] = "kept"
    profile.write_bytes(orjson.dumps(tables))
    before = profile.read_bytes()
    out = cli(repo.data_dir, "athletes", "archive", "Ana Lopez")
    assert out.returncode == 4, out.stderr
    assert "newer version" in out.stderr and "archived" not in out.stdout
    assert profile.read_bytes() == before


def test_the_stamp_and_checksums_stay_out_of_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "any.json"
    db = TinyDB(path, storage=ShardStorage)  # constructible from a path alone, like JSONStorage
    db.table("runs").insert({"km": 5})
    db.insert({"x": 1})
    assert db.tables() == {"runs", "_default"}
    raw = orjson.loads(path.read_bytes())
    assert next(iter(raw)) == "_meta" and "sums" in raw["_meta"]["1"]
    again = TinyDB(path, storage=ShardStorage)
    assert again.table("runs").all() == [{"km": 5}] and again.tables() == {"runs", "_default"}
    db.drop_tables()
    assert TinyDB(path, storage=ShardStorage).tables() == set()


def test_a_version_1_file_is_read_and_upgraded_on_the_next_save(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    ci, plan = planned(DAY)
    rec = repo.add_check_in(a.id, ci, plan)
    for kind in ("checkins", "plans"):  # turn both files into what version 1 wrote
        shard = _shard(repo, a.id, kind)
        tables = orjson.loads(shard.read_bytes())
        tables["_meta"]["1"] = {"schema_version": 1, "kind": kind, "app_version": "0.1.0"}
        if kind == "plans":
            doc = tables["plans"]["1"]
            doc["plan_z"] = base64.b64encode(zlib.compress(orjson.dumps(plan.to_dict()))).decode()
            del doc["plan_zs1"]
        shard.write_bytes(orjson.dumps(tables))
    fresh = Repository.open(repo.data_dir)
    assert fresh.get_plan(a.id, rec.id) == plan.to_dict()
    fresh.add_check_in(a.id, *planned(date(2024, 5, 2)))
    for kind in ("checkins", "plans"):
        meta = orjson.loads(_shard(repo, a.id, kind).read_bytes())["_meta"]["1"]
        assert meta["schema_version"] == SCHEMA_VERSION and "sums" in meta
    assert Repository.open(repo.data_dir).get_plan(a.id, rec.id) == plan.to_dict()


def test_plans_are_stored_compactly_and_read_back_exactly(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    ci, plan = planned(DAY, pain=5, region="achilles")
    rec = repo.add_check_in(a.id, ci, plan)
    stored = orjson.loads(_shard(repo, a.id, "plans").read_bytes())["plans"]["1"]["plan_zs1"]
    raw = len(orjson.dumps(plan.to_dict()))
    assert len(stored) * 10 < raw  # more than ten times smaller than the plan's JSON
    assert Repository.open(repo.data_dir).get_plan(a.id, rec.id) == plan.to_dict()
    assert repo.plans(a.id) == {rec.id: plan.to_dict()}


def test_unstorable_text_is_refused_before_anything_is_written(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    valid = parse_check_in({"date": DAY.isoformat(), "athlete": {"name": "Ana"}, "areas": []}, DAY)
    # A lone surrogate (the domain refuses it too; storage must not rely on that): not storable as UTF-8.
    ci = dataclasses.replace(valid, athlete=dataclasses.replace(valid.athlete, name="Ana \ud800"))
    with pytest.raises(InvalidRecordError, match="cannot be stored"):
        repo.add_check_in(a.id, ci, build_plan(valid))
    assert not list((repo.data_dir / "athletes" / a.id).glob("plans-*"))
    assert load_file(repo.data_dir / "athletes" / a.id / "profile.json")
