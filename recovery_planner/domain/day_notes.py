"""Plain words for each day: why its running is what it is (``running_reason``) and its key actions (``summary``)."""

from __future__ import annotations

from datetime import date, timedelta

from .assessment import Assessment
from .features import TENDON, AreaFeatures
from .plan import PlanItem
from .plan_size import ALWAYS_ON
from .regions import region_label
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
    "E10": "a possible torn Achilles tendon",
    "E11": "a possible problem with the growing part of the hip bone",
    "E5": "a possible broken bone or bone stress injury",
    "P1": "a possible bone stress injury",
    "P2": "signs of an irritated nerve",
    "P7": "a joint that locks, gives way or will not move fully",
    "P3": "swelling after an injury",
    "P4": "a limp",
    "P6": "severe pain",
    "P5": "pain that is not settling",
    "H2": "heat exhaustion after your last run",
    "S5": "a fever or illness",
    "X2": "the first weeks after giving birth",
    "S1": "short sleep, a raised resting heart rate or heavy tiredness",
    "S3": "exhaustion or feeling unwell",
    "R6": "sharp pain or a possible muscle strain",
    "T2": "an irritated tendon",
    "R3": "strong muscle soreness",
}
AREA_RULES = ("R3", "R4", "R5", "R6", "R7", "R8", "P3", "P4", "P5", "P6", "T2")
SYSTEMIC_RULES = ("S1", "S3", "S5", "H2", "X2")


def _severity(a: Assessment, x: AreaFeatures) -> float:
    area = x.area
    site = (area.region, area.side)
    flags = area.swelling + area.numbness + area.gait_change + (area.kind == "sharp")
    return area.pain + 3 * flags + 2 * (site in a.bone_sites) + 2 * (site in a.strain_sites)


def key_area(a: Assessment) -> AreaFeatures | None:
    """The marked area that matters most for running today (highest pain and warning signs)."""
    areas = [x for x in a.features.areas if x.area.pain > 0]
    return max(areas, key=lambda x: _severity(a, x)) if areas else None


def _signs(a: Assessment, x: AreaFeatures) -> str:
    area = x.area
    site = (area.region, area.side)
    signs = [f"pain {area.pain:g}/10"]
    if area.kind == "sharp":
        signs.append("sharp")
    flags = ((area.swelling, "swelling"), (area.numbness, "numbness"), (area.gait_change, "a limp"))
    signs += [word for flag, word in flags if flag]
    if site in a.strain_sites:
        signs.append("a possible muscle strain")
    elif site in a.bone_sites:
        signs.append("a possible bone injury")
    elif x.pattern == TENDON:
        signs.append("an irritated tendon")
    return f"{region_label(area.region, area.side)} ({', '.join(signs)})"


def _first_rule(a: Assessment, rules: tuple[str, ...] | list[str]) -> str | None:
    for rule in rules:
        if rule in a.rules:
            return RULE_WHY[rule]
    return None


def _weekday(d: date) -> str:
    return d.strftime("%a %d %b")


def running_reason(a: Assessment, day: int, runs: list[DayRunning], start: date) -> str:
    """Why the day's running is what it is, naming the area and the reason."""
    run = runs[day]
    x = key_area(a)
    where = _signs(a, x) if x is not None else ""
    if run.level == "none":
        if a.until_cleared:
            cause = _first_rule(a, list(RULE_WHY)) or "the warning signs in your check-in"
            return f"No running until a clinician has cleared you: {cause}" + (f", {where}." if where else ".")
        if run.between_walk_runs:
            return "No running today: walk-run days are every other day, so the leg can show how it took the last one."
        causes = []
        if x is not None and any(r in a.rules for r in AREA_RULES):
            causes.append(where)
        systemic = _first_rule(a, SYSTEMIC_RULES)
        if systemic:
            causes.append(systemic)
        if not causes and x is not None:
            causes.append(where)
        text = "No running today: " + ("; ".join(causes) if causes else "your check-in calls for a rest day") + "."
        nxt = next((i for i in range(day + 1, len(runs)) if runs[i].level != "none"), None)
        if nxt is not None:
            text += f" Running may start again on {_weekday(start + timedelta(days=nxt))} if it keeps settling."
        return text
    if run.level == "easy":
        if run.walk_step is not None:
            return (
                f"Easy running only: a walk-run return after {where or 'your injury'}, one step per run day."
                if where
                else "Easy running only: a walk-run return, one step per run day."
            )
        causes = []
        if x is not None and x.pattern == TENDON and "T1" in a.rules:
            causes.append(f"{where}: runs with pain monitoring, no hills or speed")
        elif x is not None and x.area.pain >= 2:
            causes.append(f"{where}: no hard sessions until everything is 1/10 or less")
        if "S1" in a.rules or "S2" in a.rules:
            causes.append("short sleep, a raised resting heart rate or tiredness")
        if "L1" in a.rules:
            causes.append("your running distance jumped this week")
        if "X1" in a.rules:
            causes.append("one extra easy day for the calves after 50")
        other = _first_rule(a, ("S5", "H2", "X2"))
        if other:
            causes.append(other)
        return "Easy running only: " + ("; ".join(causes[:2]) if causes else "build back gently") + "."
    if x is not None:
        return f"Usual training: only mild soreness ({where})."
    return "Usual training: nothing in your check-in calls for holding back."


def _action(item: PlanItem) -> str:
    regions = item.regions
    if item.kind == "hydration" and "replace_l" in item.dose:
        low, high = item.dose["replace_l"]  # type: ignore[misc]
        return f"Replace {low:.2f}-{high:.2f} L of fluid"
    if len(regions) == 1 and item.kind not in ALWAYS_ON:
        return f"{item.title} ({region_label(regions[0], item.side)})"
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
