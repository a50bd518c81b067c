"""One writer at a time across processes: the second waits or gets a clear message, nothing is lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from recovery_planner.storage import LockedError, Repository

from .conftest import planned

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from recovery_planner.storage import Repository
    repo = Repository.open(sys.argv[1])
    with repo._folder.transaction():
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
""")

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from datetime import date, timedelta
    from recovery_planner.domain.checkin import parse_check_in
    from recovery_planner.domain.planner import build_plan
    from recovery_planner.storage import Repository
    repo = Repository.open(sys.argv[1])
    athlete = repo.find_athlete("Ana").id
    for i in range(int(sys.argv[2])):
        day = date(2024, 1, 1) + timedelta(days=i)
        ci = parse_check_in({{"date": day.isoformat()}}, day)
        repo.add_check_in(athlete, ci, build_plan(ci))
        repo.add_athlete(f"{{sys.argv[3]}} {{i}}")
""")


def _python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code.format(root=str(ROOT)), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_second_writer_gets_a_clear_message_then_succeeds(repo: Repository) -> None:
    a = repo.add_athlete("Ana")
    holder = _python(HOLDER, str(repo.data_dir), "3")
    assert holder.stdout.readline().strip() == "locked"
    impatient = Repository.open(repo.data_dir, lock_timeout_s=0.3)
    with pytest.raises(LockedError, match="Another Recovery Planner") as exc:
        impatient.add_check_in(a.id, *planned(date(2024, 5, 1)))
    assert "Nothing was saved" in str(exc.value)
    assert impatient.history(a.id) == []  # reading works while another process writes
    patient = Repository.open(repo.data_dir, lock_timeout_s=30)
    patient.add_check_in(a.id, *planned(date(2024, 5, 1)))  # waits for the holder
    assert holder.wait(timeout=30) == 0
    assert len(repo.history(a.id)) == 1


def test_two_writer_processes_lose_nothing(repo: Repository) -> None:
    repo.add_athlete("Ana")
    procs = [_python(WRITER, str(repo.data_dir), "25", name) for name in ("P", "Q")]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    fresh = Repository.open(repo.data_dir)
    assert len(fresh.history(fresh.find_athlete("Ana").id)) == 50
    assert len(fresh.list_athletes()) == 51
