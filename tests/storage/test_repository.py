"""Repository behaviour on real TinyDB files in a tmp folder."""

from __future__ import annotations

import os
import stat
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from recovery_planner.storage import InvalidRecordError, NotFoundError, Repository, resolve_data_dir
from recovery_planner.storage.paths import iter_data_files

from .conftest import planned


def test_athletes_add_list_update_archive(repo: Repository) -> None:
    ana = repo.add_athlete("  Ana   Lopez ", experience="intermediate", body_mass_kg=58.5, age=31, notes="marathon")
    ben = repo.add_athlete("Ben", units="imperial")
    assert ana.name == "Ana Lopez" and ana.latest is None
    assert [a.name for a in repo.list_athletes()] == ["Ana Lopez", "Ben"]
    assert repo.find_athlete("ana lopez").id == ana.id
    assert repo.find_athlete(ben.id).units == "imperial"
    updated = repo.update_athlete(ana.id, body_mass_kg=57.0, notes="")
    assert updated.body_mass_kg == 57.0 and updated.age == 31
    repo.archive_athlete(ben.id)
    assert [a.name for a in repo.list_athletes()] == ["Ana Lopez"]
    assert len(repo.list_athletes(include_archived=True)) == 2
    repo.unarchive_athlete(ben.id)
    assert len(repo.list_athletes()) == 2
    # A fresh repository (new process) sees the same roster.
    again = Repository.open(repo.data_dir)
    assert [a.to_dict() for a in again.list_athletes()] == [a.to_dict() for a in repo.list_athletes()]


def test_athlete_fields_are_checked(repo: Repository) -> None:
    repo.add_athlete("Ana")
    with pytest.raises(InvalidRecordError, match="name: an athlete called 'ANA' already exists"):
        repo.add_athlete("ANA")
    with pytest.raises(InvalidRecordError) as exc:
        repo.add_athlete("", experience="elite", body_mass_kg=400, age=3)
    assert [e.split(":")[0] for e in exc.value.errors] == ["name", "experience", "body mass", "age"]
    with pytest.raises(NotFoundError, match="No athlete called 'Zed'"):
        repo.find_athlete("Zed")
    assert [a.name for a in repo.list_athletes()] == ["Ana"]


