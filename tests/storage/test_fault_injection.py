"""Fault injection (slow set): the CLI ended at every fsync and every rename of a save, a backup and a restore.

After each kill the data folder is opened as the next run would: every file loads, nothing is reported
damaged, every stored check-in has its plan, and the state is the one before or the one after the command.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from recovery_planner.storage import Repository
from recovery_planner.storage.backups import list_backups
from recovery_planner.storage.filestore import load_file
from recovery_planner.storage.paths import iter_data_files

from .conftest import planned
from .faults import kill_at_every_point

pytestmark = pytest.mark.slow
KINDS = ("fsync", "rename")
DAY = date(2024, 5, 1)


def _template(root: Path, tmp_path: Path) -> Path:
    """Two athletes, check-ins over two months, one backup, and an exported zip of an older state."""
    repo = Repository.open(root)
    ana, ben = repo.add_athlete("Ana Lopez"), repo.add_athlete("Ben Okafor")
    for i in range(4):
        repo.add_check_in(ana.id, *planned(DAY + timedelta(days=i * 10)))
    repo.export_backup(tmp_path / "older.zip")
    repo.add_check_in(ben.id, *planned(DAY))
    repo.set_item_done(ana.id, f"{DAY.isoformat()}:ice:calf:left")
    repo.backup()
    repo.add_check_in(ana.id, *planned(DAY + timedelta(days=45)))
    return tmp_path / "older.zip"


def _sound(root: Path) -> dict[str, int]:
    """Check the folder as the next run sees it; returns check-ins per athlete name."""
    repo = Repository.open(root)
    assert repo.damaged_files(full=True) == []
    for rel in iter_data_files(root):
        load_file(root / rel)
    counts = {}
    for a in repo.list_athletes():
        records = repo.history(a.id)
        for r in records:
            assert repo.get_plan(a.id, r.id) is not None, f"check-in {r.id} without its plan"
        latest = repo.get_athlete(a.id).latest
        newest = max(records, key=lambda r: (r.date, r.saved_at)).id if records else None
        assert (latest.checkin_id if latest else None) == newest
        counts[a.name] = len(records)
    for b in list_backups(root):
        for rel in iter_data_files(b.path):
            load_file(b.path / rel)
    return counts


@pytest.mark.parametrize("kind", KINDS)
def test_killed_save(tmp_path: Path, kind: str) -> None:
    template = tmp_path / "template"
    _template(template, tmp_path)
    before = _sound(template)
    checkin = tmp_path / "c.json"
    area = {"region": "knee", "side": "right", "pain": 2, "kind": "aching"}
    checkin.write_text(json.dumps({"date": "2024-06-20", "areas": [area]}))

    def check(root: Path, out, killed: bool) -> None:
        after = _sound(root)
        assert after in (before, {**before, "Ana Lopez": before["Ana Lopez"] + 1}), out.stderr
        if not killed:
            assert out.returncode == 0 and after["Ana Lopez"] == before["Ana Lopez"] + 1

    args = ["checkin", "add", str(checkin), "--athlete", "Ana Lopez"]
    assert kill_at_every_point(kind, template, tmp_path / "work", args, check) >= 3


@pytest.mark.parametrize("kind", KINDS)
def test_killed_backup(tmp_path: Path, kind: str) -> None:
    template = tmp_path / "template"
    _template(template, tmp_path)
    before = _sound(template)
    n_before = len(list_backups(template))

    def check(root: Path, out, killed: bool) -> None:
        assert _sound(root) == before
        n = len(list_backups(root))
        assert n in (n_before, n_before + 1)
        if not killed:
            assert n == n_before + 1
        Repository.open(root).backup()  # the next backup works and tidies a half-made one
        assert not list((root / "backups").glob(".tmp-*"))

    assert kill_at_every_point(kind, template, tmp_path / "work", ["backup"], check) >= 2


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("source", ["zip", "snapshot"])
def test_killed_restore(tmp_path: Path, kind: str, source: str) -> None:
    template = tmp_path / "template"
    older = _template(template, tmp_path)
    before = _sound(template)
    arg = str(older) if source == "zip" else list_backups(template)[0].name
    work = tmp_path / "expected"
    shutil.copytree(template, work)
    Repository.open(work).restore_from(arg if source == "zip" else work / "backups" / arg)
    restored = _sound(work)
    assert restored != before

    def check(root: Path, out, killed: bool) -> None:
        state = _sound(root)
        assert state in (before, restored), (state, out.stderr)
        if not killed:
            assert out.returncode == 0 and state == restored

    assert kill_at_every_point(kind, template, tmp_path / "work", ["restore", "--from", arg], check) >= 3
