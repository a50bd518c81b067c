"""The recovery plan (plan format v1): items, days, referral, hydration, and their JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .citations import citations

RUNNING_LEVELS = ("none", "easy", "normal")
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

    @property
    def regions(self) -> tuple[str, ...]:
        """Every region the item covers: ``region``, or the list in ``dose.regions`` (M16)."""
        listed = self.dose.get("regions")
        if isinstance(listed, (list, tuple)) and listed:
            return tuple(str(r) for r in listed)
        return (self.region,) if self.region else ()

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
            "citations": list(citations(self.sources)),
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
    running_reason: str = ""  # plain words: which area, and why the day's running is what it is
    summary: str = ""  # the day's few key actions

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "running": self.running,
            "running_reason": self.running_reason,
            "summary": self.summary,
            "items": [i.to_dict(self.date) for i in self.items],
        }


@dataclass(frozen=True)
class Referral:
    urgency: str = "none"
    reasons: tuple[str, ...] = ()  # most urgent first
    reason_urgencies: tuple[str, ...] = ()  # the urgency of each reason (empty in plans from planner 1.0)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"urgency": self.urgency, "reasons": list(self.reasons)}
        if self.reason_urgencies:
            out["reason_urgencies"] = list(self.reason_urgencies)
        return out


@dataclass(frozen=True)
class HydrationAdvice:
    sweat_rate_l_per_h: float
    measured: bool
    session_min: float
    expected_loss_l: float
    allowed_loss_l: float
    pre_run_l: tuple[float, float] | None  # None in a plan with no running day
    during_run_l: tuple[float, float] | None
    post_run_l: tuple[float, float]  # reference: after a session like the last one
    post_run_basis: str
    sodium: bool
    sodium_loss_mmol: float
    catch_up_l: tuple[float, float] | None = None  # day-1 catch-up, only after a session ended <= 6 h before
    session_basis: str = "planned"  # which run the fluids are for: planned, usual_easy_run or default

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
            "catch_up_l": rng(self.catch_up_l),
            "session_basis": self.session_basis,
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
            "referral": self.referral.to_dict(),
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

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Plan:
        """Read back a stored plan (plan format v1), including plans made by older planner versions.

        Fields a version did not write get their defaults; unknown fields are ignored. Raises ValueError
        when the plan is not readable at all.
        """
        try:
            return _plan_from_dict(d)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ValueError(f"not a readable plan: {e!r}") from e


def _pair(v: Any) -> tuple[float, float] | None:
    return None if v is None else (float(v[0]), float(v[1]))


def _item_from_dict(d: dict[str, Any]) -> PlanItem:
    return PlanItem(
        kind=str(d["kind"]),
        title=str(d.get("title", "")),
        dose=dict(d.get("dose") or {}),
        why=str(d.get("why", "")),
        sources=tuple(str(s) for s in d.get("sources") or ()),
        region=d.get("region"),
        side=d.get("side"),
        how_to=d.get("how_to"),
        optional=bool(d.get("optional", False)),
    )


def _hydration_from_dict(d: dict[str, Any] | None) -> HydrationAdvice | None:
    if not d:
        return None
    during = _pair(d.get("during_run_l"))
    post = _pair(d.get("post_run_l")) or (0.0, 0.0)
    return HydrationAdvice(
        sweat_rate_l_per_h=float(d["sweat_rate_l_per_h"]),
        measured=bool(d.get("sweat_rate_measured", False)),
        session_min=float(d.get("session_min") or 0),
        expected_loss_l=float(d.get("expected_loss_l") or 0),
        allowed_loss_l=float(d.get("allowed_loss_l") or 0),
        pre_run_l=_pair(d.get("pre_run_l")),
        during_run_l=during,
        post_run_l=post,
        post_run_basis=str(d.get("post_run_basis", "")),
        sodium=bool(d.get("sodium", False)),
        sodium_loss_mmol=float(d.get("sodium_loss_mmol") or 0),
        catch_up_l=_pair(d.get("catch_up_l")),
        session_basis=str(d.get("session_basis", "planned")),
    )


def _plan_from_dict(d: dict[str, Any]) -> Plan:
    ref = d.get("referral") or {}
    days = tuple(
        PlanDay(
            date=date.fromisoformat(day["date"]),
            running=str(day.get("running", "none")),
            items=tuple(_item_from_dict(i) for i in day.get("items") or ()),
            running_reason=str(day.get("running_reason", "")),
            summary=str(day.get("summary", "")),
        )
        for day in d.get("days") or ()
    )
    return Plan(
        start=date.fromisoformat(d["start"]),
        plan_suppressed=bool(d.get("plan_suppressed", False)),
        referral=Referral(
            str(ref.get("urgency", "none")),
            tuple(str(r) for r in ref.get("reasons") or ()),
            tuple(str(u) for u in ref.get("reason_urgencies") or ()),
        ),
        no_running_until_cleared=bool(d.get("no_running_until_cleared", False)),
        days=days,
        hydration=_hydration_from_dict(d.get("hydration")),
        stop_rules=tuple(d.get("stop_rules") or ()),
        return_to_run=tuple(d.get("return_to_run") or ()),
        do_now=tuple(d.get("do_now") or ()),
        cautions=tuple(d.get("cautions") or ()),
        rules_fired=tuple(d.get("rules_fired") or ()),
        planner_version=str(d.get("planner_version") or ""),
    )
