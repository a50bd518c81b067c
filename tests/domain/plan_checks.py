"""Reading a plan dict the way the vignette expectations are written (shared/vignettes/README.md)."""

from __future__ import annotations

from typing import Any

RUN_ORDER = {"none": 0, "easy": 1, "normal": 2}
URGENCY = {"none": 0, "routine": 1, "prompt": 2, "urgent": 3, "emergency": 4}


def kinds(plan: dict[str, Any]) -> set[str]:
    return {it["kind"] for day in plan["days"] for it in day["items"]}


def rest_days_from_start(plan: dict[str, Any]) -> int:
    n = 0
    for day in plan["days"]:
        if day["running"] != "none":
            break
        n += 1
    return n


def expectation_errors(plan: dict[str, Any], exp: dict[str, Any]) -> list[str]:
    errs: list[str] = []
    urg = URGENCY[plan["referral"]["urgency"]]
    if "plan_suppressed" in exp and plan["plan_suppressed"] != exp["plan_suppressed"]:
        errs.append(f"plan_suppressed is {plan['plan_suppressed']}")
    want = exp.get("referral_urgency")
    if want is not None:
        if urg < URGENCY[want]:
            errs.append(f"referral {plan['referral']['urgency']} below {want}")
        if want == "none" and urg >= URGENCY["urgent"]:
            errs.append("false alarm")
    if exp.get("must_refer") and urg == 0:
        errs.append("no referral")
    if exp.get("no_running_until_cleared") and not plan["no_running_until_cleared"]:
        errs.append("no_running_until_cleared should be true")
    ks = kinds(plan)
    if not plan["plan_suppressed"]:
        days = plan["days"]
        if (
            exp.get("running_allowed_day1") is not None
            and (days[0]["running"] != "none") != exp["running_allowed_day1"]
        ):
            errs.append(f"day 1 running is {days[0]['running']}")
        cap = exp.get("max_run_intensity_days_1_3")
        if cap and max(RUN_ORDER[d["running"]] for d in days[:3]) > RUN_ORDER[cap]:
            errs.append(f"days 1-3 exceed {cap}")
        if rest_days_from_start(plan) < exp.get("min_rest_days", 0):
            errs.append("too few rest days")
        errs += [f"missing {k}" for k in exp.get("must_include", []) if k not in ks]
        if exp.get("must_include_any") and not ks & set(exp["must_include_any"]):
            errs.append(f"none of {exp['must_include_any']}")
    errs += [f"includes {k}" for k in exp.get("must_not_include", []) if k in ks]
    for region, banned in exp.get("must_not_include_for_region", {}).items():
        for day in plan["days"]:
            errs += [
                f"{it['kind']} on {region}" for it in day["items"] if region in regions_of(it) and it["kind"] in banned
            ]
    return errs


def regions_of(item: dict[str, Any]) -> set[str]:
    """The regions an item is for: its ``region`` plus ``dose.regions`` (one item for several areas, M16)."""
    out = {item.get("region")} - {None}
    dose = item.get("dose")
    if isinstance(dose, dict) and isinstance(dose.get("regions"), list):
        out |= {r for r in dose["regions"] if isinstance(r, str)}
    return out


def close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.02, 0.03 * abs(b))


HYDRATION_KEYS = {
    "sweat_rate_l_per_h": "sweat_rate_l_per_h",
    "pre_run_fluid_l": "pre_run_l",
    "post_run_fluid_l": "post_run_l",
    "planned_session_during_l": "during_run_l",
}


def hydration_errors(plan: dict[str, Any], exp: dict[str, Any]) -> list[str]:
    """Expected fluid numbers within 3 % or 0.02 L, and no run volumes where none may be (vignettes README)."""
    errs: list[str] = []
    got = plan.get("hydration") or {}
    for vkey, pkey in HYDRATION_KEYS.items():
        if vkey not in (exp.get("hydration") or {}):
            continue
        want, val = exp["hydration"][vkey], got.get(pkey)
        if isinstance(want, list):
            ok = isinstance(val, list) and len(val) == 2 and all(close(x, y) for x, y in zip(val, want, strict=True))
        else:
            ok = isinstance(val, (int, float)) and close(val, want)
        if not ok:
            errs.append(f"hydration.{pkey} {val!r}, expected {want!r}")
    if exp.get("no_fluid_volumes") and any(got.get(k) for k in ("pre_run_l", "during_run_l")):
        errs.append("fluid volumes given where none may be")
    return errs
