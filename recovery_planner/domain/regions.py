"""The twelve leg regions of the check-in format, their sides, sub-locations and plain names."""

from __future__ import annotations

REGIONS: tuple[str, ...] = (
    "glutes",
    "hip_flexors",
    "quadriceps",
    "hamstrings",
    "adductors",
    "it_band",
    "knee",
    "shin",
    "calf",
    "achilles",
    "ankle",
    "foot",
)
SIDES: tuple[str, ...] = ("left", "right", "both")
LEG_SIDES: tuple[str, ...] = ("left", "right")

MUSCLE_REGIONS = frozenset({"glutes", "hip_flexors", "quadriceps", "hamstrings", "adductors", "it_band", "calf"})
LOWER_LEG_REGIONS = frozenset({"shin", "calf"})
BONE_RISK_REGIONS = frozenset({"shin", "foot", "ankle"})

REGION_NAMES: dict[str, str] = {
    "glutes": "Glutes (buttock)",
    "hip_flexors": "Hip flexors (front of hip)",
    "quadriceps": "Quadriceps (front of thigh)",
    "hamstrings": "Hamstrings (back of thigh)",
    "adductors": "Adductors (inner thigh)",
    "it_band": "IT band (outer thigh)",
    "knee": "Knee",
    "shin": "Shin",
    "calf": "Calf",
    "achilles": "Achilles tendon",
    "ankle": "Ankle",
    "foot": "Foot",
}

REGION_SHORT: dict[str, str] = {
    "glutes": "Glutes",
    "hip_flexors": "Hip flexors",
    "quadriceps": "Quadriceps",
    "hamstrings": "Hamstrings",
    "adductors": "Adductors",
    "it_band": "IT band",
    "knee": "Knee",
    "shin": "Shin",
    "calf": "Calf",
    "achilles": "Achilles tendon",
    "ankle": "Ankle",
    "foot": "Foot",
}

# Which diagram view shows each region (the IT band and the foot show in both).
FRONT_REGIONS: tuple[str, ...] = (
    "hip_flexors",
    "quadriceps",
    "adductors",
    "it_band",
    "knee",
    "shin",
    "ankle",
    "foot",
)
BACK_REGIONS: tuple[str, ...] = (
    "glutes",
    "hamstrings",
    "adductors",
    "it_band",
    "calf",
    "achilles",
    "ankle",
    "foot",
)

# Sub-locations asked where the red flags differ (guidance section 3 and 3c). Keys are the check-in's
# `subregion` values; the texts are what the app asks.
SUBREGIONS: dict[str, dict[str, str]] = {
    "foot": {
        "plantar_heel": "Under the heel or arch",
        "posterior_heel": "Back of the heel",
        "forefoot_dorsal": "Top of the forefoot (over the long foot bones)",
        "midfoot_dorsal": "Top of the midfoot (the high point of the arch)",
        "lateral_midfoot": "Outer edge of the foot, halfway between heel and little toe",
        "big_toe_ball": "Under the ball of the big toe",
        "toes": "Toes or ball of the foot",
    },
    "knee": {
        "kneecap": "Around or behind the kneecap",
        "below_kneecap": "Just below the kneecap (patellar tendon)",
        "outside_knee": "Outside of the knee",
        "lateral_knee": "Outside of the knee (joint line)",
        "back_of_knee": "Back of the knee",
    },
    "shin": {
        "anterior_shin": "Front edge of the shin bone",
        "inner_border": "Inner border of the shin bone",
    },
    "ankle": {
        "medial_malleolus": "Inner ankle bone",
        "deep_ankle": "Deep in the front of the ankle",
        "lateral_ankle": "Outer ankle",
    },
    "glutes": {
        "buttock": "In the buttock",
        "lateral_hip": "Outside of the hip (the bony point)",
    },
    "hip_flexors": {
        "hip_flexor_muscle": "Front of the hip, in the muscle",
        "deep_groin": "Deep in the groin",
    },
    "adductors": {
        "inner_thigh": "Inner thigh, in the muscle",
        "pubic": "At the pubic bone",
    },
    "achilles": {
        "mid_portion": "In the tendon, a few centimetres above the heel",
        "insertional": "Where the tendon joins the heel bone",
        "posterior_heel": "Back of the heel bone",
    },
}
LATERAL_KNEE = frozenset({"outside_knee", "lateral_knee"})  # two names for the same place (both accepted)

# Regions where a one-sided ache can be a clot (E2): calf, back of the knee, thigh.
CLOT_REGIONS = frozenset({"calf", "hamstrings", "quadriceps", "adductors"})
HIP_GROIN_REGIONS = frozenset({"hip_flexors", "adductors"})

SIDE_NAMES: dict[str, str] = {"left": "left", "right": "right", "both": "both legs"}


def region_label(region: str, side: str | None = None) -> str:
    """A plain name such as 'Left calf' or 'Quadriceps, both legs'."""
    name = REGION_SHORT[region]
    if side in ("left", "right"):
        proper = name[:2].isupper() or region == "achilles"  # "IT band", "Achilles tendon" keep their capitals
        head = name if proper else name[0].lower() + name[1:]
        return f"{side.capitalize()} {head}"
    if side == "both":
        return f"{name}, both legs"
    return name
