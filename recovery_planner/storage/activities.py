"""One athlete's activities imported from watch files, one file per year (``activities-YYYY.json``).

Each import writes each year file it adds to once, atomically (so a re-import of a three-year export
rewrites at most three small files); files are backed up and versioned like every other data file.
Duplicates (the same file, or the same start, sport and distance) are never stored twice.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, timezone
from pathlib import Path
from typing import Any

from ..domain.activities import Activity, ActivityError, new_activities
from .errors import DamagedFileError
from .folder import DataFolder
from .paths import ATHLETES_DIR, activities_name, activities_year

TABLE = "activities"


def _rel(athlete_id: str, year: int) -> Path:
    return Path(ATHLETES_DIR, athlete_id, activities_name(year))


def years(folder: DataFolder, athlete_id: str) -> list[int]:
    """The years that have an activities file, oldest first."""
    try:
        names = os.listdir(folder.athlete_dir(athlete_id))
    except OSError:
        return []
    return sorted(y for y in map(activities_year, names) if y is not None)


def _year_of(a: Activity) -> int:
    return a.start.astimezone(timezone.utc).year


def load(folder: DataFolder, athlete_id: str, year: int) -> list[Activity]:
    """One year's activities, oldest first (cached until the file changes)."""
    rel = _rel(athlete_id, year)
    return folder.derived(rel, TABLE, lambda docs: _activities(folder.root / rel, docs))


def _activities(path: Path, docs: dict[str, dict[str, Any]]) -> list[Activity]:
    out = []
    for doc in docs.values():
        try:
            out.append(Activity.from_dict(doc))
        except (ActivityError, KeyError, ValueError, TypeError) as exc:
            raise DamagedFileError(path, f"an activity in it cannot be read ({exc})") from exc
    out.sort(key=lambda a: a.start)
    return out


def all_activities(
    folder: DataFolder, athlete_id: str, start: date | None = None, end: date | None = None
) -> list[Activity]:
    """The athlete's activities whose start (UTC date) lies between ``start`` and ``end``, oldest first."""
    out: list[Activity] = []
    for year in years(folder, athlete_id):
        if (start is None or year >= start.year) and (end is None or year <= end.year):
            out += load(folder, athlete_id, year)
    if start is not None or end is not None:
        out = [a for a in out if _in_range(a, start, end)]
    return out


def _in_range(a: Activity, start: date | None, end: date | None) -> bool:
    day = a.start.astimezone(timezone.utc).date()
    return (start is None or day >= start) and (end is None or day <= end)


def file_hashes(folder: DataFolder, athlete_id: str) -> frozenset[str]:
    """The hashes of every file already imported, so a re-import need not parse them again."""
    return frozenset(a.file_hash for a in all_activities(folder, athlete_id) if a.file_hash)


def insert(folder: DataFolder, athlete_id: str, incoming: Iterable[Activity]) -> tuple[int, int]:
    """Store the new activities (call inside a transaction); returns (added, skipped as duplicates)."""
    fresh, skipped = new_activities(all_activities(folder, athlete_id), incoming)
    by_year: dict[int, list[dict[str, Any]]] = {}
    for a in fresh:
        by_year.setdefault(_year_of(a), []).append(a.to_dict())
    if by_year:
        folder.prepare_dir(folder.athlete_dir(athlete_id))
    for year, docs in sorted(by_year.items()):
        docs.sort(key=lambda d: d["start"])
        folder.db(_rel(athlete_id, year)).table(TABLE).insert_multiple(docs)
    return len(fresh), skipped
