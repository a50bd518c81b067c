"""The plan as an iCalendar file (RFC 5545): one all-day event per plan day, carrying its key items.

UIDs come from the athlete id, the plan's start and the day's date, so exporting the same plan again
updates the events already in a calendar instead of adding copies. DTSTAMP is the export time in UTC,
from the clock the caller passes. ``icalendar`` writes CRLF line ends and folds lines at 75 octets.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any

from icalendar import Calendar, Event

from ..domain.plan_text import NOTICE, URGENCY_WORDS
from .plan_parts import RUNNING_SHORT, coach_note, item_line, key_items

PRODID = "-//Recovery Planner//Recovery plan export//EN"
UID_DOMAIN = "recovery-planner.invalid"  # a reserved name: UIDs must look global, and this one never resolves


def day_uid(athlete_id: str, plan_start: str, day: str) -> str:
    """The stable UID of one plan day's event."""
    digest = hashlib.sha256(f"{athlete_id}\n{plan_start}\n{day}".encode()).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _utc(now: datetime) -> datetime:
    """The export time in UTC; a naive time is taken as the computer's local time."""
    return (now if now.tzinfo else now.astimezone()).astimezone(timezone.utc).replace(microsecond=0)


def _referral_lines(plan: Mapping[str, Any]) -> list[str]:
    referral = plan.get("referral") or {}
    urgency = referral.get("urgency", "none")
    lines = [URGENCY_WORDS[urgency]] if urgency in URGENCY_WORDS else []
    lines += [f"- {r}" for r in referral.get("reasons") or ()]
    if plan.get("no_running_until_cleared"):
        lines.append("No running until a clinician has cleared you.")
    return lines


def _day_description(plan: Mapping[str, Any], day: Mapping[str, Any]) -> str:
    todo, optional = key_items(day)
    running = RUNNING_SHORT.get(day.get("running", ""), "")
    lines = [f"{running}: {day['running_reason']}" if day.get("running_reason") else running]
    if day.get("summary"):
        lines.append(str(day["summary"]))
    note = coach_note(day)
    if note:
        lines.append(note)
    referral = _referral_lines(plan)
    if referral:
        lines += ["", *referral]
    if todo:
        lines += ["", "To do:", *(f"- {item_line(i)}" for i in todo)]
    if optional:
        lines += ["", "If you like:", *(f"- {item_line(i)}" for i in optional)]
    lines += ["", NOTICE]
    return "\n".join(lines)


def _sequence(stamp: datetime, start: date) -> int:
    """Minutes from the plan's first day to the export: a later export has a higher SEQUENCE, so calendar
    programs that compare it (Outlook, Apple Calendar) take the re-export as an update."""
    origin = datetime(start.year, start.month, start.day, tzinfo=timezone.utc)
    return max(0, int((stamp - origin).total_seconds() // 60))


def _event(uid: str, day: date, summary: str, description: str, stamp: datetime, sequence: int) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder for the day, not a busy slot
    return event


def plan_to_ics(plan: Mapping[str, Any], *, athlete_id: str, now: datetime, athlete_name: str | None = None) -> bytes:
    """The plan (plan format v1 dict) as an iCalendar file.

    A suppressed (emergency) plan becomes one event on its start day saying what to do now.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Recovery plan: {athlete_name}" if athlete_name else "Recovery plan")
    stamp = _utc(now)
    start = str(plan["start"])
    sequence = _sequence(stamp, date.fromisoformat(start))
    if plan.get("plan_suppressed") or not plan.get("days"):
        steps = [f"- {s}" for s in plan.get("do_now") or ()]
        text = "\n".join([*_referral_lines(plan), "", "What to do now:", *steps, "", NOTICE])
        summary = "Get help first: no training plan"
        event = _event(day_uid(athlete_id, start, start), date.fromisoformat(start), summary, text, stamp, sequence)
        cal.add_component(event)
        return cal.to_ical()
    for day in plan["days"]:
        summary = f"Recovery plan: {RUNNING_SHORT.get(day['running'], day['running'])}"
        uid = day_uid(athlete_id, start, day["date"])
        day_date = date.fromisoformat(day["date"])
        cal.add_component(_event(uid, day_date, summary, _day_description(plan, day), stamp, sequence))
    return cal.to_ical()
