"""Red flags and referrals: same-day rules E1-E11 and H2, see-a-professional rules P1-P7, R6, T2, T3, S5,
X2 and X4 (guidance 2.2-2.7). Not settling (P5/P5b) has one definition, in progress.py."""

from __future__ import annotations

from .assessment import ALL_REGIONS, Assessment
from .conditions import is_hot, was_long_run
from .features import BONE_RISK, DIFFUSE_MUSCLE, TENDON, AreaFeatures, Features
from .limits import MAX_DAYS as MAX_PLAN_DAYS
from .regions import CLOT_REGIONS, HIP_GROIN_REGIONS, LOWER_LEG_REGIONS, MUSCLE_REGIONS, region_label

LOWER_LEG_AND_FOOT = frozenset({"shin", "calf", "ankle", "foot"})
SUDDEN = ("sudden_during_sprint", "inversion_twist")
NO_INJURY = (None, "none", "gradual")  # E2/E11 "no injury mechanism"
RUB_KINDS = ("foam_rolling", "massage")
STRAIN_CRAMP_HOURS = 12  # R6: a cramp that still hurts 12 h later is a strain (H)
HEAT_EXHAUSTION_HOURS = 24  # H2: symptoms within 24 h of the session
POSTPARTUM_RUN_WEEKS = 12  # X2

CLEARANCE_FIRST = (
    "First a clinician who has examined you must clear you; until then, no running. Record the clearance "
    "in the app so your plans can start the return."
)


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _places(areas: list[AreaFeatures]) -> str:
    """Area names for the start of a reason: 'Left calf' or 'Glutes, both legs; Left hamstrings'."""
    return "; ".join(region_label(x.area.region, x.area.side) for x in areas)


def apply_emergency_rules(a: Assessment) -> None:
    """Tier 0: E1-E4 and E6-E8 suppress the plan; E5, E9, E10 and E11 keep an interim protect plan."""
    _rhabdomyolysis(a)
    _cardiac(a)
    _clot(a)
    _compartment(a)
    _heat_and_sodium(a)
    _cauda_equina(a)
    _fracture_or_high_risk_bone(a)
    _out_of_proportion(a)
    _achilles_rupture(a)
    _slipped_epiphysis(a)


def _emergency(a: Assessment, rule: str, urgency: str, reason: str, do_now: list[str]) -> None:
    """A rule that suppresses the training plan: say what to do now, no running until cleared (RTR7)."""
    a.suppressed = True
    a.refer(urgency, reason, rule)
    a.hold_running(rule)
    for step in do_now:
        if step not in a.do_now:
            a.do_now.append(step)
    a.return_step(CLEARANCE_FIRST)


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
    _emergency(
        a,
        "E1",
        "emergency",
        why,
        [
            "Stop exercising. Go to an emergency department now, or call emergency services, and say you have "
            "dark urine or severe muscle pain after exercise.",
            "Do not massage, foam roll or squeeze the painful muscles, and do not use compression on them.",
            "Ask the doctor before taking any painkiller.",
        ],
    )
    a.return_step(
        "After muscle breakdown the return is step by step and led by your doctor: at least 3 days of rest with "
        "drinks and good sleep, light activity only once the blood test (CK) and urine test are normal, then "
        "light, moderate and full training in turn."
    )
    for x in f.areas:
        if x.area.region in MUSCLE_REGIONS:
            a.ban(x.area.region, "foam_rolling", "massage", "compression")


def _cardiac(a: Assessment) -> None:
    """E7: chest pain or breathlessness, fainting during exercise, palpitations with dizziness."""
    f = a.features
    chest, faint = f.symptom("chest_pain_or_breathless"), f.symptom("fainting_or_palpitations")
    if not (chest or faint):
        return
    what = []
    if chest:
        what.append("chest pain, pressure or breathlessness")
    if faint:
        what.append("fainting or nearly fainting during exercise, or a racing or irregular heartbeat with dizziness")
    fever = ""
    if f.symptom("fever_or_illness"):
        fever = " after a fever or viral illness (the heart muscle can be inflamed)"
    _emergency(
        a,
        "E7",
        "emergency",
        f"{' and '.join(what).capitalize()}{fever} can come from the heart, or from a blood clot in the lungs, "
        "and needs emergency care.",
        [
            "Call emergency services now if it is happening now; otherwise see a doctor today, before any "
            "more exercise.",
            "Do not exercise again until a doctor has checked your heart (an ECG at least).",
        ],
    )


