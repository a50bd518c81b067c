"""Activities in the data folder: real TinyDB files, one per year, deduplicated, backed up, versioned."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from recovery_planner.domain.activities import Activity
from recovery_planner.storage import DamagedFileError, NewerVersionError, NotFoundError, Repository
from recovery_planner.storage.schema import SCHEMA_VERSION

T0 = datetime(2023, 12, 30, 7, 0, tzinfo=timezone.utc)


def acts(n: int, start: datetime = T0) -> list[Activity]:
    return [
        Activity(start + timedelta(days=i), "running", 8.0 + i % 3, 2700.0, f"run{i}.fit", file_hash=f"h{i}", fmt="fit")
        for i in range(n)
    ]


@pytest.fixture
def repo(tmp_path):
    with Repository.open(tmp_path / "data") as r:
        yield r


def test_added_once_then_skipped(repo):
    ana = repo.add_athlete("Ana")
    assert repo.add_activities(ana.id, acts(5)) == (5, 0)
    assert repo.add_activities(ana.id, acts(7)) == (2, 5)
    assert [a.source for a in repo.activities(ana.id)] == [f"run{i}.fit" for i in range(7)]


def test_one_file_per_year_and_read_back_after_reopening(tmp_path):
    with Repository.open(tmp_path / "data") as repo:
        ana = repo.add_athlete("Ana")
        repo.add_activities(ana.id, acts(4))  # 30 Dec 2023 .. 2 Jan 2024
        stored = repo.activities(ana.id)
    folder = tmp_path / "data" / "athletes" / ana.id
    assert sorted(p.name for p in folder.glob("activities-*.json")) == ["activities-2023.json", "activities-2024.json"]
    meta = json.loads((folder / "activities-2024.json").read_text())["_meta"]["1"]
    assert meta["kind"] == "activities" and meta["schema_version"] == SCHEMA_VERSION
    with Repository.open(tmp_path / "data") as again:
        assert again.activities(ana.id) == stored
        assert again.activities(ana.id, start=date(2024, 1, 1)) == stored[2:]
        assert again.activity_file_hashes(ana.id) == {"h0", "h1", "h2", "h3"}


def test_activities_are_per_athlete(repo):
    ana, ben = repo.add_athlete("Ana"), repo.add_athlete("Ben")
    repo.add_activities(ana.id, acts(3))
    assert repo.activities(ben.id) == []
    assert repo.add_activities(ben.id, acts(3)) == (3, 0)


def test_unknown_athlete(repo):
    with pytest.raises(NotFoundError):
        repo.add_activities("nosuchathlete", acts(1))


def test_backed_up_and_restored(repo):
    ana = repo.add_athlete("Ana")
    repo.add_activities(ana.id, acts(3))
    backup = repo.backup()
    assert (backup.path / "athletes" / ana.id / "activities-2024.json").is_file()
    repo.add_activities(ana.id, acts(3, T0 + timedelta(days=100)))
    repo.restore_from(backup.name)
    assert len(repo.activities(ana.id)) == 3


def test_a_damaged_activities_file_is_reported_and_repaired_from_the_backup(repo):
    ana = repo.add_athlete("Ana")
    repo.add_activities(ana.id, acts(3))
    repo.backup()
    path = repo.data_dir / "athletes" / ana.id / "activities-2024.json"
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(DamagedFileError):
        repo.activities(ana.id)
    assert any(p.name == path.name for p in repo.damaged_files())
    actions = repo.repair()
    assert [a.action for a in actions] == ["restored"]
    assert len(repo.activities(ana.id)) == 3


def test_a_record_with_an_impossible_value_is_damage_not_a_crash(repo):
    from pathlib import Path

    ana = repo.add_athlete("Ana")
    repo.add_activities(ana.id, acts(1, T0 + timedelta(days=5)))
    bad = acts(1, T0 + timedelta(days=6))[0].to_dict() | {"start": "2024-01-04T07:00:00"}  # no time zone
    folder = repo._folder  # written as a buggy version would: a valid file holding an invalid activity
    with folder.transaction():
        folder.db(Path("athletes", ana.id, "activities-2024.json")).table("activities").insert(bad)
    with pytest.raises(DamagedFileError, match="an activity in it cannot be read"):
        repo.activities(ana.id)


def test_a_newer_version_file_is_refused_not_misread(repo):
    ana = repo.add_athlete("Ana")
    repo.add_activities(ana.id, acts(1, T0 + timedelta(days=5)))
    path = repo.data_dir / "athletes" / ana.id / "activities-2024.json"
    tables = json.loads(path.read_text())
    tables["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(tables))
    with pytest.raises(NewerVersionError):
        repo.add_activities(ana.id, acts(1, T0 + timedelta(days=50)))
    assert json.loads(path.read_text())["_meta"]["1"]["schema_version"] == SCHEMA_VERSION + 1
