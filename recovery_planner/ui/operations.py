"""What the GUI asks of the core: plain functions over the repository and the planner, run off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the domain and storage load on first use, after the window has painted
    from ..domain.progress import HistoryEntry
    from ..domain.roster import RosterEntry
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


def save_check_in(repo: Repository, athlete_id: str, data: dict[str, Any], days: int, today: date) -> SavedCheckIn:
    """Validate, plan and store a check-in; raises CheckInError for invalid input (nothing is written)."""
    from ..domain.checkin import parse_check_in
    from ..domain.planner import build_plan
    from ..domain.progress import HistoryEntry, settling_report

    check_in = parse_check_in(data, today)
    past = history_entries(repo, athlete_id)
    new = HistoryEntry(id="new", date=check_in.date, check_in=check_in.to_dict())
    report = settling_report([*[e for e in past if e.date != check_in.date], new], today)
    plan = build_plan(check_in, days, report)
    record = repo.add_check_in(athlete_id, check_in, plan)
    return SavedCheckIn(record, plan.to_dict(), repo.done_items(athlete_id))


def history_entries(repo: Repository, athlete_id: str) -> list[HistoryEntry]:
    """The athlete's check-ins as history entries (plans are loaded on demand), oldest first."""
    from ..domain.progress import HistoryEntry

    done = repo.done_items(athlete_id)
    return [
        HistoryEntry(
            id=r.id,
            date=r.date,
            check_in=r.check_in,
            done_item_ids=done,
            running_day1=r.summary.running_day1,
            urgency=r.summary.urgency,
        )
        for r in repo.history(athlete_id)
    ]


def current_plan(repo: Repository, athlete_id: str, today: date) -> CurrentPlan:
    """The plan in force today (the newest check-in's), with the items already ticked."""
    found = repo.active_plan(athlete_id, today)
    if found is None:
        return CurrentPlan(None, frozenset())
    return CurrentPlan(found[1], repo.done_items(athlete_id))


def set_done(repo: Repository, athlete_id: str, item_id: str, done: bool) -> None:
    repo.set_item_done(athlete_id, item_id, done)


def roster_entries(repo: Repository) -> list[RosterEntry]:
    """One roster row per active athlete, from the roster index only (no athlete file is read)."""
    from ..domain.roster import RosterEntry

    rows = []
    for a in repo.list_athletes():
        s = a.latest
        rows.append(
            RosterEntry(
                athlete_id=a.id,
                name=a.name,
                last_check_in=s.date if s else None,
                running_day1=s.running_day1 if s else None,
                referral_urgency=s.urgency if s else None,
                worst_region=s.worst_region if s else None,
                worst_side=s.worst_side if s else None,
                worst_pain=s.worst_pain if s else None,
                trend=s.trend if s else None,
                archived=a.archived,
            )
        )
    return rows
