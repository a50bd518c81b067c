"""The coach's "who needs me today" overview: one row per athlete, ordered by need.

Order: open holds and referrals first (the more urgent first), then worsening pain, then athletes who have
not checked in for ``overdue_days`` or more, then the lowest plan completion over the last 7 days, then the
name. Completion is ticks done over items scheduled on those days (today included), as a fraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .plan import URGENCIES

DEFAULT_OVERDUE_DAYS = 3
COMPLETION_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Completion:
    done: int
    scheduled: int

    @property
    def fraction(self) -> float | None:
        return None if self.scheduled == 0 else self.done / self.scheduled

    def band(self) -> str:
        """'good' (80 % or more), 'fair' (50-79 %), 'poor' (under 50 %) or 'none' (nothing scheduled)."""
        f = self.fraction
        if f is None:
            return "none"
        return "good" if f >= 0.8 else "fair" if f >= 0.5 else "poor"

    def text(self) -> str:
        f = self.fraction
        return "nothing planned" if f is None else f"{self.done} of {self.scheduled} done ({round(f * 100)} %)"


def completion(
    scheduled_by_day: Mapping[date, Iterable[str]],
    done_ids: Iterable[str],
    today: date,
    window_days: int = COMPLETION_WINDOW_DAYS,
) -> Completion:
    """Ticks done over items scheduled in the ``window_days`` days up to and including ``today``."""
    done = set(done_ids)
    first = today - timedelta(days=window_days - 1)
    ids = {i for day, items in scheduled_by_day.items() if first <= day <= today for i in items}
    return Completion(len(ids & done), len(ids))


def days_since(last_check_in: date | None, today: date) -> int | None:
    return None if last_check_in is None else max(0, (today - last_check_in).days)


@dataclass(frozen=True)
class SquadRow:
    """One athlete in the overview."""

    athlete_id: str
    name: str
    last_check_in: date | None
    urgency: str | None
    hold_open: bool
    hold_reason: str | None
    running_day1: str | None
    worst_region: str | None
    worst_side: str | None
    worst_pain: float | None
    trend: str | None
    completion: Completion
    note_text: str = ""

    def days_since_check_in(self, today: date) -> int | None:
        return days_since(self.last_check_in, today)

    def overdue(self, today: date, overdue_days: int = DEFAULT_OVERDUE_DAYS) -> bool:
        n = self.days_since_check_in(today)
        return n is None or n >= overdue_days

    def needs_referral(self) -> bool:
        return self.hold_open or (self.urgency is not None and URGENCIES.index(self.urgency) >= 2)


def attention_key(row: SquadRow, today: date, overdue_days: int = DEFAULT_OVERDUE_DAYS) -> tuple:
    """Sort key: holds and referrals, worsening, overdue, low completion, then the name."""
    urgency = URGENCIES.index(row.urgency) if row.urgency in URGENCIES else 0
    referral = row.needs_referral()
    fraction = row.completion.fraction
    return (
        0 if referral else 1,
        -urgency if referral else 0,
        0 if row.trend == "worse" else 1,
        0 if row.overdue(today, overdue_days) else 1,
        2.0 if fraction is None else fraction,
        row.name.casefold(),
    )


def attention_order(rows: Iterable[SquadRow], today: date, overdue_days: int = DEFAULT_OVERDUE_DAYS) -> list[SquadRow]:
    return sorted(rows, key=lambda r: attention_key(r, today, overdue_days))


def matches(row: SquadRow, query: str) -> bool:
    """A case-insensitive search over the name and the coach's notes."""
    q = query.strip().casefold()
    return not q or q in row.name.casefold() or q in row.note_text.casefold()


def filter_rows(rows: Sequence[SquadRow], query: str) -> list[SquadRow]:
    return [r for r in rows if matches(r, query)]
