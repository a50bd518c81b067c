"""The coach's context menu on a plan day or item: remove, swap, rest day, note (only what the rules allow).

The menu offers only changes that ``domain.coach_edits`` would accept for the plan shown; the change
itself is still checked again by the application layer before it is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from ..domain.coach_edits import MAX_NOTE_CHARS, editable_options

EditCallback = Callable[[dict[str, Any]], None]
"""Called with ``{"action", "day", "item_id"?, "option"?, "note"?}`` when the coach picks a change."""

AskText = Callable[[QWidget, str, str], str | None]


def _ask_note(parent: QWidget, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(parent, title, label)
    return text.strip()[:MAX_NOTE_CHARS] if ok and text.strip() else None


def coach_menu(
    parent: QWidget,
    plan: dict[str, Any],
    day: date,
    item: dict[str, Any] | None,
    on_edit: EditCallback,
    ask_text: AskText = _ask_note,
) -> QMenu:
    """A menu of the changes allowed for ``item`` (or for the whole ``day`` when ``item`` is None)."""
    menu = QMenu(parent)
    menu.setTitle("Coach")
    base = {"day": day}
    if item is not None:
        if item.get("optional"):
            act = menu.addAction("Remove this optional item")
            act.triggered.connect(lambda: on_edit({**base, "action": "remove_item", "item_id": item["id"]}))
        options = editable_options(plan, day, item["id"])
        if options:
            swap = menu.addMenu("Swap for")
            for option in options:
                act = swap.addAction(option.title)
                act.setToolTip(option.how_to)
                act.triggered.connect(
                    lambda _=False, key=option.key: on_edit(
                        {**base, "action": "swap_exercise", "item_id": item["id"], "option": key}
                    )
                )
        if not menu.isEmpty():
            menu.addSeparator()
    day_entry = next((d for d in plan.get("days") or [] if d.get("date") == day.isoformat()), None)
    if day_entry is not None and day_entry.get("running") != "none":
        act = menu.addAction("Make this a rest day")
        act.triggered.connect(lambda: on_edit({**base, "action": "rest_day"}))
    note = menu.addAction("Add a note to this day…")

    def add_note() -> None:
        text = ask_text(parent, "Note for the day", f"Note for {day.strftime('%A %d %B')}:")
        if text:
            on_edit({**base, "action": "day_note", "note": text})

    note.triggered.connect(add_note)
    return menu
