"""A plain-text rendering of a plan for terminals and printouts."""

from __future__ import annotations

import textwrap
from typing import Any

from .regions import region_label

RUNNING_WORDS = {"none": "NO RUNNING", "easy": "Easy running allowed", "normal": "Usual training allowed"}
URGENCY_WORDS = {
    "emergency": "EMERGENCY: get help now",
    "urgent": "See a doctor today",
    "prompt": "See a physiotherapist or sports doctor within 1-3 days, before running again",
    "routine": "Book an assessment within 1-2 weeks",
}
NOTICE = "This plan is general guidance, not medical advice. If in doubt, rest and ask a professional."


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, width=88, initial_indent=indent, subsequent_indent=" " * (len(indent) + 2))


def render_plan_text(plan: dict[str, Any]) -> str:
    """Render a plan in plan format v1 as readable text, most urgent information first."""
    out: list[str] = [f"Recovery plan from {plan['start']}", ""]
    referral = plan["referral"]
    if referral["urgency"] != "none":
        out.append(URGENCY_WORDS[referral["urgency"]])
        for reason in referral["reasons"]:
            out += _wrap(reason, "  - ")
        out.append("")
    if plan.get("do_now"):
        out.append("What to do now:")
        for step in plan["do_now"]:
            out += _wrap(step, "  * ")
        out.append("")
    if plan["plan_suppressed"]:
        out.append("No training plan: get help first.")
        out += ["", NOTICE]
        return "\n".join(out)
    if plan["no_running_until_cleared"]:
        out += ["No running until a clinician has cleared you.", ""]
    for day in plan["days"]:
        out.append(f"{day['date']}  {RUNNING_WORDS[day['running']]}")
        for item in day["items"]:
            where = f" ({region_label(item['region'], item['side'])})" if item["region"] else ""
            optional = " [optional]" if item.get("optional") else ""
            out += _wrap(f"{item['title']}{where}{optional}: {item['dose'].get('summary', '')}", "  - ")
            out += _wrap(f"Why: {item['why']}", "      ")
        out.append("")
    for title, key in (
        ("Stop the run if", "stop_rules"),
        ("Before running again", "return_to_run"),
        ("Good to know", "cautions"),
    ):
        if plan.get(key):
            out.append(f"{title}:")
            for line in plan[key]:
                out += _wrap(line, "  - ")
            out.append("")
    hyd = plan.get("hydration")
    if hyd:
        during = f"{hyd['during_run_l'][0]}-{hyd['during_run_l'][1]} L" if hyd["during_run_l"] else "drink to thirst"
        out.append(
            f"Fluids for a {hyd['session_min']}-min run (sweat rate {hyd['sweat_rate_l_per_h']} L/h"
            f"{', measured' if hyd['sweat_rate_measured'] else ', estimated'}): before "
            f"{hyd['pre_run_l'][0]}-{hyd['pre_run_l'][1]} L, during {during}, never more than you sweat."
        )
        out.append("")
    out.append(NOTICE)
    return "\n".join(out)
