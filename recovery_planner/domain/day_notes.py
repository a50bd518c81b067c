"""Plain words for each day: why its running is what it is (``running_reason``) and its key actions (``summary``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .assessment import Assessment
from .features import TENDON, AreaFeatures
from .plan import PlanItem
from .plan_size import ALWAYS_ON
from .plan_text import area_label
from .regions import MUSCLE_REGIONS
from .schedule import DayRunning

# What each rule means, in words a runner understands (most serious first; guidance section 2).
RULE_WHY: dict[str, str] = {
    "E1": "possible muscle breakdown",
    "E2": "a possible blood clot",
    "E3": "possible pressure building up in the leg muscles",
    "E4": "possible heat stroke",
    "E6": "possible pressure on the nerves in the lower back",
    "E7": "warning signs from the heart",
    "E8": "possible low blood sodium",
    "E9": "pain far worse than expected",
    "E10": "a possible tendon tear",
    "E11": "a possible slipped growth plate at the hip",
    "E5": "a possible broken bone or bone stress injury",
    "P1": "a possible bone stress injury",
    "P2": "signs of an irritated nerve",
    "P7": "a joint that locks, gives way or will not move fully",
    "P3": "swelling after an injury",
    "P4": "a limp",
    "P6": "severe pain",
    "P5": "pain that is not settling",
    "P5b": "pain that is not settling",
    "RTR7": "the step-by-step return after your clearance",
    "H2": "heat exhaustion after your last run",
    "S5": "a fever or illness",
    "X2": "the first weeks after giving birth",
    "S1": "short sleep, a raised resting heart rate or heavy tiredness",
    "S3": "exhaustion or feeling unwell",
    "R6": "a possible muscle strain",
    "T2": "an irritated tendon",
    "R3": "strong muscle soreness",
}
PLURAL = {
    "glutes": "glutes",
    "hip_flexors": "hip flexors",
    "quadriceps": "quadriceps",
    "hamstrings": "hamstrings",
    "adductors": "inner thighs",
    "it_band": "IT bands",
    "knee": "knees",
    "shin": "shins",
    "calf": "calves",
    "achilles": "Achilles tendons",
    "ankle": "ankles",
    "foot": "feet",
}
PLAIN_HINT = {
    "hip_flexors": "front of the hip",
    "adductors": "inner thigh",
    "it_band": "outer thigh",
    "glutes": "buttock",
}
AREA_RULES = ("R3", "R4", "R5", "R6", "R7", "R8", "P3", "P4", "P5", "P6", "T2")
SYSTEMIC_RULES = ("S5", "H2", "X2", "S1", "S3", "RTR7")
WHOLE_BODY_RULES = frozenset({"E4", "E6", "E7", "E8", "H2", "S5", "X2", "S1", "S3", "RTR7"})
EASY_WHY = (
    ("S1", "short sleep, a raised resting heart rate or tiredness"),
    ("S2", "short sleep, a raised resting heart rate or tiredness"),
    ("L1", "a sharp rise in your running distance"),
    ("X1", "calf trouble, which is more common after 50"),
    ("RTR7", "the step-by-step return after your clearance"),
)


def _severity(a: Assessment, x: AreaFeatures) -> float:
    area = x.area
    site = (area.region, area.side)
    flags = area.swelling + area.numbness + area.gait_change + (area.kind == "sharp")
    return area.pain + 3 * flags + 2 * (site in a.bone_sites) + 2 * (site in a.strain_sites)


def key_area(a: Assessment, rule: str | None = None) -> AreaFeatures | None:
    """The marked area that matters most for running today, or the one ``rule`` is about (None if none fits)."""
    areas = [x for x in a.features.areas if x.area.pain > 0]
    if rule in RULE_AREAS:
        areas = [x for x in areas if RULE_AREAS[rule](a, x)]
    return max(areas, key=lambda x: _severity(a, x)) if areas else None


def _site(x: AreaFeatures) -> tuple[str, str]:
    return (x.area.region, x.area.side)


BONY_REGIONS = frozenset({"shin", "foot", "ankle", "knee", "hip_flexors", "adductors"})  # section 3c sites
FELT_IN_RULES = frozenset({"E11"})  # the cause sits elsewhere (the hip) from where it is felt

# Which marked areas a rule is about (guidance section 2), so a reason never names the wrong area.
RULE_AREAS: dict[str, Callable[[Assessment, AreaFeatures], bool]] = {
    "E1": lambda a, x: x.area.region in MUSCLE_REGIONS,
    "E2": lambda a, x: x.area.region in ("calf", "knee", "hamstrings", "quadriceps", "adductors"),
    "E3": lambda a, x: x.area.region in ("shin", "calf", "ankle", "foot"),
    "E5": lambda a, x: _site(x) in a.bone_sites and x.area.region in BONY_REGIONS,
    "E9": lambda a, x: x.area.pain >= 10 or not any(y.area.pain >= 10 for y in a.features.areas),
    "E10": lambda a, x: x.area.region in ("achilles", "calf"),
    "E11": lambda a, x: x.area.region in ("hip_flexors", "adductors", "quadriceps", "knee"),
    "P1": lambda a, x: _site(x) in a.bone_sites and x.area.region in BONY_REGIONS,
    "P7": lambda a, x: x.area.region in ("knee", "ankle", "hip_flexors"),
    "P2": lambda a, x: x.area.numbness or x.area.region in a.numb_regions,
    "P3": lambda a, x: x.area.swelling or _site(x) in a.protect_sites,
    "P4": lambda a, x: x.area.gait_change,
    "P5": lambda a, x: (x.days_since_onset or 0) >= 7,
    "P6": lambda a, x: x.area.pain >= 7,
    "R6": lambda a, x: _site(x) in a.strain_sites or x.area.kind == "sharp",
    "T2": lambda a, x: x.pattern == TENDON,
}


def _signs(a: Assessment, x: AreaFeatures, pattern: bool = True) -> str:
    """'the left shin (pain 5/10, a possible bone injury)'."""
    area = x.area
    site = (area.region, area.side)
    signs = [f"{area.pain:g}/10"]
    if area.kind == "sharp":
        signs.append("sharp")
    flags = ((area.swelling, "swelling"), (area.numbness, "numbness"), (area.gait_change, "a limp"))
    signs += [word for flag, word in flags if flag]
    if pattern and site in a.strain_sites:
        signs.append("a possible muscle strain")
    elif pattern and site in a.bone_sites:
        signs.append("a possible bone injury")
    elif x.pattern == TENDON and pattern:
        signs.append("an irritated tendon")
    hint = PLAIN_HINT.get(area.region)
    return f"{_area_words(area.region, area.side)} ({', '.join(([hint] if hint else []) + signs)})"


def _area_words(region: str, side: str | None) -> str:
    """'the left calf', 'both calves', 'the right Achilles tendon'."""
    if side == "both":
        return f"both {PLURAL[region]}"
    return f"the {_lower(area_label(region, side))}"


def _lower(name: str) -> str:
    return name if name[:2].isupper() or name.startswith("Achilles") else name[0].lower() + name[1:]


def _first_rule(a: Assessment, rules: tuple[str, ...] | list[str]) -> str | None:
    rule = next((r for r in rules if r in a.rules), None)
    return None if rule is None else rule


def _weekday(d: date) -> str:
    return d.strftime("%a %d %b")


def _because(causes: list[str]) -> str:
    causes = list(dict.fromkeys(c for c in causes if c))[:2]
    return "Because of " + " and ".join(causes) if causes else "For now"


def running_reason(a: Assessment, day: int, runs: list[DayRunning], start: date) -> str:
    """Why the day's running is what it is, naming the area and the reason in plain words."""
    run = runs[day]
    x = key_area(a)
    where = _signs(a, x) if x is not None else ""
    if run.level == "none":
        if a.until_cleared:
            rule = _first_rule(a, list(RULE_WHY))
            x = key_area(a, rule)
            where = _signs(a, x) if x is not None else ""
            if rule is None:
                cause = f"the warning signs in {where}" if where else "the warning signs in your check-in"
            elif rule in WHOLE_BODY_RULES or x is None:
                cause = RULE_WHY[rule]
            else:
                joint = ", felt in" if rule in FELT_IN_RULES else " in"
                cause = f"{RULE_WHY[rule]}{joint} {_signs(a, x, pattern=False)}"
            return f"{_because([cause])}: no running until a clinician has cleared you."
        if run.between_walk_runs:
            return "Walk-run days are every other day: cross-train today, so the leg can show how it took the last run."
        causes = []
        systemic = _first_rule(a, SYSTEMIC_RULES)
        if x is not None and (any(r in a.rules for r in AREA_RULES) or (x.area.pain >= 2 and not systemic)):
            causes.append(f"pain in {where}")
        if systemic:
            causes.append(RULE_WHY[systemic])
        text = f"{_because(causes)}: no running today."
        nxt = next((i for i in range(day + 1, len(runs)) if runs[i].level != "none"), None)
        if nxt is not None:
            text += f" Running may start again on {_weekday(start + timedelta(days=nxt))} if it keeps settling."
        return text
    if run.level == "easy":
        if run.walk_step is not None:
            back = f"Coming back after pain in {where}" if where else "Coming back after an injury"
            return f"{back}: walk-run step {run.walk_step + 1} today, one step further each run day if it goes well."
        causes = []
        until = ""
        if x is not None and x.pattern == TENDON and "T1" in a.rules:
            causes.append(f"an irritated tendon in {_signs(a, x, pattern=False)}")
            until = ", with pain monitoring and no hills or speed"
        elif x is not None and x.area.pain >= 2:
            causes.append(f"soreness in {where}")
            until = " until every area is 1/10 or less"
        for rule, words in EASY_WHY:
            if rule in a.rules:
                causes.append(words)
        other = _first_rule(a, ("S5", "H2", "X2"))
        if other:
            causes.append(RULE_WHY[other])
        return f"{_because(causes)}: easy running only{until}."
    if x is not None:
        return f"Only mild soreness in {where}: your usual training."
    return "Nothing in your check-in calls for holding back: your usual training."


def _action(item: PlanItem) -> str:
    regions = item.regions
    if item.kind == "hydration" and "replace_l" in item.dose:
        low, high = item.dose["replace_l"]
        return f"Replace {low:.2f}-{high:.2f} L of fluid"
    if len(regions) == 1 and item.kind not in ALWAYS_ON:
        return f"{item.title} ({area_label(regions[0], item.side)})"
    if len(regions) > 1:
        return f"{item.title} ({len(regions)} areas)"
    return item.title


def day_summary(items: tuple[PlanItem, ...], run: DayRunning) -> str:
    """The day's key actions in a line: the run or rest, then the care that is not optional."""
    key = [i for i in items if not i.optional and i.kind not in ALWAYS_ON and i.kind != "warm_up"]
    extra = [i for i in items if i.kind == "hydration" and "replace_l" in i.dose]
    extra += [i for i in items if i.kind == "sleep" and i.title.startswith("Catch up")]
    words = [_action(i) for i in key[:4] + extra]
    optional = sum(i.optional for i in items)
    if optional:
        words.append(f"{optional} optional extra{'s' if optional > 1 else ''}")
    return "; ".join(words) + "."
