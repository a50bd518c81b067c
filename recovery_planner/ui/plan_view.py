"""The plan, day by day: referral first, each day's running permission, items to tick, why on demand."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.plan_text import COACH_MARK, NOTICE, fluids_text, item_citations, where
from .exercise_card import ExerciseCard

RUNNING = {  # words, colour on a light background, colour on a dark background
    "none": ("No running", "#b3261e", "#ff8a80"),
    "easy": ("Easy running only", "#9a6700", "#ffd166"),
    "normal": ("Usual training", "#1a7f37", "#7ee787"),
}
BANNER = {
    "emergency": ("Get help now", "#b3261e", "#ffffff"),
    "urgent": ("See a doctor today", "#c4320a", "#ffffff"),
    "prompt": ("See a physiotherapist or sports doctor within 1-3 days, before running again", "#f5c542", "#1f1f1f"),
    "routine": ("Book an assessment with a physiotherapist in the next 1-2 weeks", "#dbeafe", "#1f1f1f"),
}
ITEM_ID = Qt.ItemDataRole.UserRole
ITEM_DATA = Qt.ItemDataRole.UserRole + 1
DAY_DATE = Qt.ItemDataRole.UserRole + 2
DAY_DATA = Qt.ItemDataRole.UserRole + 3


NO_PLAN = "No plan yet. Do a check-in to get one."


def _list_html(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f"<h3>{html.escape(title)}</h3><ul>{items}</ul>"


class PlanView(QWidget):
    """Shows a plan dict (plan format v1); emits ``item_toggled`` when the runner ticks an item."""

    item_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: dict[str, Any] | None = None
        self.reading = False  # True while the plan to show is read in the background
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setMargin(12)
        self.banner.setAccessibleName("Referral")
        self.banner.hide()
        self.empty = QLabel(NO_PLAN)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Day and activity", "How much"])
        self.tree.setColumnWidth(0, 330)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName("Plan days")
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._show_details)
        self.card = ExerciseCard()
        self.details = self.card.text
        self.notes = QTextBrowser()
        self.notes.setAccessibleName("Stop rules and return to running")
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.card)
        side.addWidget(self.notes)
        side.setSizes([340, 220])
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.addWidget(self.tree)
        self.body.addWidget(side)
        self.body.setSizes([600, 400])
        self.progress = QLabel()
        self.progress.setAccessibleName("Done today")
        self.progress.hide()
        notice = QLabel(f"Please note: {NOTICE}")
        notice.setWordWrap(True)
        notice.setStyleSheet("color: palette(placeholder-text);")
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.progress)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.body, 1)
        row = QHBoxLayout()
        row.addWidget(notice, 1)
        layout.addLayout(row)
        self.body.hide()

    def set_plan(
        self, plan: dict[str, Any] | None, done_ids: frozenset[str] | set[str] = frozenset(), today: date | None = None
    ) -> None:
        self.plan = plan
        self.reading = False
        self.progress.hide()
        self.tree.blockSignals(True)
        self.tree.clear()
        self.tree.blockSignals(False)
        if plan is None:
            self.banner.hide()
            self.body.hide()
            self.empty.setText(NO_PLAN)
            self.empty.show()
            return
        self.empty.hide()
        self._set_banner(plan)
        if plan["plan_suppressed"]:
            self.body.hide()
            return
        self.body.show()
        self._fill_days(plan, done_ids, today)
        self.notes.setHtml(self._notes_html(plan))
        self.card.show_message("Select an activity to see how to do it and why it is in your plan.")
        self._today = today
        self._update_progress()

    def _set_banner(self, plan: dict[str, Any]) -> None:
        urgency = plan["referral"]["urgency"]
        if urgency == "none":
            self.banner.hide()
            return
        title, bg, fg = BANNER[urgency]
        parts = [f"<span style='font-size:17px; font-weight:700'>{html.escape(title)}</span>"]
        if plan.get("hold_cleared"):  # a clearance since this plan was made (services.clearances)
            parts.append(f"<br><b>{html.escape(plan['hold_cleared'])}</b>")
        parts += [f"<br>{html.escape(r)}" for r in plan["referral"]["reasons"]]
        if plan.get("do_now"):
            parts.append(
                "<br><b>What to do now:</b><ul style='margin:0'>"
                + "".join(f"<li>{html.escape(step)}</li>" for step in plan["do_now"])
                + "</ul>"
            )
        if plan["plan_suppressed"]:
            parts.append("<br><b>No training plan is shown: get help first.</b>")
        elif plan["no_running_until_cleared"]:
            parts.append("<br><b>No running until a clinician has cleared you.</b>")
        self.banner.setText("".join(parts))
        self.banner.setStyleSheet(f"background:{bg}; color:{fg}; border-radius:6px;")
        self.banner.show()

    def _fill_days(self, plan: dict[str, Any], done_ids: frozenset[str] | set[str], today: date | None) -> None:
        self.tree.blockSignals(True)
        bold = QFont()
        bold.setBold(True)
        current = None
        for day in plan["days"]:
            d = date.fromisoformat(day["date"])
            words, light, dark = RUNNING[day["running"]]
            colour = dark if self.palette().color(QPalette.ColorRole.Base).lightness() < 128 else light
            label = f"{d.strftime('%a %d %b')}  ·  {words}" + ("  (today)" if d == today else "")
            if any(m.get("action") == "rest_day" for m in day.get("changed_by_coach", [])):
                label += f"  ({COACH_MARK})"
            top = QTreeWidgetItem([label, day.get("running_reason", "")])
            top.setToolTip(1, day.get("running_reason", ""))
            if day.get("summary"):
                top.setToolTip(0, f"Today: {day['summary']}")
            top.setData(0, DAY_DATE, day["date"])
            top.setData(0, DAY_DATA, day)
            top.setFont(0, bold)
            top.setForeground(0, QBrush(QColor(colour)))
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            if day.get("coach_note"):
                note = QTreeWidgetItem([f"Note from your coach: {day['coach_note']}", ""])
                note.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                note.setData(0, DAY_DATE, day["date"])
                top.addChild(note)
            for item in day["items"]:
                place = where(item)
                optional = " (optional)" if item.get("optional") else ""
                optional += f" ({COACH_MARK})" if item.get("changed_by_coach") else ""
                label = f"{item['title']}{f' - {place}' if place else ''}{optional}"
                child = QTreeWidgetItem([label, item["dose"].get("summary", "")])
                child.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                child.setCheckState(0, Qt.CheckState.Checked if item["id"] in done_ids else Qt.CheckState.Unchecked)
                child.setData(0, ITEM_ID, item["id"])
                child.setData(0, ITEM_DATA, item)
                child.setData(0, DAY_DATE, day["date"])
                child.setToolTip(1, item["dose"].get("summary", ""))
                top.addChild(child)
            if today is None or d >= today:
                top.setExpanded(True)
            if d == today:
                current = top
        self.tree.blockSignals(False)
        if current is not None:
            self.tree.scrollToItem(current)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        item_id = item.data(0, ITEM_ID)
        if item_id and column == 0:
            self._update_progress()
            self.item_toggled.emit(item_id, item.checkState(0) == Qt.CheckState.Checked)

    def _show_details(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        data = item.data(0, ITEM_DATA) if item is not None else None
        day = item.data(0, DAY_DATA) if item is not None else None
        if day and not data:
            parts = [f"<p><b>Why this running level:</b> {html.escape(day.get('running_reason', ''))}</p>"]
            if day.get("summary"):
                parts.append(f"<p><b>Today:</b> {html.escape(day['summary'])}</p>")
            self.card.show_html("".join(parts))
            return
        if data:
            self.card.show_item(data, item_citations(data))

    def set_reading(self) -> None:
        """While the plan is read in the background (a coach's Plan tab, opened for the first time)."""
        self.set_plan(None)
        self.reading = True
        self.empty.setText("Reading the plan...")

    def set_checked(self, item_id: str, checked: bool) -> bool:
        """Tick or untick an item as if clicked (emits ``item_toggled``); False when it is not shown."""
        for child in self._item_rows():
            if child.data(0, ITEM_ID) == item_id:
                child.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    def _day_rows(self) -> list[QTreeWidgetItem]:
        rows = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [row for row in rows if row is not None]

    def _item_rows(self, day: QTreeWidgetItem | None = None) -> list[QTreeWidgetItem]:
        """The activity rows of ``day`` (of every day when None)."""
        days = [day] if day is not None else self._day_rows()
        rows = (top.child(j) for top in days for j in range(top.childCount()))
        return [row for row in rows if row is not None and row.data(0, ITEM_ID)]

    def today_counts(self) -> tuple[int, int] | None:
        """(done, total) of today's items, or None when the plan has no day for today."""
        today = getattr(self, "_today", None)
        for top in self._day_rows():
            if top.data(0, ITEM_ID) is None and top.data(0, DAY_DATE) == (today.isoformat() if today else None):
                items = self._item_rows(top)
                return sum(c.checkState(0) == Qt.CheckState.Checked for c in items), len(items)
        return None

    def _update_progress(self) -> None:
        counts = self.today_counts()
        if counts is None or counts[1] == 0:
            self.progress.hide()
            return
        done, total = counts
        self.progress.setText(f"<b>Today: {done} of {total} done</b>" + ("  ✓ all done" if done == total else ""))
        self.progress.show()

    @staticmethod
    def _notes_html(plan: dict[str, Any]) -> str:
        changes = [f"{c.get('text', '')} ({c.get('author', '')})" for c in plan.get("coach_changes", [])]
        parts = [
            _list_html("Changed by your coach", changes),
            _list_html("Stop the run if", plan.get("stop_rules", [])),
            _list_html("Before running again", plan.get("return_to_run", [])),
            _list_html("Good to know", plan.get("cautions", [])),
        ]
        hyd = plan.get("hydration")
        if hyd:
            parts.append(_list_html("Fluids", fluids_text(hyd)))
        return "".join(parts) or "<p>Nothing extra to watch.</p>"

    def checked_ids(self) -> set[str]:
        out = set()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount() if top is not None else 0):
                child = top.child(j) if top is not None else None
                if child is not None and child.checkState(0) == Qt.CheckState.Checked:
                    out.add(child.data(0, ITEM_ID))
        return out
