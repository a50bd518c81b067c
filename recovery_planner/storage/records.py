"""The records the repository hands out (small frozen dataclasses) and the checks on athlete fields.

Treat the dicts inside records (``CheckInRecord.check_in``) as read-only; every call returns new copies.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ..domain.checkin import EXPERIENCE
from ..domain.limits import AGE_YEARS, BODY_MASS_KG, NAME_MAX_CHARS, NOTES_MAX_CHARS
from .errors import InvalidRecordError

UNITS = ("metric", "imperial")
ATHLETE_FIELDS = ("name", "experience", "body_mass_kg", "age", "notes", "units")
CHECKIN_ID_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-[0-9a-f]{8}$")
ITEM_ID_RE = re.compile(r"^(\d{4})-\d{2}-\d{2}:[a-z_]+:[a-z_-]+:[a-z-]+$")


@dataclass(frozen=True, slots=True)
class CheckInSummary:
    """What a roster shows about one check-in, without loading it or its plan."""

    checkin_id: str
    date: date
    worst_region: str | None
    worst_side: str | None
    worst_pain: float | None
    running_day1: str | None
    urgency: str
    plan_suppressed: bool
    trend: str | None = None  # worst pain against the check-in before: better, same or worse

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat()
        return out

    @classmethod
    def from_doc(cls, checkin_id: str, day: str, s: dict[str, Any]) -> CheckInSummary:
        return cls(
            checkin_id=checkin_id,
            date=date.fromisoformat(day),
            worst_region=s.get("worst_region"),
            worst_side=s.get("worst_side"),
            worst_pain=s.get("worst_pain"),
            running_day1=s.get("running_day1"),
            urgency=s.get("urgency") or "none",
            plan_suppressed=bool(s.get("plan_suppressed")),
            trend=s.get("trend"),
        )


@dataclass(frozen=True)
class AthleteRecord:
    """An athlete as listed in the roster. ``latest`` is their newest check-in (None before the first)."""

    id: str
    name: str
    experience: str
    body_mass_kg: float | None
    age: int | None
    notes: str
    units: str
    archived: bool
    created_at: str
    latest: CheckInSummary | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["latest"] = None if self.latest is None else self.latest.to_dict()
        return out

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> AthleteRecord:
        latest = doc.get("latest")
        return cls(
            id=doc["id"],
            name=doc["name"],
            experience=doc.get("experience", "beginner"),
            body_mass_kg=doc.get("body_mass_kg"),
            age=doc.get("age"),
            notes=doc.get("notes") or "",
            units=doc.get("units") or "metric",
            archived=bool(doc.get("archived")),
            created_at=doc.get("created_at") or "",
            latest=None if not latest else CheckInSummary.from_doc(latest["checkin_id"], latest["date"], latest),
        )


@dataclass(frozen=True, slots=True)
class CheckInRecord:
    """One stored check-in: ``check_in`` is the exchange-format v1 dict; its plan is loaded on demand."""

    id: str
    athlete_id: str
    date: date
    saved_at: str
    planner_version: str
    check_in: dict[str, Any]
    summary: CheckInSummary

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "athlete_id": self.athlete_id,
            "date": self.date.isoformat(),
            "saved_at": self.saved_at,
            "planner_version": self.planner_version,
            "check_in": self.check_in,
            "summary": self.summary.to_dict(),
        }

    @classmethod
    def from_doc(cls, athlete_id: str, doc: dict[str, Any]) -> CheckInRecord:
        day = date.fromisoformat(doc["date"])
        summary = CheckInSummary.from_doc(doc["id"], doc["date"], doc["summary"])
        return cls(
            doc["id"], athlete_id, day, doc["saved_at"], doc.get("planner_version") or "", doc["check_in"], summary
        )


def clean_athlete_fields(fields: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check athlete fields and return them normalised; raises InvalidRecordError naming each bad field."""
    errors: list[str] = []
    out: dict[str, Any] = {}
    unknown = sorted(set(fields) - set(ATHLETE_FIELDS))
    errors += [f"{k}: is not an athlete field" for k in unknown]
    if "name" in fields or not partial:
        name = fields.get("name")
        if not isinstance(name, str) or not name.strip():
            errors.append("name: is required")
        elif len(name.strip()) > NAME_MAX_CHARS:
            errors.append(f"name: must be at most {NAME_MAX_CHARS} characters, got {len(name.strip())}")
        elif any(ord(c) < 32 for c in name):
            errors.append("name: must not contain control characters")
        else:
            out["name"] = " ".join(name.split())
    if "experience" in fields or not partial:
        exp = fields.get("experience") or "beginner"
        if exp not in EXPERIENCE:
            errors.append(f"experience: must be one of {', '.join(EXPERIENCE)}; got {exp!r}")
        out["experience"] = exp
    if "body_mass_kg" in fields or not partial:
        mass = fields.get("body_mass_kg")
        if mass is not None and (
            isinstance(mass, bool)
            or not isinstance(mass, (int, float))
            or not math.isfinite(mass)
            or not BODY_MASS_KG[0] <= mass <= BODY_MASS_KG[1]
        ):
            low, high = BODY_MASS_KG
            errors.append(f"body mass: must be a number of kg between {low:g} and {high:g}, got {mass!r}")
        out["body_mass_kg"] = mass
    if "age" in fields or not partial:
        age = fields.get("age")
        low, high = AGE_YEARS
        if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not low <= age <= high):
            errors.append(f"age: must be a whole number of years between {low} and {high}, got {age!r}")
        out["age"] = age
    if "notes" in fields or not partial:
        notes = fields.get("notes") or ""
        if not isinstance(notes, str) or len(notes) > NOTES_MAX_CHARS:
            errors.append(f"notes: must be text of at most {NOTES_MAX_CHARS} characters")
        out["notes"] = notes
    if "units" in fields or not partial:
        units = fields.get("units") or "metric"
        if units not in UNITS:
            errors.append(f"units: must be metric or imperial, got {units!r}")
        out["units"] = units
    if errors:
        raise InvalidRecordError(errors)
    return out


def checkin_id_date(checkin_id: str) -> date | None:
    """The date encoded in a check-in id ("YYYY-MM-DD-xxxxxxxx"), or None if it is not one."""
    m = CHECKIN_ID_RE.match(checkin_id)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
