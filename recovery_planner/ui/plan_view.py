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

from ..domain.plan_text import NOTICE
from ..domain.regions import region_label

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
COACH_MARK = "changed by your coach"


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
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setMargin(12)
        self.banner.setAccessibleName("Referral")
        self.banner.hide()
        self.empty = QLabel("No plan yet. Do a check-in to get one.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Day and activity", "How much"])
        self.tree.setColumnWidth(0, 360)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName("Plan days")
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._show_details)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)
        self.details.setAccessibleName("Why and how")
        self.notes = QTextBrowser()
        self.notes.setAccessibleName("Stop rules and return to running")
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.details)
        side.addWidget(self.notes)
        side.setSizes([200, 300])
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.addWidget(self.tree)
        self.body.addWidget(side)
        self.body.setSizes([620, 380])
        notice = QLabel(f"Please note: {NOTICE}")
        notice.setWordWrap(True)
        notice.setStyleSheet("color: palette(placeholder-text);")
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
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
        self.tree.blockSignals(True)
        self.tree.clear()
        self.tree.blockSignals(False)
        if plan is None:
            self.banner.hide()
            self.body.hide()
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
        self.details.setHtml("<p>Select an activity to see how to do it and why it is in your plan.</p>")

    def _set_banner(self, plan: dict[str, Any]) -> None:
        urgency = plan["referral"]["urgency"]
        if urgency == "none":
            self.banner.hide()
            return
        title, bg, fg = BANNER[urgency]
        parts = [f"<span style='font-size:17px; font-weight:700'>{html.escape(title)}</span>"]
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
            top = QTreeWidgetItem([label, ""])
            top.setData(0, DAY_DATE, day["date"])
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
                where = f" - {region_label(item['region'], item['side'])}" if item.get("region") else ""
                optional = " (optional)" if item.get("optional") else ""
                optional += f" ({COACH_MARK})" if item.get("changed_by_coach") else ""
                child = QTreeWidgetItem([f"{item['title']}{where}{optional}", item["dose"].get("summary", "")])
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
            self.item_toggled.emit(item_id, item.checkState(0) == Qt.CheckState.Checked)

    def _show_details(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        data = item.data(0, ITEM_DATA) if item is not None else None
        if not data:
            return
        parts = [
            f"<h3>{html.escape(data['title'])}</h3>",
            f"<p><b>How much:</b> {html.escape(data['dose'].get('summary', ''))}</p>",
        ]
        if data.get("how_to"):
            parts.append(f"<p><b>How:</b> {html.escape(data['how_to'])}</p>")
        parts.append(f"<p><b>Why:</b> {html.escape(data['why'])}</p>")
        parts.append(f"<p style='color:gray'><small>Based on: {html.escape(', '.join(data['sources']))}</small></p>")
        self.details.setHtml("".join(parts))

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
            during = (
                f"{hyd['during_run_l'][0]}-{hyd['during_run_l'][1]} L" if hyd["during_run_l"] else "drink to thirst"
            )
            kind = "measured" if hyd["sweat_rate_measured"] else "estimated"
            parts.append(
                f"<h3>Fluids for a {hyd['session_min']}-minute run</h3><p>Sweat rate "
                f"{hyd['sweat_rate_l_per_h']} L/h ({kind}). Before: {hyd['pre_run_l'][0]}-"
                f"{hyd['pre_run_l'][1]} L about 4 hours ahead. During: {during}. Never drink more "
                "than you sweat.</p>"
            )
        return "".join(parts) or "<p>Nothing extra to watch.</p>"

    def checked_ids(self) -> set[str]:
        out = set()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                if child.checkState(0) == Qt.CheckState.Checked:
                    out.add(child.data(0, ITEM_ID))
        return out
