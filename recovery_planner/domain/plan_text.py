"""A plain-text rendering of a plan for terminals and printouts, and the wording the app shares with it."""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

from .citations import citations
from .regions import REGION_SHORT, region_label

RUNNING_WORDS = {"none": "No running", "easy": "Easy running only", "normal": "Usual training"}
URGENCY_WORDS = {
    "emergency": "Get help now",
    "urgent": "See a doctor today",
    "prompt": "See a physiotherapist or sports doctor within 1-3 days, before running again",
    "routine": "Book an assessment with a physiotherapist in the next 1-2 weeks",
}
NOTICE = "This plan is general guidance, not medical advice. If in doubt, rest and ask a professional."
COACH_MARK = "changed by your coach"  # the words for a coach's change, on screen and in every export


def referral_lines(referral: dict[str, Any]) -> tuple[str, list[str]]:
    """One referral message: the title at the plan's urgency and its reasons, most urgent first.

    Reasons below the plan's urgency carry only their finding (the planner leaves their own timing out), so
    nothing under the title contradicts it."""
    return URGENCY_WORDS.get(referral.get("urgency", "none"), ""), list(dict.fromkeys(referral.get("reasons") or []))


def area_label(region: str, side: str | None = None) -> str:
    """region_label with the Achilles tendon's capital kept ('Right Achilles tendon')."""
    return region_label(region, side).replace("achilles", "Achilles")


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _lower(name: str) -> str:
    return name if name[:2].isupper() or name.startswith("Achilles") else name[0].lower() + name[1:]


def areas_label(areas: list[tuple[str, str | None]]) -> str:
    """Several areas in plain words: 'Quadriceps and calf, both legs', 'Left shin; right knee'."""
    if len(areas) == 1:
        return area_label(*areas[0])
    by_side: dict[str | None, list[str]] = {}
    for region, side in areas:
        names = by_side.setdefault(side, [])
        if REGION_SHORT[region] not in names:
            names.append(REGION_SHORT[region])
    groups = []
    for side, names in by_side.items():
        if side in ("left", "right"):
            groups.append(f"{side} {_and([_lower(n) for n in names])}")
        elif side == "both":
            groups.append(f"{_and([names[0]] + [_lower(n) for n in names[1:]])}, both legs")
        else:
            groups.append(_and([names[0]] + [_lower(n) for n in names[1:]]))
    text = "; ".join(groups)
    return text[0].upper() + text[1:]


def where(item: dict[str, Any]) -> str:
    """The areas an item is for, in plain words ('' for whole-body items)."""
    dose = item.get("dose") or {}
    parts = dose.get("per_region") if isinstance(dose, dict) else None
    if isinstance(parts, list) and parts:
        return areas_label([(p["region"], p.get("side")) for p in parts if isinstance(p, dict)])
    listed = dose.get("regions") if isinstance(dose, dict) else None
    if isinstance(listed, list) and listed:
        return areas_label([(r, None) for r in listed])
    return area_label(item["region"], item.get("side")) if item.get("region") else ""


def item_citations(item: dict[str, Any]) -> list[str]:
    """Readable citations of an item; plans from planner 1.0 have only ``sources``."""
    stored = item.get("citations")
    return list(stored) if isinstance(stored, list) else list(citations(item.get("sources") or []))


