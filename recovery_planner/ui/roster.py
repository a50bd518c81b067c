"""The coach's roster: every athlete with status, last check-in, worst area and trend, red flags first.

Status is never shown by colour alone: each row has a shaped icon (octagon, triangle, circle, ring) and
words such as "Stop: see a physio first" or "Easy runs only".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_planner.domain.roster import (
    TREND_WORDS,
    RosterEntry,
    name_matches,
    roster_order,
    status,
    status_text,
    worst_text,
)
from recovery_planner.ui.row_table_model import RowTableModel

_Index = QModelIndex | QPersistentModelIndex
STATUS_COLOURS: dict[str, str] = {"red": "#d7301f", "amber": "#e69f00", "green": "#1a9850", "grey": "#8c8c8c"}
TREND_MARKS: dict[str, str] = {"worse": "▲", "same": "=", "better": "▼"}
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""Model role giving the row's RosterEntry."""


def status_icon(kind: str, size: int = 16) -> QIcon:
    """A shaped, coloured status mark: red octagon, amber triangle, green disc, grey ring."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[kind])
    p.setPen(QPen(colour.darker(140), 1.2))
    p.setBrush(QBrush(colour))
    s, m = float(size), 1.5
    if kind == "red":
        a, b = m, s * 0.3
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, y)
                    for x, y in (
                        (b, a),
                        (s - b, a),
                        (s - a, b),
                        (s - a, s - b),
                        (s - b, s - a),
                        (b, s - a),
                        (a, s - b),
                        (a, b),
                    )
                ]
            )
        )
        p.setPen(QPen(QColor("#ffffff"), 2.0))
        p.drawLine(QPointF(s / 2, s * 0.25), QPointF(s / 2, s * 0.58))
        p.drawPoint(QPointF(s / 2, s * 0.75))
    elif kind == "amber":
        p.drawPolygon(QPolygonF([QPointF(s / 2, m), QPointF(s - m, s - m), QPointF(m, s - m)]))
    elif kind == "green":
        p.drawEllipse(QPointF(s / 2, s / 2), s / 2 - m, s / 2 - m)
    else:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(colour, 2.0))
        p.drawEllipse(QPointF(s / 2, s / 2), s / 2 - 2.5, s / 2 - 2.5)
    p.end()
    return QIcon(pix)


def last_check_in_text(day: date | None, today: date) -> str:
    """'Today', 'Yesterday', '3 days ago' for the last week, else the date; 'Never' before the first."""
    if day is None:
        return "Never"
    ago = (today - day).days
    if ago == 0:
        return "Today"
    if ago == 1:
        return "Yesterday"
    if 1 < ago <= 7:
        return f"{ago} days ago"
    return day.strftime("%d %b %Y")


class RosterTableModel(RowTableModel[RosterEntry]):
    """Athletes in roster order. Columns: athlete (status mark + name), status, last check-in, worst area,
    trend. ``Qt.UserRole`` gives the athlete id, ``ENTRY_ROLE`` the RosterEntry."""

    HEADERS = ("Athlete", "Status", "Last check-in", "Worst area", "Trend")

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self._icons: dict[str, QIcon] = {}

    def set_entries(self, entries: Sequence[RosterEntry], today: date | None = None) -> None:
        self._today = today or self._today
        self.replace_rows(roster_order(entries))

    def row_of(self, athlete_id: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.athlete_id == athlete_id), -1)

    def _icon(self, kind: str) -> QIcon:
        if kind not in self._icons:
            self._icons[kind] = status_icon(kind)
        return self._icons[kind]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.UserRole:
            return e.athlete_id
        if role == ENTRY_ROLE:
            return e
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._icon(status(e))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{e.name}: {status_text(e)}"
        if role == Qt.ItemDataRole.AccessibleTextRole and col == 0:
            return f"{e.name}, {status_text(e)}"
        if role == Qt.ItemDataRole.FontRole and col == 1 and status(e) == "red":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return e.name + (" (archived)" if e.archived else "")
        if col == 1:
            return status_text(e)
        if col == 2:
            return last_check_in_text(e.last_check_in, self._today)
        if col == 3:
            return worst_text(e)
        return f"{TREND_MARKS[e.trend]} {TREND_WORDS[e.trend]}" if e.trend in TREND_MARKS else ""


class RosterFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose name contains every typed word; archived athletes only when asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._archived = False

    def set_name_filter(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text))

    def set_show_archived(self, show: bool) -> None:
        self._refilter(lambda: setattr(self, "_archived", show))

    def _refilter(self, change: Any) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        entry: RosterEntry = self.sourceModel().index(source_row, 0, source_parent).data(ENTRY_ROLE)
        return (self._archived or not entry.archived) and name_matches(entry, self._text)


class RosterView(QWidget):
    """Filter box, coach actions and the roster table; one click or Enter chooses an athlete."""

    athlete_chosen = Signal(str)
    add_requested = Signal()
    edit_requested = Signal(str)
    archive_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.model = RosterTableModel(self, today)
        self.proxy = RosterFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(placeholderText="Find an athlete by name", clearButtonEnabled=True)
        self.filter_edit.setAccessibleName("Find an athlete by name")
        self.filter_edit.textChanged.connect(self.proxy.set_name_filter)
        self.archived_box = QCheckBox("Show archived")
        self.archived_box.toggled.connect(self.proxy.set_show_archived)
        self.add_button = QPushButton("Add athlete")
        self.edit_button = QPushButton("Edit")
        self.archive_button = QPushButton("Archive")
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._emit_current(self.edit_requested))
        self.archive_button.clicked.connect(lambda: self._emit_current(self.archive_requested))
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((190, 230, 110, 200)):
            self.table.setColumnWidth(col, width)
        self.table.setAccessibleName("Athletes, red flags first")
        self.table.clicked.connect(self._choose)
        self.table.installEventFilter(self)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.archived_box)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def set_entries(self, entries: Sequence[RosterEntry], today: date | None = None) -> None:
        """Show these athletes (they are put in roster order: red flags and worsening first)."""
        self.model.set_entries(entries, today)

    def visible_ids(self) -> list[str]:
        """Athlete ids in the order shown (after the filter)."""
        return [self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.proxy.rowCount())]

    def set_current(self, athlete_id: str) -> None:
        """Highlight an athlete without emitting ``athlete_chosen``."""
        row = self.model.row_of(athlete_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._choose(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.athlete_chosen.emit(index.data(Qt.ItemDataRole.UserRole))

    def _emit_current(self, signal: Any) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            signal.emit(index.data(Qt.ItemDataRole.UserRole))
