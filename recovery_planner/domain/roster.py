"""The coach's roster: each athlete's status (red/amber/green/grey), its words, the order and the filter.

Status, decided from the latest check-in's plan and any open hold:

- ``red``: an open hold, or a referral of ``prompt`` or higher (prompt, urgent, emergency): stop and see a
  professional.
- ``amber``: no referral above ``routine``, but running on day 1 is ``none`` or ``easy``, or a ``routine``
  referral (book a check-up).
- ``green``: ``normal`` running on day 1 and no referral.
- ``grey``: no check-in yet (nothing is known).

The roster answers "who needs me today": open holds and referrals first (the more urgent first), then
worsening pain, then athletes with no check-in for ``overdue_days`` days (default 3) or none at all, then
the lowest plan completion over the last 7 days; ties by status, the most recent check-in, then the name.
Archived athletes go last and are hidden by the filter unless asked for. Completion is ticks done over
items scheduled in the 7 days up to today.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .regions import region_label
from .urgency import URGENCIES

if TYPE_CHECKING:
    from .progress import HistoryEntry

STATUSES = ("red", "amber", "green", "grey")
DEFAULT_OVERDUE_DAYS = 3
COMPLETION_WINDOW_DAYS = 7
TRENDS = ("worse", "same", "better")

STATUS_WORDS: dict[str, str] = {
    "red": "Stop: see a professional",
    "amber": "Take it easy",
    "green": "Clear to train",
    "grey": "No check-in yet",
}
URGENCY_WORDS: dict[str, str] = {
    "emergency": "Emergency: get help now",
    "urgent": "See a doctor today",
    "prompt": "Stop: see a physio first",
    "routine": "Book a check-up",
}
RUNNING_WORDS: dict[str, str] = {"none": "No running", "easy": "Easy runs only", "normal": "Normal training"}
TREND_WORDS: dict[str, str] = {"worse": "Worse", "same": "Same", "better": "Better"}


@dataclass(frozen=True)
class Completion:
    """Plan items ticked done over items scheduled, in the last 7 days."""

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


@dataclass(frozen=True)
class RosterEntry:
    """One row of the roster, from the athlete's profile and their latest check-in and plan."""

    athlete_id: str
    name: str
    last_check_in: date | None = None
    running_day1: str | None = None
    referral_urgency: str | None = None
    worst_region: str | None = None
    worst_side: str | None = None
    worst_pain: float | None = None
    trend: str | None = None
    archived: bool = False
    hold_open: bool = False
    hold_reason: str | None = None
    completion: Completion | None = None
    note_text: str = ""

    def days_since_check_in(self, today: date) -> int | None:
        return None if self.last_check_in is None else max(0, (today - self.last_check_in).days)

    def overdue(self, today: date, overdue_days: int = DEFAULT_OVERDUE_DAYS) -> bool:
        """No check-in for ``overdue_days`` days or more, or none at all."""
        n = self.days_since_check_in(today)
        return n is None or n >= overdue_days

    def needs_referral(self) -> bool:
        """An open hold or any referral (routine and above)."""
        return self.hold_open or _urgency_rank(self) >= URGENCIES.index("routine")


def _urgency_rank(entry: RosterEntry) -> int:
    u = entry.referral_urgency
    return URGENCIES.index(u) if u in URGENCIES else 0


def status(entry: RosterEntry) -> str:
    """'red', 'amber', 'green' or 'grey' (see the module notes for the exact rules)."""
    if entry.last_check_in is None:
        return "grey"
    rank = _urgency_rank(entry)
    if entry.hold_open or rank >= URGENCIES.index("prompt"):
        return "red"
    if rank == URGENCIES.index("routine") or entry.running_day1 in ("none", "easy"):
        return "amber"
    return "green"


def status_text(entry: RosterEntry) -> str:
    """Words for the status, so it never relies on colour: e.g. 'See a doctor today', 'Easy runs only'."""
    s = status(entry)
    if s == "red":
        words = URGENCY_WORDS.get(entry.referral_urgency or "", STATUS_WORDS[s])
        return f"Held until cleared: {words.removeprefix('Stop: ')}" if entry.hold_open else words
    if s != "amber":
        return STATUS_WORDS[s]
    parts = [RUNNING_WORDS[entry.running_day1]] if entry.running_day1 in ("none", "easy") else []
    if entry.referral_urgency == "routine":
        parts = [parts[0].replace(" only", "")] if parts else []
        parts.append(URGENCY_WORDS["routine"] if not parts else URGENCY_WORDS["routine"].lower())
    return "; ".join(parts)


