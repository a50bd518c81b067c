"""Items every plan day carries: hydration, sleep and nutrition (guidance B1, M9-M12, S4, section 4)."""

from __future__ import annotations

from .assessment import Assessment
from .plan import HydrationAdvice, PlanItem


def _rng(pair: tuple[float, float], unit: str = "L") -> str:
    return f"{pair[0]:.2f}-{pair[1]:.2f} {unit}"


def hydration_item(a: Assessment, advice: HydrationAdvice | None, day: int, running: str) -> PlanItem:
    sources = ("B1", "M12", "ACSM 2007", "EAH consensus 2015")
    if a.no_fluid_push:
        return PlanItem(
            "hydration",
            "Drink to thirst only",
            {"summary": "sip when thirsty; do not force fluids"},
            "You gained weight over your last long session, so you drank more than you sweated. "
            "Forcing fluids can dilute blood sodium.",
            sources,
        )
    dose: dict[str, object] = {"summary": "drink to thirst through the day; aim for pale-yellow urine"}
    why = "Small fluid deficits build up over days of training; dark-yellow urine is a sign to drink more."
    if advice is not None and running != "none":
        dose = {
            "summary": f"before: {_rng(advice.pre_run_l)} about 4 h ahead; during: "
            + (f"{_rng(advice.during_run_l)}" if advice.during_run_l else "drink to thirst")
            + ("; choose a drink with sodium" if advice.sodium else ""),
            "before_l": [round(x, 2) for x in advice.pre_run_l],
            "during_l": None if advice.during_run_l is None else [round(x, 2) for x in advice.during_run_l],
            "sodium": advice.sodium,
        }
        why = (
            "Losing more than 2 % of body mass in sweat hurts performance; drinking more than you sweat can "
            "dangerously dilute blood sodium. The range keeps you between the two."
        )
    if (
        advice is not None
        and day == 0
        and advice.post_run_basis.startswith("last_session")
        and advice.post_run_l[1] > 0.05
    ):
        dose = dict(dose)
        dose["replace_l"] = [round(x, 2) for x in advice.post_run_l]
        dose["summary"] = (
            f"replace {_rng(advice.post_run_l)} over 2-4 h with salty food or a drink with "
            f"sodium; then {dose['summary']}"
        )
    return PlanItem("hydration", "Hydration", dose, why, sources)


def sleep_target(age: int | None) -> str:
    if age is not None and age < 18:
        return "8-10"
    if age is not None and age >= 65:
        return "7-8"
    return "7-9"


def sleep_item(a: Assessment, day: int) -> PlanItem:
    ci = a.features.check_in
    target = sleep_target(ci.athlete.age)
    short = ci.wellbeing.sleep_hours is not None and ci.wellbeing.sleep_hours < 7
    if day == 0 and (short or a.features.systemic_score >= 2):
        return PlanItem(
            "sleep",
            "Catch up on sleep",
            {"summary": "give yourself at least 8 h in bed tonight", "hours": "8+"},
            "You slept little last night. Sleep is when the body repairs; short sleep goes with "
            "more soreness and more injuries.",
            ("S4", "M9", "Walsh 2021", "Milewski 2014"),
        )
    return PlanItem(
        "sleep",
        "Sleep",
        {"summary": f"{target} h, with a regular bedtime", "hours": target},
        "Enough regular sleep supports muscle repair and lowers injury risk.",
        ("M9", "S4", "Hirshkowitz 2015"),
    )


def nutrition_item(a: Assessment, day: int, running: str) -> PlanItem:
    ci = a.features.check_in
    mass = ci.athlete.body_mass_kg
    carbs = (3, 5) if running == "none" else (5, 7)
    sources = ("M10", "M11", "Jäger 2017", "Thomas 2016")
    if mass:
        protein = (
            f"{1.4 * mass:.0f}-{2.0 * mass:.0f} g protein over the day, about {0.25 * mass:.0f}-"
            f"{0.3 * mass:.0f} g per meal every 3-4 h"
        )
        carb_text = f"{carbs[0] * mass:.0f}-{carbs[1] * mass:.0f} g carbohydrate"
        dose: dict[str, object] = {
            "protein_g_per_day": [round(1.4 * mass), round(2.0 * mass)],
            "protein_g_per_meal": [round(0.25 * mass), round(0.3 * mass)],
            "carbohydrate_g_per_day": [carbs[0] * mass, carbs[1] * mass],
        }
    else:
        protein = "1.4-2.0 g protein per kg body mass over the day, 0.25-0.3 g/kg per meal every 3-4 h"
        carb_text = f"{carbs[0]}-{carbs[1]} g carbohydrate per kg"
        dose = {"protein_g_per_kg_day": [1.4, 2.0], "carbohydrate_g_per_kg_day": list(carbs)}
    summary = f"{protein}; {carb_text}"
    why = "Protein spread over the day rebuilds muscle; carbohydrate refills the energy used in training."
    last = ci.load.last_session
    if day == 0 and last is not None and (last.duration_min or 0) > 90:
        summary += "; eat a carbohydrate-rich meal with protein within about 2 hours"
        why += " After a long session, eating soon speeds refuelling."
    if a.bone_sites:
        why += " Eating enough for your training also protects your bones."
    if running != "none":
        summary += "; a meal with protein within about 2 h after running"
    dose["summary"] = summary
    return PlanItem("nutrition", "Eat for recovery", dose, why, sources)
