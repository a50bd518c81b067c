"""Red flags and referrals: emergency rules E1-E5 and see-a-professional rules P1-P7 (guidance 2.2-2.3)."""

from __future__ import annotations

from .assessment import ALL_REGIONS, Assessment
from .features import BONE_RISK, TENDON, AreaFeatures
from .regions import LOWER_LEG_REGIONS, MUSCLE_REGIONS, region_label

LOWER_LEG_AND_FOOT = frozenset({"shin", "calf", "ankle", "foot"})
SUDDEN = ("sudden_during_sprint", "inversion_twist")
RUB_KINDS = ("foam_rolling", "massage")

CALL_FOR_HELP = "If it gets worse or you feel faint, call emergency services."


def apply_emergency_rules(a: Assessment) -> None:
    """E1-E4 suppress the training plan; E5 keeps a protect-only plan with an urgent referral."""
    _rhabdomyolysis(a)
    _clot(a)
    _compartment(a)
    _heat_or_low_sodium(a)
    _fracture_or_high_risk_bone(a)


def _rhabdomyolysis(a: Assessment) -> None:
    f = a.features
    extreme = [
        x
        for x in f.areas
        if x.area.region in MUSCLE_REGIONS
        and x.area.pain >= 8
        and (x.area.swelling or f.symptom("muscle_weakness"))
        and x.area.kind != "sharp"
        and x.area.mechanism not in SUDDEN
    ]
    if not (f.symptom("dark_urine") or extreme):
        return
    a.suppressed = True
    if f.symptom("dark_urine"):
        why = (
            "Brown, cola- or tea-coloured urine after exercise can mean muscle breakdown "
            "(exertional rhabdomyolysis), which can damage the kidneys."
        )
    else:
        why = (
            "Extreme muscle pain with swelling or weakness, out of proportion to the session, can mean "
            "muscle breakdown (exertional rhabdomyolysis), which can damage the kidneys."
        )
    a.refer("emergency", why, "E1")
    a.do_now += [
        "Stop exercising. Go to an emergency department now, or call emergency services, and say you have "
        "dark urine or severe muscle pain after exercise.",
        "Do not massage, foam roll or squeeze the painful muscles, and do not use compression on them.",
        "Ask the doctor before taking any painkiller.",
    ]
    for x in f.areas:
        if x.area.region in MUSCLE_REGIONS:
            a.ban(x.area.region, "foam_rolling", "massage", "compression")


def _clot(a: Assessment) -> None:
    f = a.features
    if f.symptom("chest_pain_or_breathless"):
        a.suppressed = True
        a.refer(
            "emergency",
            "Chest pain or breathlessness needs emergency care: it can come from the heart "
            "or from a blood clot that has reached the lungs.",
            "E2",
        )
        a.do_now.insert(0, "Call emergency services now.")
    if f.symptom("calf_warmth_redness"):
        a.suppressed = True
        travel = f.symptom("recent_long_travel_h")
        extra = " Recent long travel makes a clot more likely." if travel and travel > 4 else ""
        a.refer(
            "urgent",
            "A warm, red or swollen calf without a clear injury can be a blood clot in a deep "
            "vein (DVT). It needs to be checked today." + extra,
            "E2",
        )
        a.do_now += [
            "Get checked today by a doctor, an urgent care centre or an emergency department. Mention any "
            "long journey or time off your feet in the last two weeks.",
            "Do not massage or foam roll the calf.",
            "If you become short of breath or have chest pain, call emergency services.",
        ]
        a.ban("calf", *RUB_KINDS)


def _compartment(a: Assessment) -> None:
    f = a.features
    swollen_numb = [x for x in f.areas if x.area.region in LOWER_LEG_REGIONS and x.area.swelling and x.area.numbness]
    lower = [x for x in f.areas if x.area.region in LOWER_LEG_AND_FOOT]
    out_of_proportion = (
        bool(f.symptom("pain_out_of_proportion"))
        and bool(lower)
        and (bool(f.symptom("pain_on_passive_toe_stretch")) or any(x.area.numbness or x.area.swelling for x in lower))
    )
    if not (swollen_numb or out_of_proportion):
        return
    a.suppressed = True
    a.refer(
        "emergency",
        "Swelling with numbness or tingling, or pain far worse than expected (especially "
        "when the toes are stretched), can mean rising pressure inside the muscles of the lower leg "
        "(acute compartment syndrome). Damage can start within hours.",
        "E3",
    )
    a.do_now += [
        "Go to an emergency department now.",
        "Do not wrap, bandage or compress the leg, do not raise it above the level of your heart, and do not "
        "put ice on it.",
        "Loosen tight socks, shoes or clothing on that leg.",
    ]
    for region in LOWER_LEG_AND_FOOT:
        a.ban(region, "compression", "ice", "elevation", *RUB_KINDS)


