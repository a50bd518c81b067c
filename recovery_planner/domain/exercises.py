"""Per-region exercise choices and doses (guidance section 3b), as data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Exercise:
    name: str
    how_to: str
    dose: dict[str, object]


def _d(summary: str, **fields: object) -> dict[str, object]:
    return {"summary": summary, **fields}


STRETCHES: dict[str, Exercise] = {
    "glutes": Exercise(
        "Figure-4 glute stretch",
        "Lie on your back, cross one ankle over the other knee and draw the lower thigh gently towards you.",
        _d("30 s, 2-3 times each side", hold_s=30, sets="2-3"),
    ),
    "hip_flexors": Exercise(
        "Kneeling hip-flexor stretch",
        "Half-kneel, tuck your tailbone under and shift forward until the front of the hip feels a mild stretch.",
        _d("30 s, 2-3 times each side", hold_s=30, sets="2-3"),
    ),
    "quadriceps": Exercise(
        "Standing quad stretch",
        "Hold a support, bring your heel towards your buttock, knees together, hips forward.",
        _d("30 s, 2-3 times each side", hold_s=30, sets="2-3"),
    ),
    "hamstrings": Exercise(
        "Strap hamstring stretch",
        "Lie on your back, loop a strap or towel round one foot "
        "and raise the straight leg until you feel a mild pull. Keep your back flat.",
        _d("30 s, 2-3 times each side", hold_s=30, sets="2-3"),
    ),
    "adductors": Exercise(
        "Butterfly stretch",
        "Sit tall with the soles of your feet together and let your knees fall out to the sides.",
        _d("30 s, 2-3 times", hold_s=30, sets="2-3"),
    ),
    "it_band": Exercise(
        "Cross-over hip stretch",
        "Stand, cross the sore leg behind the other and lean your hips gently away from it.",
        _d("30 s, 2-3 times each side", hold_s=30, sets="2-3"),
    ),
    "knee": Exercise(
        "Gentle thigh stretches",
        "Quad and hamstring stretches, only where they are pain-free.",
        _d("30 s, 2-3 times each", hold_s=30, sets="2-3"),
    ),
    "shin": Exercise(
        "Calf stretches",
        "Wall calf stretch with a straight and a bent knee, only if pain-free.",
        _d("30 s, 2-3 times each", hold_s=30, sets="2-3"),
    ),
    "calf": Exercise(
        "Wall calf stretch",
        "Hands on a wall, sore leg back, heel down. Hold with the knee straight, then with the knee bent.",
        _d("30 s, 2-3 times, straight and bent knee", hold_s=30, sets="2-3"),
    ),
    "achilles": Exercise(
        "Wall calf stretch on flat ground",
        "As the wall calf stretch, on flat ground: do not let the heel drop off a step.",
        _d("30 s, 2-3 times", hold_s=30, sets="2-3"),
    ),
    "foot": Exercise(
        "Plantar fascia stretch",
        "Sitting, cross the foot over the other knee and pull the toes "
        "back towards the shin until you feel the arch stretch. Do it before your first steps in "
        "the morning too.",
        _d("10 s, 10 times, 3 times a day", hold_s=10, reps=10, per_day=3),
    ),
}

ROLLING: dict[str, Exercise] = {
    "glutes": Exercise(
        "Roll the glutes",
        "Sit on a roller or ball and roll slowly over the buttock muscle.",
        _d("60-90 s per side", seconds="60-90"),
    ),
    "hip_flexors": Exercise(
        "Roll the upper front thigh",
        "Roll the upper front thigh and the outer hip muscle. Keep off the groin crease.",
        _d("60-90 s per side", seconds="60-90"),
    ),
    "quadriceps": Exercise(
        "Roll the front of the thigh",
        "Lie face down on the roller and roll slowly from above the knee to the hip.",
        _d("60-120 s per leg, 1-3 sets", seconds="60-120", sets="1-3"),
    ),
    "hamstrings": Exercise(
        "Roll the back of the thigh",
        "Sit on the roller and roll from above the knee to below the sit bone.",
        _d("60-120 s per leg, 1-3 sets", seconds="60-120", sets="1-3"),
    ),
    "adductors": Exercise(
        "Roll the inner thigh",
        "Lie face down with the leg out to the side; light pressure.",
        _d("60 s per leg", seconds=60),
    ),
    "it_band": Exercise(
        "Roll the outer hip and thigh muscle",
        "Roll the muscle at the front of the outer hip and the outer quad. Keep off the bony knee and hip.",
        _d("60-90 s per side", seconds="60-90"),
    ),
    "calf": Exercise(
        "Roll the calf",
        "Roll the calf muscle belly slowly. Keep off the Achilles tendon.",
        _d("60-90 s per leg", seconds="60-90"),
    ),
    "foot": Exercise(
        "Roll the arch",
        "Roll a ball gently under the arch. Keep off a tender heel bone.",
        _d("1-2 min", seconds="60-120"),
    ),
}

STRENGTH: dict[str, Exercise] = {
    "glutes": Exercise(
        "Bridges and side-lying leg raises",
        "Lift the hips into a bridge; then lie on your side and raise the top leg. Slow and controlled.",
        _d("3 sets of 10-15", sets=3, reps="10-15"),
    ),
    "hip_flexors": Exercise(
        "Standing hip flexion with a band",
        "Raise the knee against a light band, pain-free.",
        _d("3 sets of 12", sets=3, reps=12),
    ),
    "quadriceps": Exercise(
        "Split squats and step-downs", "Small range first; no pain above 3/10.", _d("3 sets of 10", sets=3, reps=10)
    ),
    "hamstrings": Exercise(
        "Isometric bridge hold",
        "Heels on the floor, lift the hips and hold. Later, "
        "progress to lengthening exercises as guided by a physiotherapist.",
        _d("5 holds of 30 s", sets=5, hold_s=30),
    ),
    "adductors": Exercise(
        "Adductor squeeze",
        "Lying on your back, knees bent, squeeze a ball or pillow between the knees.",
        _d("5 holds of 10 s", sets=5, hold_s=10),
    ),
    "it_band": Exercise(
        "Hip abductor strengthening",
        "Side-lying leg raises, clamshells and side steps with a band round the knees. Keep pain at 3/10 or "
        "less. This is the main treatment for IT band pain: keep it up for six weeks.",
        _d("side-lying leg raises, clamshells and band side steps, 3 x 15 each", sets=3, reps=15, weeks=6),
    ),
    "knee": Exercise(
        "Wall sit hold",
        "Back against a wall, knees bent to a comfortable angle; hold. Pain up to "
        "3/10 is acceptable if it settles within a day.",
        _d("5 holds of 45 s", sets=5, hold_s=45),
    ),
    "shin": Exercise(
        "Heel raises",
        "Seated and standing heel raises, once pain is 2/10 or less.",
        _d("3 sets of 15-20", sets=3, reps="15-20"),
    ),
    "calf": Exercise(
        "Heel raises",
        "Rise onto the toes on both feet, lower slowly; progress to one leg as it allows.",
        _d("3 sets of 15", sets=3, reps=15),
    ),
    "achilles": Exercise(
        "Achilles loading: heel drops or heavy slow heel raises",
        "Two equally good options; pick one and keep to it for 12 weeks. Heel drops: stand on a step on the "
        "sore leg, rise with both feet, lower slowly on the sore leg only, with the knee straight and then "
        "bent. Heavy slow heel raises: seated bent-knee, leg-press and standing heel raises with a weight "
        "you can lift about 12 times, 3 s up and 3 s down, heavier over the weeks (to about 6 lifts). "
        "Insertional pain (at the heel bone): work on flat ground, not over the edge of a step.",
        _d(
            "heel drops 3 x 15, knee straight and bent, twice a day; or heavy slow heel raises 3-4 sets, "
            "3 times a week",
            options=["eccentric heel drops", "heavy slow resistance"],
            sets=3,
            reps=15,
            per_day=2,
        ),
    ),
    "ankle": Exercise(
        "Single-leg balance and heel raises",
        "Stand on the sore leg near a support.",
        _d("3 holds of 30 s, then 2 sets of 15 heel raises", sets=3, hold_s=30),
    ),
    "foot": Exercise(
        "Heel raises with a towel under the toes",
        "Stand on a step with a rolled towel under the "
        "toes, rise slowly on the sore leg (3 s up, 2 s at the top, 3 s down).",
        _d("3 sets of 12, every other day; more load in weeks 2 and 4", sets=3, reps=12, every_other_day=True),
    ),
}

# Isometric loading for a gluteal tendon (outside of the hip) instead of bridges and stretches.
GLUTEAL_TENDON = Exercise(
    "Isometric hip abduction",
    "Lie on your back, loop a band above the knees and press "
    "outwards without moving; or press the leg outwards against a wall.",
    _d("5 holds of 30-45 s", sets=5, hold_s="30-45"),
)

MOBILITY: dict[str, Exercise] = {
    "ankle": Exercise(
        "Ankle circles and knee-to-wall",
        "Draw circles with the foot, then bend the knee towards a wall with the heel down.",
        _d("10 each way", reps=10),
    ),
}
GENERIC_MOBILITY = Exercise(
    "Gentle range of motion",
    "Move the area slowly through its comfortable range, without pushing into pain.",
    _d("5 min, twice a day", minutes=5, per_day=2),
)

# RTR6: the walk-run return, one step per run day, run days on alternate days (George 2024; steps H).
WALK_RUN_STEPS: tuple[str, ...] = (
    "5 x (1 min easy running + 2 min walking)",
    "5 x (2 min easy running + 1 min walking)",
    "4 x (4 min easy running + 1 min walking)",
    "3 x (6 min easy running + 1 min walking)",
    "2 x (10 min easy running + 1 min walking)",
    "20-30 min of continuous easy running",
)
WALK_RUN_RULE = (
    "Move up to the next step only if pain stayed at 2/10 or less during the run and the next morning is no "
    "worse. Otherwise repeat the same step next time, or go back one step if it got worse."
)
