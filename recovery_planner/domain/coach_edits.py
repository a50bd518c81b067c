"""A coach's changes to a plan, kept inside the planner's safety rules.

A coach may remove an optional item, swap an exercise for another one listed for the same region, turn a
day into a rest day, or add a note to a day. None of these can add running, intensity or a banned item:
every change is checked against the plan and the planner's bans before it is applied, and a change that
would break a rule is refused with the reason. Applied changes are marked in the plan (``coach_changes``
on the plan, ``changed_by_coach`` on the day or item) so every view and export can say so.

Works on the plan format v1 dictionaries (the public contract), so it applies equally to a new plan and
to a stored one; a new check-in rebuilds the plan and the stored edits are re-applied where they still fit.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .exercise_options import Option, options_for

ACTIONS = ("remove_item", "swap_exercise", "rest_day", "day_note")
MAX_NOTE_CHARS = 500
RUN_KINDS = frozenset({"easy_run", "training", "warm_up", "cool_down"})
SWAPPABLE_KINDS = frozenset({"stretching", "foam_rolling", "strength_loading", "mobility"})

BanCheck = Callable[[str, str | None], bool]


class EditError(ValueError):
    """A change that cannot be applied; the message says why in plain words."""

    exit_code = 2  # bad input: nothing was saved


@dataclass(frozen=True)
class CoachEdit:
    """One change: ``action`` on ``day`` (and ``item_id`` for item changes), by ``author`` at ``made_at``."""

    action: str
    day: date
    author: str
    made_at: str
    item_id: str | None = None
    option: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.action, "day": self.day.isoformat(), "author": self.author}
        out["made_at"] = self.made_at
        for key in ("item_id", "option", "note"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CoachEdit:
        return cls(
            action=str(d["action"]),
            day=date.fromisoformat(str(d["day"])),
            author=str(d.get("author", "")),
            made_at=str(d.get("made_at", "")),
            item_id=d.get("item_id"),
            option=d.get("option"),
            note=d.get("note"),
        )

    def describe(self) -> str:
        """Plain words for the change, for the history and the exports."""
        day = self.day.strftime("%a %d %b")
        if self.action == "remove_item":
            return f"{day}: removed an optional item"
        if self.action == "swap_exercise":
            return f"{day}: swapped an exercise"
        if self.action == "rest_day":
            return f"{day}: made a rest day"
        return f"{day}: added a note"


@dataclass(frozen=True)
class EditOutcome:
    """The edited plan, the changes applied and those that no longer fit (with the reason)."""

    plan: dict[str, Any]
    applied: tuple[CoachEdit, ...] = ()
    skipped: tuple[tuple[CoachEdit, str], ...] = field(default=())


def item_regions(item: dict[str, Any]) -> set[str]:
    """The regions an item is for: its ``region`` and any listed in ``dose.regions``."""
    regions = {item.get("region")} - {None}
    dose = item.get("dose") or {}
    if isinstance(dose, dict) and isinstance(dose.get("regions"), list):
        regions |= {r for r in dose["regions"] if isinstance(r, str)}
    return {str(r) for r in regions}


def _find_day(plan: dict[str, Any], day: date) -> dict[str, Any]:
    for d in plan.get("days") or []:
        if d.get("date") == day.isoformat():
            return d
    raise EditError(f"The plan has no day {day.isoformat()}.")


def _find_item(day: dict[str, Any], item_id: str | None) -> dict[str, Any]:
    for item in day.get("items") or []:
        if item_id is not None and item.get("id") == item_id:
            return item
    raise EditError("That item is not in the plan for that day (the plan may have changed since).")


def check_edit(plan: dict[str, Any], edit: CoachEdit, is_banned: BanCheck) -> None:
    """Raise EditError (with the reason) unless ``edit`` can be applied to ``plan`` safely."""
    if edit.action not in ACTIONS:
        raise EditError(f"Unknown change {edit.action!r}; use one of {', '.join(ACTIONS)}.")
    if not edit.author.strip():
        raise EditError("Say who made the change.")
    if plan.get("plan_suppressed"):
        raise EditError("This plan is an emergency plan: it cannot be changed, only followed.")
    day = _find_day(plan, edit.day)
    if edit.action == "day_note":
        if not edit.note or not edit.note.strip():
            raise EditError("The note is empty.")
        if len(edit.note) > MAX_NOTE_CHARS:
            raise EditError(f"The note is too long ({len(edit.note)} characters; at most {MAX_NOTE_CHARS}).")
        return
    if edit.action == "rest_day":
        return  # less running is always within the rules
    item = _find_item(day, edit.item_id)
    if edit.action == "remove_item":
        if not item.get("optional"):
            raise EditError(
                f"“{item.get('title')}” is part of the safe plan, not an optional extra, so it cannot be removed."
            )
        return
    kind = str(item.get("kind"))
    if kind not in SWAPPABLE_KINDS:
        raise EditError(f"Only exercises can be swapped; “{item.get('title')}” is not one.")
    _option(kind, item, edit.option)
    for region in item_regions(item):
        if is_banned(kind, region):
            raise EditError("That kind of exercise is not allowed for this area at the moment.")


def _option(kind: str, item: dict[str, Any], key: str | None) -> Option:
    regions = item_regions(item)
    if len(regions) != 1:
        raise EditError("Only an exercise for one area can be swapped.")
    (region,) = regions
    for option in options_for(kind, region):
        if option.key == key:
            if option.title == item.get("title"):
                raise EditError("That is the exercise already planned.")
            return option
    listed = ", ".join(o.key for o in options_for(kind, region)) or "none"
    raise EditError(f"{key!r} is not an exercise listed for this area (choices: {listed}).")


def apply_edit(plan: dict[str, Any], edit: CoachEdit, is_banned: BanCheck) -> dict[str, Any]:
    """A copy of ``plan`` with ``edit`` applied; raises EditError if the edit is not allowed."""
    check_edit(plan, edit, is_banned)
    out = copy.deepcopy(plan)
    day = _find_day(out, edit.day)
    mark = {"by": edit.author, "at": edit.made_at, "action": edit.action}
    if edit.action == "day_note":
        day["coach_note"] = edit.note
    elif edit.action == "rest_day":
        _make_rest_day(day)
    elif edit.action == "remove_item":
        day["items"] = [i for i in day["items"] if i.get("id") != edit.item_id]
    else:
        item = _find_item(day, edit.item_id)
        option = _option(str(item["kind"]), item, edit.option)
        item.update(title=option.title, how_to=option.how_to, dose={**option.dose, **_regions_only(item)})
        item["changed_by_coach"] = mark
    day.setdefault("changed_by_coach", []).append(mark)
    out.setdefault("coach_changes", []).append({**edit.to_dict(), "text": edit.describe()})
    return out


def _regions_only(item: dict[str, Any]) -> dict[str, Any]:
    dose = item.get("dose") or {}
    return {"regions": dose["regions"]} if isinstance(dose, dict) and "regions" in dose else {}


def _make_rest_day(day: dict[str, Any]) -> None:
    day["running"] = "none"
    day["running_reason"] = "Your coach has made this a rest day."
    kept = [i for i in day.get("items") or [] if i.get("kind") not in RUN_KINDS]
    if not any(i.get("kind") == "rest" for i in kept):
        rest_id = f"{day['date']}:rest:-:-"
        kept.insert(
            0,
            {
                "id": rest_id,
                "kind": "rest",
                "region": None,
                "side": None,
                "title": "Rest day",
                "dose": {"summary": "no running today"},
                "why": "Your coach has made this a rest day.",
                "sources": [],
            },
        )
    day["items"] = kept
    if "summary" in day:
        day["summary"] = "Rest day (set by your coach)."


def apply_edits(plan: dict[str, Any], edits: Iterable[CoachEdit], is_banned: BanCheck) -> EditOutcome:
    """Apply ``edits`` in order; those that no longer fit the plan are skipped with the reason."""
    applied: list[CoachEdit] = []
    skipped: list[tuple[CoachEdit, str]] = []
    current = plan
    for edit in edits:
        try:
            current = apply_edit(current, edit, is_banned)
        except EditError as exc:
            skipped.append((edit, str(exc)))
        else:
            applied.append(edit)
    return EditOutcome(current, tuple(applied), tuple(skipped))


def editable_options(plan: dict[str, Any], day: date, item_id: str) -> Sequence[Option]:
    """The exercises an item may be swapped for (empty when it cannot be swapped)."""
    try:
        item = _find_item(_find_day(plan, day), item_id)
    except EditError:
        return ()
    regions = item_regions(item)
    if str(item.get("kind")) not in SWAPPABLE_KINDS or len(regions) != 1:
        return ()
    return tuple(o for o in options_for(str(item["kind"]), next(iter(regions))) if o.title != item.get("title"))
