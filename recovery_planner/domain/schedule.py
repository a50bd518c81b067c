"""Day-by-day activities: running level, runs (walk-run return), rest or cross-training, per-region care."""

from __future__ import annotations

from dataclasses import dataclass

from .assessment import Assessment
from .exercises import (
    GENERIC_MOBILITY,
    GLUTEAL_TENDON,
    MOBILITY,
    ROLLING,
    STRENGTH,
    STRETCHES,
    WALK_RUN_RULE,
    WALK_RUN_STEPS,
    Exercise,
)
from .features import DIFFUSE_MUSCLE, LOCALIZED, TENDON, AreaFeatures
from .plan import PlanItem
from .regions import region_label
from .triage import SUDDEN

PROTECT_DAYS = 3  # PEACE: protect for 1-3 days (Dubois & Esculier 2020)
ICE_MIN_PAIN = 3  # M6/M16: ice only for pain >= 3 or an acute injury (H)
ACUTE_DAYS = 3  # an injury counts as acute for its first 72 h
DIFFUSE_COMFORT_MIN_PAIN = 2  # soreness of 1/10 needs no comfort items (M16: keep plans short; H)


@dataclass(frozen=True)
class DayRunning:
    """One day's running: the level, the walk-run step (0-based) if it is a walk-run day."""

    level: str
    walk_step: int | None = None
    between_walk_runs: bool = False


def running_level(a: Assessment, day: int) -> str:
    """The most running the rules allow on ``day`` (0 = day 1)."""
    if a.suppressed or a.until_cleared or day < a.min_rest_days:
        return "none"
    if day < a.easy_days or a.easy_whole_plan:
        return "easy"
    return "normal"


def walk_run_return(a: Assessment) -> bool:
    """After an injury to a marked area, running comes back as the RTR6 walk-run, never as usual training.

    A graded return without a sore area (after heat stroke, say) follows the rule's own steps (RTR7)."""
    return a.injury_pathway and any(x.area.pain > 0 for x in a.features.areas)


def plan_running(a: Assessment, days: int) -> list[DayRunning]:
    """Every day's running. A walk-run return runs on alternate days, one step further each run day (RTR6)."""
    out: list[DayRunning] = []
    step = 0
    last_run: int | None = None
    for day in range(days):
        level = running_level(a, day)
        if level == "none" or not walk_run_return(a):
            out.append(DayRunning(level))
        elif last_run is not None and day - last_run < 2:
            out.append(DayRunning("none", between_walk_runs=True))
        else:
            out.append(DayRunning("easy", walk_step=step))
            step = min(step + 1, len(WALK_RUN_STEPS) - 1)
            last_run = day
    return out


def _warm_up() -> PlanItem:
    return PlanItem(
        "warm_up",
        "Warm up",
        {"summary": "5-10 min brisk walk into an easy jog, then leg swings and walking lunges", "minutes": "5-10"},
        "A gradual warm-up lowers soreness after running and helps you run better.",
        ("M14", "Law & Herbert 2007"),
    )


def _cool_down() -> PlanItem:
    return PlanItem(
        "cool_down",
        "Cool down",
        {"summary": "5-15 min walk", "minutes": "5-15"},
        "Optional, for comfort: an easy walk after running. It does not prevent soreness.",
        ("M15", "Van Hooren & Peake 2018"),
        optional=True,
    )


def walk_run_item(step: int, hot: str) -> PlanItem:
    """RTR6 step ``step`` (0-based) of the walk-run return."""
    last = len(WALK_RUN_STEPS)
    return PlanItem(
        "easy_run",
        f"Walk-run, step {step + 1} of {last}",
        {
            "summary": f"{WALK_RUN_STEPS[step]}, on flat, soft ground",
            "intervals": WALK_RUN_STEPS[step],
            "step": step + 1,
            "steps": last,
        },
        "A graded return after an injury: only if today's pain is 2/10 or less and you pass the checks under "
        "'Before running again'; if not, cross-train instead. " + WALK_RUN_RULE + hot,
        ("RTR6", "R9", "George 2024"),
        how_to="Walk-run days are every other day, with cross-training or rest in between. Distance before "
        "speed: no hills or intervals until you have run two weeks without pain.",
    )