def _heat_or_low_sodium(a: Assessment) -> None:
    f = a.features
    ci = f.check_in
    last = ci.load.last_session
    hot = ci.wellbeing.hot_weather or any(
        t is not None and t >= 25 for t in (ci.wellbeing.temperature_c, last.temperature_c if last else None)
    )
    long_run = last is not None and (last.duration_min or 0) >= 90
    gained = (f.symptom("body_mass_change_kg") or 0) > 0
    unwell = f.symptom("vomiting") or f.symptom("headache")
    if f.symptom("confusion_or_collapse") or (unwell and (hot or long_run or gained)):
        a.suppressed = True
        a.no_fluid_push = True
        a.refer(
            "emergency",
            "Confusion, collapse, vomiting or a bad headache after a long or hot run can be "
            "heat illness or a dangerously low blood sodium from drinking too much.",
            "E4",
        )
        a.do_now += [
            "Stop, get out of the heat and call emergency services.",
            "If the person is hot, cool the whole body at once: cold water immersion if possible, otherwise "
            "cold wet towels or ice packs all over the body with fanning.",
            "Do not force drinks: after a long event, extra water can lower blood sodium further.",
        ]
    elif unwell:
        a.rest(1, "S3")
        a.refer(
            "routine",
            "Vomiting or headache: rest today, and see a doctor if you still feel unwell tomorrow or it gets worse.",
            "S3",
        )
    if gained and not a.suppressed:
        a.no_fluid_push = True
        a.caution(
            "You weighed more after the event than before it: you drank more than you sweated. "
            "Drink to thirst only, and get help at once if headache, nausea or confusion appear."
        )


def _fracture_or_high_risk_bone(a: Assessment) -> None:
    f = a.features
    ci = f.check_in
    found: list[tuple[str, str]] = []
    foot_ankle = [x for x in f.areas if x.area.region in ("ankle", "foot")]
    if f.symptom("unable_to_bear_weight_4_steps"):
        if foot_ankle or f.symptom("bony_tenderness_ottawa"):
            found.append(
                (
                    "Not being able to take four steps on the foot, both straight after the injury and "
                    "now, is a reason for an X-ray to rule out a broken bone (Ottawa ankle rules).",
                    "E5",
                )
            )
        else:
            found.append(("Not being able to take four steps on the leg needs a same-day check.", "E5"))
    if f.symptom("bony_tenderness_ottawa"):
        found.append(
            (
                "Tenderness on the bony edge or tip of the ankle bones, the top of the midfoot or the "
                "outside of the foot can mean a broken bone (Ottawa ankle rules).",
                "E5",
            )
        )
    deep_groin = [x for x in f.areas if x.area.subregion == "deep_groin"]
    if f.symptom("weight_bearing_pain_groin") or any(
        f.symptom("night_or_rest_pain") or x.area.pain >= 4 for x in deep_groin
    ):
        found.append(
            (
                "Deep groin pain when standing or walking, or at night, can be a stress fracture of the "
                "hip (femoral neck), which must not be run on.",
                "E5",
            )
        )
        for x in deep_groin or [x for x in f.areas if x.area.region in ("hip_flexors", "adductors")]:
            a.ban(x.area.region, "foam_rolling", "stretching")
    if any(x.area.subregion == "midfoot_dorsal" and x.area.pain >= 2 for x in foot_ankle):
        found.append(
            (
                "Pain on the top of the midfoot can be a stress injury of the navicular bone, a site "
                "that heals poorly if loaded.",
                "E5",
            )
        )
    knees = [x for x in f.areas if x.area.region == "knee" and x.area.mechanism in SUDDEN]
    if knees and ((ci.athlete.age or 0) >= 55 or f.symptom("limited_rom") or f.symptom("focal_bone_tenderness")):
        found.append(
            (
                "After a knee injury, your age, a tender spot on the bone or not being able to bend the "
                "knee are reasons for an X-ray (Ottawa knee rule).",
                "E5",
            )
        )
    achilles = [x for x in f.areas if x.area.region == "achilles" and x.area.mechanism == "sudden_during_sprint"]
    if achilles:
        found.append(
            (
                "A sudden pop or kick-like pain at the back of the ankle can be a torn Achilles tendon. "
                "It needs a same-day check; early treatment matters.",
                "E5",
            )
        )
    for reason, rule in found:
        a.refer("urgent", reason, rule)
    if found:
        a.hold_running("E5")
        a.high_risk_bone = True
        a.injury_pathway = True
        a.rest_day_one = True
        for x in f.areas:
            a.protect_sites.add((x.area.region, x.area.side))
            a.bone_sites.add((x.area.region, x.area.side))
            a.ban(x.area.region, *RUB_KINDS)
        a.do_now.append("Keep weight off the painful leg until you are seen; use crutches if you are limping.")