def clot_areas(f: Features) -> list[AreaFeatures]:
    """One-sided calf, back-of-knee or thigh swelling or ache with no injury mechanism and no bruising (E2)."""
    if f.symptom("bruising"):
        return []
    out = []
    for x in f.areas:
        area = x.area
        site = area.region in CLOT_REGIONS or (area.region == "knee" and area.subregion == "back_of_knee")
        if site and not x.bilateral and area.mechanism in NO_INJURY and (area.swelling or area.pain >= 1):
            out.append(x)
    return out


def _clot(a: Assessment) -> None:
    """E2: a possible deep-vein clot. Warmth or redness is not needed; a risk factor plus a one-sided ache is."""
    f = a.features
    areas = clot_areas(f)
    risk = f.vte_risk
    warm_red = bool(f.symptom("calf_warmth_redness"))
    if not ((areas and risk) or warm_red):
        return
    where = _places(areas) if areas else "The calf"
    because = f", together with {_and(list(risk))}," if risk else ""
    if not areas:
        sign = "warmth, redness or swelling"
    elif any(x.area.swelling for x in areas):
        sign = "swelling"
    else:
        sign = "an ache or tenderness"
    urgency = "emergency" if f.symptom("chest_pain_or_breathless") else "urgent"
    _emergency(
        a,
        "E2",
        urgency,
        f"{where}: {sign} without an injury{because} can be a blood clot in a deep vein (DVT), even when the "
        "leg is not warm or red. It needs to be checked today.",
        [
            "Get checked today by a doctor, an urgent care centre or an emergency department. Mention any long "
            "journey, operation, plaster cast or time off your feet in the last weeks.",
            "Do not massage, foam roll, stretch or compress the leg until a clot has been ruled out.",
            "If you become short of breath, have chest pain or cough blood, call emergency services.",
        ],
    )
    a.gate_strength("E2")
    for region in {"calf", *(x.area.region for x in areas)}:
        a.ban(region, *RUB_KINDS, "compression", "stretching")


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
    _emergency(
        a,
        "E3",
        "emergency",
        "Swelling with numbness or tingling, or pain far worse than expected (especially "
        "when the toes are stretched), can mean rising pressure inside the muscles of the lower leg "
        "(acute compartment syndrome). Damage can start within hours.",
        [
            "Go to an emergency department now.",
            "Do not wrap, bandage or compress the leg, do not raise it above the level of your heart, and do not "
            "put ice on it.",
            "Loosen tight socks, shoes or clothing on that leg.",
        ],
    )
    for region in LOWER_LEG_AND_FOOT:
        a.ban(region, "compression", "ice", "elevation", *RUB_KINDS)


def _session_recent(f: Features) -> bool:
    """The last session ended within 24 h (unknown counts as recent: the safe reading)."""
    last = f.check_in.load.last_session
    hours = [x.area.hours_since_run for x in f.areas if x.area.hours_since_run is not None]
    if last is not None and last.ended_hours_ago is not None:
        hours.append(last.ended_hours_ago)
    return not hours or min(hours) <= HEAT_EXHAUSTION_HOURS


