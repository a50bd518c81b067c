"""Clearances: stored per athlete, atomic, checksummed, backed up, versioned like every other record."""

from __future__ import annotations

from datetime import date

import orjson
import pytest

from recovery_planner.storage import DamagedFileError, InvalidRecordError, NotFoundError, Repository

ON = date(2024, 6, 3)


def test_add_and_list_clearances_survive_reopening(repo: Repository) -> None:
    a = repo.add_athlete("Ana Lopez")
    later = repo.add_clearance(a.id, by="Dr Jo Smith", on=ON, note="Cleared for easy running")
    earlier = repo.add_clearance(a.id, by="  Physio  Sam ", on=date(2024, 5, 20))
    assert later.by == "Dr Jo Smith" and later.on == ON and later.athlete_id == a.id
    fresh = Repository.open(repo.data_dir)
    listed = fresh.clearances(a.id)
    assert [c.id for c in listed] == [earlier.id, later.id]  # oldest first
    assert listed[0].by == "Physio Sam"
    clearance = listed[1].to_clearance()
    assert (clearance.on, clearance.by, clearance.note) == (ON, "Dr Jo Smith", "Cleared for easy running")
    assert fresh.get_athlete(a.id).name == "Ana Lopez"  # the profile is untouched
    fresh.update_athlete(a.id, notes="changed")
    assert len(Repository.open(repo.data_dir).clearances(a.id)) == 2  # a profile change keeps them


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"by": "", "on": ON}, "cleared by"),
        ({"by": "Dr\u200bX", "on": ON}, "cleared by"),
        ({"by": "Dr X", "on": date(2200, 1, 1)}, "cleared on"),
        ({"by": "Dr X", "on": "2024-06-03"}, "cleared on"),
        ({"by": "Dr X", "on": ON, "note": "x" * 5001}, "note"),
    ],
)
def test_bad_clearances_are_refused(repo: Repository, kwargs: dict, problem: str) -> None:
    a = repo.add_athlete("Ana")
    with pytest.raises(InvalidRecordError, match=problem):
        repo.add_clearance(a.id, **kwargs)
    assert repo.clearances(a.id) == []


def test_unknown_athlete(repo: Repository) -> None:
    with pytest.raises(NotFoundError):
        repo.add_clearance("abcdef123456", by="Dr X", on=ON)


def test_clearances_are_checksummed_backed_up_and_restored(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    c = repo.add_clearance(a.id, by="Dr X", on=ON, note="ok")
    snap = repo.backup()
    assert (snap.path / "athletes" / a.id / "profile.json").is_file()
    profile = repo.data_dir / "athletes" / a.id / "profile.json"
    profile.write_bytes(profile.read_bytes().replace(b'"Dr X"', b'"Dr Y"'))
    with pytest.raises(DamagedFileError, match="checksum"):
        Repository.open(repo.data_dir).clearances(a.id)
    (act,) = Repository.open(repo.data_dir).repair()
    assert act.action == "restored"
    assert [x.by for x in Repository.open(repo.data_dir).clearances(a.id)] == ["Dr X"]
    assert orjson.loads(profile.read_bytes())["clearances"]["1"]["id"] == c.id
