"""Small pieces of a plan shared by the calendar and spreadsheet exports: regions, doses, key items."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.plan_text import COACH_MARK as COACH_MARK  # re-exported for the exports
from ..domain.regions import REGION_SHORT, region_label

RUNNING_SHORT = {"none": "No running", "easy": "Easy running only", "normal": "Usual training"}


def _per_region(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    per_region = (item.get("dose") or {}).get("per_region") or ()
    return [p for p in per_region if isinstance(p, Mapping) and p.get("region") in REGION_SHORT]


def item_regions(item: Mapping[str, Any]) -> list[str]:
    """Plain names of every region an item covers: its own, then those in ``dose.per_region`` (with their
    sides) or ``dose.regions``."""
    names: list[str] = []
    region, side = item.get("region"), item.get("side")
    if region in REGION_SHORT:
        names.append(region_label(region, side))
    listed = _per_region(item) or (item.get("dose") or {}).get("regions") or ()
    for extra in listed:
        if isinstance(extra, Mapping):
            label = region_label(extra["region"], extra.get("side")) if extra.get("region") in REGION_SHORT else None
        else:
            label = region_label(extra, side) if extra in REGION_SHORT else None
        if label and label not in names:
            names.append(label)
    return names


def names_its_regions(item: Mapping[str, Any]) -> bool:
    """True when the dose summary already names each area (an item for several areas, planner 2.0)."""
    return bool(_per_region(item))


def item_dose(item: Mapping[str, Any]) -> str:
    """The dose in words: its summary when the planner wrote one, else its fields."""
    dose = item.get("dose") or {}
    if dose.get("summary"):
        return str(dose["summary"])
    skip = ("regions", "per_region")
    return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in dose.items() if k not in skip and v is not None)


def exercises(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The exercises an item asks for, each with a how-to: one per area it covers, or the item itself."""
    own = [dict(item)] if item.get("how_to") else []
    per_area = [
        {
            "kind": item.get("kind"),
            "title": p.get("title") or item.get("title"),
            "how_to": p["how_to"],
            "dose": {"summary": p.get("summary") or ""},
            "region": p["region"],
            "side": p.get("side"),
            "why": item.get("why"),
        }
        for p in _per_region(item)
        if p.get("how_to")
    ]
    return per_area or own


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
    where = [] if names_its_regions(item) else item_regions(item)
    head = f"{item['title']} ({', '.join(where)})" if where else str(item["title"])
    if item.get("changed_by_coach"):
        head += f" ({COACH_MARK})"
    dose = item_dose(item)
    return f"{head}: {dose}" if dose else head


def key_items(day: Mapping[str, Any]) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """A day's items split into the ones to do and the optional ones, in plan order."""
    items = day.get("items") or []
    return [i for i in items if not i.get("optional")], [i for i in items if i.get("optional")]