def run_items(a: Assessment, day: int, running: DayRunning) -> list[PlanItem]:
    hot = " Run in the cooler part of the day." if "H1" in a.rules else ""
    if running.walk_step is not None:
        return [_warm_up(), walk_run_item(running.walk_step, hot), _cool_down()]
    if running.level == "normal":
        run = PlanItem(
            "training",
            "Your usual training",
            {"summary": "the session you had planned"},
            "Nothing in your check-in calls for holding back. Keep the stop rules in mind." + hot,
            ("R9",),
        )
    elif any(x.pattern == TENDON for x in a.features.areas):
        run = PlanItem(
            "easy_run",
            "Easy run with pain monitoring",
            {
                "summary": "conversational pace, flat ground, no hills or speed work",
                "effort_rpe": "3-4/10",
                "max_pain": 3,
            },
            "An irritated tendon recovers better with continued, monitored loading than with full "
            "rest. Pain up to 3/10 is acceptable if it has settled by the next morning." + hot,
            ("T1", "R9", "Silbernagel 2007"),
        )
    else:
        run = PlanItem(
            "easy_run",
            "Easy run",
            {
                "summary": "conversational pace, no longer than your usual easy run, flat or soft ground",
                "effort_rpe": "3-4/10",
            },
            "Mild soreness allows easy running; it often loosens the legs. An easy walk, swim or "
            "ride is an equally good choice. No intervals, hills or long run while anything is "
            "2/10 or more." + hot,
            ("R2", "I1", "R9"),
        )
    return [_warm_up(), run, _cool_down()]


def recovery_activity(a: Assessment, day: int, running: DayRunning | None = None) -> PlanItem:
    """A run-free day: protective rest early on, then pain-free cross-training."""
    interim = a.protect_plan  # urgent E-rules: rest or unloading until seen
    protect = interim or (a.rest_day_one and day == 0) or (bool(a.protect_sites) and day < PROTECT_DAYS)
    if protect or (a.until_cleared and day == 0):
        if not a.protect_sites and not a.until_cleared and not interim:
            if "S1" not in a.rules:
                return PlanItem(
                    "rest",
                    "Rest day",
                    {"summary": "no running; an easy walk is fine"},
                    "A day without running lets the body recover before you run again.",
                    tuple(r for r in ("H2", "S5", "S3", "X2") if r in a.rules) or ("S3",),
                )
            return PlanItem(
                "rest",
                "Rest day",
                {"summary": "no running; a very easy walk of up to 30 min is fine"},
                "Short sleep together with a raised resting heart rate or heavy fatigue means the "
                "body has not recovered. Check your resting heart rate again tomorrow morning.",
                ("S1", "Dressendorfer 1985"),
            )
        return PlanItem(
            "rest",
            "Protect and rest",
            {"summary": "no running; everyday walking only as far as it is pain-free"},
            "Protecting an injured area for the first days lets it settle; loading comes back step by step after that.",
            ("Dubois & Esculier 2020", "R6", "P3"),
        )
    if a.bone_sites or a.until_cleared or a.injury_pathway:
        between = running is not None and running.between_walk_runs
        return PlanItem(
            "active_recovery",
            "Pain-free cross-training",
            {
                "summary": "20-40 min pool running, swimming or cycling at an easy effort, only if "
                "completely pain-free",
                "minutes": "20-40",
                "effort_rpe": "2-3/10",
            },
            ("A day between walk-run sessions lets the leg show how it took the last one. " if between else "")
            + "Keeps fitness without impact on the sore area. Stop if it hurts.",
            ("M1", "RTR6") if between else ("M1", "R4", "R5"),
        )
    return PlanItem(
        "active_recovery",
        "Active recovery",
        {
            "summary": "20-40 min walking, easy cycling or swimming; you should be able to chat",
            "minutes": "20-40",
            "effort_rpe": "2-3/10",
        },
        "Light movement eases muscle soreness better than lying still.",
        ("M1", "R3", "Dupuy 2018"),
    )


