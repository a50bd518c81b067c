"""Fixtures for the storage tests: real data folders in tmp dirs, real check-ins and plans."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recovery_planner.domain.checkin import CheckIn, parse_check_in
from recovery_planner.domain.plan import Plan
from recovery_planner.domain.planner import build_plan
from recovery_planner.storage import Repository


def make_check_in(day: date, pain: float = 4, region: str = "calf", **extra: Any) -> CheckIn:
    data = {
        "date": day.isoformat(),
        "areas": [{"region": region, "side": "left", "pain": pain, "kind": "soreness", "hours_since_run": 20}],
        **extra,
    }
    return parse_check_in(data, day)


def planned(day: date, pain: float = 4, region: str = "calf") -> tuple[CheckIn, Plan]:
    ci = make_check_in(day, pain, region)
    return ci, build_plan(ci)


@pytest.fixture(autouse=True)
def _no_real_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the real user data folder: the default location points into the tmp dir."""
    monkeypatch.setenv("RECOVERY_PLANNER_HOME", str(tmp_path / "env-home"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def repo(data_dir: Path) -> Repository:
    r = Repository.open(data_dir, lock_timeout_s=5)
    yield r
    r.close()
