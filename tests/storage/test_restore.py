"""Whole-folder restore: atomic (staged, journalled, finished or rolled back at the next open), checked, bounded."""

from __future__ import annotations

import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from recovery_planner.storage import BackupError, NewerVersionError, Repository
from recovery_planner.storage.filestore import load_file
from recovery_planner.storage.paths import iter_data_files
from recovery_planner.storage.restore import JOURNAL, MAX_ZIP_MEMBER_BYTES, STAGING_PREFIX
from recovery_planner.storage.schema import SCHEMA_VERSION

from .conftest import planned
from .faults import kill_at_every_point

DAY = date(2024, 5, 1)


def _six_with_zip_of_three(root: Path, tmp_path: Path) -> tuple[str, Path]:
    repo = Repository.open(root)
    a = repo.add_athlete("Ana Lopez")
    for i in range(3):
        repo.add_check_in(a.id, *planned(DAY + timedelta(days=i)))
    exported = tmp_path / "three.zip"
    repo.export_backup(exported)
    for i in range(3, 5):
        repo.add_check_in(a.id, *planned(DAY + timedelta(days=i)))
    repo.add_check_in(a.id, *planned(date(2024, 6, 1)))  # another month: a file the backup does not have
    repo.add_athlete("Ben Okafor")
    return a.id, exported


def _state(root: Path) -> tuple[int, list[str]]:
    repo = Repository.open(root)
    athletes = repo.list_athletes()
    return sum(len(repo.history(x.id)) for x in athletes), sorted(x.name for x in athletes)


def test_restore_killed_at_every_rename_is_finished_or_rolled_back(tmp_path: Path) -> None:
    template = tmp_path / "template"
    _six_with_zip_of_three(template, tmp_path)
    seen = set()

    def check(root: Path, out, killed: bool) -> None:
        state = _state(root)  # opening finishes a decided restore
        assert state in ((6, ["Ana Lopez", "Ben Okafor"]), (3, ["Ana Lopez"])), (state, out.stderr)
        seen.add(state[0])
        assert not (root / JOURNAL).exists()
        Repository.open(root).set_setting("touched", True)  # the next writer removes abandoned staging
        assert not list(root.glob(STAGING_PREFIX + "*"))
        for rel in iter_data_files(root):
            load_file(root / rel)
        if not killed:
            assert out.returncode == 0 and state[0] == 3

    points = kill_at_every_point(
        "rename", template, tmp_path / "work", ["restore", "--from", str(tmp_path / "three.zip")], check
    )
    assert points >= 5 and seen == {3, 6}


def test_restore_checks_every_record_like_input(tmp_path: Path) -> None:
    root = tmp_path / "data"
    _, exported = _six_with_zip_of_three(root, tmp_path)
    crafted = tmp_path / "crafted.zip"
    with zipfile.ZipFile(exported) as zin, zipfile.ZipFile(crafted, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info)
            if info.filename.endswith("profile.json"):
                tables = orjson.loads(blob)
                tables.pop("_meta")
                tables["profile"]["1"]["notes"] = "x" * 200_000  # far over the 5,000-character limit
                from recovery_planner.storage.filestore import encode

                blob = encode("profile", tables)
            zout.writestr(info, blob)
    before = _state(root)
    with pytest.raises(BackupError, match="notes"):
        Repository.open(root).restore_from(crafted)
    assert _state(root) == before and not list(root.glob(STAGING_PREFIX + "*"))


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    root = tmp_path / "data"
    _six_with_zip_of_three(root, tmp_path)
    bomb = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf,
        zf.open("index.json", "w", force_zip64=True) as member,
    ):
        chunk = b" " * (1 << 20)
        for _ in range(MAX_ZIP_MEMBER_BYTES // len(chunk) + 8):
            member.write(chunk)
    assert bomb.stat().st_size < 2 * 2**20
    with pytest.raises(BackupError, match="more than 64 MB"):
        Repository.open(root).restore_from(bomb)
    assert not list(root.glob(STAGING_PREFIX + "*"))


def test_restore_never_replaces_a_newer_file(tmp_path: Path) -> None:
    root = tmp_path / "data"
    athlete_id, exported = _six_with_zip_of_three(root, tmp_path)
    profile = root / "athletes" / athlete_id / "profile.json"
    tables = orjson.loads(profile.read_bytes())
    tables["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    profile.write_bytes(orjson.dumps(tables))
    before = profile.read_bytes()
    with pytest.raises(NewerVersionError, match=f"format {SCHEMA_VERSION + 1}"):
        Repository.open(root).restore_from(exported)
    assert profile.read_bytes() == before


def test_a_journal_left_by_a_crash_is_completed_at_open(tmp_path: Path) -> None:
    """The state a kill right after the journal was written leaves, built by hand for clarity."""
    root = tmp_path / "data"
    _six_with_zip_of_three(root, tmp_path)
    repo = Repository.open(root)
    snap = repo.backup()
    staging = root / f"{STAGING_PREFIX}test"
    staging.mkdir()
    (staging / "athletes").mkdir()
    ana = repo.find_athlete("Ana Lopez").id
    (staging / "athletes" / ana).mkdir()
    for rel in iter_data_files(snap.path):
        if rel.parts[-2:] != (ana, "checkins-2024-06.json") and "Ben" not in str(rel):
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            (staging / rel).write_bytes((snap.path / rel).read_bytes())
    install = [r.as_posix() for r in iter_data_files(staging)]
    remove = [f"athletes/{ana}/checkins-2024-06.json", f"athletes/{ana}/plans-2024-06.json"]
    (root / JOURNAL).write_text(json.dumps({"staging": staging.name, "install": install, "remove": remove}))
    fresh = Repository.open(root)
    assert any("interrupted" in w for w in fresh.warnings)
    assert len(fresh.history(ana)) == 5 and not staging.exists() and not (root / JOURNAL).exists()