def _heat_and_sodium(a: Assessment) -> None:
    """E4 heat stroke (confusion or collapse), E8 low blood sodium (weight gained), H2 heat exhaustion."""
    f = a.features
    hot_or_long = is_hot(f.check_in) or was_long_run(f.check_in)
    gained = (f.symptom("body_mass_change_kg") or 0) > 0
    headache, vomiting = bool(f.symptom("headache")), bool(f.symptom("vomiting"))
    if f.symptom("confusion_or_collapse"):
        a.no_fluid_push = True
        _emergency(
            a,
            "E4",
            "emergency",
            "Confusion, odd behaviour or collapse during or after a run can be heat stroke, which is "
            "life-threatening (or, after heavy drinking, a dangerously low blood sodium).",
            [
                "Call emergency services now.",
                "Cool the whole body at once, before anything else: cold water immersion if possible, otherwise "
                "cold wet towels or ice packs all over the body with fanning.",
                "Do not force drinks: after a long event, extra water can lower blood sodium further.",
            ],
        )
        a.return_step(
            "After heat stroke: no exercise for at least 7 days after leaving care and a check-up at about one "
            "week; then exercise in the cool, longer first, then harder, then slowly back into the heat over at "
            "least 2 weeks."
        )
    if gained and (headache or vomiting or f.symptom("confusion_or_collapse")):
        a.no_fluid_push = True
        _emergency(
            a,
            "E8",
            "emergency",
            "Headache, sickness or confusion after gaining weight during a long event can mean a dangerously "
            "low blood sodium from drinking more than you sweated (hyponatraemia).",
            [
                "Call emergency services or go to an emergency department now.",
                "Do not drink water or sports drinks and do not take salt tablets until your blood sodium has "
                "been checked.",
            ],
        )
    if a.suppressed and ("E4" in a.rules or "E8" in a.rules):
        return
    if (headache or vomiting) and hot_or_long and _session_recent(f):
        _heat_exhaustion(a, vomiting or (headache and (f.check_in.wellbeing.fatigue or 0) >= 8))
    elif headache or vomiting:
        a.rest(1, "S3")
        a.refer(
            "routine",
            "Vomiting or a headache means rest today.",
            "S3",
            "See a doctor if you still feel unwell tomorrow or it gets worse.",
        )
    if gained and not a.suppressed:
        a.no_fluid_push = True
        a.caution(
            "You weighed more after the event than before it: you drank more than you sweated. "
            "Drink to thirst only, and get help at once if headache, nausea or confusion appear."
        )


def _heat_exhaustion(a: Assessment, not_better: bool) -> None:
    """H2: clear-headed symptoms after a hot or long run. Not an emergency; same-day advice if not settling."""
    a.rest(1, "H2")
    a.cap_easy(3, "H2")
    a.rest_day_one = True
    if not_better:
        a.refer(
            "urgent",
            "Vomiting, or a headache with heavy tiredness, after a hot or long run is heat exhaustion that "
            "has not settled. Get medical advice today (a doctor or urgent care), and call emergency services "
            "if confusion, fainting or collapse appear.",
            "H2",
        )
        a.hold_running("H2")
    else:
        a.refer(
            "routine",
            "A headache after a hot or long run, with clear thinking, is usually heat exhaustion or too little "
            "fluid. It is not an emergency.",
            "H2",
            "Get medical advice today if you are not clearly better within 30 minutes of resting in the cool, "
            "or if vomiting, confusion or fainting appear.",
        )
    a.caution(
        "After a hot run with a headache: stop, get somewhere cool, put cool water on your skin and drink to "
        "thirst with something salty. No running today; tomorrow easy, in the cool, at most."
    )


def _numb_both_legs(f: Features) -> bool:
    numb = {x.area.side for x in f.areas if x.area.numbness}
    return "both" in numb or {"left", "right"} <= numb


def _cauda_equina(a: Assessment) -> None:
    """E6: saddle numbness, bladder or bowel change, or symptoms down both legs."""
    f = a.features
    worse = any(x.area.trend == "worse" for x in f.areas)
    radiating = bool(f.symptom("radiating_pain"))
    if not (
        f.symptom("saddle_numbness_or_bladder_change")
        or f.symptom("bilateral_leg_nerve_symptoms")
        or (radiating and _numb_both_legs(f))
        or (radiating and f.symptom("muscle_weakness") and worse)
    ):
        return
    _emergency(
        a,
        "E6",
        "emergency",
        "Numbness around the saddle area, a new change in passing or holding urine or stool, or pain, numbness "
        "or weakness down both legs can mean pressure on the nerves at the base of the spine (cauda equina "
        "syndrome). It needs an emergency scan: early treatment protects the nerves.",
        [
            "Go to an emergency department now and tell them exactly what you feel: numbness, any change in "
            "passing urine or stool, and symptoms in both legs.",
            "Do not stretch, massage or manipulate your back, buttocks or legs.",
        ],
    )
    for region in {"glutes", "hamstrings", *(x.area.region for x in f.areas)}:
        a.ban(region, "stretching", *RUB_KINDS)