def needs_text(entry: RosterEntry, today: date, overdue_days: int = DEFAULT_OVERDUE_DAYS) -> str:
    """The status words, plus how long since the last check-in when it is overdue."""
    words = status_text(entry)
    n = entry.days_since_check_in(today)
    if n is not None and n >= overdue_days:
        words += f"; no check-in for {n} days"
    return words


def worst_text(entry: RosterEntry) -> str:
    """'Left calf 6/10', or 'None' when the latest check-in marked no pain, or '' before any check-in."""
    if entry.last_check_in is None:
        return ""
    if entry.worst_region is None or not entry.worst_pain:
        return "No pain marked"
    return f"{region_label(entry.worst_region, entry.worst_side)} {entry.worst_pain:g}/10"


def order_key(entry: RosterEntry, today: date | None = None, overdue_days: int = DEFAULT_OVERDUE_DAYS) -> tuple:
    """Sort key (see the module notes): archived last; holds and referrals; worsening; overdue (when
    ``today`` is known); lowest completion; status; most recent check-in; name."""
    last = -entry.last_check_in.toordinal() if entry.last_check_in else 0
    referral = entry.needs_referral()
    fraction = entry.completion.fraction if entry.completion is not None else None
    return (
        entry.archived,
        not referral,
        -_urgency_rank(entry) if referral else 0,
        not entry.hold_open,
        entry.trend != "worse",
        today is not None and not entry.overdue(today, overdue_days),
        2.0 if fraction is None else fraction,
        STATUSES.index(status(entry)),
        last,
        entry.name.casefold(),
        entry.athlete_id,
    )


def roster_order(
    entries: Iterable[RosterEntry], today: date | None = None, overdue_days: int = DEFAULT_OVERDUE_DAYS
) -> list[RosterEntry]:
    """Who needs the coach first (see ``order_key``)."""
    return sorted(entries, key=lambda e: order_key(e, today, overdue_days))


def name_matches(entry: RosterEntry, text: str) -> bool:
    """True when every word of ``text`` is found in the name or the coach's notes (case-insensitive)."""
    haystack = f"{entry.name} {entry.note_text}".casefold()
    return all(word in haystack for word in text.casefold().split())


def filter_by_name(entries: Iterable[RosterEntry], text: str, include_archived: bool = False) -> list[RosterEntry]:
    """The entries whose name or notes match ``text``, in roster order; archived ones only when asked for."""
    return roster_order(e for e in entries if name_matches(e, text) and (include_archived or not e.archived))


def latest_trend(history: Sequence[HistoryEntry]) -> str | None:
    """'better', 'same' or 'worse': the worst pain of the last check-in against the one before."""
    from .progress import pain_trend, worst_area  # the history maths (rows from the index need none of it)

    by_day = {e.date: e for e in history}
    days = [by_day[d] for d in sorted(by_day)][-2:]
    if len(days) < 2:
        return None
    before, after = (worst_area(e.check_in) for e in days)
    return pain_trend(before[2] if before else 0.0, after[2] if after else 0.0)


def roster_entry(athlete_id: str, name: str, history: Sequence[HistoryEntry], archived: bool = False) -> RosterEntry:
    """Build a roster row from an athlete's history (the plan of the latest entry is read if loaded)."""
    from .progress import worst_area

    if not history:
        return RosterEntry(athlete_id, name, archived=archived)
    latest = max(history, key=lambda e: e.date)
    plan = latest.plan
    running = None
    if plan is not None:
        running = plan.days[0].running if plan.days else ("none" if plan.plan_suppressed else None)
    worst = worst_area(latest.check_in)
    return RosterEntry(
        athlete_id,
        name,
        latest.date,
        running,
        None if plan is None else plan.referral.urgency,
        worst[0] if worst else None,
        worst[1] if worst else None,
        worst[2] if worst else None,
        latest_trend(history),
        archived,
    )