def apply_referral_rules(a: Assessment) -> None:
    """P1-P7 and the tendon flare rule T2: who should see a professional, and how soon."""
    f = a.features
    for x in f.areas:
        _bone_stress(a, x)
        _nerve(a, x)
        _swelling(a, x)
        _limp(a, x)
        _not_settling(a, x)
        if x.area.pain >= 7:
            a.refer_before_running(
                f"{region_label(x.area.region, x.area.side)}: pain of {x.area.pain:g}/10 is "
                "severe. See a physiotherapist or sports doctor before running again.",
                "P6",
            )
            a.protect_sites.add((x.area.region, x.area.side))
            a.injury_pathway = True
    _global_symptoms(a)


def _bone_stress(a: Assessment, x: AreaFeatures) -> None:
    f = a.features
    area = x.area
    bony = area.region in ("shin", "foot", "ankle") or area.subregion == "deep_groin"
    triggers = []
    if area.region in ("shin", "foot") and not x.bilateral and area.pain >= 4:
        triggers.append("pain of 4/10 or more on one side")
    if bony and f.symptom("pain_worse_as_run_continues"):
        triggers.append("pain that builds as the run goes on")
    if area.region == "foot" and area.subregion == "forefoot_dorsal" and area.swelling:
        triggers.append("swelling over the long foot bones")
    if bony and f.symptom("focal_bone_tenderness"):
        triggers.append("one spot on the bone that hurts under a fingertip")
    if bony and f.symptom("night_or_rest_pain"):
        triggers.append("pain at rest or at night")
    if not triggers:
        return
    a.refer_before_running(
        f"{region_label(area.region, area.side)}: {', '.join(triggers)} can mean a bone stress "
        "injury (a stress reaction or stress fracture). Get it checked before running again; an MRI is "
        "the usual scan.",
        "P1",
    )
    a.injury_pathway = True
    a.bone_sites.add((area.region, area.side))
    a.ban(area.region, *RUB_KINDS)
    a.caution(
        "Bone stress injuries are more likely when you eat too little for your training. Ask the "
        "clinician to check your energy intake (and, for women, whether periods have become irregular)."
    )


def _nerve(a: Assessment, x: AreaFeatures) -> None:
    if not x.area.numbness:
        return
    a.refer_before_running(
        f"{region_label(x.area.region, x.area.side)}: numbness or tingling points to an "
        "irritated nerve or raised pressure in the muscles. Get it checked before running again.",
        "P2",
    )
    a.numb_regions.add(x.area.region)
    a.ban(x.area.region, "ice", "stretching", "cold_water_immersion")


