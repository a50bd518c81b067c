"""Honest errors: exit codes per error class, no raw OS errors, committed saves acknowledged."""

from __future__ import annotations

import inspect
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from recovery_planner.storage import Repository, errors
from recovery_planner.storage.errors import DataFolderError, StorageError

from .conftest import planned
from .helpers import checkin_file, cli, read_only

EXPECTED = {
    "DataFolderError": 5,
    "InvalidRecordError": 2,
    "NotFoundError": 2,
    "DamagedFileError": 3,
    "NewerVersionError": 4,
    "LockedError": 5,
    "WriteFailedError": 5,
    "BackupError": 2,
}


def test_every_storage_error_class_carries_its_exit_code() -> None:
    classes = {
        name: cls
        for name, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, StorageError) and cls is not StorageError
    }
    assert set(classes) >= set(EXPECTED)
    for name, cls in classes.items():
        assert "exit_code" in vars(cls), f"{name} has no exit_code of its own"
        assert cls.exit_code in (2, 3, 4, 5)
    assert {n: classes[n].exit_code for n in EXPECTED} == EXPECTED


@pytest.fixture
def ana(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert cli(data, "athletes", "add", "Ana Lopez").returncode == 0
    return data


def test_read_only_data_folder_exit_5_with_a_message_and_reading_still_works(ana: Path, tmp_path: Path) -> None:
    athlete_dir = next((ana / "athletes").iterdir())
    (ana / ".lock").unlink()  # as on a folder copied from a read-only medium: the lock cannot even be made
    with read_only(ana, ana / "athletes", athlete_dir):
        out = cli(ana, "checkin", "add", checkin_file(tmp_path), "--athlete", "Ana Lopez")
        assert out.returncode == 5, out.stderr
        assert "Traceback" not in out.stderr and str(ana) in out.stderr and "Nothing was saved" in out.stderr
        assert out.stdout == ""
        listed = cli(ana, "athletes", "list")
        assert listed.returncode == 0 and "Ana Lopez" in listed.stdout
    assert "No check-ins" in cli(ana, "history", "--athlete", "Ana Lopez").stderr


@pytest.mark.parametrize("kind", ["folder", "symlink"])
def test_lock_that_is_a_folder_or_a_link_is_refused(ana: Path, tmp_path: Path, kind: str) -> None:
    lock = ana / ".lock"
    lock.unlink()
    target = tmp_path / "elsewhere.txt"
    if kind == "folder":
        lock.mkdir()
    else:
        target.write_text("not yours")
        lock.symlink_to(target)
    out = cli(ana, "checkin", "add", checkin_file(tmp_path), "--athlete", "Ana Lopez")
    assert out.returncode == 5 and "Traceback" not in out.stderr
    assert str(lock) in out.stderr and ("folder" in out.stderr or "symbolic link" in out.stderr)
    if kind == "symlink":
        assert target.read_text() == "not yours"
    with pytest.raises(DataFolderError):
        Repository.open(ana).add_athlete("Ben")


def test_unreadable_file_becomes_a_message_naming_it(ana: Path) -> None:
    profile = next((ana / "athletes").iterdir()) / "profile.json"
    profile.unlink()
    profile.mkdir()  # a folder where the profile should be: the OS refuses to read it
    repo = Repository.open(ana)
    with pytest.raises(StorageError) as exc:
        repo.update_athlete(repo.list_athletes()[0].id, notes="x")
    assert "profile.json" in str(exc.value)
    assert not isinstance(exc.value, OSError)


def test_empty_data_dir_is_refused(tmp_path: Path) -> None:
    out = cli(tmp_path / "unused", "athletes", "list")  # sanity: a normal folder works
    assert out.returncode == 0
    import subprocess
    import sys

    empty = subprocess.run(
        [sys.executable, "-m", "recovery_planner", "athletes", "list", "--data-dir", ""],
        capture_output=True,
        text=True,
        env={**os.environ, "RECOVERY_PLANNER_HOME": str(tmp_path / "env-home")},
    )
    assert empty.returncode == 2 and "--data-dir" in empty.stderr and "empty" in empty.stderr
    assert not (tmp_path / "env-home").exists()


def test_checkin_committed_with_unwritable_index_is_acknowledged_then_repaired(ana: Path, tmp_path: Path) -> None:
    with read_only(ana):  # the athlete's folder stays writable: the check-in can be stored, the index not
        out = cli(ana, "checkin", "add", checkin_file(tmp_path), "--athlete", "Ana Lopez")
        assert out.returncode == 0, out.stderr
        checkin_id = out.stdout.strip()
        assert checkin_id.startswith("2024-05-02-")
        assert "check-in was saved" in out.stderr and "next time" in out.stderr
        assert "Nothing was changed" not in out.stderr and "Traceback" not in out.stderr
        hist = cli(ana, "history", "--athlete", "Ana Lopez")
        assert checkin_id in hist.stdout
    repo = Repository.open(ana)  # writable again: the index is brought up to date on open
    assert repo.list_athletes()[0].latest.checkin_id == checkin_id
    assert not list(ana.glob("athletes/*/.index-stale"))


def test_athlete_added_with_unwritable_index_is_acknowledged_then_listed(ana: Path) -> None:
    with read_only(ana):
        # Nothing can be created in the root: but the athlete's own folder is under athletes/.
        out = cli(ana, "athletes", "add", "Ben Okafor")
        assert out.returncode == 0, out.stderr
        assert len(out.stdout.strip()) == 12 and "athlete was added" in out.stderr
    assert [a.name for a in Repository.open(ana).list_athletes()] == ["Ana Lopez", "Ben Okafor"]


def test_in_process_save_reports_a_notice_not_an_error(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "data")
    a = repo.add_athlete("Ana")
    with read_only(repo.data_dir):
        rec = repo.add_check_in(a.id, *planned(date(2024, 5, 1)))
        notes = repo.pop_warnings()
    assert len(notes) == 1 and "check-in was saved" in notes[0]
    assert repo.pop_warnings() == []
    assert [r.id for r in Repository.open(repo.data_dir).history(a.id)] == [rec.id]


def test_existing_loose_permissions_are_tightened(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "data")
    a = repo.add_athlete("Ana")
    folder = repo.data_dir / "athletes" / a.id
    os.chmod(repo.data_dir, 0o755)
    os.chmod(folder, 0o755)
    os.chmod(folder / "profile.json", 0o644)
    fresh = Repository.open(repo.data_dir)
    fresh.add_check_in(a.id, *planned(date(2024, 5, 1)))
    assert (repo.data_dir.stat().st_mode & 0o777) == 0o700
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert (folder / "profile.json").stat().st_mode & 0o777 == 0o600


def test_the_command_line_takes_the_daily_backup_after_the_save(ana: Path, tmp_path: Path) -> None:
    from recovery_planner.storage.backups import list_backups

    assert [b.kind for b in list_backups(ana)] == ["auto"]  # taken after `athletes add` reported the id
    for b in list_backups(ana):
        shutil.rmtree(b.path)
    out = cli(ana, "checkin", "add", checkin_file(tmp_path), "--athlete", "Ana Lopez")
    assert out.returncode == 0
    (auto,) = list_backups(ana)
    (checkins,) = (auto.path / "athletes").glob("*/checkins-2024-05.json")
    assert out.stdout.strip().encode() in checkins.read_bytes()  # the backup holds the save: it came after
