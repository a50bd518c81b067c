"""The working state the rules write into: referral, running limits, bans and care pathways."""

from __future__ import annotations

from dataclasses import dataclass, field

from .features import Features
from .plan import urgency_rank

ALL_REGIONS = "*"


@dataclass
class Assessment:
    """Accumulates the decisions of every rule; the most restrictive one always wins."""

    features: Features
    urgency: str = "none"
    reasons: list[tuple[int, str]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    suppressed: bool = False
    until_cleared: bool = False
    min_rest_days: int = 0
    easy_days: int = 0
    easy_whole_plan: bool = False
    do_now: list[str] = field(default_factory=list)
    cautions: list[str] = field(default_factory=list)
    bans: dict[str, set[str]] = field(default_factory=dict)
    protect_sites: set[tuple[str, str]] = field(default_factory=set)  # PEACE: rest, compress, elevate
    strain_sites: set[tuple[str, str]] = field(default_factory=set)
    bone_sites: set[tuple[str, str]] = field(default_factory=set)
    numb_regions: set[str] = field(default_factory=set)
    injury_pathway: bool = False
    high_risk_bone: bool = False
    rest_day_one: bool = False
    no_fluid_push: bool = False
    strength_gated: bool = False  # M13: no strength_loading while a structural referral is open

    def fire(self, rule: str) -> None:
        if rule not in self.rules:
            self.rules.append(rule)

    def refer(self, urgency: str, reason: str, rule: str) -> None:
        """Raise the referral to at least ``urgency`` and record why."""
        self.fire(rule)
        if urgency_rank(urgency) > urgency_rank(self.urgency):
            self.urgency = urgency
        if all(text != reason for _, text in self.reasons):
            self.reasons.append((urgency_rank(urgency), reason))

    def refer_before_running(self, reason: str, rule: str) -> None:
        """A prompt referral that also stops running until a clinician clears it."""
        self.refer("prompt", reason, rule)
        self.hold_running(rule)

    def hold_running(self, rule: str) -> None:
        """No running until a clinician clears it (E-rules, P1, P2, prompt-level P3-P7)."""
        self.fire(rule)
        self.until_cleared = True
        self.rest(3, rule)

    def rest(self, days: int, rule: str) -> None:
        """At least ``days`` run-free days from day 1."""
        self.fire(rule)
        self.min_rest_days = max(self.min_rest_days, days)

    def cap_easy(self, days: int, rule: str) -> None:
        """Running at most easy for the first ``days`` days."""
        self.fire(rule)
        self.easy_days = max(self.easy_days, days)

    def ban(self, region: str, *kinds: str) -> None:
        self.bans.setdefault(region, set()).update(kinds)

    def is_banned(self, kind: str, region: str | None) -> bool:
        if kind in self.bans.get(ALL_REGIONS, ()):
            return True
        return region is not None and kind in self.bans.get(region, ())

    def caution(self, text: str) -> None:
        if text not in self.cautions:
            self.cautions.append(text)

    def ordered_reasons(self) -> tuple[str, ...]:
        return tuple(text for _, text in sorted(self.reasons, key=lambda r: -r[0]))