def _swelling(a: Assessment, x: AreaFeatures) -> None:
    area = x.area
    bruised = bool(a.features.symptom("bruising"))
    if not (area.swelling or (bruised and (area.kind == "sharp" or area.mechanism in SUDDEN))):
        return
    a.fire("P3")
    a.protect_sites.add((area.region, area.side))
    a.injury_pathway = True
    a.ban(area.region, "heat", "massage", "foam_rolling")
    name = region_label(area.region, area.side)
    if area.kind == "sharp" or area.mechanism in SUDDEN or bruised:
        a.refer_before_running(
            f"{name}: swelling or bruising after a sudden, sharp pain suggests a tear that is "
            "more than a mild strain. See a physiotherapist or sports doctor before running again.",
            "P3",
        )
    elif area.region in ("knee", "ankle"):
        a.refer_before_running(f"{name}: a swollen joint should be examined before you run on it again.", "P3")
    else:
        a.rest(2, "P3")
        a.refer(
            "routine",
            f"{name}: swelling means no running for now. If it has not clearly settled after "
            "two to three days, get it checked within the next few days.",
            "P3",
        )


def _limp(a: Assessment, x: AreaFeatures) -> None:
    if not x.area.gait_change:
        return
    a.protect_sites.add((x.area.region, x.area.side))
    a.injury_pathway = True
    a.rest_day_one = True
    name = region_label(x.area.region, x.area.side)
    if x.area.pain >= 4:
        a.refer_before_running(
            f"{name}: limping with pain of 4/10 or more needs an assessment before you run again.", "P4"
        )
    else:
        a.rest(1, "P4")
        a.refer(
            "routine", f"{name}: you are limping. If the limp lasts more than two days, get it checked promptly.", "P4"
        )


def _not_settling(a: Assessment, x: AreaFeatures) -> None:
    area = x.area
    if area.pain < 1 or x.days_since_onset is None or x.days_since_onset < 7 or area.trend == "better":
        return
    name = region_label(area.region, area.side)
    days = int(x.days_since_onset)
    if area.pain >= 4 or area.trend == "worse":
        a.refer_before_running(
            f"{name}: {days} days on and not improving. Ordinary muscle soreness fades within "
            "about a week, so this needs an assessment before you run again.",
            "P5",
        )
        a.injury_pathway = True
    else:
        a.refer(
            "routine",
            f"{name}: {days} days on without clear improvement. It is mild, so you may keep "
            "to the plan, but book an assessment with a physiotherapist in the next week or two.",
            "P5",
        )


def _global_symptoms(a: Assessment) -> None:
    f = a.features
    if f.symptom("radiating_pain") or f.symptom("muscle_weakness"):
        a.refer_before_running(
            "Pain spreading down the leg or a weak muscle can come from a nerve. Get it checked before running again.",
            "P2",
        )
        for x in f.areas:
            a.ban(x.area.region, "stretching")
    if f.symptom("limited_rom") or f.symptom("locking_or_giving_way"):
        a.refer_before_running(
            "A joint that locks, gives way or will not move through its full range needs an "
            "assessment before you run again.",
            "P7",
        )
        a.injury_pathway = True
    if f.symptom("focal_bone_tenderness") and "P1" not in a.rules:
        a.refer_before_running(
            "A single spot on a bone that hurts under a fingertip can be a stress fracture. "
            "Get it checked before running again.",
            "P1",
        )
        a.injury_pathway = True
    if f.symptom("night_or_rest_pain") and "P1" not in a.rules:
        a.refer_before_running(
            "Pain at rest or at night is not ordinary soreness. Get it checked before running again.", "P1"
        )
        a.injury_pathway = True
    if f.symptom("pain_out_of_proportion") and not a.suppressed:
        a.refer_before_running(
            "Pain far worse than the session explains needs an assessment before you run again.", "P6"
        )
    if f.symptom("menstrual_irregularity"):
        a.refer(
            "routine",
            "Irregular or missing periods in a runner can mean too little energy for the "
            "training load, which weakens bones. Mention it to a doctor.",
            "P1",
        )
    for x in f.areas:
        if x.pattern == TENDON and x.area.pain > f.t_run:
            a.refer(
                "routine",
                f"{region_label(x.area.region, x.area.side)}: an irritated tendon at "
                f"{x.area.pain:g}/10. Keep up the loading exercises and book a physiotherapist.",
                "T2",
            )
            a.rest(2, "T2")
            a.injury_pathway = True
        if x.pattern == BONE_RISK:
            a.ban(x.area.region, *RUB_KINDS)
    a.ban("knee", "foam_rolling")
    a.ban("achilles", "foam_rolling")
    a.ban("shin", "foam_rolling", "massage")
    if a.suppressed:
        a.ban(ALL_REGIONS, "easy_run", "training")
