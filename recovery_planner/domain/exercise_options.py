"""The exercises a coach may choose between for one region (guidance section 3b), as data.

The planner schedules the first option of each list; a coach may swap it for another option of the same
kind and region. Every option is one that section 3b lists for that region, so a swap never brings in an
exercise the guidance does not name there; bans still apply on top (``coach_edits.check_edit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import exercises


@dataclass(frozen=True)
class Option:
    key: str
    title: str
    how_to: str
    dose: dict[str, Any]


def _from(key: str, ex: exercises.Exercise) -> Option:
    return Option(key, ex.name, ex.how_to, dict(ex.dose))


def _opt(key: str, title: str, how_to: str, summary: str, **fields: Any) -> Option:
    return Option(key, title, how_to, {"summary": summary, **fields})


_EXTRA: dict[tuple[str, str], tuple[Option, ...]] = {
    ("stretching", "adductors"): (
        _opt(
            "side_lunge_stretch",
            "Side-lunge stretch",
            "Stand with the feet wide, bend one knee and sit towards it until the inner thigh of the straight "
            "leg feels a mild stretch.",
            "30 s, 2-3 times each side",
            hold_s=30,
            sets="2-3",
        ),
    ),
    ("mobility", "glutes"): (
        _opt(
            "hip_circles",
            "Hip circles",
            "Stand on one leg near a support and draw slow circles with the other knee.",
            "10 circles each way, each side",
            reps=10,
        ),
    ),
    ("strength_loading", "glutes"): (
        _opt(
            "isometric_hip_abduction",
            exercises.GLUTEAL_TENDON.name,
            exercises.GLUTEAL_TENDON.how_to,
            str(exercises.GLUTEAL_TENDON.dose.get("summary", "")),
            **{k: v for k, v in exercises.GLUTEAL_TENDON.dose.items() if k != "summary"},
        ),
    ),
    ("strength_loading", "it_band"): (
        _opt(
            "lateral_band_walk",
            "Side steps with a band",
            "Loop a band above the knees, bend the knees slightly and step sideways, keeping the band tight.",
            "3 sets of 15 steps each way",
            sets=3,
            reps=15,
        ),
    ),
    ("strength_loading", "quadriceps"): (
        _opt(
            "step_downs",
            "Step-downs",
            "Stand on a low step on the sore leg and slowly lower the other heel to the floor, knee over toes.",
            "3 sets of 10",
            sets=3,
            reps=10,
        ),
    ),
    ("strength_loading", "knee"): (
        _opt(
            "step_downs",
            "Step-downs",
            "Stand on a low step on the sore leg and slowly lower the other heel to the floor, knee over toes.",
            "3 sets of 10",
            sets=3,
            reps=10,
        ),
    ),
    ("strength_loading", "achilles"): (
        _opt(
            "heavy_slow_heel_raises",
            "Heavy slow heel raises",
            "Heel raises with added weight (a backpack or a machine), 3 s up and 3 s down, knee straight and "
            "then bent. Pain up to 3/10 is acceptable if it has settled by the next morning.",
            "3-4 sets of 15 falling to 6 reps as the load rises, every other day",
            sets="3-4",
            reps="15-6",
            every_other_day=True,
        ),
        _opt(
            "isometric_heel_raise",
            "Heel-raise hold",
            "Rise onto the toes of the sore leg near a support and hold still.",
            "5 holds of 45 s",
            sets=5,
            hold_s=45,
        ),
    ),
    ("strength_loading", "calf"): (
        _opt(
            "seated_heel_raises",
            "Seated heel raises",
            "Sitting, with a weight on the knees, raise the heels slowly and lower them.",
            "3 sets of 15-20",
            sets=3,
            reps="15-20",
        ),
    ),
    ("strength_loading", "foot"): (
        _opt(
            "toe_curls",
            "Towel toe curls",
            "Sitting, with the foot on a towel, pull the towel towards you by curling the toes.",
            "3 sets of 10",
            sets=3,
            reps=10,
        ),
    ),
}

_TABLES: dict[str, dict[str, exercises.Exercise]] = {
    "stretching": exercises.STRETCHES,
    "foam_rolling": exercises.ROLLING,
    "strength_loading": exercises.STRENGTH,
    "mobility": exercises.MOBILITY,
}


def options_for(kind: str, region: str) -> tuple[Option, ...]:
    """The exercises of ``kind`` listed for ``region``: the planner's own first, then the alternatives."""
    base = _TABLES.get(kind, {}).get(region)
    first = (_from(f"{kind}_{region}", base),) if base is not None else ()
    seen = {o.title for o in first}
    extra = tuple(o for o in _EXTRA.get((kind, region), ()) if o.title not in seen)
    return first + extra
