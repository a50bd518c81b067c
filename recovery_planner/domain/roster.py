"""The coach's roster: each athlete's status (red/amber/green/grey), its words, the order and the filter.

Status, decided from the latest check-in's plan:

- ``red``: a referral of ``prompt`` or higher (prompt, urgent, emergency): stop and see a professional.
- ``amber``: no referral above ``routine``, but running on day 1 is ``none`` or ``easy``, or a ``routine``
  referral (book a check-up).
- ``green``: ``normal`` running on day 1 and no referral.
- ``grey``: no check-in yet (nothing is known).

The roster puts red first, then amber, green, grey; within red the more urgent referral first; within
each status worsening pain first, then the most recent check-in, then the name. Archived athletes go
last and are hidden by the name filter unless asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .plan import URGENCIES
from .progress import HistoryEntry, pain_trend, worst_area
from .regions import region_label

STATUSES = ("red", "amber", "green", "grey")
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


def _urgency_rank(entry: RosterEntry) -> int:
    u = entry.referral_urgency
    return URGENCIES.index(u) if u in URGENCIES else 0


def status(entry: RosterEntry) -> str:
    """'red', 'amber', 'green' or 'grey' (see the module notes for the exact rules)."""
    if entry.last_check_in is None:
        return "grey"
    rank = _urgency_rank(entry)
    if rank >= URGENCIES.index("prompt"):
        return "red"
    if rank == URGENCIES.index("routine") or entry.running_day1 in ("none", "easy"):
        return "amber"
    return "green"


def status_text(entry: RosterEntry) -> str:
    """Words for the status, so it never relies on colour: e.g. 'See a doctor today', 'Easy runs only'."""
    s = status(entry)
    if s == "red":
        return URGENCY_WORDS.get(entry.referral_urgency or "", STATUS_WORDS[s])
    if s != "amber":
        return STATUS_WORDS[s]
    parts = [RUNNING_WORDS[entry.running_day1]] if entry.running_day1 in ("none", "easy") else []
    if entry.referral_urgency == "routine":
        parts = [parts[0].replace(" only", "")] if parts else []
        parts.append(URGENCY_WORDS["routine"] if not parts else URGENCY_WORDS["routine"].lower())
    return "; ".join(parts)


def worst_text(entry: RosterEntry) -> str:
    """'Left calf 6/10', or 'None' when the latest check-in marked no pain, or '' before any check-in."""
    if entry.last_check_in is None:
        return ""
    if entry.worst_region is None or not entry.worst_pain:
        return "No pain marked"
    return f"{region_label(entry.worst_region, entry.worst_side)} {entry.worst_pain:g}/10"


def order_key(entry: RosterEntry) -> tuple:
    """Sort key: archived last, status, urgency, worsening first, most recent check-in, name."""
    last = -entry.last_check_in.toordinal() if entry.last_check_in else 0
    return (
        entry.archived,
        STATUSES.index(status(entry)),
        -_urgency_rank(entry),
        entry.trend != "worse",
        last,
        entry.name.casefold(),
        entry.athlete_id,
    )


def roster_order(entries: Iterable[RosterEntry]) -> list[RosterEntry]:
    """Red flags and worsening pain first (see ``order_key``)."""
    return sorted(entries, key=order_key)


def name_matches(entry: RosterEntry, text: str) -> bool:
    """True when every word of ``text`` is found in the name (case-insensitive; empty matches all)."""
    name = entry.name.casefold()
    return all(word in name for word in text.casefold().split())


def filter_by_name(entries: Iterable[RosterEntry], text: str, include_archived: bool = False) -> list[RosterEntry]:
    """The entries whose name matches ``text``, in roster order; archived ones only when asked for."""
    return roster_order(e for e in entries if name_matches(e, text) and (include_archived or not e.archived))


def latest_trend(history: Sequence[HistoryEntry]) -> str | None:
    """'better', 'same' or 'worse': the worst pain of the last check-in against the one before."""
    by_day = {e.date: e for e in history}
    days = [by_day[d] for d in sorted(by_day)][-2:]
    if len(days) < 2:
        return None
    before, after = (worst_area(e.check_in) for e in days)
    return pain_trend(before[2] if before else 0.0, after[2] if after else 0.0)


def roster_entry(athlete_id: str, name: str, history: Sequence[HistoryEntry], archived: bool = False) -> RosterEntry:
    """Build a roster row from an athlete's history (the plan of the latest entry is read if loaded)."""
    if not history:
        return RosterEntry(athlete_id, name, archived=archived)
    latest = max(history, key=lambda e: e.date)
    plan = latest.plan or {}
    days = plan.get("days") or []
    running = days[0]["running"] if days else ("none" if plan.get("plan_suppressed") else None)
    worst = worst_area(latest.check_in)
    return RosterEntry(
        athlete_id,
        name,
        latest.date,
        running,
        (plan.get("referral") or {}).get("urgency"),
        worst[0] if worst else None,
        worst[1] if worst else None,
        worst[2] if worst else None,
        latest_trend(history),
        archived,
    )
