"""Features the rules read from a check-in: pain patterns, systemic readiness, load (guidance section 0)."""

from __future__ import annotations

from dataclasses import dataclass

from .checkin import Area, CheckIn
from .load import acute_chronic_ratio, load_spike
from .regions import BONE_RISK_REGIONS, MUSCLE_REGIONS

TENDON = "tendon"
DIFFUSE_MUSCLE = "diffuse_muscle"
BONE_RISK = "bone_risk"
LOCALIZED = "localized"

# Which sub-locations of a region behave like a tendon or fascia (None = the region as a whole).
_TENDON_SITES: dict[str, frozenset[str | None]] = {
    "achilles": frozenset({None, "mid_portion", "insertional"}),
    "knee": frozenset({"below_kneecap"}),
    "foot": frozenset({"plantar_heel"}),
    "glutes": frozenset({"lateral_hip"}),
}


@dataclass(frozen=True)
class AreaFeatures:
    area: Area
    pattern: str
    bilateral: bool
    days_since_onset: float | None


@dataclass(frozen=True)
class Features:
    check_in: CheckIn
    areas: tuple[AreaFeatures, ...]
    max_pain: float
    t_run: int
    systemic_score: int
    rhr_elevated: bool
    load_spike: bool
    acwr: float | None

    @property
    def beginner(self) -> bool:
        return self.check_in.athlete.experience == "beginner"

    def symptom(self, name: str) -> object:
        return self.check_in.symptom(name)


def is_bilateral(area: Area, check_in: CheckIn) -> bool:
    """Both legs: marked 'both', or the same region marked on the left and on the right."""
    if area.side == "both":
        return True
    sides = {a.side for a in check_in.areas if a.region == area.region}
    return {"left", "right"} <= sides


def _eases_with_warm_up(check_in: CheckIn) -> bool:
    """Start-up or morning stiffness that settles once moving (the tendon pain-monitoring profile)."""
    if check_in.symptom("warms_up_during_run") is False or check_in.symptom("pain_worse_as_run_continues"):
        return False
    stiffness = (check_in.symptom("morning_stiffness_min") or 0) > 0 or bool(check_in.symptom("first_step_pain"))
    return stiffness or check_in.symptom("warms_up_during_run") is True


def pattern(area: Area, check_in: CheckIn) -> str:
    """The first matching pattern: tendon/fascia, diffuse muscle soreness, bone risk, or localized pain."""
    no_alarm = not (area.swelling or area.numbness or area.gait_change)
    sites = _TENDON_SITES.get(area.region)
    if (
        sites is not None
        and area.subregion in sites
        and area.kind in ("aching", "soreness")
        and no_alarm
        and not check_in.symptom("focal_bone_tenderness")
        and _eases_with_warm_up(check_in)
    ):
        return TENDON
    bilateral = is_bilateral(area, check_in)
    if area.region in MUSCLE_REGIONS and bilateral and area.kind in ("soreness", "aching") and no_alarm:
        return DIFFUSE_MUSCLE
    bony = area.region in BONE_RISK_REGIONS or area.subregion == "deep_groin"
    if bony and not bilateral:
        return BONE_RISK
    return LOCALIZED


def days_since_onset(area: Area) -> float | None:
    if area.days_since_onset is not None:
        return area.days_since_onset
    if area.hours_since_run is not None:
        return area.hours_since_run / 24.0
    return None


def extract(check_in: CheckIn) -> Features:
    """Compute every derived feature once; the rules only read this."""
    w = check_in.wellbeing
    rhr = w.resting_hr_elevated or (w.rhr_delta_bpm is not None and w.rhr_delta_bpm >= 5)
    systemic = (
        int(rhr) + int(w.sleep_hours is not None and w.sleep_hours < 6) + int(w.fatigue is not None and w.fatigue >= 7)
    )
    areas = tuple(
        AreaFeatures(a, pattern(a, check_in), is_bilateral(a, check_in), days_since_onset(a)) for a in check_in.areas
    )
    return Features(
        check_in=check_in,
        areas=areas,
        max_pain=max((a.pain for a in check_in.areas), default=0),
        t_run=2 if check_in.athlete.experience == "beginner" else 3,
        systemic_score=systemic,
        rhr_elevated=rhr,
        load_spike=load_spike(check_in.load),
        acwr=acute_chronic_ratio(check_in.load),
    )