def _fracture_or_high_risk_bone(a: Assessment) -> None:
    """E5: Ottawa ankle/knee rules, and the high-risk bone-stress sites of section 3c."""
    f = a.features
    ci = f.check_in
    found: list[str] = []
    involved: list[AreaFeatures] = []
    foot_ankle = [x for x in f.areas if x.area.region in ("ankle", "foot")]
    if f.symptom("unable_to_bear_weight_4_steps"):
        if foot_ankle or f.symptom("bony_tenderness_ottawa"):
            found.append(
                "Not being able to take four steps on the foot, both straight after the injury and "
                "now, is a reason for an X-ray to rule out a broken bone (Ottawa ankle rules)."
            )
        else:
            found.append("Not being able to take four steps on the leg needs a same-day check.")
    if f.symptom("bony_tenderness_ottawa"):
        found.append(
            "Tenderness on the bony edge or tip of the ankle bones, the top of the midfoot or the "
            "outside of the foot can mean a broken bone (Ottawa ankle rules)."
        )
    deep_groin = [x for x in f.areas if x.area.subregion == "deep_groin"]
    groin = [x for x in f.areas if x.area.region in HIP_GROIN_REGIONS]
    named = any(x.high_risk_site for x in groin)  # the section 3c reason below names the femoral neck
    if not named and (
        f.symptom("weight_bearing_pain_groin")
        or any(f.symptom("night_or_rest_pain") or x.area.pain >= 4 for x in deep_groin)
    ):
        involved += deep_groin or groin
        found.append(
            "Deep groin pain when standing or walking, or at night, can be a stress fracture of the "
            "hip (femoral neck), which must not be run on."
        )
    for x in f.areas:
        site = x.high_risk_site
        if site is None and x.area.subregion == "midfoot_dorsal" and x.area.pain >= 2:
            site = "the navicular bone on top of the midfoot"
        if site is None:
            continue
        involved.append(x)
        found.append(
            f"{region_label(x.area.region, x.area.side)}: this pattern can be a stress injury of {site}, a bone "
            "that heals slowly and can break fully if it is loaded. It needs a same-day check (an X-ray or MRI)."
        )
    knees = [x for x in f.areas if x.area.region == "knee" and x.area.mechanism in SUDDEN]
    if knees and ((ci.athlete.age or 0) >= 55 or f.symptom("limited_rom") or f.symptom("focal_bone_tenderness")):
        involved += knees
        found.append(
            "After a knee injury, your age, a tender spot on the bone or not being able to bend the "
            "knee are reasons for an X-ray (Ottawa knee rule)."
        )
    if not found:
        return
    for reason in found:
        a.refer("urgent", reason, "E5")
    a.protect("E5")
    a.high_risk_bone = True
    a.return_step(CLEARANCE_FIRST)
    a.return_step("After a possible fracture or high-risk stress injury, the treating team sets the return programme.")
    for x in involved or list(f.areas):
        a.protect_sites.add((x.area.region, x.area.side))
        a.bone_sites.add((x.area.region, x.area.side))
        a.ban(x.area.region, *RUB_KINDS)
    for x in deep_groin:
        a.ban(x.area.region, "stretching")
    if "Keep weight off" not in " ".join(a.do_now):
        a.do_now.append("Keep weight off the painful leg until you are seen; use crutches if you are limping.")


