"""Repair: a lost profile comes back, a damaged file keeps every record still readable, with counts."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import orjson

from recovery_planner.storage import Repository

from .conftest import planned
from .helpers import cli

DAY = date(2024, 5, 1)


def _five_checkins_backup_after_three(repo: Repository) -> tuple[str, list[str], Path]:
    a = repo.add_athlete("Ana Lopez")
    ids = [repo.add_check_in(a.id, *planned(DAY + timedelta(days=i), pain=i + 1)).id for i in range(3)]
    repo.backup()
    ids += [repo.add_check_in(a.id, *planned(DAY + timedelta(days=i), pain=i + 1)).id for i in (3, 4)]
    return a.id, ids, repo.data_dir / "athletes" / a.id / "checkins-2024-05.json"


def test_a_lost_profile_is_noticed_and_restored_from_the_backup(repo: Repository) -> None:
    a = repo.add_athlete("Ana Lopez", body_mass_kg=58)
    repo.add_check_in(a.id, *planned(DAY))
    repo.backup()
    repo.add_check_in(a.id, *planned(DAY + timedelta(days=1)))
    profile = repo.data_dir / "athletes" / a.id / "profile.json"
    profile.unlink()
    (repo.data_dir / "index.json").unlink()  # and the roster forgets the athlete too
    listed = cli(repo.data_dir, "athletes", "list")
    assert "Ana Lopez" not in listed.stdout and "profile.json" in listed.stderr and "restore" in listed.stderr
    out = cli(repo.data_dir, "restore")
    assert out.returncode == 0, out.stderr
    assert "profile.json" in out.stderr and "nothing to restore" not in out.stderr
    fresh = Repository.open(repo.data_dir)
    ana = fresh.find_athlete("Ana Lopez")
    assert ana.body_mass_kg == 58 and len(fresh.history(ana.id)) == 2


def test_a_lost_profile_without_backup_keeps_the_check_ins_reachable(repo: Repository) -> None:
    a = repo.add_athlete("Ana Lopez")
    repo.add_check_in(a.id, *planned(DAY))
    (repo.data_dir / "athletes" / a.id / "profile.json").unlink()
    actions = Repository.open(repo.data_dir).repair()
    assert [x.action for x in actions] == ["rebuilt"]  # from the athlete list, which still had her
    fresh = Repository.open(repo.data_dir)
    assert len(fresh.history(fresh.find_athlete("Ana Lopez").id)) == 1


def test_repair_merges_the_backup_with_the_readable_records_and_counts(repo: Repository) -> None:
    athlete_id, ids, shard = _five_checkins_backup_after_three(repo)
    tables = orjson.loads(shard.read_bytes())
    docs = tables["checkins"]
    last = next(k for k, d in docs.items() if d["id"] == ids[4])
    docs[last]["summary"]["worst_pain"] = 9  # the newest record no longer matches its checksum
    shard.write_bytes(orjson.dumps(tables))
    out = cli(repo.data_dir, "restore")
    assert out.returncode == 0, out.stderr
    assert "3 from the backup, 1 recovered from the damaged file, 1 lost" in out.stderr
    kept = [r.id for r in Repository.open(repo.data_dir).history(athlete_id)]
    assert kept == ids[:4]


def test_repair_of_a_cut_off_file_recovers_the_records_before_the_cut(repo: Repository) -> None:
    athlete_id, ids, shard = _five_checkins_backup_after_three(repo)
    blob = shard.read_bytes()
    cut = blob.index(ids[4].encode())  # inside the last check-in
    shard.write_bytes(blob[:cut])
    actions = Repository.open(repo.data_dir).repair()
    (act,) = actions
    assert (act.action, act.from_backup, act.recovered, act.lost) == ("restored", 3, 1, 1)
    assert [r.id for r in Repository.open(repo.data_dir).history(athlete_id)] == ids[:4]
    assert list((repo.data_dir / "damaged").glob("*checkins-2024-05.json*"))  # the damaged copy is kept


def test_repair_without_a_backup_keeps_what_can_be_read(repo: Repository) -> None:
    a = repo.add_athlete("Ana Lopez")
    ids = [repo.add_check_in(a.id, *planned(DAY + timedelta(days=i))).id for i in range(4)]
    shard = repo.data_dir / "athletes" / a.id / "checkins-2024-05.json"
    blob = shard.read_bytes()
    i = blob.index(ids[1].encode())
    shard.write_bytes(blob[:i] + b"\x00garbage\xff" + blob[i + 30 :])  # one record destroyed mid-file
    (act,) = Repository.open(repo.data_dir, auto_backup=False).repair()
    assert (act.action, act.from_backup, act.recovered, act.lost) == ("salvaged", 0, 3, 1)
    assert [r.id for r in Repository.open(repo.data_dir).history(a.id)] == [ids[0], ids[2], ids[3]]
