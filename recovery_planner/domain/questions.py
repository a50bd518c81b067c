"""Which red-flag and follow-up questions to ask for the areas marked (guidance section 0).

Each question names the symptoms field it fills and the area it belongs to (``area``: a region key such as
"calf", or None for general questions), so the app can group them by area. Yes always means "the sign is
there"; no question is worded as a negative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .checkin import Area
from .features import CHILD_AGE
from .regions import CLOT_REGIONS, MUSCLE_REGIONS


@dataclass(frozen=True)
class Question:
    key: str  # the symptoms field in the check-in format
    text: str
    hint: str = ""
    number: tuple[float, float, str] | None = None  # (low, high, unit) for answers that are numbers
    area: str | None = None  # the region this question is asked for; None = about the runner in general
    follows: str | None = None  # a follow-up: only meaningful when the answer to this key is yes


ALWAYS = (
    Question(
        "dark_urine",
        "Since your run, has your urine been brown, cola- or tea-coloured?",
        "Dark yellow is not what we mean: that only means you need to drink.",
    ),
    Question("chest_pain_or_breathless", "Do you have chest pain or pressure, or are you short of breath at rest?"),
    Question(
        "fainting_or_palpitations",
        "Did you faint or nearly faint while exercising, or has your heart raced or beaten irregularly with dizziness?",
    ),
    Question("confusion_or_collapse", "After a long or hot run, did you feel confused or collapse?"),
    Question("vomiting", "Have you been vomiting since the run?"),
    Question("headache", "Do you have a bad headache since the run?"),
    Question(
        "fever_or_illness",
        "Do you have a fever (38 °C or more), a chest cough, body aches, vomiting or diarrhoea?",
    ),
    Question(
        "head_cold_only", "Do you have a cold in the head only: runny or blocked nose, sneezing, a mild sore throat?"
    ),
)
CALF = (Question("calf_warmth_redness", "Is one calf warm, red or swollen without a clear injury?"),)
CLOT = (
    Question(
        "recent_long_travel_h",
        "Longest journey (car, train or plane) in the last 4 weeks, in hours",
        "Enter 0 if none.",
        number=(0, 72, "h"),
    ),
    Question(
        "previous_clot_or_surgery",
        "Have you ever had a blood clot, or in the last 12 weeks had an operation, a plaster cast, or more than "
        "3 days in bed or off your feet?",
    ),
    Question(
        "oestrogen_or_active_cancer",
        "Do you take the combined pill or HRT, or have you been treated for cancer in the last 6 months?",
    ),
)
PREGNANCY = (
    Question("pregnant_or_postpartum", "Are you pregnant, or did you give birth in the last 12 weeks?"),
    Question(
        "postpartum_weeks",
        "If you gave birth: how many weeks ago?",
        "Only asked after a birth; leave it out if you are pregnant.",
        number=(0, 52, "weeks"),
        follows="pregnant_or_postpartum",
    ),
)
RUPTURE = (
    Question(
        "pop_or_cannot_heel_raise",
        "Did you feel a sudden pop or a kick at the back of the heel, or are you unable to rise onto the toes of "
        "that leg alone?",
    ),
)
BONE = (
    Question("focal_bone_tenderness", "Is there one spot on the bone that hurts when you press it with a fingertip?"),
    Question("night_or_rest_pain", "Does it hurt at rest or wake you at night?"),
    Question("pain_worse_as_run_continues", "When you run, does the pain build the longer you go?"),
)
FOOT_ANKLE = (
    Question(
        "unable_to_bear_weight_4_steps",
        "After a twist or fall, were you unable to take four steps, both straight after it and now?",
        "Limping still counts as being able to walk.",
    ),
    Question(
        "bony_tenderness_ottawa",
        "Does the bony edge or tip of an ankle bone, the top of the midfoot or "
        "the outer edge of the foot hurt when pressed?",
    ),
)
GROIN = (Question("weight_bearing_pain_groin", "Do you feel deep groin pain when standing on that leg or walking?"),)
SHARP = (Question("bruising", "Is there bruising over the sore area?"),)
JOINT = (
    Question("locking_or_giving_way", "Does the knee lock, catch or give way?"),
    Question("limited_rom", "Is it stuck or blocked when you bend or straighten it fully?"),
)
NERVE = (
    Question("radiating_pain", "Does pain, burning or tingling spread down the leg?"),
    Question("muscle_weakness", "Is a muscle weak, for example the foot slaps or rising on your toes fails?"),
    Question(
        "saddle_numbness_or_bladder_change",
        "Is the skin between your legs or around the bottom numb, or is passing or holding urine or stool newly "
        "difficult?",
    ),
    Question(
        "bilateral_leg_nerve_symptoms",
        "Do pain, numbness or tingling go down both legs, or is a leg getting weaker?",
    ),
)
SEVERE = (
    Question("pain_out_of_proportion", "Is the pain far worse than the session could explain?"),
    Question("pain_on_passive_toe_stretch", "Does gently pulling your toes up make the pain much worse?"),
)
TENDON = (
    Question(
        "morning_stiffness_min",
        "How many minutes of stiffness when you get up in the morning?",
        "Enter 0 if none.",
        number=(0, 600, "min"),
    ),
    Question("warms_up_during_run", "Does it ease once you are warmed up on a run?"),
)
HEEL = (Question("first_step_pain", "Are the first steps in the morning painful?"),)
LATERAL_HIP = (Question("pain_lying_on_side", "Does lying on that side hurt?"),)
IT_BAND = (
    Question("worse_downhill", "Is it worse running downhill?"),
    Question(
        "onset_at_km", "After how many km does the pain start?", "Enter 0 if from the start.", number=(0, 400, "km")
    ),
)
CRAMP = (Question("muscle_cramps_during_run", "Did the muscles cramp during the run?"),)
PERIODS = (
    Question(
        "menstrual_irregularity",
        "If you have periods: have they become irregular or stopped?",
        "Answer No if this does not apply to you.",
    ),
)
WEIGHT = (
    Question(
        "recent_weight_loss_pct",
        "How much body weight have you lost in the last 3 months, in % of your weight?",
        "Enter 0 if none.",
        number=(0, 60, "%"),
    ),
)
CHILD = (
    Question("night_or_rest_pain", "Does it hurt at night or when resting?"),
    Question("focal_bone_tenderness", "Is there one spot on the bone that hurts when you press it with a fingertip?"),
)


Group = tuple[tuple[Question, ...], frozenset[str] | None]  # questions and the regions they are for


def _groups(areas: Sequence[Area], sex: str | None, age: int | None) -> list[Group]:
    regions = {a.region for a in areas}
    subs = {a.subregion for a in areas}
    kinds = {a.kind for a in areas}
    child = age is not None and age < CHILD_AGE
    not_male = sex != "male"
    groups: list[Group] = [(ALWAYS, None)]
    clot_sites = frozenset(CLOT_REGIONS | ({"knee"} if "back_of_knee" in subs else set()))
    if regions & clot_sites:
        groups += [(CALF, frozenset({"calf"})), (CLOT, clot_sites)]
    if regions & {"calf", "achilles"}:
        groups.append((RUPTURE, frozenset({"achilles", "calf"})))
    bony = frozenset({"shin", "foot", "ankle", "hip_flexors", "adductors", "knee"})
    if regions & {"shin", "foot", "ankle"} or subs & {"deep_groin", "pubic", "kneecap", "anterior_shin"}:
        groups.append((BONE, bony))
    if child and regions & {"foot", "achilles", "knee", "hip_flexors", "adductors"}:
        groups.append((CHILD, frozenset({"foot", "achilles", "knee", "hip_flexors", "adductors"})))
    if regions & {"foot", "ankle"}:
        groups.append((FOOT_ANKLE, frozenset({"foot", "ankle"})))
    if regions & {"hip_flexors", "adductors"}:
        groups.append((GROIN, frozenset({"hip_flexors", "adductors"})))
    if "sharp" in kinds or regions & MUSCLE_REGIONS:
        groups.append((SHARP, frozenset(MUSCLE_REGIONS | {r for r in regions if "sharp" in kinds})))
    if "knee" in regions:
        groups.append((JOINT, frozenset({"knee"})))
    if regions & {"glutes", "hamstrings", "calf", "shin", "foot"} or any(a.numbness for a in areas):
        groups.append((NERVE, frozenset({"glutes", "hamstrings", "calf", "shin", "foot"})))
    if areas:
        groups.append((SEVERE, None))
    if regions & {"achilles", "knee", "foot", "glutes"}:
        groups.append((TENDON, frozenset({"achilles", "knee", "foot", "glutes"})))
    if "plantar_heel" in subs:
        groups.append((HEEL, frozenset({"foot"})))
    if "lateral_hip" in subs:
        groups.append((LATERAL_HIP, frozenset({"glutes"})))
    if "it_band" in regions:
        groups.append((IT_BAND, frozenset({"it_band"})))
    if "cramp" in kinds:
        groups.append((CRAMP, None))
    if not_male and (age is None or age >= 12):
        groups.append((PREGNANCY, None))
    if not_male:
        groups.append((PERIODS, None))
    groups.append((WEIGHT, None))
    return groups


def questions_for(areas: Sequence[Area], sex: str | None = None, age: int | None = None) -> list[Question]:
    """The questions that apply to the marked areas, most serious first, each asked once.

    ``sex`` and ``age`` come from the profile: pregnancy and period questions are asked unless it says male;
    children get the questions that tell a sore growth area from a bone injury. Each question's ``area`` is
    the first marked region it is asked for (None for questions about the runner in general)."""
    order = [a.region for a in areas]
    seen: set[str] = set()
    out: list[Question] = []
    for questions, regions in _groups(areas, sex, age):
        area = next((r for r in order if r in regions), None) if regions is not None else None
        for q in questions:
            if q.key not in seen:
                seen.add(q.key)
                out.append(replace(q, area=area))
    return out