def _out_of_proportion(a: Assessment) -> None:
    """E9: pain 10/10 or out of proportion (without E3's swelling and numbness): same-day check."""
    f = a.features
    if "E3" in a.rules:
        return
    worst = [x for x in f.areas if x.area.pain >= 10]
    out_of_proportion = bool(f.symptom("pain_out_of_proportion")) and bool(f.areas)
    if not (worst or out_of_proportion):
        return
    areas = worst if worst and not out_of_proportion else list(f.areas)
    names = _places(areas)
    what = "pain of 10/10" if worst and not out_of_proportion else "pain far worse than the session explains"
    a.refer(
        "urgent",
        f"{names}: {what} needs a same-day check to rule out rising pressure in the muscles (compartment "
        "syndrome). Go to an emergency department at once if swelling, numbness or tingling appear, or if "
        "moving the toes hurts.",
        "E9",
    )
    a.protect("E9")
    a.return_step(CLEARANCE_FIRST)
    for x in areas:
        a.protect_sites.add((x.area.region, x.area.side))
        a.ban(x.area.region, "compression", "elevation", *RUB_KINDS)
    a.caution("Keep the leg at the level of your heart, not raised above it, until you have been checked.")


def _achilles_rupture(a: Assessment) -> None:
    """E10: a pop, 'kicked in the heel', or no single-leg heel raise, whatever the mechanism field says."""
    f = a.features
    sprint = [x for x in f.areas if x.area.region == "achilles" and x.area.mechanism == "sudden_during_sprint"]
    if not (f.symptom("pop_or_cannot_heel_raise") or sprint):
        return
    a.refer(
        "urgent",
        "A sudden pop or a feeling of being kicked in the back of the heel, or not being able to rise onto the "
        "toes of one leg, can be a torn Achilles tendon. It needs a same-day check: early treatment matters.",
        "E10",
    )
    a.protect("E10")
    a.return_step(CLEARANCE_FIRST)
    a.return_step("After a possible Achilles tear, the treating team sets the return programme.")
    a.ban("achilles", "stretching", "strength_loading", "mobility", *RUB_KINDS)
    a.ban("calf", "stretching", *RUB_KINDS)
    for x in f.areas:
        if x.area.region in ("achilles", "calf"):
            a.protect_sites.add((x.area.region, x.area.side))
    a.do_now.append("Walk only as much as you need to, in a boot or on crutches if you have them.")


def _slipped_epiphysis(a: Assessment) -> None:
    """E11: age 8-16, hip or groin pain, or thigh or knee pain with a limp (possible slipped epiphysis)."""
    f = a.features
    if not f.scfe_age:
        return
    hip = [
        x
        for x in f.areas
        if x.area.region in HIP_GROIN_REGIONS
        and x.area.pain >= 1
        and not (x.area.side == "both" and x.pattern == DIFFUSE_MUSCLE)
    ]
    limp = [
        x
        for x in f.areas
        if x.area.region in ("quadriceps", "adductors", "knee") and x.area.gait_change and x.area.mechanism in NO_INJURY
    ]
    if not (hip or limp):
        return
    a.refer(
        "urgent",
        "At this age, hip or groin pain, or thigh or knee pain with a limp, can come from the growth plate at "
        "the top of the thigh bone slipping (slipped capital femoral epiphysis). It needs a same-day check "
        "with X-rays of both hips.",
        "E11",
    )
    a.protect("E11")
    a.return_step(CLEARANCE_FIRST)
    a.return_step("After a possible slipped growth plate, the treating team sets the return programme.")
    a.ban(ALL_REGIONS, "active_recovery")
    for x in hip + limp:
        a.bone_sites.add((x.area.region, x.area.side))
        a.protect_sites.add((x.area.region, x.area.side))
    for region in {*HIP_GROIN_REGIONS, *(x.area.region for x in hip + limp)}:
        a.ban(region, "stretching", "strength_loading", "mobility", "compression", "elevation", *RUB_KINDS)
    a.do_now.append("Keep weight off the leg until you are seen: use crutches if you have them.")


