"""The coach's squad overview: who needs attention today, with status, last check-in, worst area, trend
and how much of the plan was done over the last 7 days.

Status is never shown by colour alone: each row has a shaped icon (octagon, triangle, circle, ring) and
words such as "Stop: see a physio first" or "Easy runs only"; completion is a bar with its numbers.
One click (or the arrow keys) selects an athlete; a double-click or Enter opens their plan. Every column
sorts by a click on its header; the order the app chooses ("who needs me today") is the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recovery_planner.domain.roster import (
    DEFAULT_OVERDUE_DAYS,
    TREND_WORDS,
    RosterEntry,
    name_matches,
    needs_text,
    roster_order,
    status,
    worst_text,
)
from recovery_planner.ui.row_table_model import RowTableModel

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QStyleOptionViewItem

_Index = QModelIndex | QPersistentModelIndex
STATUS_COLOURS: dict[str, str] = {"red": "#d7301f", "amber": "#e69f00", "green": "#1a9850", "grey": "#8c8c8c"}
TREND_MARKS: dict[str, str] = {"worse": "▲", "same": "=", "better": "▼"}
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""Model role giving the row's RosterEntry."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""Model role giving the value a column sorts by."""
BAND_COLOURS: dict[str, str] = {"good": "#1a9850", "fair": "#e69f00", "poor": "#d7301f", "none": "#8c8c8c"}
TREND_RANK = {"worse": 0, "same": 1, "better": 2}
NEEDS_COLUMN, DONE_COLUMN = 1, 5


