"""Features the rules read from a check-in: pain patterns, systemic readiness, load (guidance section 0)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .checkin import Area, CheckIn
from .load import acute_chronic_ratio, load_spike
from .regions import BONE_RISK_REGIONS, HIP_GROIN_REGIONS, MUSCLE_REGIONS

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


CHILD_AGE = 18  # X3: under 18 the adult nutrition, sleep and sweat norms do not apply
SCFE_AGES = (8, 16)  # E11
REDS_BMI = 18.5  # X4: WHO underweight (adults)
REDS_WEIGHT_LOSS_PCT = 5.0  # X4: body mass lost in 3 months (H)
VTE_TRAVEL_H = 4  # E2: travel of 4 h or more in the last 4 weeks
POSTPARTUM_CLOT_WEEKS = 12  # E2, X2

# Section 3c: (region, subregion) -> the high-risk bone-stress site it stands for.
HIGH_RISK_SITES: dict[tuple[str, str], str] = {
    ("hip_flexors", "deep_groin"): "the neck of the thigh bone (femoral neck)",
    ("adductors", "deep_groin"): "the neck of the thigh bone (femoral neck)",
    ("adductors", "pubic"): "the pubic bone (pubic ramus)",
    ("knee", "kneecap"): "the kneecap (patella)",
    ("shin", "anterior_shin"): "the front edge of the shin bone (anterior tibial cortex)",
    ("ankle", "medial_malleolus"): "the inner ankle bone (medial malleolus)",
    ("ankle", "deep_ankle"): "the talus, deep in the ankle",
    ("foot", "midfoot_dorsal"): "the navicular bone on top of the midfoot",
    ("foot", "lateral_midfoot"): "the fifth long foot bone on the outer edge (proximal 5th metatarsal)",
    ("foot", "big_toe_ball"): "the small bones under the big toe (sesamoids)",
}
INJURY_MECHANISMS = ("sudden_during_sprint", "inversion_twist")
SEVERS_AGES, OSGOOD_AGES = (8, 14), (10, 15)  # T3 traction apophysitis


@dataclass(frozen=True)
class AreaFeatures:
    area: Area
    pattern: str
    bilateral: bool
    days_since_onset: float | None
    high_risk_site: str | None = None  # section 3c site name when this area shows that pattern (E5)
    apophysitis: str | None = None  # T3: "Sever" (heel) or "Osgood" (below the kneecap) in a child


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
    child: bool = False
    vte_risk: tuple[str, ...] = ()  # the clot risk factors present (E2), plain words
    reds_flag: tuple[str, ...] = ()  # the low-energy-availability signs present (X4), plain words

    @property
    def age(self) -> int | None:
        return self.check_in.athlete.age

    @property
    def scfe_age(self) -> bool:
        return self.age is not None and SCFE_AGES[0] <= self.age <= SCFE_AGES[1]

    @property
    def beginner(self) -> bool:
        return self.check_in.athlete.experience == "beginner"

    def symptom(self, name: str) -> Any:
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


def apophysitis(area: Area, check_in: CheckIn) -> str | None:
    """T3: 'Sever' (heel, about 8-14) or 'Osgood' (just below the kneecap, about 10-15) in a child with a gradual
    onset and no night pain, swelling, limp or focal bony spot; None otherwise."""
    age = check_in.athlete.age
    if age is None or age >= CHILD_AGE or area.mechanism in INJURY_MECHANISMS:
        return None
    if area.swelling or area.gait_change or check_in.symptom("night_or_rest_pain"):
        return None
    if check_in.symptom("focal_bone_tenderness"):
        return None
    heel = (area.region == "foot" and area.subregion in ("plantar_heel", "posterior_heel")) or (
        area.region == "achilles" and area.subregion in ("posterior_heel", "insertional")
    )
    if heel and SEVERS_AGES[0] <= age <= SEVERS_AGES[1]:
        return "Sever"
    if area.region == "knee" and area.subregion == "below_kneecap" and OSGOOD_AGES[0] <= age <= OSGOOD_AGES[1]:
        return "Osgood"
    return None


def pattern(area: Area, check_in: CheckIn) -> str:
    """The first matching pattern: tendon/fascia, diffuse muscle soreness, bone risk, or localized pain.

    A sore growth area in a child (T3) follows the tendon model: run as pain allows, 3/10 or less."""
    no_alarm = not (area.swelling or area.numbness or area.gait_change)
    if apophysitis(area, check_in) and area.kind in ("aching", "soreness") and not area.numbness:
        return TENDON
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


def bsi_feature(area: Area, check_in: CheckIn) -> bool:
    """Any bone-stress feature of section 3c: focal tenderness, an ache that builds through runs, night or
    rest pain, swelling over the bone, or (for the groin) pain on weight bearing."""
    s = check_in.symptom
    return bool(
        s("focal_bone_tenderness")
        or s("pain_worse_as_run_continues")
        or s("night_or_rest_pain")
        or area.swelling
        or (area.region in HIP_GROIN_REGIONS and s("weight_bearing_pain_groin"))
    )


def high_risk_site(area: Area, check_in: CheckIn) -> str | None:
    """The section 3c high-risk bone-stress site this area's pattern points to, or None (E5).

    One-sided, gradual (no twist or sprint), pain >= 2 and a bone-stress feature; the navicular fires on
    pain >= 2 alone, and any groin area with pain on weight bearing counts as the femoral neck."""
    if area.side == "both" or area.mechanism in INJURY_MECHANISMS or area.pain < 2:
        return None
    if area.region in HIP_GROIN_REGIONS and check_in.symptom("weight_bearing_pain_groin"):
        return HIGH_RISK_SITES[("hip_flexors", "deep_groin")]
    site = HIGH_RISK_SITES.get((area.region, area.subregion or ""))
    if site is None:
        return None
    if area.subregion == "midfoot_dorsal" or bsi_feature(area, check_in):
        return site
    return None


def clot_risk_factors(check_in: CheckIn) -> tuple[str, ...]:
    """The E2 risk factors the check-in reports (vte_risk), in plain words."""
    s = check_in.symptom
    found = []
    if (s("recent_long_travel_h") or 0) >= VTE_TRAVEL_H:
        found.append("a journey of 4 hours or more in the last 4 weeks")
    if s("previous_clot_or_surgery"):
        found.append("a previous clot, or recent surgery, a cast or time off your feet")
    if s("pregnant_or_postpartum"):
        weeks = s("postpartum_weeks")
        if weeks is None or weeks <= POSTPARTUM_CLOT_WEEKS:
            found.append("pregnancy or a recent birth")
    if s("oestrogen_or_active_cancer"):
        found.append("the combined pill, HRT or cancer treatment")
    return tuple(found)


def reds_signs(check_in: CheckIn, child: bool) -> tuple[str, ...]:
    """The X4 signs of low energy availability the check-in reports, in plain words."""
    found = []
    if check_in.symptom("menstrual_irregularity"):
        found.append("irregular or missing periods")
    bmi = check_in.athlete.bmi
    if not child and bmi is not None and bmi < REDS_BMI:
        found.append(f"a body mass index of {bmi:.1f} (below 18.5)")
    lost = check_in.symptom("recent_weight_loss_pct")
    if lost is not None and lost >= REDS_WEIGHT_LOSS_PCT:
        found.append(f"{lost:g} % of body mass lost in 3 months")
    return tuple(found)


def extract(check_in: CheckIn) -> Features:
    """Compute every derived feature once; the rules only read this."""
    w = check_in.wellbeing
    rhr = w.resting_hr_elevated or (w.rhr_delta_bpm is not None and w.rhr_delta_bpm >= 5)
    systemic = (
        int(rhr) + int(w.sleep_hours is not None and w.sleep_hours < 6) + int(w.fatigue is not None and w.fatigue >= 7)
    )
    areas = tuple(
        AreaFeatures(
            a,
            pattern(a, check_in),
            is_bilateral(a, check_in),
            days_since_onset(a),
            high_risk_site(a, check_in),
            apophysitis(a, check_in),
        )
        for a in check_in.areas
    )
    child = check_in.athlete.age is not None and check_in.athlete.age < CHILD_AGE
    return Features(
        check_in=check_in,
        areas=areas,
        max_pain=max((a.pain for a in check_in.areas), default=0),
        t_run=2 if check_in.athlete.experience == "beginner" else 3,
        systemic_score=systemic,
        rhr_elevated=rhr,
        load_spike=load_spike(check_in.load),
        acwr=acute_chronic_ratio(check_in.load),
        child=child,
        vte_risk=clot_risk_factors(check_in),
        reds_flag=reds_signs(check_in, child),
    )
