"""Whether and how hard to run: rules R1-R8, T1, S1-S3, I1, L1, L3, X1, H1 (guidance 2.4-2.7).

The strain pathway of R6 lives with the referrals (triage.py); here a sharp pain only costs day 1."""

from __future__ import annotations

from .assessment import Assessment
from .conditions import is_hot
from .features import BONE_RISK, DIFFUSE_MUSCLE, LOCALIZED, TENDON
from .load import single_run_limit_km, single_run_spike

PLAN_INTENSITY_DAYS = 3  # days 1-3 carry the intensity cap (guidance 2.1 step 4)
WBGT_NO_HARD_C, WBGT_NO_OUTDOOR_C = 30.0, 32.2  # H1 (Armstrong 2007 table)


def apply_running_rules(a: Assessment) -> None:
    """Set run-free days and easy-only days from the pain pattern, systemic readiness and load."""
    f = a.features
    for x in f.areas:
        area = x.area
        if x.pattern == TENDON and area.pain <= f.t_run:
            a.cap_easy(PLAN_INTENSITY_DAYS, "T1")
            a.easy_whole_plan = True
        elif x.pattern == DIFFUSE_MUSCLE:
            if area.pain <= f.t_run:
                a.fire("R2")
            else:
                a.rest(1, "R3")
        elif x.pattern == LOCALIZED and (area.pain >= 3 or (f.beginner and area.pain >= 2)):
            a.rest(2, "R4")
            a.injury_pathway = True
        elif x.pattern == BONE_RISK and area.pain >= 2:
            a.rest(2, "R5")
            a.injury_pathway = True
            a.bone_sites.add((area.region, area.side))
        if area.kind == "sharp":
            a.rest(1, "R6")
            a.injury_pathway = True
        if area.pain >= 4:
            a.rest(1, "R7")
        if area.swelling or area.numbness or area.gait_change:
            a.rest(1, "R8")
    if f.max_pain >= 2:
        a.cap_easy(PLAN_INTENSITY_DAYS, "I1")
        a.easy_whole_plan = True
    _systemic(a)
    _load_and_conditions(a)


def _systemic(a: Assessment) -> None:
    f = a.features
    w = f.check_in.wellbeing
    if f.systemic_score >= 2:
        a.rest(1, "S1")
        a.cap_easy(PLAN_INTENSITY_DAYS, "S1")
        a.rest_day_one = True
    elif f.systemic_score == 1:
        a.cap_easy(1, "S2")
    if w.fatigue is not None and w.fatigue >= 9:
        a.rest(1, "S3")
        a.rest_day_one = True
        a.caution("You feel exhausted. If you also feel ill or dizzy, or it lasts more than a few days, see a doctor.")


def _load_and_conditions(a: Assessment) -> None:
    f = a.features
    ci = f.check_in
    if f.load_spike:
        a.cap_easy(PLAN_INTENSITY_DAYS, "L1")
        ratio = f"{f.acwr:.1f} times" if f.acwr is not None else "well above"
        a.caution(
            f"Your last 7 days were {ratio} your usual weekly distance (or up by more than 30 %). "
            "Sudden jumps go with more overuse problems: build back gradually."
        )
    if ci.athlete.experience == "beginner" or a.injury_pathway:
        a.fire("L2")
    if (ci.athlete.age or 0) >= 50 and any(x.area.region == "calf" for x in f.areas):
        a.cap_easy(max(a.easy_days, PLAN_INTENSITY_DAYS) + 1, "X1")
        a.caution(
            "Calf strains are more common after 50: warm the calves up gradually and keep one extra "
            "easy day before any fast running."
        )
    if is_hot(ci):
        a.fire("H1")
        a.caution(
            "It is hot: run in the cooler part of the day, keep runs shorter, and take fluids with "
            "sodium on runs longer than an hour."
        )
    wbgt = ci.wellbeing.wbgt_c
    if wbgt is not None and wbgt > WBGT_NO_OUTDOOR_C:
        a.cap_easy(PLAN_INTENSITY_DAYS, "H1")
        a.caution(f"The heat index (WBGT {wbgt:g} °C) is too high for running outdoors: run indoors or not at all.")
    elif wbgt is not None and wbgt > WBGT_NO_HARD_C:
        a.cap_easy(PLAN_INTENSITY_DAYS, "H1")
        a.caution(
            f"The heat index (WBGT {wbgt:g} °C) is too high for a hard or long run outdoors: keep it short and easy."
        )
    _single_run_spike(a)
    if ci.symptom("muscle_cramps_during_run"):
        a.caution(
            "Cramps in races are linked more to running faster than usual and to earlier cramps than to "
            "dehydration. Pace evenly; if a cramp comes, stop and stretch the muscle gently."
        )
    if ci.symptom("pain_lying_on_side"):
        a.caution("Avoid lying on the painful hip and crossing your legs: both squeeze the tendon.")
    onset = ci.symptom("onset_at_km")
    if onset:
        a.caution(f"The pain starts around {onset:g} km: keep runs shorter than that while it settles.")
    if ci.symptom("worse_downhill"):
        a.caution("Downhill running makes it worse: choose flat routes for now.")


def _single_run_spike(a: Assessment) -> None:
    """L3: keep any one run at most 110 % of the longest run in the last 30 days."""
    load = a.features.check_in.load
    limit = single_run_limit_km(load)
    if limit is None or not single_run_spike(load):
        return
    a.fire("L3")
    a.caution(
        f"Your planned run of {load.planned_session_km:g} km is more than 10 % longer than your longest run in the "
        f"last 30 days ({load.longest_run_30d_km:g} km). Keep it to {limit:.1f} km or less: single long jumps go "
        "with more overuse injuries."
    )
