"""Small pieces of a plan shared by the calendar and spreadsheet exports: regions, doses, key items."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.regions import REGION_SHORT, region_label

RUNNING_SHORT = {"none": "No running", "easy": "Easy running only", "normal": "Usual training"}
COACH_MARK = "changed by your coach"  # the plan screen's words for a coach's change


def item_regions(item: Mapping[str, Any]) -> list[str]:
    """Plain names of every region an item covers: its own, then any listed in ``dose.regions``."""
    names: list[str] = []
    region, side = item.get("region"), item.get("side")
    if region in REGION_SHORT:
        names.append(region_label(region, side))
    for extra in (item.get("dose") or {}).get("regions") or ():
        if isinstance(extra, Mapping):
            label = region_label(extra["region"], extra.get("side")) if extra.get("region") in REGION_SHORT else None
        else:
            label = region_label(extra, side) if extra in REGION_SHORT else None
        if label and label not in names:
            names.append(label)
    return names


def item_dose(item: Mapping[str, Any]) -> str:
    """The dose in words: its summary when the planner wrote one, else its fields."""
    dose = item.get("dose") or {}
    if dose.get("summary"):
        return str(dose["summary"])
    return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in dose.items() if k != "regions")


def item_title(item: Mapping[str, Any]) -> str:
    """The item's title with its marks: '(optional)', '(changed by your coach)'."""
    title = str(item.get("title", ""))
    if item.get("optional"):
        title += " (optional)"
    if item.get("changed_by_coach"):
        title += f" ({COACH_MARK})"
    return title


def coach_note(day: Mapping[str, Any]) -> str | None:
    """'Note from your coach: ...' when the coach left a note on the day."""
    note = day.get("coach_note")
    return f"Note from your coach: {note}" if note else None


def item_line(item: Mapping[str, Any]) -> str:
    """'Title (Left calf): dose' for a list of items."""
    where = item_regions(item)
    head = f"{item['title']} ({', '.join(where)})" if where else str(item["title"])
    if item.get("changed_by_coach"):
        head += f" ({COACH_MARK})"
    dose = item_dose(item)
    return f"{head}: {dose}" if dose else head


def key_items(day: Mapping[str, Any]) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """A day's items split into the ones to do and the optional ones, in plan order."""
    items = day.get("items") or []
    return [i for i in items if not i.get("optional")], [i for i in items if i.get("optional")]
