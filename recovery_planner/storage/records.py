"""The records the repository hands out (small frozen dataclasses) and the checks on athlete fields.

Treat the dicts inside records (``CheckInRecord.check_in``) as read-only; every call returns new copies.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from ..domain.limits import AGE_YEARS, BODY_MASS_KG, EXPERIENCE, NAME_MAX_CHARS, NOTES_MAX_CHARS
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
    hold: dict[str, Any] | None = None  # the most urgent hold still open: reason, rule, since, urgency
    until_cleared: bool | None = None  # the plan says no running until cleared (None: stored before 0.2)

    @property
    def hold_open(self) -> bool:
        return bool(self.hold)

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
            hold=s.get("hold") or None,
            until_cleared=s.get("until_cleared"),
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


@dataclass(frozen=True, slots=True)
class ClearanceRecord:
    """A clinician cleared the athlete to return (stored in the athlete's ``profile.json``)."""

    id: str
    athlete_id: str
    on: date
    by: str
    note: str
    recorded_at: str

    def to_clearance(self) -> Any:
        """The domain's ``Clearance`` (what ``hold_state`` takes)."""
        from ..domain.holds import Clearance

        return Clearance(on=self.on, by=self.by, note=self.note)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "athlete_id": self.athlete_id,
            "on": self.on.isoformat(),
            "by": self.by,
            "note": self.note,
            "recorded_at": self.recorded_at,
        }

    @classmethod
    def from_doc(cls, athlete_id: str, doc: dict[str, Any]) -> ClearanceRecord:
        on = date.fromisoformat(doc["on"])
        return cls(doc["id"], athlete_id, on, doc.get("by") or "", doc.get("note") or "", doc.get("recorded_at") or "")


def clean_clearance(by: Any, on: Any, note: Any, first: date, last: date) -> dict[str, Any]:
    """Check a clearance's fields; raises InvalidRecordError naming each bad one."""
    errors = []
    problem = name_problem(by)
    if problem or not isinstance(by, str):
        errors.append(f"cleared by: {problem}")
    if not isinstance(on, date) or isinstance(on, datetime):
        errors.append(f"cleared on: must be a date, got {on!r}")
    elif not first <= on <= last:
        errors.append(f"cleared on: must be between {first} and {last}, got {on}")
    if not isinstance(note, str) or len(note) > NOTES_MAX_CHARS:
        errors.append(f"note: must be text of at most {NOTES_MAX_CHARS} characters")
    if errors:
        raise InvalidRecordError(errors)
    return {"by": normalise_name(by), "on": on.isoformat(), "note": note}


def clean_athlete_fields(fields: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check athlete fields and return them normalised; raises InvalidRecordError naming each bad field."""
    errors: list[str] = []
    out: dict[str, Any] = {}
    unknown = sorted(set(fields) - set(ATHLETE_FIELDS))
    errors += [f"{k}: is not an athlete field" for k in unknown]
    if "name" in fields or not partial:
        name = fields.get("name")
        problem = name_problem(name)
        if problem or not isinstance(name, str):
            errors.append(f"name: {problem}")
        else:
            out["name"] = normalise_name(str(name))
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


# Zero-width characters and the bidirectional controls that can make two different names look alike.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u061c\u200e\u200f") | frozenset(
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
)


def normalise_name(name: str) -> str:
    """A name as stored and compared: Unicode NFC (composed accents), single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def name_key(name: str) -> str:
    """What two names must share to be "the same" athlete: NFC, spaces collapsed, case folded."""
    return unicodedata.normalize("NFC", normalise_name(name).casefold())


def name_problem(name: Any) -> str | None:
    """Why ``name`` cannot be an athlete's name, or None."""
    if not isinstance(name, str) or not name.strip():
        return "is required"
    clean = normalise_name(name)
    if len(clean) > NAME_MAX_CHARS:
        return f"must be at most {NAME_MAX_CHARS} characters, got {len(clean)}"
    for c in clean:
        if c in _INVISIBLE or unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return f"must not contain invisible, control or text-direction characters (found U+{ord(c):04X})"
    return None


def checkin_id_date(checkin_id: str) -> date | None:
    """The date encoded in a check-in id ("YYYY-MM-DD-xxxxxxxx"), or None if it is not one."""
    m = CHECKIN_ID_RE.match(checkin_id)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
