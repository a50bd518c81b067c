"""What an operation changed, so that each screen decides what to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Flags for each kind of stored data an operation touched (``athlete_id``: whose data, if one)."""

    athletes: bool = False
    check_ins: bool = False
    plans: bool = False
    ticks: bool = False
    settings: bool = False
    backups: bool = False
    clearances: bool = False
    activities: bool = False
    notes: bool = False
    athlete_id: str | None = None

    def __or__(self, other: Changes) -> Changes:
        merged = {
            f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self) if f.name != "athlete_id"
        }
        return Changes(**merged, athlete_id=self.athlete_id or other.athlete_id)

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "athlete_id")


NOTHING = Changes()


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """An operation's value, what it changed, and plain-English notices for the user (never health data)."""

    value: T
    changes: Changes = NOTHING
    notices: tuple[str, ...] = field(default=())
