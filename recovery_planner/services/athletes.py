"""Adding, editing, archiving and choosing athletes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .changes import Changes, OpResult
from .context import AppContext

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..storage.records import AthleteRecord

DEFAULT_NAME = "Me"
DEFAULT_EXPERIENCE = "intermediate"


def add_athlete(ctx: AppContext, name: str, **fields: Any) -> OpResult[AthleteRecord]:
    """Add an athlete; raises InvalidRecordError naming each bad field (nothing is written then)."""
    record = ctx.repo.add_athlete(name, **fields)
    return OpResult(record, Changes(athletes=True, athlete_id=record.id))


def update_athlete(ctx: AppContext, athlete_id: str, **fields: Any) -> OpResult[AthleteRecord]:
    """Change some of an athlete's details (name, experience, body mass, age, notes, units)."""
    record = ctx.repo.update_athlete(athlete_id, **fields)
    return OpResult(record, Changes(athletes=True, athlete_id=athlete_id))


def archive_athlete(ctx: AppContext, athlete_id: str, archived: bool = True) -> OpResult[AthleteRecord]:
    """Hide an athlete from the roster, keeping their data (``archived=False`` brings them back)."""
    record = ctx.repo.archive_athlete(athlete_id, archived)
    return OpResult(record, Changes(athletes=True, athlete_id=athlete_id))


def unarchive_athlete(ctx: AppContext, athlete_id: str) -> OpResult[AthleteRecord]:
    return archive_athlete(ctx, athlete_id, archived=False)


def ensure_athlete(
    ctx: AppContext, wanted: str | None = None, active: Sequence[AthleteRecord] | None = None
) -> OpResult[str]:
    """The id of the athlete to show: ``wanted`` if active, else the first; adds "Me" to an empty folder.
    ``active``: the active athletes when the caller has just listed them."""
    active = ctx.repo.list_athletes() if active is None else active
    for a in active:
        if a.id == wanted:
            return OpResult(a.id)
    if active:
        return OpResult(active[0].id)
    record = ctx.repo.add_athlete(DEFAULT_NAME, experience=DEFAULT_EXPERIENCE)
    return OpResult(record.id, Changes(athletes=True, athlete_id=record.id))


def switch_athlete(ctx: AppContext, athlete_id: str) -> OpResult[str]:
    """Remember the athlete shown (the app opens on them next time)."""
    ctx.repo.get_athlete(athlete_id)
    ctx.repo.set_setting("current_athlete", athlete_id)
    return OpResult(athlete_id, Changes(settings=True, athlete_id=athlete_id))


def archive_current(ctx: AppContext, athlete_id: str) -> OpResult[str]:
    """Archive the athlete shown and switch to another active one; returns the new current athlete's id.

    Raises InvalidRecordError when they are the only active athlete (one must stay).
    """
    from ..storage.errors import InvalidRecordError

    others = [a for a in ctx.repo.list_athletes() if a.id != athlete_id]
    if not others:
        raise InvalidRecordError(["Add another athlete first: one must stay active."])
    archived = archive_athlete(ctx, athlete_id)
    switched = switch_athlete(ctx, others[0].id)
    return OpResult(switched.value, archived.changes | switched.changes)
