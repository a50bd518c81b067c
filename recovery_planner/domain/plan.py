"""The recovery plan (plan format v1): items, days, referral, hydration, and their JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

MIN_DAYS, DEFAULT_DAYS, MAX_DAYS = 3, 7, 14  # plan horizon
RUNNING_LEVELS = ("none", "easy", "normal")
URGENCIES = ("none", "routine", "prompt", "urgent", "emergency")
ITEM_KINDS = (
    "rest",
    "active_recovery",
    "easy_run",
    "training",
    "stretching",
    "foam_rolling",
    "massage",
    "ice",
    "cold_water_immersion",
    "heat",
    "compression",
    "elevation",
    "strength_loading",
    "mobility",
    "warm_up",
    "cool_down",
    "hydration",
    "sleep",
    "nutrition",
)


def urgency_rank(urgency: str) -> int:
    return URGENCIES.index(urgency)


def running_rank(level: str) -> int:
    return RUNNING_LEVELS.index(level)


@dataclass(frozen=True)
class PlanItem:
    kind: str
    title: str
    dose: dict[str, Any]
    why: str
    sources: tuple[str, ...]
    region: str | None = None
    side: str | None = None
    how_to: str | None = None
    optional: bool = False

    def item_id(self, day: date) -> str:
        """Stable id: the same item on the same day keeps its id when the plan is rebuilt."""
        return f"{day.isoformat()}:{self.kind}:{self.region or '-'}:{self.side or '-'}"

    def to_dict(self, day: date) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.item_id(day),
            "kind": self.kind,
            "region": self.region,
            "side": self.side,
            "title": self.title,
            "dose": dict(self.dose),
            "why": self.why,
            "sources": list(self.sources),
        }
        if self.how_to:
            out["how_to"] = self.how_to
        if self.optional:
            out["optional"] = True
        return out


@dataclass(frozen=True)
class PlanDay:
    date: date
    running: str
    items: tuple[PlanItem, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "running": self.running,
            "items": [i.to_dict(self.date) for i in self.items],
        }


@dataclass(frozen=True)
class Referral:
    urgency: str = "none"
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class HydrationAdvice:
    sweat_rate_l_per_h: float
    measured: bool
    session_min: float
    expected_loss_l: float
    allowed_loss_l: float
    pre_run_l: tuple[float, float]
    during_run_l: tuple[float, float] | None
    post_run_l: tuple[float, float]
    post_run_basis: str
    sodium: bool
    sodium_loss_mmol: float

    def to_dict(self) -> dict[str, Any]:
        def rng(pair: tuple[float, float] | None) -> list[float] | None:
            return None if pair is None else [round(pair[0], 2), round(pair[1], 2)]

        return {
            "sweat_rate_l_per_h": round(self.sweat_rate_l_per_h, 2),
            "sweat_rate_measured": self.measured,
            "session_min": round(self.session_min),
            "expected_loss_l": round(self.expected_loss_l, 2),
            "allowed_loss_l": round(self.allowed_loss_l, 2),
            "pre_run_l": rng(self.pre_run_l),
            "during_run_l": rng(self.during_run_l),
            "post_run_l": rng(self.post_run_l),
            "post_run_basis": self.post_run_basis,
            "sodium": self.sodium,
            "sodium_loss_mmol": round(self.sodium_loss_mmol),
        }


@dataclass(frozen=True)
class Plan:
    start: date
    plan_suppressed: bool
    referral: Referral
    no_running_until_cleared: bool
    days: tuple[PlanDay, ...]
    hydration: HydrationAdvice | None
    stop_rules: tuple[str, ...]
    return_to_run: tuple[str, ...]
    do_now: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    rules_fired: tuple[str, ...] = ()
    planner_version: str = field(default="")

    def to_dict(self) -> dict[str, Any]:
        """The plan in plan format v1 (plus the documented extension fields)."""
        return {
            "start": self.start.isoformat(),
            "plan_suppressed": self.plan_suppressed,
            "referral": {"urgency": self.referral.urgency, "reasons": list(self.referral.reasons)},
            "no_running_until_cleared": self.no_running_until_cleared,
            "days": [d.to_dict() for d in self.days],
            "hydration": None if self.hydration is None else self.hydration.to_dict(),
            "stop_rules": list(self.stop_rules),
            "return_to_run": list(self.return_to_run),
            "do_now": list(self.do_now),
            "cautions": list(self.cautions),
            "rules_fired": list(self.rules_fired),
            "planner_version": self.planner_version,
        }
