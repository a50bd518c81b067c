"""Bounded, checked input at the storage boundary: names, dates, export targets, half-made athletes."""

from __future__ import annotations

import dataclasses
import os
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from recovery_planner.domain.planner import build_plan
from recovery_planner.storage import BackupError, InvalidRecordError, Repository

from .conftest import make_check_in
from .faults import kill_at_every_point
from .helpers import cli

COMPOSED = "Jos\u00e9 N\u00fa\u00f1ez"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_look_alike_names_are_one_name(repo: Repository) -> None:
    assert COMPOSED != DECOMPOSED
    a = repo.add_athlete(DECOMPOSED)
    assert a.name == COMPOSED  # stored composed (NFC)
    with pytest.raises(InvalidRecordError, match="already exists"):
        repo.add_athlete(COMPOSED)
    assert repo.find_athlete(COMPOSED).id == a.id == repo.find_athlete(DECOMPOSED.upper()).id


@pytest.mark.parametrize(
    "name",
    ["Ana\u200bLopez", "Ana\u200dLopez", "\u202eAna Lopez", "Ana\u2066Lopez", "Ana\x07Lopez", "Ana\ufeff"],
)
def test_invisible_control_and_direction_characters_are_refused(repo: Repository, name: str) -> None:
    with pytest.raises(InvalidRecordError, match="invisible, control or text-direction"):
        repo.add_athlete(name)
    assert repo.list_athletes() == []


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1, 1, 1), date(1969, 12, 31), date(2101, 1, 1)])
def test_check_in_dates_outside_the_accepted_range_are_refused(repo: Repository, day: date) -> None:
    a = repo.add_athlete("Ana")
    ci = make_check_in(date(2024, 5, 1))
    odd = dataclasses.replace(ci, date=day)
    with pytest.raises(InvalidRecordError, match="1970-01-01 and 2100-12-31"):
        repo.add_check_in(a.id, odd, build_plan(ci))
    assert not list((repo.data_dir / "athletes" / a.id).glob("*-*.json"))


def test_backup_to_never_overwrites_a_file_or_device(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "athletes", "add", "Ana").returncode == 0
    existing = tmp_path / "keep.zip"
    existing.write_bytes(b"precious")
    out = cli(data, "backup", "--to", str(existing))
    assert out.returncode == 2 and "already exists" in out.stderr and existing.read_bytes() == b"precious"
    if os.path.exists("/dev/null"):
        dev = cli(data, "backup", "--to", "/dev/null")
        assert dev.returncode == 2 and "already exists" in dev.stderr
    fresh = tmp_path / "new.zip"
    assert cli(data, "backup", "--to", str(fresh)).returncode == 0 and fresh.stat().st_size > 0
    assert not list(tmp_path.glob(".*.partial"))
    repo = Repository.open(data)
    with pytest.raises(BackupError):
        repo.export_backup(fresh)


@pytest.mark.parametrize("kind", ["rename", "fsync"])
def test_a_killed_athletes_add_leaves_no_half_made_folder(tmp_path: Path, kind: str) -> None:
    template = tmp_path / "template"
    Repository.open(template).add_athlete("Ana")

    def check(root: Path, out, killed: bool) -> None:
        for folder in (root / "athletes").iterdir():
            if not folder.name.startswith("."):
                assert (folder / "profile.json").is_file(), f"half-made athlete folder {folder.name}"
        repo = Repository.open(root)
        names = [a.name for a in repo.list_athletes()]
        assert names in (["Ana"], ["Ana", "Ben"])
        if not killed:
            assert names == ["Ana", "Ben"] and len(out.stdout.strip()) == 12
        repo.add_athlete("Cleo")  # the next writer tidies what the killed one left
        assert not [p for p in (root / "athletes").iterdir() if p.name.startswith(".")]

    assert kill_at_every_point(kind, template, tmp_path / "work", ["athletes", "add", "Ben"], check) >= 2