def apply_referral_rules(a: Assessment) -> None:
    """Tier 1: P1-P7, the strain pathway R6, tendon rules T2/T3, illness S5, X2 and X4."""
    f = a.features
    for x in f.areas:
        _bone_stress(a, x)
        _nerve(a, x)
        _swelling(a, x)
        _limp(a, x)
        _strain(a, x)
        if x.area.pain >= 7:
            if x.area.pain >= 10 and "E9" in a.rules:
                a.hold_running("P6")  # the E9 reason already says it, at a higher urgency
            else:
                a.refer_before_running(
                    f"{region_label(x.area.region, x.area.side)}: pain of {x.area.pain:g}/10 is severe.", "P6"
                )
            a.protect_sites.add((x.area.region, x.area.side))
            a.injury_pathway = True
    _numb_areas(a)
    _global_symptoms(a)
    _apophysitis(a)
    _illness(a)
    _pregnancy(a)
    _low_energy(a)
    a.ban("knee", "foam_rolling")
    a.ban("achilles", "foam_rolling")
    a.ban("shin", "foam_rolling", "massage")
    if a.suppressed:
        a.ban(ALL_REGIONS, "easy_run", "training")


def _bone_stress(a: Assessment, x: AreaFeatures) -> None:
    f = a.features
    area = x.area
    bony = area.region in ("shin", "foot", "ankle") or area.subregion in ("deep_groin", "pubic")
    triggers = []
    if area.region in ("shin", "foot") and not x.bilateral and area.pain >= 4 and not x.apophysitis:
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
    if (area.region, area.side) in a.bone_sites and "E5" in a.rules:
        a.hold_running("P1")  # E5 already names this bone, at a higher urgency
    else:
        a.refer_before_running(
            f"{region_label(area.region, area.side)}: {_and(triggers)} can mean a bone stress "
            "injury (a stress reaction or stress fracture).",
            "P1",
            "Get it checked before running again; an MRI is the usual scan.",
        )
    a.gate_strength("P1")
    a.injury_pathway = True
    a.bone_sites.add((area.region, area.side))
    a.ban(area.region, *RUB_KINDS)
    if not f.reds_flag:  # with a REDs flag, X4's reason says it
        periods = "" if f.check_in.athlete.sex == "male" else " (and, for women, whether periods have become irregular)"
        a.caution(
            "Bone stress injuries are more likely when you eat too little for your training. Ask the "
            f"clinician to check your energy intake{periods}."
        )


def _nerve(a: Assessment, x: AreaFeatures) -> None:
    if not x.area.numbness:
        return
    a.numb_regions.add(x.area.region)
    a.ban(x.area.region, "ice", "stretching", "cold_water_immersion")


def _numb_areas(a: Assessment) -> None:
    """P2: one reason naming every numb or tingling area."""
    numb = [x for x in a.features.areas if x.area.numbness]
    if numb:
        a.refer_before_running(
            f"{_places(numb)}: numbness or tingling points to an irritated nerve or raised pressure in the muscles.",
            "P2",
        )


def _swelling(a: Assessment, x: AreaFeatures) -> None:
    area = x.area
    if not area.swelling:
        return
    a.fire("P3")
    a.protect_sites.add((area.region, area.side))
    a.injury_pathway = True
    a.ban(area.region, "heat", "massage", "foam_rolling")
    name = region_label(area.region, area.side)
    if strain_sign(a.features, x):
        a.hold_running("P3")  # the strain pathway (R6) gives the reason and the referral
    elif area.kind == "sharp" or area.mechanism in SUDDEN or a.features.symptom("bruising"):
        a.refer_before_running(
            f"{name}: swelling after a sudden, sharp pain or with bruising suggests a tear that is "
            "more than a mild strain.",
            "P3",
        )
    elif area.region in ("knee", "ankle"):
        a.refer_before_running(f"{name}: a swollen joint needs an examination before you run on it again.", "P3")
    else:
        a.rest(2, "P3")
        a.refer(
            "routine",
            f"{name}: swelling means no running for now.",
            "P3",
            "If it has not clearly settled after two to three days, get it checked within the next few days.",
        )


def _limp(a: Assessment, x: AreaFeatures) -> None:
    if not x.area.gait_change:
        return
    a.protect_sites.add((x.area.region, x.area.side))
    a.injury_pathway = True
    a.rest_day_one = True
    name = region_label(x.area.region, x.area.side)
    if x.area.pain >= 4:
        a.refer_before_running(f"{name}: limping with pain of 4/10 or more needs an assessment.", "P4")
    else:
        a.rest(1, "P4")
        a.refer("routine", f"{name}: you are limping.", "P4", "If the limp lasts more than two days, get it checked.")


