"""Day-by-day activities: running level, runs, rest or cross-training, and per-region care items."""

from __future__ import annotations

from .assessment import Assessment
from .exercises import GENERIC_MOBILITY, GLUTEAL_TENDON, MOBILITY, ROLLING, STRENGTH, STRETCHES, Exercise
from .features import DIFFUSE_MUSCLE, LOCALIZED, TENDON, AreaFeatures
from .plan import PlanItem
from .regions import region_label

PROTECT_DAYS = 3  # PEACE: protect for 1-3 days (Dubois & Esculier 2020)


def running_level(a: Assessment, day: int) -> str:
    """The most running allowed on ``day`` (0 = day 1)."""
    if a.suppressed or a.until_cleared or day < a.min_rest_days:
        return "none"
    if day < a.easy_days or a.easy_whole_plan:
        return "easy"
    return "normal"


def run_items(a: Assessment, day: int, running: str) -> list[PlanItem]:
    warm = PlanItem(
        "warm_up",
        "Warm up",
        {"summary": "5-10 min brisk walk into an easy jog, then leg swings and walking lunges", "minutes": "5-10"},
        "A gradual warm-up lowers soreness after running and helps you run better.",
        ("M14", "Law & Herbert 2007"),
    )
    cool = PlanItem(
        "cool_down",
        "Cool down",
        {"summary": "5-15 min walk", "minutes": "5-15"},
        "Optional, for comfort: an easy walk after running. It does not prevent soreness.",
        ("M15", "Van Hooren & Peake 2018"),
        optional=True,
    )
    hot = " Run in the cooler part of the day." if "H1" in a.rules else ""
    if running == "normal":
        run = PlanItem(
            "training",
            "Your usual training",
            {"summary": "the session you had planned"},
            "Nothing in your check-in calls for holding back. Keep the stop rules in mind." + hot,
            ("R9",),
        )
        return [warm, run, cool]
    if a.injury_pathway:
        run = PlanItem(
            "easy_run",
            "Walk-run, only if you pass the return checks",
            {
                "summary": "5 x (1 min easy running + 2 min walking), flat and soft ground",
                "intervals": "5 x (1 min run / 2 min walk)",
            },
            "A graded return: only if today's pain is 2/10 or less and the return-to-run checks are "
            "met. If not, cross-train instead." + hot,
            ("RTR6", "R9", "George 2024"),
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
            ("R2", "I1", "R9", "S2-2"),
        )
    return [warm, run, cool]


def recovery_activity(a: Assessment, day: int) -> PlanItem:
    """A run-free day: protective rest early on, then pain-free cross-training."""
    protect = (a.rest_day_one and day == 0) or (bool(a.protect_sites) and day < PROTECT_DAYS)
    if protect or (a.until_cleared and day == 0):
        if "S1" in a.rules and not a.protect_sites and not a.until_cleared:
            return PlanItem(
                "rest",
                "Rest day",
                {"summary": "no running; a very easy walk of up to 30 min is fine"},
                "Short sleep together with a raised resting heart rate or heavy fatigue means the "
                "body has not recovered. Check your resting heart rate again tomorrow morning.",
                ("S1", "S2-6", "Dressendorfer 1985"),
            )
        return PlanItem(
            "rest",
            "Protect and rest",
            {"summary": "no running; everyday walking only as far as it is pain-free"},
            "Protecting an injured area for the first days lets it settle; loading comes back step by step after that.",
            ("PEACE (Dubois & Esculier 2020)", "R6", "P3"),
        )
    if a.bone_sites or a.until_cleared or a.injury_pathway:
        return PlanItem(
            "active_recovery",
            "Pain-free cross-training",
            {
                "summary": "20-40 min pool running, swimming or cycling at an easy effort, only if "
                "completely pain-free",
                "minutes": "20-40",
                "effort_rpe": "2-3/10",
            },
            "Keeps fitness without impact on the sore area. Stop if it hurts.",
            ("M1", "R4", "R5"),
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


def _ice(x: AreaFeatures) -> PlanItem:
    return _simple(
        "ice",
        "Ice for pain relief",
        "10 min on, 10 min off, 10 min on; up to every 2 h while awake",
        "Optional. Ice can ease pain in the first two or three days; it does not speed healing.",
        ("M6", "Bleakley 2006"),
        x,
        how_to="Wet ice in a damp cloth, never straight on the skin. Not on numb skin.",
        optional=True,
    )


def region_items(a: Assessment, x: AreaFeatures, day: int, running: str) -> list[PlanItem]:
    """Care for one marked area on one day, before bans are applied."""
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
                    ("PEACE", "M8"),
                    x,
                )
            )
            items.append(
                _simple(
                    "elevation",
                    "Raise the leg",
                    "rest with the leg raised, several times a day",
                    "Raising the leg helps fluid drain from the injured area.",
                    ("PEACE",),
                    x,
                )
            )
            items.append(_ice(x))
        elif site not in a.bone_sites:
            items.append(
                _exercise_item(
                    "mobility",
                    GENERIC_MOBILITY,
                    x,
                    "After the first days, gentle movement helps the tissue heal in good order.",
                    ("PEACE & LOVE", "RTR5"),
                )
            )
            strength = STRENGTH.get(area.region)
            if strength:
                items.append(
                    _exercise_item(
                        "strength_loading",
                        strength,
                        x,
                        "Loading within comfort (pain 3/10 or less) rebuilds strength for the return to running.",
                        ("M13", "Ishøi 2020"),
                    )
                )
        return items
    if site in a.bone_sites:
        if day < PROTECT_DAYS:
            items.append(_ice(x))
        return items
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
                    ("M13", "T1", "Alfredson 1998", "Rathleff 2015"),
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
        return items
    if x.pattern == DIFFUSE_MUSCLE:
        if day < 3 and area.region in ROLLING:
            items.append(
                _exercise_item(
                    "foam_rolling",
                    ROLLING[area.region],
                    x,
                    "Rolling eases the feeling of soreness for a while (short-term "
                    "relief, moderate pressure, never painful).",
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
                    "Optional, for comfort and range of motion; stretching does not "
                    "shorten soreness. Mild tension only.",
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
                        "Optional, when the next key session is soon: a small effect "
                        "on soreness. Not as a routine after strength work.",
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
    if x.pattern == LOCALIZED:
        recent = x.days_since_onset is not None and x.days_since_onset + day < 3
        if recent:
            items.append(_ice(x))
        ex = MOBILITY.get(area.region, GENERIC_MOBILITY)
        items.append(
            _exercise_item(
                "mobility", ex, x, "Gentle, pain-free movement keeps the area supple while it settles.", ("M3", "LOVE")
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
