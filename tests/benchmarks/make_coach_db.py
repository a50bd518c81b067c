"""Generate a coach's database (default 200 athletes x 3 years of daily check-ins with plans) for benchmarks.

The files are written directly in the repository's on-disk format (same encoder, schema stamp and plan
packing), which is much faster than 200,000 individual saves. Check-ins and plans are real: plans come
from the planner, built once per (day, template) and shared between athletes.

    from tests.benchmarks.make_coach_db import make_coach_db
    info = make_coach_db(tmp_dir)            # -> CoachDb(root, athlete_ids, checkins, ...)
"""

from __future__ import annotations

import random
import secrets
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from recovery_planner.domain.checkin import parse_check_in  # noqa: E402
from recovery_planner.domain.planner import build_plan  # noqa: E402
from recovery_planner.domain.summary import summarise  # noqa: E402
from recovery_planner.storage import schema  # noqa: E402
from recovery_planner.storage.atomic import atomic_write_bytes  # noqa: E402
from recovery_planner.storage.checkins import pack_plan  # noqa: E402
from recovery_planner.storage.filestore import encode  # noqa: E402
from recovery_planner.storage.paths import (  # noqa: E402
    ATHLETES_DIR,
    INDEX_FILE,
    PROFILE_FILE,
    checkins_name,
    make_private_dir,
    plans_name,
)

TEMPLATES: list[dict[str, Any]] = [
    {
        "areas": [{"region": "calf", "side": "left", "pain": 3, "kind": "soreness", "hours_since_run": 20}],
        "wellbeing": {"sleep_hours": 7, "fatigue": 3},
        "load": {"acute_km_7d": 40, "chronic_km_per_week_28d": 38},
    },
    {
        "areas": [
            {"region": "quadriceps", "side": "both", "pain": 5, "kind": "soreness", "hours_since_run": 30},
            {"region": "knee", "side": "right", "pain": 2, "kind": "aching", "trend": "same"},
        ],
        "wellbeing": {"sleep_hours": 6, "fatigue": 6},
        "load": {"acute_km_7d": 55, "chronic_km_per_week_28d": 45, "planned_session_min": 50},
    },
    {
        "areas": [],
        "wellbeing": {"sleep_hours": 8, "fatigue": 2},
        "load": {
            "acute_km_7d": 30,
            "chronic_km_per_week_28d": 32,
            "last_session": {"duration_min": 60, "temperature_c": 27, "fluid_consumed_l": 0.5},
        },
    },
    {
        "areas": [
            {
                "region": "achilles",
                "side": "left",
                "pain": 4,
                "kind": "aching",
                "days_since_onset": 5,
                "trend": "better",
            },
            {"region": "hamstrings", "side": "left", "pain": 2, "kind": "soreness"},
        ],
        "wellbeing": {"sleep_hours": 7.5, "fatigue": 4},
    },
]
FIRST_NAMES = ("Ana", "Ben", "Chloe", "Dev", "Eva", "Finn", "Grace", "Hugo", "Ines", "Jon", "Kai", "Lena")


@dataclass(frozen=True)
class CoachDb:
    root: Path
    athlete_ids: list[str]
    checkins: int
    first_day: date
    last_day: date


def make_coach_db(
    root: Path,
    athletes: int = 200,
    years: int = 3,
    end: date | None = None,
    seed: int = 7,
    with_plans: bool = True,
    days: int | None = None,
) -> CoachDb:
    """Write a data folder at ``root`` with ``athletes`` athletes, one check-in a day for ``years`` years
    (or for ``days`` days if given), the last on ``end`` (default today)."""
    rng = random.Random(seed)
    end = end or date.today()
    count_days = days if days is not None else 365 * years
    days_list = [end - timedelta(days=i) for i in range(count_days - 1, -1, -1)]
    root = make_private_dir(Path(root))
    pool = _plan_pool(days_list, with_plans)
    index: dict[str, dict[str, Any]] = {}
    ids: list[str] = []
    count = 0
    for n in range(athletes):
        athlete_id = secrets.token_hex(6)
        ids.append(athlete_id)
        folder = make_private_dir(root / ATHLETES_DIR / athlete_id)
        profile = {
            "id": athlete_id,
            "name": f"{FIRST_NAMES[n % len(FIRST_NAMES)]} Runner {n + 1:03d}",
            "experience": ("beginner", "intermediate", "advanced")[n % 3],
            "body_mass_kg": round(rng.uniform(48, 90), 1),
            "age": rng.randint(16, 70),
            "notes": "",
            "units": "metric",
            "archived": False,
            "created_at": "2023-01-01T00:00:00+00:00",
        }
        _write(folder / PROFILE_FILE, "profile", {"profile": {"1": profile}})
        by_month: dict[tuple[int, int], dict[str, Any]] = {}
        last = None
        for day in days_list:
            t = (n + day.toordinal()) % len(TEMPLATES)
            ci_dict, summary, plan_z = pool[(day, t)]
            doc = {
                "id": f"{day.isoformat()}-{rng.getrandbits(32):08x}",
                "date": day.isoformat(),
                "saved_at": datetime(day.year, day.month, day.day, 7, tzinfo=timezone.utc).isoformat(
                    timespec="microseconds"
                ),
                "planner_version": "bench",
                "check_in": ci_dict,
                "summary": summary,
            }
            month = by_month.setdefault((day.year, day.month), {"checkins": {}, "plans": {}})
            month["checkins"][str(len(month["checkins"]) + 1)] = doc
            if with_plans:
                month["plans"][str(len(month["plans"]) + 1)] = {"checkin_id": doc["id"], "plan_z": plan_z}
            last = doc
            count += 1
        for (year, month), tables in by_month.items():
            _write(folder / checkins_name(year, month), "checkins", {"checkins": tables["checkins"]})
            if with_plans:
                _write(folder / plans_name(year, month), "plans", {"plans": tables["plans"]})
        latest = None if last is None else {"checkin_id": last["id"], "date": last["date"], **last["summary"]}
        index[str(n + 1)] = {**profile, "latest": latest}
    _write(root / INDEX_FILE, "index", {"athletes": index})
    return CoachDb(root, ids, count, days_list[0], days_list[-1])


def _plan_pool(days: list[date], with_plans: bool) -> dict[tuple[date, int], tuple[dict, dict, str]]:
    """(day, template) -> (check-in dict, summary, packed plan), built once and shared by all athletes."""
    pool = {}
    for day in days:
        for t, template in enumerate(TEMPLATES):
            ci = parse_check_in({"date": day.isoformat(), **template}, day)
            plan = build_plan(ci)
            pool[(day, t)] = (ci.to_dict(), summarise(ci, plan), pack_plan(plan.to_dict()) if with_plans else "")
    return pool


def _write(path: Path, kind: str, tables: dict[str, Any]) -> None:
    tables[schema.META_TABLE] = {"1": schema.stamp(kind)}
    atomic_write_bytes(path, encode(tables), sync_dir=False)


if __name__ == "__main__":
    import tempfile
    import time

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="coach-db-"))
    t0 = time.perf_counter()
    info = make_coach_db(target)
    print(
        f"{info.checkins} check-ins for {len(info.athlete_ids)} athletes in {target} ({time.perf_counter() - t0:.1f} s)"
    )