def strain_sign(f: Features, x: AreaFeatures) -> str | None:
    """R6: the acute-strain sign this area shows, whatever the pain kind, in plain words, or None: a sharp pain
    with a sudden mechanism, a sudden onset during a run in a muscle, bruising with a muscle area, or a cramp
    that still hurts 12 h or more later."""
    area = x.area
    muscle = area.region in MUSCLE_REGIONS and area.pain >= 1
    if (area.kind == "sharp" and area.mechanism in SUDDEN) or (muscle and area.mechanism == "sudden_during_sprint"):
        return "a sudden pull or sharp pain during the run"
    bruised = bool(f.symptom("bruising"))
    if muscle and bruised:
        others = [y for y in f.areas if y.area.region in MUSCLE_REGIONS and y.pattern != DIFFUSE_MUSCLE]
        if x.pattern != DIFFUSE_MUSCLE or not others:
            return "bruising after a run"
    late = (area.hours_since_run or 0) >= STRAIN_CRAMP_HOURS
    if area.kind == "cramp" and muscle and late and ((not x.bilateral and area.pain >= 3) or bruised):
        return "a cramp that still hurts many hours later"
    return None


def _strain(a: Assessment, x: AreaFeatures) -> None:
    """R6 acute strain pathway: at least 3 run-free days (none in this plan), PEACE, no stretching or rolling."""
    f = a.features
    area = x.area
    sign = strain_sign(f, x)
    if sign is None:
        return
    a.rest(MAX_PLAN_DAYS, "R6")  # the return-to-run checks decide when running resumes
    a.injury_pathway = True
    a.rest_day_one = True
    site = (area.region, area.side)
    a.strain_sites.add(site)
    a.protect_sites.add(site)
    a.ban(area.region, "stretching", "foam_rolling", "massage", "heat")
    bruised = bool(f.symptom("bruising"))
    name = region_label(area.region, area.side)
    big = []
    if bruised and area.pain >= 4:
        big.append(f"pain of {area.pain:g}/10" if sign == "bruising after a run" else "bruising")
    if area.swelling:
        big.append("swelling")
    if area.gait_change:
        big.append("a limp")
    if big:
        a.refer_before_running(f"{name}: {sign}, with {_and(big)}, suggests a muscle tear, not a mild strain.", "R6")
    elif bruised:
        a.refer(
            "routine",
            f"{name}: {sign} points to a muscle strain.",
            "R6",
            "Book a physiotherapist in the next week or two to guide the return.",
        )
    else:
        a.fire("R6")


def _global_symptoms(a: Assessment) -> None:
    f = a.features
    weak_nerve = f.symptom("muscle_weakness") and "E1" not in a.rules  # with E1 the weakness is the muscle
    if f.symptom("radiating_pain") or weak_nerve:
        a.refer_before_running(
            "Pain spreading down the leg or a weak muscle can come from a nerve.",
            "P2",
        )
        for x in f.areas:
            a.ban(x.area.region, "stretching")
    if f.symptom("limited_rom") or f.symptom("locking_or_giving_way"):
        a.refer_before_running(
            "A joint that locks, gives way or will not move through its full range needs an assessment.",
            "P7",
        )
        a.injury_pathway = True
        if f.symptom("locking_or_giving_way") and any(x.area.mechanism in SUDDEN for x in f.areas):
            a.gate_strength("P7")  # a knee locked after a twist: possible meniscal block (M13)
    if f.symptom("focal_bone_tenderness") and "P1" not in a.rules:
        a.refer_before_running(
            "A single spot on a bone that hurts under a fingertip can be a stress fracture.",
            "P1",
        )
        a.gate_strength("P1")
        a.injury_pathway = True
    if f.symptom("night_or_rest_pain") and "P1" not in a.rules:
        a.refer_before_running("Pain at rest or at night is not ordinary soreness.", "P1")
        a.gate_strength("P1")
        a.injury_pathway = True
    for x in f.areas:
        if x.pattern == TENDON and x.area.pain > f.t_run:
            a.refer(
                "routine",
                f"{region_label(x.area.region, x.area.side)}: an irritated tendon at {x.area.pain:g}/10.",
                "T2",
                "Keep up the loading exercises and book a physiotherapist.",
            )
            a.rest(2, "T2")
            a.injury_pathway = True
        if x.pattern == BONE_RISK:
            a.ban(x.area.region, *RUB_KINDS)