def _exercise_item(
    kind: str, ex: Exercise, x: AreaFeatures, why: str, sources: tuple[str, ...], optional: bool = False
) -> PlanItem:
    return PlanItem(
        kind,
        ex.name,
        dict(ex.dose),
        why,
        sources,
        region=x.area.region,
        side=x.area.side,
        how_to=ex.how_to,
        optional=optional,
    )


def _simple(
    kind: str,
    title: str,
    dose: str,
    why: str,
    sources: tuple[str, ...],
    x: AreaFeatures,
    how_to: str | None = None,
    optional: bool = False,
) -> PlanItem:
    return PlanItem(
        kind,
        title,
        {"summary": dose},
        why,
        sources,
        region=x.area.region,
        side=x.area.side,
        how_to=how_to,
        optional=optional,
    )


def acute_injury(a: Assessment, x: AreaFeatures, day: int) -> bool:
    """M6: an injury in its first 72 h with a sudden onset, swelling or bruising."""
    area = x.area
    sudden = area.mechanism in SUDDEN or (area.region, area.side) in a.strain_sites
    signs = sudden or area.swelling or bool(a.features.symptom("bruising"))
    onset = x.days_since_onset if x.days_since_onset is not None else 0.0
    return signs and onset + day < ACUTE_DAYS


def ice_allowed(a: Assessment, x: AreaFeatures, day: int) -> bool:
    """M6/M16: ice only for pain of 3/10 or more or an acute injury, in the first days, never on numb skin."""
    if day >= ACUTE_DAYS or x.area.numbness or x.area.region in a.numb_regions:
        return False
    return x.area.pain >= ICE_MIN_PAIN or acute_injury(a, x, day)


def _ice(a: Assessment, x: AreaFeatures, day: int) -> list[PlanItem]:
    if not ice_allowed(a, x, day):
        return []
    return [
        _simple(
            "ice",
            "Ice for pain relief",
            "10 min on, 10 min off, 10 min on; up to every 2 h while awake",
            "Optional. Ice can ease pain in the first two or three days; it does not speed healing.",
            ("M6", "Bleakley 2006"),
            x,
            how_to="Wet ice in a damp cloth, never straight on the skin. Not on numb skin.",
            optional=True,
        )
    ]


def _itb_core(x: AreaFeatures) -> PlanItem:
    return _exercise_item(
        "strength_loading",
        STRENGTH["it_band"],
        x,
        "Strong hip muscles are the main treatment for IT band pain; run less downhill while it settles.",
        ("M13", "Sanchez-Alvarado 2024", "Fredericson 2000", "Orchard 1996"),
    )


