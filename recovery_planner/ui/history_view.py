"""One athlete's history: past check-ins with their plans, pain over time, first-vs-latest leg maps,
the 'not settling' warning and the 'Did it help?' table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_planner.domain.checkin import CheckIn
from recovery_planner.domain.plan import ITEM_KINDS
from recovery_planner.domain.plan_text import render_plan_text
from recovery_planner.domain.progress import (
    DID_IT_HELP_CAPTION,
    AreaKey,
    HistoryEntry,
    change_by_region,
    did_it_help,
    leg_pains,
    pain_series,
    settling_report,
    worst_area,
)
from recovery_planner.domain.regions import region_label
from recovery_planner.domain.roster import RUNNING_WORDS, URGENCY_WORDS
from recovery_planner.ui.charts import PainChartWidget
from recovery_planner.ui.leg_diagram_painter import LegDiagramPainter, format_pain, is_dark_palette, pain_color
from recovery_planner.ui.row_table_model import RowTableModel

_Index = QModelIndex | QPersistentModelIndex
KIND_WORDS: dict[str, str] = {k: k.replace("_", " ").capitalize() for k in ITEM_KINDS}
KIND_WORDS.update(easy_run="Easy run", training="Usual training", ice="Ice", sleep="Sleep plan")

# Change colours (Okabe-Ito blue/vermillion, neutral grey) plus a text label on every area.
CHANGE_COLOURS: dict[str, str] = {
    "better": "#0072B2",
    "resolved": "#56B4E9",
    "same": "#9a9a9a",
    "worse": "#D55E00",
    "new": "#E69F00",
}
CHANGE_WORDS: dict[str, str] = {"better": "Better", "resolved": "Gone", "same": "Same", "worse": "Worse", "new": "New"}
CHANGE_MARKS: dict[str, str] = {"better": "▼", "resolved": "✓", "same": "=", "worse": "▲", "new": "+"}
# (urgency, dark) -> banner background, text, border
BANNER_COLOURS: dict[tuple[str, bool], tuple[str, str, str]] = {
    ("prompt", False): ("#fde2e1", "#7a1212", "#d13438"),
    ("prompt", True): ("#4a1c1e", "#ffd9d9", "#ff6b6b"),
    ("routine", False): ("#fff4ce", "#5c4400", "#c19c00"),
    ("routine", True): ("#3d3413", "#ffe9a8", "#d9b300"),
}


def in_saved_order(history: Sequence[HistoryEntry]) -> list[HistoryEntry]:
    """Oldest first: by date, then by save time within a day (``saved_at`` when the entry has one, else
    the order given, which is storage's save order)."""
    indexed = list(enumerate(history))
    indexed.sort(key=lambda pair: (pair[1].date, str(getattr(pair[1], "saved_at", "") or ""), pair[0]))
    return [entry for _, entry in indexed]


class HistoryTableModel(RowTableModel[HistoryEntry]):
    """Past check-ins, newest first: date, worst area, running on day 1, referral."""

    HEADERS = ("Date", "Worst area", "Running", "Referral")

    def set_history(self, history: Sequence[HistoryEntry]) -> None:
        self.replace_rows(list(reversed(in_saved_order(history))))

    def row_of(self, entry_id: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == entry_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return e.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return e.date.strftime("%d %b %Y")
        if col == 1:
            worst = worst_area(e.check_in)
            return f"{region_label(worst[0], worst[1])} {format_pain(worst[2])}/10" if worst else "No pain"
        shown = e.plan_summary()
        if shown is None:
            return "…"
        running, urgency = shown
        if col == 2:
            return RUNNING_WORDS.get(running, "") if running else "No plan: get help first"
        return URGENCY_WORDS.get(urgency, "No referral")


class LegChangeMaps(QWidget):
    """Two small leg maps: the first check-in coloured by pain, the latest coloured by change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painter = LegDiagramPainter()
        self._first: CheckIn | None = None
        self._latest: CheckIn | None = None
        self._titles = ("", "")
        self.setMinimumSize(QSize(420, 260))
        self.setAccessibleName("First and latest check-in leg maps")

    def set_check_ins(self, first: HistoryEntry | None, latest: HistoryEntry | None) -> None:
        self._first = first.check_in if first else None
        self._latest = latest.check_in if latest else None
        self._titles = (
            f"First check-in ({first.date:%d %b %Y})" if first else "",
            f"Latest ({latest.date:%d %b %Y}) compared with the first" if latest else "",
        )
        self.setAccessibleDescription(self.summary())
        self.update()

    def changes(self) -> dict[AreaKey, str]:
        """Per leg (region, side): better / same / worse / new / resolved."""
        if self._first is None or self._latest is None:
            return {}
        return change_by_region(self._first, self._latest)

    def summary(self) -> str:
        """The change map in words (for screen readers and tooltips)."""
        parts = [f"{region_label(*k)}: {CHANGE_WORDS[v].lower()}" for k, v in self.changes().items()]
        return "; ".join(parts) or "No areas marked"

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if self._first is None or self._latest is None:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No check-ins yet")
            return
        dark = is_dark_palette(pal)
        fm = self.fontMetrics()
        line_h = fm.height() + 4
        title_h, legend_h = fm.height() + 6, 2 * line_h + 6
        half = self.width() / 2
        first = leg_pains(self._first)
        change = self.changes()
        latest = leg_pains(self._latest)
        maps = (
            ({k: pain_color(v) for k, v in first.items()}, {k: format_pain(v) for k, v in first.items()}),
            (
                {k: QColor(CHANGE_COLOURS[v]) for k, v in change.items()},
                {k: CHANGE_MARKS[v] + (format_pain(latest[k]) if k in latest else "") for k, v in change.items()},
            ),
        )
        text_pen = pal.color(QPalette.ColorRole.Text)
        p.setPen(text_pen)
        for i, (fills, labels) in enumerate(maps):
            x = i * half
            p.drawText(QRectF(x, 2, half, title_h), Qt.AlignmentFlag.AlignCenter, self._titles[i])
            rect = QRectF(x + 4, title_h, half - 8, self.height() - title_h - legend_h)
            self._painter.paint(p, rect, fills, labels, dark=dark)
        # legend: what the numbers mean, then a swatch and the words for each kind of change
        y = self.height() - legend_h
        p.setPen(text_pen)
        p.drawText(
            QRectF(8, y, self.width() - 16, line_h),
            Qt.AlignmentFlag.AlignVCenter,
            "Numbers: pain out of 10 (on the right: the latest rating).   Change since the first check-in:",
        )
        x, y = 8.0, y + line_h
        for kind in ("better", "resolved", "same", "worse", "new"):
            text = f"{CHANGE_MARKS[kind]} {CHANGE_WORDS[kind]}"
            p.fillRect(QRectF(x, y + (line_h - 12) / 2, 12, 12), QColor(CHANGE_COLOURS[kind]))
            p.setPen(text_pen)
            p.drawText(QRectF(x + 16, y, fm.horizontalAdvance(text) + 4, line_h), Qt.AlignmentFlag.AlignVCenter, text)
            x += 16 + fm.horizontalAdvance(text) + 18
        p.end()


class WarningBanner(QLabel):
    """A prominent, plain-words banner for the 'not settling' warning; hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("Warning")
        self.urgency = "none"
        self.hide()

    def show_warning(self, urgency: str, message: str | None, dark: bool) -> None:
        self.urgency = urgency if message else "none"
        if not message:
            self.clear()
            self.hide()
            return
        title = (
            "⚠ Not settling as expected: get it checked before you run again"
            if urgency == "prompt"
            else "⚠ Taking longer than usual to settle"
        )
        bg, fg, edge = BANNER_COLOURS[(urgency if urgency in ("prompt", "routine") else "prompt", dark)]
        self.setText(f"{title}\n{message}")
        self.setStyleSheet(
            f"QLabel {{ background: {bg}; color: {fg}; border: 2px solid {edge};"
            "border-radius: 6px; padding: 8px 10px; font-weight: 600; }"
        )
        self.show()


class HistoryView(QWidget):
    """The history of the current athlete. Call ``set_history``; ``entry_selected`` asks for a plan."""

    entry_selected = Signal(str)
    """The id of the check-in the user picked (load its plan and call ``set_plan`` if it was lazy)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: list[HistoryEntry] = []
        self._today: date | None = None
        self.banner = WarningBanner()
        self.model = HistoryTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Past check-ins")
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.plan_text = QPlainTextEdit(readOnly=True)
        self.plan_text.setPlaceholderText("Pick a check-in to see its plan.")
        self.plan_text.setAccessibleName("Plan of the chosen check-in")
        self.area_combo = QComboBox()
        self.area_combo.setAccessibleName("Area shown in the chart")
        self.area_combo.currentIndexChanged.connect(self._on_area)
        self.chart = PainChartWidget()
        self.maps = LegChangeMaps()
        self.help_tree = QTreeWidget()
        self.help_tree.setHeaderLabels(["Area / what you did", "Done before a drop", "Done before a rise"])
        self.help_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            self.help_tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.help_caption = QLabel(DID_IT_HELP_CAPTION)
        self.help_caption.setWordWrap(True)
        self.help_caption.setStyleSheet("font-style: italic;")

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        left.addWidget(self.plan_text)
        chart_page = QWidget()
        chart_layout = QVBoxLayout(chart_page)
        row = QHBoxLayout()
        row.addWidget(QLabel("Show:"))
        row.addWidget(self.area_combo, 1)
        chart_layout.addLayout(row)
        chart_layout.addWidget(self.chart, 1)
        help_page = QWidget()
        help_layout = QVBoxLayout(help_page)
        help_layout.addWidget(QLabel("What you ticked done in the 2 days before your pain went down or up:"))
        help_layout.addWidget(self.help_tree, 1)
        help_layout.addWidget(self.help_caption)
        self.tabs = QTabWidget()
        self.tabs.addTab(chart_page, "Pain over time")
        self.tabs.addTab(self.maps, "First vs latest")
        self.tabs.addTab(help_page, "Did it help?")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 2)
        split.setSizes([440, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)

    # ---------------------------------------------------------------- public API
    def set_history(self, history: Sequence[HistoryEntry], today: date | None = None) -> None:
        """Show this athlete's history (sorted by date); ``today`` defaults to the computer's date."""
        self._history = in_saved_order(history)
        self._today = today or date.today()
        self.model.set_history(self._history)
        self.plan_text.clear()
        report = settling_report(self._history, self._today)
        self.banner.show_warning(report.urgency, report.message, is_dark_palette(self.palette()))
        self.area_combo.blockSignals(True)
        self.area_combo.clear()
        self.area_combo.addItem("All areas", None)
        for s in pain_series(self._history):
            self.area_combo.addItem(s.label, s.key)
        self.area_combo.blockSignals(False)
        self.chart.set_history(self._history)
        self.maps.set_check_ins(
            self._history[0] if self._history else None, self._history[-1] if self._history else None
        )
        self._fill_help()

    def set_plan(self, entry_id: str, plan: Mapping[str, Any] | None) -> None:
        """Show the plan of check-in ``entry_id`` (after it was loaded on ``entry_selected``)."""
        row = self.model.row_of(entry_id)
        if row >= 0 and self.table.currentIndex().row() == row:
            self.plan_text.setPlainText(render_plan_text(dict(plan)) if plan else "No plan was saved.")

    def warning_text(self) -> str | None:
        """The warning shown in the banner, or None."""
        return self.banner.text() if not self.banner.isHidden() else None

    def select_entry(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.table.selectRow(row)

    # ---------------------------------------------------------------- internals
    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry = self.model.entry(current.row())
        if entry.plan is not None:
            self.plan_text.setPlainText(render_plan_text(entry.plan.to_dict()))
        else:
            self.plan_text.setPlainText("Loading the plan…")
        self.entry_selected.emit(entry.id)

    def _on_area(self, _index: int) -> None:
        self.chart.set_history(self._history, self.area_combo.currentData())

    def _fill_help(self) -> None:
        self.help_tree.clear()
        for (region, side), area in did_it_help(self._history).items():
            top = QTreeWidgetItem(
                [f"{region_label(region, side)}: pain dropped {area.drops}×, rose {area.rises}×", "", ""]
            )
            for r in area.rows:
                QTreeWidgetItem(
                    top,
                    [
                        KIND_WORDS.get(r.kind, r.kind),
                        f"{r.before_drop} of {area.drops}",
                        f"{r.before_rise} of {area.rises}",
                    ],
                )
            if not area.rows:
                QTreeWidgetItem(top, ["Nothing was ticked done before these changes", "", ""])
            self.help_tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        if self.help_tree.topLevelItemCount() == 0:
            self.help_tree.addTopLevelItem(
                QTreeWidgetItem(
                    ["Not enough check-ins yet: this fills in as your pain changes over several check-ins.", "", ""]
                )
            )
