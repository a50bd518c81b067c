"""Which red-flag and follow-up questions to ask for the areas marked (guidance section 0)."""

from __future__ import annotations

from dataclasses import dataclass

from .checkin import Area
from .regions import MUSCLE_REGIONS


@dataclass(frozen=True)
class Question:
    key: str  # the symptoms field in the check-in format
    text: str
    hint: str = ""
    number: tuple[float, float, str] | None = None  # (low, high, unit) for answers that are numbers


ALWAYS = (
    Question(
        "dark_urine",
        "Since your run, has your urine been brown, cola- or tea-coloured?",
        "Dark yellow is not what we mean: that only means you need to drink.",
    ),
    Question("chest_pain_or_breathless", "Do you have chest pain, or are you short of breath at rest?"),
    Question("confusion_or_collapse", "After a long or hot run, did you feel confused, faint or collapse?"),
    Question("vomiting", "Have you been vomiting since the run?"),
    Question("headache", "Do you have a bad headache since the run?"),
)
CALF = (
    Question("calf_warmth_redness", "Is the calf warm, red or swollen without a clear injury?"),
    Question(
        "recent_long_travel_h",
        "Longest journey (car, train or plane) in the last 2 weeks, in hours",
        "Enter 0 if none.",
        number=(0, 72, "h"),
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
        "After a twist or fall: could you NOT take four steps, both straight after it and now?",
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
    Question("limited_rom", "Can you not bend or straighten it fully?"),
)
NERVE = (
    Question("radiating_pain", "Does pain, burning or tingling spread down the leg?"),
    Question("muscle_weakness", "Is a muscle weak, for example the foot slaps or you cannot rise on your toes?"),
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
ENERGY = (
    Question(
        "menstrual_irregularity",
        "If you have periods: have they become irregular or stopped?",
        "Answer No if this does not apply to you.",
    ),
)


def questions_for(areas: tuple[Area, ...] | list[Area]) -> list[Question]:
    """The questions that apply to the marked areas, most serious first, each asked once."""
    regions = {a.region for a in areas}
    subs = {a.subregion for a in areas}
    groups: list[tuple[Question, ...]] = [ALWAYS]
    if "calf" in regions:
        groups.append(CALF)
    if regions & {"shin", "foot", "ankle"} or "deep_groin" in subs:
        groups += [BONE, ENERGY]
    if regions & {"foot", "ankle"}:
        groups.append(FOOT_ANKLE)
    if regions & {"hip_flexors", "adductors"}:
        groups.append(GROIN)
    if any(a.kind == "sharp" for a in areas):
        groups.append(SHARP)
    if "knee" in regions:
        groups.append(JOINT)
    if regions & {"glutes", "hamstrings", "calf", "shin", "foot"} or any(a.numbness for a in areas):
        groups.append(NERVE)
    if any(a.pain >= 7 or a.swelling for a in areas if a.region in MUSCLE_REGIONS | {"shin"}):
        groups.append(SEVERE)
    if regions & {"achilles", "knee", "foot", "glutes"}:
        groups.append(TENDON)
    if "plantar_heel" in subs:
        groups.append(HEEL)
    if "lateral_hip" in subs:
        groups.append(LATERAL_HIP)
    if "it_band" in regions:
        groups.append(IT_BAND)
    if any(a.kind == "cramp" for a in areas):
        groups.append(CRAMP)
    seen: set[str] = set()
    out: list[Question] = []
    for group in groups:
        for q in group:
            if q.key not in seen:
                seen.add(q.key)
                out.append(q)
    return out
