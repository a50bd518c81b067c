"""Damaged files, newer-version files, migrations, backups and restore, on real files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import orjson
import pytest

from recovery_planner.storage import DamagedFileError, NewerVersionError, Repository, StorageError
from recovery_planner.storage.backups import list_backups
from recovery_planner.storage.filestore import ShardStorage, load_file
from recovery_planner.storage.schema import MIGRATIONS, SCHEMA_VERSION, Schema

from .conftest import planned

DAY = date(2024, 5, 1)


def _setup(repo: Repository) -> tuple[str, str, Path]:
    a = repo.add_athlete("Ana")
    first = repo.add_check_in(a.id, *planned(DAY))
    repo.backup()  # a good copy of every file
    repo.add_check_in(a.id, *planned(date(2024, 5, 2)))  # newer than the backup
    return a.id, first.id, repo.data_dir / "athletes" / a.id / "checkins-2024-05.json"


def _truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def _garbage(p: Path) -> None:
    p.write_bytes(b"\x00\xff\x13garbage" * 50)


def _wrong_shape(p: Path) -> None:
    p.write_text(
        json.dumps(
            {
                "_meta": {"1": {"schema_version": 1, "kind": "checkins"}},
                "checkins": {"1": {"id": 5, "note": "not a check-in"}},
            }
        )
    )


def _empty(p: Path) -> None:
    p.write_bytes(b"")


@pytest.mark.parametrize("damage", [_truncate, _garbage, _wrong_shape, _empty])
def test_damaged_file_is_reported_kept_and_restored(repo: Repository, damage) -> None:
    athlete_id, first_id, shard = _setup(repo)
    damage(shard)
    damaged_bytes = shard.read_bytes()
    fresh = Repository.open(repo.data_dir)
    with pytest.raises(DamagedFileError) as exc:
        fresh.history(athlete_id)
    message = str(exc.value)
    assert str(shard) in message and "restore" in message and "Traceback" not in message
    assert exc.value.backup_available and exc.value.kept_at is not None
    assert exc.value.kept_at.read_bytes() == damaged_bytes
    with pytest.raises(DamagedFileError):  # a save never overwrites the damaged file
        fresh.add_check_in(athlete_id, *planned(date(2024, 5, 3)))
    assert shard.read_bytes() == damaged_bytes
    assert fresh.damaged_files() == [shard.relative_to(repo.data_dir)]
    actions = fresh.repair()
    assert [a.action for a in actions] == ["restored"]
    assert [r.id for r in fresh.history(athlete_id)] == [first_id]  # the newest good backup
    assert exc.value.kept_at.exists()
    fresh.add_check_in(athlete_id, *planned(date(2024, 5, 3)))
    assert len(Repository.open(repo.data_dir).history(athlete_id)) == 2


def test_damaged_file_without_backup_is_moved_aside(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    repo.add_check_in(a.id, *planned(DAY))
    shard = repo.data_dir / "athletes" / a.id / "checkins-2024-05.json"
    _garbage(shard)
    fresh = Repository.open(repo.data_dir, auto_backup=False)
    assert [x.action for x in fresh.repair()] == ["removed"]
    assert fresh.history(a.id) == [] and list((repo.data_dir / "damaged").iterdir())


def test_damaged_index_is_rebuilt_from_athlete_files(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    repo.add_check_in(a.id, *planned(DAY))
    _truncate(repo.data_dir / "index.json")
    fresh = Repository.open(repo.data_dir)
    assert [x.name for x in fresh.list_athletes()] == ["Ana"]
    assert fresh.list_athletes()[0].latest.date == DAY
    assert any("index.json" in w and "rebuilt" in w for w in fresh.warnings)
    assert list((repo.data_dir / "damaged").glob("index.json.*.damaged"))


def test_newer_schema_is_refused_not_misread(repo: Repository) -> None:
    athlete_id, _, shard = _setup(repo)
    tables = orjson.loads(shard.read_bytes())
    tables["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    shard.write_bytes(orjson.dumps(tables))
    before = shard.read_bytes()
    fresh = Repository.open(repo.data_dir)
    with pytest.raises(NewerVersionError, match="newer version of Recovery Planner") as exc:
        fresh.history(athlete_id)
    assert str(shard) in str(exc.value)
    with pytest.raises(NewerVersionError):
        fresh.add_check_in(athlete_id, *planned(date(2024, 5, 3)))
    assert shard.read_bytes() == before and fresh.damaged_files() == []
    index = repo.data_dir / "index.json"
    tables = orjson.loads(index.read_bytes())
    tables["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    index.write_bytes(orjson.dumps(tables))
    with pytest.raises(NewerVersionError):
        Repository.open(repo.data_dir)


def test_migration_to_a_future_version(repo: Repository) -> None:
    """A current file is migrated on read by a newer app and written back in its version on the next save."""
    a = repo.add_athlete("Ana", body_mass_kg=60)
    profile = repo.data_dir / "athletes" / a.id / "profile.json"
    now = SCHEMA_VERSION

    def step(kind: str, tables: dict) -> dict:
        if kind == "profile":
            for doc in tables["profile"].values():
                doc["body_mass_kg"] = {"value": doc["body_mass_kg"], "unit": "kg"}
        return tables

    future = Schema(version=now + 1, migrations={**MIGRATIONS, now: step})
    storage = ShardStorage(profile, schema_=future)
    doc = storage.read()["profile"]["1"]
    assert doc["body_mass_kg"] == {"value": 60, "unit": "kg"}
    assert orjson.loads(profile.read_bytes())["_meta"]["1"]["schema_version"] == now  # not rewritten on read
    storage.write(storage.read())
    assert orjson.loads(profile.read_bytes())["_meta"]["1"]["schema_version"] == now + 1
    with pytest.raises(NewerVersionError):
        load_file(profile)  # this app refuses the newer file
    assert load_file(profile, future)["profile"]["1"]["body_mass_kg"]["unit"] == "kg"


def test_restore_whole_backup_folder_and_zip(repo: Repository, tmp_path: Path) -> None:
    a = repo.add_athlete("Ana")
    repo.add_check_in(a.id, *planned(DAY))
    snap = repo.backup()
    exported = tmp_path / "move.zip"
    assert repo.export_backup(exported) == 4
    repo.add_check_in(a.id, *planned(date(2024, 5, 2)))
    repo.add_athlete("Ben")
    safety = repo.restore_from(snap.name)
    assert safety.kind == "safety"
    assert [x.name for x in repo.list_athletes()] == ["Ana"] and len(repo.history(a.id)) == 1
    repo.restore_from(safety.path)  # undo
    assert len(repo.list_athletes()) == 2 and len(repo.history(a.id)) == 2
    other = Repository.open(tmp_path / "new-computer")
    other.restore_from(exported)
    assert [x.name for x in other.list_athletes()] == ["Ana"] and len(other.history(a.id)) == 1
    with pytest.raises(StorageError):
        other.restore_from(tmp_path / "nothing-here.zip")


def test_restore_refuses_a_damaged_backup(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    repo.add_check_in(a.id, *planned(DAY))
    snap = repo.backup()
    bad = snap.path / "athletes" / a.id / "checkins-2024-05.json"
    bad.unlink()  # break the hard link before damaging the copy
    bad.write_bytes(b"{")
    with pytest.raises(StorageError, match="cannot be used"):
        repo.restore_from(snap.path)
    assert len(repo.history(a.id)) == 1


def test_daily_backups_rotate(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    repo.set_setting("backups_keep", 2)
    from recovery_planner.storage.backups import create_snapshot, rotate

    for _ in range(4):
        create_snapshot(repo.data_dir, "auto")
    repo.backup("manual")
    rotate(repo.data_dir, repo.get_setting("backups_keep"))
    kinds = [b.kind for b in list_backups(repo.data_dir)]
    assert kinds.count("auto") == 2 and kinds.count("manual") == 1
    assert a.id
