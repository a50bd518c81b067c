"""The coach's weekly squad summary as CSV (one row per athlete; opens cleanly in Excel and LibreOffice)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from ..domain.regions import region_label
from ..domain.roster import Completion, RosterEntry

COLUMNS = (
    "athlete",
    "last_check_in",
    "days_since_check_in",
    "open_referral",
    "referral_urgency",
    "worst_area",
    "worst_pain",
    "trend",
    "completion_7d_done",
    "completion_7d_scheduled",
    "completion_7d_pct",
)


def _safe(cell: object) -> str:
    """Text a spreadsheet never runs as a formula (a leading = + - @ is quoted with an apostrophe)."""
    text = "" if cell is None else str(cell)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def squad_csv(rows: Sequence[RosterEntry], today: date) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows:
        area = region_label(r.worst_region, r.worst_side) if r.worst_region else ""
        done = r.completion or Completion(0, 0)
        fraction = done.fraction
        writer.writerow(
            [
                _safe(r.name),
                r.last_check_in.isoformat() if r.last_check_in else "",
                "" if r.last_check_in is None else r.days_since_check_in(today),
                "yes" if r.needs_referral() else "no",
                r.referral_urgency or "",
                area,
                "" if r.worst_pain is None else f"{r.worst_pain:g}",
                r.trend or "",
                done.done,
                done.scheduled,
                "" if fraction is None else round(fraction * 100),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