def _apophysitis(a: Assessment) -> None:
    """T3: Sever's or Osgood-Schlatter in a growing runner: routine check, run as pain allows."""
    f = a.features
    if "E11" in a.rules:
        return
    for x in f.areas:
        kind = x.apophysitis
        if kind is None:
            continue
        a.ban(x.area.region, "strength_loading")  # no hard loading programme without a clinician
        where = "the heel" if kind == "Sever" else "the bump just below the kneecap"
        a.refer(
            "routine",
            f"{region_label(x.area.region, x.area.side)}: in a growing runner, a gradual ache at {where} is "
            "usually a sore growth area (traction apophysitis), not a lasting injury.",
            "T3",
            "Book a check with a physiotherapist or doctor in the next week or two.",
        )
        a.caution(
            "With a sore growth area: run and play as pain allows (3/10 or less during, settled by next "
            "morning), cut jumping and hill sprints while it hurts more than that"
            + (", and use a heel cushion." if kind == "Sever" else ".")
        )


def _illness(a: Assessment) -> None:
    """S5: fever or below-the-neck illness means no training; a head cold only means easy at most."""
    f = a.features
    if f.symptom("fever_or_illness"):
        a.rest(2, "S5")
        a.cap_easy(4, "S5")
        a.rest_day_one = True
        a.refer(
            "routine",
            "A fever or an illness below the neck (chest cough, body aches, vomiting or diarrhoea) means no "
            "running or training until you have been free of fever for 24 hours, then 2 easy days.",
            "S5",
            "See a doctor if the fever lasts more than 3 days, or sooner if you feel very unwell.",
        )
    elif f.symptom("head_cold_only"):
        a.cap_easy(3, "S5")
        a.caution("With a head cold and no fever, easy running is fine; stop if you feel worse as you go.")


def _pregnancy(a: Assessment) -> None:
    """X2: pregnancy (usual easy running if cleared) and the first 12 weeks after a birth (no running)."""
    f = a.features
    if not f.symptom("pregnant_or_postpartum"):
        return
    weeks = f.symptom("postpartum_weeks")
    if weeks is None:
        a.cap_easy(MAX_PLAN_DAYS, "X2")
        a.easy_whole_plan = True
        a.refer(
            "routine",
            "During pregnancy, keep to your usual easy running at a pace you can talk at, no new hard training.",
            "X2",
            "Check with your midwife or obstetrician that running is fine for your pregnancy.",
        )
        a.caution(
            "Stop and get care at once for bleeding or fluid leaking, regular painful contractions, the baby "
            "moving less, chest pain, dizziness, a headache, or pain or swelling in a calf."
        )
    elif weeks < POSTPARTUM_RUN_WEEKS:
        a.rest(MAX_PLAN_DAYS, "X2")
        a.caution(
            f"In the first {POSTPARTUM_RUN_WEEKS} weeks after a birth: no running. Walking, pelvic-floor "
            "exercises and gentle low-impact strength work instead."
        )
    else:
        a.cap_easy(MAX_PLAN_DAYS, "X2")
        a.easy_whole_plan = True
        a.caution(
            "Return to running after a birth with walk-run steps, only while you have no leaking, heaviness or "
            "pelvic pain; if you do, see a pelvic-health physiotherapist first."
        )


def _low_energy(a: Assessment) -> None:
    """X4: signs of low energy availability (REDs) in men and women: routine check, plain wording."""
    f = a.features
    if not f.reds_flag:
        return
    a.refer(
        "routine",
        f"You report {' and '.join(f.reds_flag)}. These can be signs of eating too little for your training "
        "(low energy availability), which affects bones, hormones and performance; they are not normal for "
        "runners.",
        "X4",
        "Book a check with a sports doctor or sports dietitian.",
    )
