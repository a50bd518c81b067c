"""Plan size (guidance M16): one item per kind a day, bans on every region an item covers, few comfort items."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from .plan import PlanItem
from .plan_text import area_label

ALWAYS_ON = ("hydration", "sleep", "nutrition")  # B1
COMFORT = ("compression", "cold_water_immersion", "heat")  # optional comfort items, at most two a day
MAX_COMFORT = 2
MAX_ITEMS_BESIDES_B1 = 6  # "aim for": optional items beyond it are left out
# The order a day reads in: the run or the rest first, protection, rehab, comfort, then the daily basics.
KIND_ORDER = (
    "rest",
    "active_recovery",
    "warm_up",
    "easy_run",
    "training",
    "cool_down",
    "compression",
    "elevation",
    "ice",
    "strength_loading",
    "mobility",
    "stretching",
    "foam_rolling",
    "massage",
    "cold_water_immersion",
    "heat",
    *ALWAYS_ON,
)
# Optional items left out first when a day is too long.
DROP_FIRST = (
    "heat",
    "massage",
    "cold_water_immersion",
    "cool_down",
    "stretching",
    "foam_rolling",
    "compression",
    "ice",
)
MERGED_TITLES = {
    "foam_rolling": "Foam rolling",
    "stretching": "Stretches",
    "strength_loading": "Strength exercises",
    "mobility": "Gentle movement",
    "ice": "Ice for pain relief",
    "compression": "Compression",
    "elevation": "Raise the leg",
    "massage": "Massage",
    "cold_water_immersion": "Cold water bath",
    "heat": "Warmth for comfort",
}

Banned = Callable[[str, str | None], bool]


def _unique(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def _lower_first(text: str) -> str:
    """'Roll the calf' -> 'roll the calf', but 'IT band stretch' and 'Achilles loading' keep their capitals."""
    if len(text) > 1 and text[1].islower() and not text.startswith("Achilles"):
        return text[0].lower() + text[1:]
    return text


def without_banned_regions(item: PlanItem, banned: Banned) -> PlanItem | None:
    """The item without the regions it may not be used on; None when no region (or the item itself) is left."""
    regions = item.regions
    if not regions:
        return None if banned(item.kind, None) else item
    allowed = [r for r in regions if not banned(item.kind, r)]
    if len(allowed) == len(regions):
        return item
    if not allowed:
        return None
    parts = [p for p in item.dose.get("per_region", []) if isinstance(p, dict) and p.get("region") in allowed]
    return _combine(item.kind, [_from_part(item, p) for p in parts]) if parts else None


def _from_part(item: PlanItem, part: dict[str, object]) -> PlanItem:
    dose = {k: v for k, v in part.items() if k not in ("region", "side", "title", "how_to")}
    return PlanItem(
        item.kind,
        str(part.get("title") or item.title),
        dose,
        item.why,
        item.sources,
        region=str(part["region"]),
        side=part.get("side") if isinstance(part.get("side"), str) else None,  # type: ignore[arg-type]
        how_to=part.get("how_to") if isinstance(part.get("how_to"), str) else None,  # type: ignore[arg-type]
        optional=item.optional,
    )


def _combine(kind: str, items: list[PlanItem]) -> PlanItem:
    """One item for one kind: several regions are listed in ``dose.regions`` and ``region`` is then null."""
    first = items[0]
    regions = _unique(r for i in items for r in i.regions)
    if len(items) == 1:
        return first
    if len(regions) <= 1:
        sides = {i.side for i in items}
        return replace(first, side=first.side if len(sides) == 1 else "both")
    per_region: list[dict[str, object]] = []
    for i in items:
        if any(p["region"] == i.region for p in per_region):
            continue
        per_region.append({"region": i.region, "side": i.side, "title": i.title, "how_to": i.how_to, **i.dose})
    labels = [area_label(str(p["region"]), p["side"]) for p in per_region]  # type: ignore[arg-type]
    pairs = list(zip(labels, per_region, strict=True))
    same_title = len({p["title"] for p in per_region}) == 1
    if same_title and len({str(p.get("summary", "")) for p in per_region}) == 1:
        summary = str(first.dose.get("summary", ""))
    elif same_title:
        summary = "; ".join(f"{label}: {p.get('summary', '')}" for label, p in pairs)
    else:
        summary = "; ".join(f"{label}: {_lower_first(str(p['title']))}, {p.get('summary', '')}" for label, p in pairs)
    how_tos = _unique(str(p["how_to"]) for p in per_region if p["how_to"])
    how = (
        how_tos[0]
        if len(how_tos) == 1
        else "\n".join(f"{label} ({p['title']}): {p['how_to']}" for label, p in pairs if p["how_to"])
    )
    return PlanItem(
        kind,
        first.title if same_title else MERGED_TITLES.get(kind, first.title),
        {"summary": summary, "regions": [p["region"] for p in per_region], "per_region": per_region},
        " ".join(_unique(i.why for i in items)),
        tuple(_unique(s for i in items for s in i.sources)),
        region=None,
        side=None,
        how_to=how or None,
        optional=all(i.optional for i in items),
    )


def limit_day(items: list[PlanItem], banned: Banned) -> tuple[PlanItem, ...]:
    """Apply M16 to one day's candidate items: bans first, then one item per kind, comfort <= 2, day length."""
    allowed = [kept for i in items if (kept := without_banned_regions(i, banned)) is not None]
    by_kind: dict[str, list[PlanItem]] = {}
    for item in allowed:
        by_kind.setdefault(item.kind, []).append(item)
    day = [_combine(kind, group) for kind, group in by_kind.items()]
    comfort = [i for i in day if i.kind in COMFORT]
    comfort.sort(key=lambda i: (i.optional, COMFORT.index(i.kind)))
    day = [i for i in day if i.kind not in COMFORT or i in comfort[:MAX_COMFORT]]
    for kind in DROP_FIRST:
        if sum(i.kind not in ALWAYS_ON for i in day) <= MAX_ITEMS_BESIDES_B1:
            break
        day = [i for i in day if not (i.kind == kind and i.optional)]
    order = {k: n for n, k in enumerate(KIND_ORDER)}
    return tuple(sorted(day, key=lambda i: order.get(i.kind, len(order))))
