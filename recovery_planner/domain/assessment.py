"""The working state the rules write into: referral, running limits, bans and care pathways."""

from __future__ import annotations

from dataclasses import dataclass, field

from .features import Features
from .urgency import urgency_rank

ALL_REGIONS = "*"
BEFORE_RUNNING = "See a physiotherapist or sports doctor before you run again."
# M13 gate: strength loading waits while one of these referrals is open (structural_referral).
STRUCTURAL_RULES = frozenset({"E2", "E5", "E10", "E11", "P1", "P7"})


@dataclass
class Assessment:
    """Accumulates the decisions of every rule; the most restrictive one always wins."""

    features: Features
    urgency: str = "none"
    reasons: list[tuple[int, str, str]] = field(default_factory=list)  # (urgency rank, finding, advice)
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
    # Added for planner v2 (read by the schedule):
    strength_gated: bool = False  # M13: no strength_loading on any day (structural referral or E-rule open)
    no_self_tests: bool = False  # no hop tests or heel-raise tests until cleared (E-rules, bone injury)
    protect_plan: bool = False  # interim protect plan of an urgent E-rule (E5, E9, E10, E11): rest or unloading
    structural_rules: set[str] = field(default_factory=set)  # which M13-gate rules are open
    graded_return: list[str] = field(default_factory=list)  # RTR7: clearance first, then the rule's own return
    open_holds: list[str] = field(default_factory=list)  # rules carried over from earlier check-ins (holds)

    def fire(self, rule: str) -> None:
        if rule not in self.rules:
            self.rules.append(rule)

    def refer(self, urgency: str, reason: str, rule: str, advice: str = "") -> None:
        """Raise the referral to at least ``urgency`` and record why.

        ``advice`` is the reason's own timing ("if it has not settled in 2-3 days..."): it is shown only
        when this reason sets the plan's urgency, so a lower-urgency sentence never contradicts the banner."""
        self.fire(rule)
        if urgency_rank(urgency) > urgency_rank(self.urgency):
            self.urgency = urgency
        if all(text != reason for _, text, _ in self.reasons):
            self.reasons.append((urgency_rank(urgency), reason, advice))

    def refer_before_running(self, reason: str, rule: str, advice: str = BEFORE_RUNNING) -> None:
        """A prompt referral that also stops running until a clinician clears it."""
        self.refer("prompt", reason, rule, advice)
        self.hold_running(rule)

    def hold_running(self, rule: str) -> None:
        """No running until a clinician clears it (E-rules, P1, P2, prompt-level P3-P7)."""
        self.fire(rule)
        self.until_cleared = True
        self.rest(3, rule)

    def gate_strength(self, rule: str) -> None:
        """M13: no strength loading until a clinician has seen the runner (structural referral, E-rules)."""
        self.fire(rule)
        self.strength_gated = True
        if rule in STRUCTURAL_RULES:
            self.structural_rules.add(rule)
        self.ban(ALL_REGIONS, "strength_loading")

    def protect(self, rule: str) -> None:
        """Interim protect plan (E5, E9, E10, E11): no running until cleared, rest or pain-free unloading,
        no strength loading, no hopping or self-tests."""
        self.hold_running(rule)
        self.gate_strength(rule)
        self.protect_plan = True
        self.no_self_tests = True
        self.rest_day_one = True
        self.injury_pathway = True
        self.ban(ALL_REGIONS, "easy_run", "training")

    def return_step(self, text: str) -> None:
        if text not in self.graded_return:
            self.graded_return.append(text)

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
        """Highest urgency first (holds still open come first within it). One piece of advice (what to do,
        how soon) is shown, the first one at the top urgency: one referral message per plan."""
        top = urgency_rank(self.urgency)
        out, advised = [], False
        for rank, text, advice in sorted(self.reasons, key=lambda r: -r[0]):
            if advice and rank >= top and not advised:
                out.append(f"{text} {advice}")
                advised = True
            else:
                out.append(text)
        return tuple(out)