def fluids_text(hyd: dict[str, Any]) -> list[str]:
    """The fluids section: the next run's amounts (only with a running day) and the after-run reference."""
    kind = "measured" if hyd.get("sweat_rate_measured") else "estimated"
    lines = []
    if hyd.get("pre_run_l"):
        pre = hyd["pre_run_l"]
        during = hyd.get("during_run_l")
        basis = {"usual_easy_run": "your usual easy run", "default": "a typical easy run"}.get(
            hyd.get("session_basis", "planned"), "your planned run"
        )
        lines.append(
            f"For your next run ({hyd['session_min']} min, {basis}; sweat rate {hyd['sweat_rate_l_per_h']} L/h, "
            f"{kind}): drink {pre[0]:.2f}-{pre[1]:.2f} L about 4 h before."
        )
        if during:
            cap = "" if hyd.get("sweat_rate_measured") else " Drink to thirst within this range."
            lines.append(f"During the run: {during[0]:.2f}-{during[1]:.2f} L.{cap}")
        else:
            lines.append("During the run: drink to thirst.")
        lines.append("Never drink more than you sweat.")
    else:
        lines.append("No run in this plan, so no fluids for a run: drink to thirst through the day.")
    if hyd.get("catch_up_l"):
        c = hyd["catch_up_l"]
        lines.append(f"After the session you just finished: {c[0]:.2f}-{c[1]:.2f} L over 2-4 h, with some salt.")
    return lines


def _day_title(day: dict[str, Any]) -> str:
    d = date.fromisoformat(day["date"])
    return f"{d.strftime('%a %d %b')}  {RUNNING_WORDS.get(day['running'], day['running'])}"


def _wrap(text: str, indent: str, more: int = 2) -> list[str]:
    return textwrap.wrap(text, width=88, initial_indent=indent, subsequent_indent=" " * (len(indent) + more))


def render_plan_text(plan: dict[str, Any]) -> str:
    """Render a plan in plan format v1 as readable text, most urgent information first."""
    out: list[str] = [f"Recovery plan from {plan['start']}", ""]
    referral = plan["referral"]
    if referral["urgency"] != "none":
        title, reasons = referral_lines(referral)
        out.append(title.upper())
        for reason in reasons:
            out += _wrap(reason, "  - ")
        out.append("")
    if plan.get("do_now"):
        out.append("What to do now:")
        for step in plan["do_now"]:
            out += _wrap(step, "  * ")
        out.append("")
    if plan["plan_suppressed"]:
        out += ["No training plan: get help first.", "", NOTICE]
        return "\n".join(out)
    if plan["no_running_until_cleared"]:
        out += ["No running until a clinician has cleared you.", ""]
    changes = plan.get("coach_changes") or []
    if changes:
        out.append("Changed by your coach:")
        for change in changes:
            out += _wrap(f"{change.get('text', '')} ({change.get('author', '')})", "  - ")
        out.append("")
    explained: set[tuple[str, str]] = set()
    for day in plan["days"]:
        out.append(_day_title(day))
        if day.get("running_reason"):
            out += _wrap(day["running_reason"], "  ")
        if day.get("summary"):
            out += _wrap(f"Today: {day['summary']}", "  ")
        if day.get("coach_note"):
            out += _wrap(f"Note from your coach: {day['coach_note']}", "  ")
        for item in day["items"]:
            place = where(item)
            optional = " (optional)" if item.get("optional") else ""
            optional += f" ({COACH_MARK})" if item.get("changed_by_coach") else ""
            head = f"{item['title']}{f' - {place}' if place else ''}{optional}"
            out += _wrap(f"{head}: {item['dose'].get('summary', '')}", "  - ")
            seen = (item["kind"], item["title"])
            if seen not in explained:
                explained.add(seen)
                refs = item_citations(item)
                out += _wrap(f"Why: {item['why']}" + (f" ({'; '.join(refs)})" if refs else ""), "      ")
        out.append("")
    for title, key in (
        ("Stop the run if", "stop_rules"),
        ("Before running again", "return_to_run"),
        ("Good to know", "cautions"),
    ):
        lines = list(dict.fromkeys(plan.get(key) or []))
        if lines:
            out.append(f"{title}:")
            for line in lines:
                out += _wrap(line, "  - ")
            out.append("")
    hyd = plan.get("hydration")
    if hyd:
        out.append("Fluids:")
        for line in fluids_text(hyd):
            out += _wrap(line, "  - ")
        out.append("")
    out.append(NOTICE)
    return "\n".join(out)
