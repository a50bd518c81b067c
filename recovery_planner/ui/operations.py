"""What the GUI asks of the core: plain functions over the repository and the planner, run off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain.checkin import parse_check_in
from ..domain.planner import build_plan
from ..storage.records import AthleteRecord, CheckInRecord
from ..storage.repository import Repository


@dataclass(frozen=True)
class SavedCheckIn:
    record: CheckInRecord
    plan: dict[str, Any]
    done_ids: frozenset[str]


@dataclass(frozen=True)
class CurrentPlan:
    plan: dict[str, Any] | None
    done_ids: frozenset[str]


def athlete_fields(athlete: AthleteRecord) -> dict[str, Any]:
    """The check-in's athlete block from a stored profile."""
    out: dict[str, Any] = {"experience": athlete.experience, "name": athlete.name}
    if athlete.body_mass_kg is not None:
        out["body_mass_kg"] = athlete.body_mass_kg
    if athlete.age is not None:
        out["age"] = athlete.age
    return out


def save_check_in(repo: Repository, athlete_id: str, data: dict[str, Any], days: int,
                  today: date) -> SavedCheckIn:
    """Validate, plan and store a check-in; raises CheckInError for invalid input (nothing is written)."""
    check_in = parse_check_in(data, today)
    plan = build_plan(check_in, days)
    record = repo.add_check_in(athlete_id, check_in, plan)
    return SavedCheckIn(record, plan.to_dict(), repo.done_items(athlete_id))


def current_plan(repo: Repository, athlete_id: str, today: date) -> CurrentPlan:
    """The plan in force today (the newest check-in's), with the items already ticked."""
    found = repo.active_plan(athlete_id, today)
    if found is None:
        return CurrentPlan(None, frozenset())
    return CurrentPlan(found[1], repo.done_items(athlete_id))


def set_done(repo: Repository, athlete_id: str, item_id: str, done: bool) -> None:
    repo.set_item_done(athlete_id, item_id, done)
