"""The plan as a spreadsheet: one row per item per day, ready for Excel and LibreOffice.

UTF-8 with a byte-order mark (Excel otherwise reads the file as the local code page and garbles "°"
and names with accents), comma-separated, CRLF line ends and quoting as RFC 4180 says. A cell that a
spreadsheet would run as a formula (starting with = + - @ or a tab or carriage return) is prefixed with
an apostrophe, as OWASP advises against CSV injection.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from .plan_parts import RUNNING_SHORT, coach_note, item_dose, item_regions, item_title

COLUMNS = ("date", "running", "activity", "regions", "dose", "done")
BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell's text, defused so that no spreadsheet runs it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def plan_rows(plan: Mapping[str, Any], done_ids: Collection[str] = ()) -> Iterable[list[str]]:
    """The rows under the header: date, running, activity, regions (``; ``-separated), dose, done (yes/no).

    A coach's note on a day comes first in that day, as a row of its own with an empty ``done``."""
    if plan.get("plan_suppressed") or not plan.get("days"):
        yield [str(plan["start"]), RUNNING_SHORT["none"], "No training plan: get help first", "", "", ""]
        return
    for day in plan["days"]:
        running = RUNNING_SHORT.get(day["running"], day["running"])
        note = coach_note(day)
        if note:
            yield [day["date"], running, note, "", "", ""]
        for item in day.get("items") or ():
            done = "yes" if item.get("id") in done_ids else "no"
            yield [day["date"], running, item_title(item), "; ".join(item_regions(item)), item_dose(item), done]


def plan_to_csv(plan: Mapping[str, Any], done_ids: Collection[str] = ()) -> bytes:
    """The plan (plan format v1 dict) as CSV bytes, BOM first."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in plan_rows(plan, frozenset(done_ids)):
        writer.writerow([safe_cell(c) for c in row])
    return (BOM + out.getvalue()).encode("utf-8")