def region_items(a: Assessment, x: AreaFeatures, day: int, running: str) -> list[PlanItem]:
    """Care for one marked area on one day, before bans, the loading gate and the plan-size limits."""
    area = x.area
    if area.pain <= 0:
        return []
    site = (area.region, area.side)
    name = region_label(area.region, area.side)
    items: list[PlanItem] = []
    if site in a.protect_sites or site in a.strain_sites:
        if day < PROTECT_DAYS:
            items.append(
                _simple(
                    "compression",
                    "Compression",
                    "an elastic bandage or sleeve during the day",
                    f"Gentle compression limits swelling in the {name.lower()}.",
                    ("Dubois & Esculier 2020", "M8"),
                    x,
                )
            )
            items.append(
                _simple(
                    "elevation",
                    "Raise the leg",
                    "rest with the leg raised, several times a day",
                    "Raising the leg helps fluid drain from the injured area.",
                    ("Dubois & Esculier 2020",),
                    x,
                )
            )
            items += _ice(a, x, day)
        elif site not in a.bone_sites:
            items.append(
                _exercise_item(
                    "mobility",
                    GENERIC_MOBILITY,
                    x,
                    "After the first days, gentle movement helps the tissue heal in good order.",
                    ("Dubois & Esculier 2020", "RTR5"),
                )
            )
            if area.region == "it_band":
                items.append(_itb_core(x))
            elif area.region in STRENGTH:
                items.append(
                    _exercise_item(
                        "strength_loading",
                        STRENGTH[area.region],
                        x,
                        "From day 4, once the pain is 3/10 or less: loading within comfort rebuilds strength for "
                        "the return to running.",
                        ("M13", "Ishøi 2020"),
                    )
                )
        return items
    if site in a.bone_sites:
        return _ice(a, x, day)
    if x.pattern == TENDON:
        ex = GLUTEAL_TENDON if area.region == "glutes" else STRENGTH.get(area.region, GENERIC_MOBILITY)
        every_other = bool(ex.dose.get("every_other_day"))
        if not every_other or day % 2 == 0:
            items.append(
                _exercise_item(
                    "strength_loading",
                    ex,
                    x,
                    "Tendons and the plantar fascia recover with steady, heavy-enough "
                    "loading; rest alone rarely fixes them.",
                    ("M13", "T1", "Beyer 2015", "Rathleff 2015"),
                )
            )
        if area.region == "foot":
            items.append(
                _exercise_item(
                    "stretching",
                    STRETCHES["foot"],
                    x,
                    "This stretch eases first-step heel pain.",
                    ("M3", "DiGiovanni 2003"),
                )
            )
        return items + _ice(a, x, day)
    if area.region == "it_band":
        items.append(_itb_core(x))
    if x.pattern == DIFFUSE_MUSCLE and area.pain >= DIFFUSE_COMFORT_MIN_PAIN:
        items += _diffuse_items(x, day)
    if x.pattern == DIFFUSE_MUSCLE:
        return items
    if x.pattern == LOCALIZED:
        items += _ice(a, x, day)
        ex = MOBILITY.get(area.region, GENERIC_MOBILITY)
        items.append(
            _exercise_item(
                "mobility",
                ex,
                x,
                "Gentle, pain-free movement keeps the area supple while it settles.",
                ("M3", "Dubois & Esculier 2020"),
            )
        )
        if day >= 1 and area.pain <= 3 and area.region in STRETCHES:
            items.append(
                _exercise_item(
                    "stretching",
                    STRETCHES[area.region],
                    x,
                    "Optional, to mild tension only and never into sharp pain.",
                    ("M3", "Garber 2011"),
                    optional=True,
                )
            )
    return items


def _diffuse_items(x: AreaFeatures, day: int) -> list[PlanItem]:
    """Optional comfort for muscle soreness in both legs (DOMS): rolling, stretching, compression and the like."""
    area = x.area
    items: list[PlanItem] = []
    if day < 3 and area.region in ROLLING:
        items.append(
            _exercise_item(
                "foam_rolling",
                ROLLING[area.region],
                x,
                "Rolling eases the feeling of soreness for a while (short-term relief, moderate pressure, never "
                "painful).",
                ("M4", "Wiewelhove 2019"),
                optional=True,
            )
        )
    if day < 3 and area.region in STRETCHES:
        items.append(
            _exercise_item(
                "stretching",
                STRETCHES[area.region],
                x,
                "Optional, for comfort and range of motion; stretching does not shorten soreness. Mild tension only.",
                ("M3", "Herbert 2011"),
                optional=True,
            )
        )
    if day == 0:
        items.append(
            _simple(
                "compression",
                "Compression garments",
                "wear for a few hours after training",
                "Optional: compression gives a small benefit for soreness and strength recovery.",
                ("M8", "Brown 2017"),
                x,
                optional=True,
            )
        )
        if area.pain >= 3:
            items.append(
                _simple(
                    "cold_water_immersion",
                    "Cold water bath",
                    "10-15 min in water at 10-15 °C",
                    "Optional, when the next key session is soon: a small effect on soreness. Not as a routine "
                    "after strength work.",
                    ("M7", "Machado 2016"),
                    x,
                    optional=True,
                )
            )
    if day == 1 and area.pain >= 3:
        items.append(
            _simple(
                "massage",
                "Massage",
                "10-20 min, by hand or with a massage gun at low intensity",
                "Optional: massage eases soreness and the feeling of fatigue.",
                ("M5", "Dupuy 2018"),
                x,
                optional=True,
            )
        )
    if day == 2:
        items.append(
            _simple(
                "heat",
                "Warmth for comfort",
                "a warm bath or shower, 10-20 min",
                "Optional: warmth can make sore muscles feel easier.",
                ("S2-18",),
                x,
                optional=True,
            )
        )
    return items
