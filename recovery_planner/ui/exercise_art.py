"""Which line drawing shows which exercise, without Qt: shared by the plan's exercise card and the handout.

Every exercise the planner can schedule (``domain/exercises.py``) has an id (``stretch-calf``,
``roll-calf``, ``strength-calf``, ``mobility-ankle``, ``gluteal-tendon``, ``gentle-range``) and one of the
SVG drawings in ``recovery_planner/resources/exercises/``. Several exercises share a drawing when they are
done the same way (the wall calf stretch for the calf, the shin and the Achilles).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..domain import exercises as ex

ART_FOLDER = ("resources", "exercises")
_TABLES: tuple[tuple[str, dict[str, ex.Exercise]], ...] = (
    ("stretch", ex.STRETCHES),
    ("roll", ex.ROLLING),
    ("strength", ex.STRENGTH),
    ("mobility", ex.MOBILITY),
)
DRAWINGS: dict[str, str] = {
    "stretch-glutes": "figure4-glute",
    "stretch-hip_flexors": "kneeling-hip-flexor",
    "stretch-quadriceps": "standing-quad",
    "stretch-hamstrings": "strap-hamstring",
    "stretch-adductors": "butterfly",
    "stretch-it_band": "crossover-hip",
    "stretch-knee": "standing-quad",
    "stretch-shin": "wall-calf",
    "stretch-calf": "wall-calf",
    "stretch-achilles": "wall-calf",
    "stretch-foot": "plantar-fascia",
    "roll-glutes": "roll-back",
    "roll-hip_flexors": "roll-front",
    "roll-quadriceps": "roll-front",
    "roll-hamstrings": "roll-back",
    "roll-adductors": "roll-front",
    "roll-it_band": "roll-side",
    "roll-calf": "roll-back",
    "roll-foot": "ball-arch",
    "strength-glutes": "bridge",
    "strength-hip_flexors": "band-hip-flexion",
    "strength-quadriceps": "split-squat",
    "strength-hamstrings": "bridge",
    "strength-adductors": "adductor-squeeze",
    "strength-it_band": "side-leg-raise",
    "strength-knee": "wall-sit",
    "strength-shin": "heel-raise",
    "strength-calf": "heel-raise",
    "strength-achilles": "heel-drop-step",
    "strength-ankle": "single-leg-balance",
    "strength-foot": "heel-drop-step",
    "mobility-ankle": "ankle-circles",
    "gluteal-tendon": "band-abduction",
    "gentle-range": "gentle-range",
}
FALLBACK_DRAWING = "gentle-range"


@cache
def all_exercises() -> dict[str, ex.Exercise]:
    """Every schedulable exercise by id, read from the planner's own tables."""
    out: dict[str, ex.Exercise] = {}
    for prefix, table in _TABLES:
        for region, exercise in table.items():
            out[f"{prefix}-{region}"] = exercise
    out["gluteal-tendon"] = ex.GLUTEAL_TENDON
    out["gentle-range"] = ex.GENERIC_MOBILITY
    return out


def exercise_id_for_item(item: dict[str, Any]) -> str | None:
    """The exercise id of a plan item (matched by its title, and its region when names repeat), or None."""
    title, region = item.get("title"), item.get("region")
    matches = [eid for eid, e in all_exercises().items() if e.name == title]
    if not matches:
        return None
    for eid in matches:
        if region and eid.endswith(f"-{region}"):
            return eid
    return matches[0]


def _art_root() -> Path:
    return Path(str(_package_folder(ART_FOLDER)))


def illustration_path(exercise_id: str) -> Path:
    """The SVG file drawing ``exercise_id`` (a shared general drawing for an unknown id)."""
    return _art_root() / f"{DRAWINGS.get(exercise_id, FALLBACK_DRAWING)}.svg"


def how_to_steps(how_to: str) -> list[str]:
    """The how-to text as numbered steps: one per sentence, semicolons splitting a sentence further."""
    parts = re.split(r"(?<=[.!?])\s+|;\s+", how_to.strip())
    steps = [p.strip().rstrip(".") + "." for p in parts if p.strip()]
    return [s[0].upper() + s[1:] for s in steps]


def _package_folder(parts: tuple[str, ...]) -> Any:
    """A folder inside the package's resources (one joinpath per part: some Pythons take only one)."""
    folder: Any = resources.files("recovery_planner")
    for part in parts:
        folder = folder.joinpath(part)
    return folder
