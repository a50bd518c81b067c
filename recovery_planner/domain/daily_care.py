"""Items every plan day carries: hydration, sleep and nutrition (guidance B1, M9-M12, S4, X3, X4, section 4)."""

from __future__ import annotations

from .assessment import Assessment
from .plan import HydrationAdvice, PlanItem

SET_BODY_MASS = "set your body mass in your profile"


def is_child(a: Assessment) -> bool:
    """X3: under 18."""
    return a.features.child


def has_reds_flag(a: Assessment) -> bool:
    return bool(a.features.reds_flag) or "X4" in a.rules


def _rng(pair: tuple[float, float], unit: str = "L") -> str:
    return f"{pair[0]:.2f}-{pair[1]:.2f} {unit}"


def _litres(pair: tuple[float, float]) -> list[float]:
    return [round(x, 2) for x in pair]


def hydration_item(a: Assessment, advice: HydrationAdvice | None, day: int, running: str) -> PlanItem:
    """The day's one hydration item: run fluids on a running day, and day 1's catch-up when it applies."""
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
    if is_child(a):
        return PlanItem(
            "hydration",
            "Drink to thirst",
            {"summary": "keep cool water at hand and drink when thirsty, before, during and after sport"},
            "Drinking to thirst is right for young athletes; fixed amounts are worked out for adults.",
            ("X3", "M12", "EAH consensus 2015"),
        )
    parts: list[str] = []
    dose: dict[str, object] = {}
    why = "Small fluid deficits build up over days of training; dark-yellow urine is a sign to drink more."
    if advice is not None and day == 0 and advice.catch_up_l is not None:
        parts.append(f"replace {_rng(advice.catch_up_l)} over the next 2-4 h, with salty food or a drink with sodium")
        dose["replace_l"] = _litres(advice.catch_up_l)
        why = "Your last session ended only a few hours ago: replacing what you sweated, with some salt, restores you."
    if running != "none" and advice is not None and advice.pre_run_l is not None:
        during = _rng(advice.during_run_l) if advice.during_run_l else "drink to thirst"
        parts.append(f"before your run {_rng(advice.pre_run_l)} about 4 h ahead; during: {during}")
        if advice.sodium:
            parts.append("choose a drink with sodium")
        dose["before_l"] = _litres(advice.pre_run_l)
        dose["during_l"] = None if advice.during_run_l is None else _litres(advice.during_run_l)
        dose["sodium"] = advice.sodium
        why = (
            "Losing more than 2 % of body mass in sweat hurts performance; drinking more than you sweat can "
            "dangerously dilute blood sodium. The range keeps you between the two."
        )
    elif running != "none":
        parts.append(f"drink to thirst around your run; {SET_BODY_MASS} to get amounts")
    if not parts or running == "none":
        parts.append("drink to thirst through the day; aim for pale-yellow urine")
    dose["summary"] = "; ".join(parts)
    return PlanItem("hydration", "Fluids", dose, why, sources)


def sleep_target(age: int | None) -> str:
    """Hours a night: children 9-12 h (6-12 y), 8-10 h (13-17 y); adults 7-9 h, 7-8 h from 65 (S4, X3)."""
    if age is not None and age < 13:
        return "9-12"
    if age is not None and age < 18:
        return "8-10"
    if age is not None and age >= 65:
        return "7-8"
    return "7-9"


def sleep_item(a: Assessment, day: int) -> PlanItem:
    ci = a.features.check_in
    target = sleep_target(ci.athlete.age)
    low = float(target.split("-")[0])
    short_below = low if is_child(a) else 7
    short = ci.wellbeing.sleep_hours is not None and ci.wellbeing.sleep_hours < short_below
    if day == 0 and (short or a.features.systemic_score >= 2):
        hours = f"{target}" if is_child(a) else "8+"
        return PlanItem(
            "sleep",
            "Catch up on sleep",
            {"summary": f"give yourself {hours} h in bed tonight", "hours": hours},
            "You slept little last night. Sleep is when the body repairs; short sleep goes with "
            "more soreness and more injuries.",
            ("S4", "M9", "Walsh 2021", "Milewski 2014"),
        )
    return PlanItem(
        "sleep",
        "Sleep",
        {"summary": f"{target} h, with a regular bedtime", "hours": target},
        "Enough regular sleep supports muscle repair and lowers injury risk.",
        ("M9", "S4", "Paruthi 2016" if is_child(a) else "Hirshkowitz 2015"),
    )


def _child_nutrition(a: Assessment, running: str) -> PlanItem:
    summary = (
        "regular meals and snacks, each with a carbohydrate food (bread, rice, pasta, potatoes) and a "
        "protein food (milk, yoghurt, eggs, fish, meat, beans); a meal or snack soon after training"
    )
    return PlanItem(
        "nutrition",
        "Eat well for growing and training",
        {"summary": summary, "food_based": True},
        "Young athletes need enough food for growth as well as sport. Milk, yoghurt, fish, eggs, lean meat "
        "and beans give calcium, vitamin D and iron for bones and blood; no supplements or weight goals.",
        ("X3", "M10", "M11", "Desbrow 2014"),
    )


def protein_per_meal(mass: float) -> tuple[float, float]:
    """M10: max(20 g, 0.25-0.3 g/kg) per meal, up to about 40 g."""
    low = max(20.0, 0.25 * mass)
    return low, max(low, min(0.3 * mass, 40.0))


def nutrition_item(a: Assessment, day: int, running: str) -> PlanItem:
    if is_child(a):
        return _child_nutrition(a, running)
    ci = a.features.check_in
    mass = ci.athlete.body_mass_kg
    reds = has_reds_flag(a)
    carbs = (3, 5) if running == "none" and not reds else (5, 7)
    sources: tuple[str, ...] = ("M10", "M11", "Jäger 2017", "Thomas 2016")
    if mass:
        meal = protein_per_meal(mass)
        per_meal = f"{meal[0]:.0f} g" if meal[1] - meal[0] < 3 else f"{meal[0]:.0f}-{meal[1]:.0f} g"
        summary = (
            f"{1.4 * mass:.0f}-{2.0 * mass:.0f} g protein over the day, about {per_meal} per meal every 3-4 h; "
            f"{carbs[0] * mass:.0f}-{carbs[1] * mass:.0f} g carbohydrate"
        )
        dose: dict[str, object] = {
            "protein_g_per_day": [round(1.4 * mass), round(2.0 * mass)],
            "protein_g_per_meal": [round(meal[0]), round(meal[1])],
            "carbohydrate_g_per_day": [carbs[0] * mass, carbs[1] * mass],
        }
    else:
        summary = f"at least 20 g protein a meal, carbohydrate for your training; {SET_BODY_MASS} to see amounts"
        dose = {}
    why = "Protein spread over the day rebuilds muscle; carbohydrate refills the energy used in training."
    last = ci.load.last_session
    if day == 0 and last is not None and (last.duration_min or 0) > 90:
        summary += "; a carbohydrate-rich meal with protein within about 2 h"
        why += " After a long session, eating soon speeds refuelling."
    elif running != "none":
        summary += "; a meal with protein within about 2 h after running"
    if reds:
        why += " Keep eating as on training days even on rest days: eating too little affects bones and hormones."
        sources += ("X4",)
    elif a.bone_sites:
        why += " Eating enough for your training also protects your bones."
    dose["summary"] = summary
    return PlanItem("nutrition", "Eat for recovery", dose, why, sources)