def test_check_ins_history_plans_and_roster_summary(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    days = [date(2023, 12, 30), date(2024, 1, 2), date(2023, 12, 31)]
    ids = {}
    for i, d in enumerate(days):
        ci, plan = planned(d, pain=3 + i)
        ids[d] = repo.add_check_in(a.id, ci, plan).id
    hist = repo.history(a.id)
    assert [r.date for r in hist] == sorted(days)
    assert hist[0].check_in["areas"][0]["pain"] == 3
    assert [r.date for r in repo.history(a.id, start=date(2024, 1, 1))] == [date(2024, 1, 2)]
    latest = repo.get_athlete(a.id).latest
    assert latest is not None and latest.checkin_id == ids[date(2024, 1, 2)] and latest.worst_region == "calf"
    assert latest.worst_pain == 4
    plan = repo.get_plan(a.id, ids[date(2023, 12, 31)])
    assert plan is not None and plan["start"] == "2023-12-31"
    assert repo.get_check_in(a.id, ids[date(2023, 12, 30)]).summary.worst_pain == 3


def test_replan_replaces_from_its_date_and_keeps_ticks(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    d0 = date(2024, 5, 1)
    first = repo.add_check_in(a.id, *planned(d0, pain=2))
    plan1 = repo.get_plan(a.id, first.id)
    item_id = plan1["days"][2]["items"][0]["id"]
    repo.set_item_done(a.id, item_id)
    assert item_id in repo.done_items(a.id)
    second = repo.add_check_in(a.id, *planned(d0 + timedelta(days=2), pain=6))
    rec, plan = repo.active_plan(a.id, d0 + timedelta(days=1))
    assert rec.id == first.id
    rec, plan = repo.active_plan(a.id, d0 + timedelta(days=3))
    assert rec.id == second.id and plan["start"] == (d0 + timedelta(days=2)).isoformat()
    assert len(repo.history(a.id)) == 2  # the older plan stays in the history
    assert repo.get_plan(a.id, first.id) == plan1
    assert item_id in repo.done_items(a.id, start=d0, end=d0 + timedelta(days=6))
    repo.set_item_done(a.id, item_id, False)
    assert item_id not in repo.done_items(a.id)
    with pytest.raises(InvalidRecordError, match="item id"):
        repo.set_item_done(a.id, "not an id")
    assert repo.active_plan(a.id, d0 - timedelta(days=1)) is None


def test_settings_round_trip(repo: Repository) -> None:
    assert repo.get_setting("backups_keep", 14) == 14
    repo.set_setting("backups_keep", 3)
    repo.set_setting("window", {"w": 800, "h": 600})
    assert Repository.open(repo.data_dir).settings() == {"backups_keep": 3, "window": {"w": 800, "h": 600}}
    with pytest.raises(InvalidRecordError):
        repo.set_setting("bad", object())


def test_changes_by_another_process_are_seen_and_not_lost(repo: Repository) -> None:
    """Two repositories on one folder (GUI + CLI): each sees the other's saves, none overwrites them."""
    a = repo.add_athlete("Ana")
    other = Repository.open(repo.data_dir)
    repo.history(a.id)  # warm the first one's caches
    other.add_check_in(a.id, *planned(date(2024, 5, 1)))
    repo.add_check_in(a.id, *planned(date(2024, 5, 2)))
    other.add_athlete("Ben")
    repo.add_athlete("Cleo")
    assert len(other.history(a.id)) == 2 and len(repo.history(a.id)) == 2
    assert [x.name for x in other.list_athletes()] == ["Ana", "Ben", "Cleo"]


def test_stale_roster_summary_is_repaired(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    rec = repo.add_check_in(a.id, *planned(date(2024, 5, 1)))
    repo._roster.set_latest(a.id, None)  # as if the process died before updating the roster
    repo.history(a.id)
    assert repo.get_athlete(a.id).latest.checkin_id == rec.id


def test_missing_roster_entry_is_rebuilt_at_open(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    repo.add_check_in(a.id, *planned(date(2024, 5, 1)))
    (repo.data_dir / "index.json").unlink()
    again = Repository.open(repo.data_dir)
    assert [x.name for x in again.list_athletes()] == ["Ana"]
    assert again.list_athletes()[0].latest.date == date(2024, 5, 1)


def test_orphan_temp_files_are_removed(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    folder = repo.data_dir / "athletes" / a.id
    orphan = folder / ".checkins-2024-05.json.abc123.tmp"
    orphan.write_bytes(b"{half")
    root_orphan = repo.data_dir / ".index.json.def456.tmp"
    root_orphan.write_bytes(b"")
    again = Repository.open(repo.data_dir)
    again.add_check_in(a.id, *planned(date(2024, 5, 1)))
    assert not orphan.exists() and not root_orphan.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_files_are_private(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    repo.add_check_in(a.id, *planned(date(2024, 5, 1)))
    repo.backup()
    for path in [repo.data_dir, *repo.data_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(mode)}"
    assert len(iter_data_files(repo.data_dir)) == 4


def test_data_folder_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_data_dir(tmp_path / "x", environ={"RECOVERY_PLANNER_HOME": "/elsewhere"}) == tmp_path / "x"
    assert resolve_data_dir(None, environ={"RECOVERY_PLANNER_HOME": str(tmp_path / "env")}) == tmp_path / "env"
    default = resolve_data_dir(None, environ={})
    assert "Recovery Planner" in str(default) or "recovery" in str(default).lower()
    monkeypatch.setenv("RECOVERY_PLANNER_HOME", str(tmp_path / "from-env"))
    repo = Repository.open()
    assert repo.data_dir == tmp_path / "from-env" and repo.data_dir.is_dir()
    assert os.listdir(repo.data_dir) == []


def test_daily_backup_can_be_taken_before_the_first_save(tmp_path):
    from datetime import date as _date

    from recovery_planner.domain.checkin import parse_check_in
    from recovery_planner.domain.planner import build_plan
    from recovery_planner.storage.repository import Repository

    repo = Repository.open(tmp_path / "data")
    athlete = repo.add_athlete("Kim").id  # the folder had no data yet: nothing to back up
    repo.close()
    assert repo.list_backups() == []
    repo = Repository.open(tmp_path / "data")
    repo.ensure_daily_backup()
    assert [b.kind for b in repo.list_backups()] == ["auto"]
    check_in = parse_check_in({"areas": []}, _date(2026, 3, 2))
    repo.add_check_in(athlete, check_in, build_plan(check_in))
    assert [b.kind for b in repo.list_backups()] == ["auto"]  # the save did not wait for another one