def status_icon(kind: str, size: int = 16) -> QPixmap:
    """A shaped, coloured status mark: red octagon, amber triangle, green disc, grey ring (a pixmap: a table
    cell draws one as readily as an icon)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[kind])
    p.setPen(QPen(colour.darker(140), 1.2))
    p.setBrush(colour)  # not QBrush(colour): choosing its constructor loads the gradient and image types
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
    return pix


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
    """Athletes in "who needs me today" order. Columns: athlete (status mark + name), what they need, last
    check-in, worst area, trend, plan done over 7 days. ``Qt.UserRole`` gives the athlete id,
    ``ENTRY_ROLE`` the RosterEntry, ``SORT_ROLE`` the value each column sorts by."""

    HEADERS = ("Athlete", "Needs", "Last check-in", "Worst area", "Trend", "Done, 7 days")

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self._overdue_days = DEFAULT_OVERDUE_DAYS
        self._icons: dict[str, QPixmap] = {}

    def set_entries(
        self, entries: Sequence[RosterEntry], today: date | None = None, overdue_days: int | None = None
    ) -> None:
        self._today = today or self._today
        self._overdue_days = overdue_days or self._overdue_days
        self.replace_rows(roster_order(entries, self._today, self._overdue_days))

    def row_of(self, athlete_id: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.athlete_id == athlete_id), -1)

    def _icon(self, kind: str) -> QPixmap:
        if kind not in self._icons:
            self._icons[kind] = status_icon(kind)
        return self._icons[kind]

    def _sort_value(self, row: int, e: RosterEntry, col: int) -> Any:
        if col == 0:
            return e.name.casefold()
        if col == 1:
            return row  # the app's own order
        if col == 2:
            return e.last_check_in.toordinal() if e.last_check_in else -1
        if col == 3:
            return e.worst_pain if e.worst_pain is not None else -1.0
        if col == 4:
            return TREND_RANK.get(e.trend or "", 3)
        fraction = e.completion.fraction if e.completion is not None else None
        return 2.0 if fraction is None else fraction

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid():  # the view asks for ~10 roles per cell it draws
            return None
        e, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.UserRole:
            return e.athlete_id
        if role == ENTRY_ROLE:
            return e
        if role == SORT_ROLE:
            return self._sort_value(index.row(), e, col)
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._icon(status(e))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{e.name}: {needs_text(e, self._today, self._overdue_days)}"
            return tip + (f" ({e.hold_reason})" if e.hold_open and e.hold_reason else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(e, col)
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
            return needs_text(e, self._today, self._overdue_days)
        if col == 2:
            return last_check_in_text(e.last_check_in, self._today)
        if col == 3:
            return worst_text(e)
        if col == 4:
            return f"{TREND_MARKS[e.trend]} {TREND_WORDS[e.trend]}" if e.trend in TREND_MARKS else ""
        return e.completion.text() if e.completion is not None else ""

    def _accessible(self, e: RosterEntry, col: int) -> str:
        if col == 0:
            return f"{e.name}, {needs_text(e, self._today, self._overdue_days)}"
        if col == DONE_COLUMN:
            return f"Plan done over 7 days: {e.completion.text() if e.completion else 'not known'}"
        return str(self.data(self.index(self._rows.index(e), col)) or "")


_ANSWERED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.UserRole,
        ENTRY_ROLE,
        SORT_ROLE,
    )
)


class CompletionDelegate(QStyledItemDelegate):
    """Draws plan completion as a bar filled to the share done, coloured by band, with the numbers beside."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        entry: RosterEntry = index.data(ENTRY_ROLE)
        c = entry.completion if entry is not None else None
        if c is None or c.fraction is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(style.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        r = option.rect.adjusted(6, 0, -6, 0)
        bar_w = min(80, r.width() // 2)
        bar = r.adjusted(0, r.height() // 2 - 5, 0, 0)
        bar.setWidth(bar_w)
        bar.setHeight(10)
        painter.save()
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        filled = bar.adjusted(1, 1, 0, 0)
        filled.setWidth(int((bar_w - 1) * c.fraction))
        painter.fillRect(filled, QColor(BAND_COLOURS[c.band()]))
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        text_rect = r.adjusted(bar_w + 8, 0, 0, 0)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), f"{c.done}/{c.scheduled}")
        painter.restore()


class RosterFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose name or coach's notes contain every typed word; archived athletes only when asked;
    sorts by ``SORT_ROLE``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._archived = False
        self.setSortRole(SORT_ROLE)

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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The Needs column ascending is the model's own order (who needs attention first): keep it as it is
        instead of comparing every pair of rows in Python (the squad opens sorted so)."""
        if column == NEEDS_COLUMN and order == Qt.SortOrder.AscendingOrder:
            super().sort(-1)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        source = self.sourceModel()
        if isinstance(source, RosterTableModel):  # straight from its rows: this runs once per athlete
            entry = source.entry(source_row)
        else:
            entry = source.index(source_row, 0, source_parent).data(ENTRY_ROLE)
        return (self._archived or not entry.archived) and name_matches(entry, self._text)


class _SquadTable(QTableView):
    """The squad table: Enter or Return opens the current athlete (``open_current``)."""

    open_current = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current.emit()
            return
        super().keyPressEvent(event)


class RosterView(QWidget):
    """Filter box, coach actions and the squad table.

    ``athlete_selected`` fires when a row is selected (click, arrow keys), so the Athlete box follows;
    ``athlete_opened`` on a double-click or Enter, to open that athlete's plan.
    """

    athlete_selected = Signal(str)
    athlete_opened = Signal(str)
    add_requested = Signal()
    edit_requested = Signal(str)
    archive_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.model = RosterTableModel(self, today)
        self.proxy = RosterFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(placeholderText="Find an athlete by name or note", clearButtonEnabled=True)
        self.filter_edit.setAccessibleName("Find an athlete by name or note")
        self.filter_edit.textChanged.connect(self.proxy.set_name_filter)
        self.archived_box = QCheckBox("Show archived")
        self.archived_box.toggled.connect(self.proxy.set_show_archived)
        self.add_button = QPushButton("Add athlete")
        self.edit_button = QPushButton("Edit")
        self.archive_button = QPushButton("Archive")
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._emit_current(self.edit_requested))
        self.archive_button.clicked.connect(lambda: self._emit_current(self.archive_requested))
        self.table = _SquadTable()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(DONE_COLUMN, CompletionDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((160, 275, 95, 180, 75)):
            self.table.setColumnWidth(col, width)
        self.table.setAccessibleName("Athletes, who needs attention first")
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._open)
        self.table.open_current.connect(lambda: self._open(self.table.currentIndex()))
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.archived_box)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def set_entries(
        self, entries: Sequence[RosterEntry], today: date | None = None, overdue_days: int | None = None
    ) -> None:
        """Show these athletes, who needs the coach first; the selection stays on the same athlete."""
        current = self.current_id()
        self._quiet = True
        try:
            self.model.set_entries(entries, today, overdue_days)
            if current:
                self.set_current(current)
        finally:
            self._quiet = False

    def visible_ids(self) -> list[str]:
        """Athlete ids in the order shown (after the filter and sort)."""
        return [self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.proxy.rowCount())]

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def set_current(self, athlete_id: str) -> None:
        """Select an athlete (when the Athlete box changes) without emitting any signal."""
        row = self.model.row_of(athlete_id)
        if row < 0:
            return
        was, self._quiet = self._quiet, True
        try:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
            self.table.selectRow(self.table.currentIndex().row())
        finally:
            self._quiet = was

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.athlete_selected.emit(current.data(Qt.ItemDataRole.UserRole))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.athlete_opened.emit(index.data(Qt.ItemDataRole.UserRole))

    def _emit_current(self, signal: Any) -> None:
        athlete_id = self.current_id()
        if athlete_id:
            signal.emit(athlete_id)
