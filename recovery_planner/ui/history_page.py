"""History tab: loads an athlete's stored check-ins and clearances off the GUI thread and shows them in a
HistoryView, with the clearances listed below it and the "Record a clearance" action."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..services import clearances, queries
from ..services.context import AppContext
from .tasks import TaskRunner

if TYPE_CHECKING:
    from .clearance_dialog import ClearanceDialog
    from .history_view import HistoryView
    from .load_chart import LoadChartWidget


def clearances_html(found: list[Any]) -> str:
    """The clearances as a short list, newest first."""
    from ..domain.holds import long_date

    if not found:
        return "No clearances recorded. Record one once a clinician has cleared you to run again."
    rows = []
    for c in reversed(found):
        note = f": {html.escape(c.note)}" if c.note else ""
        rows.append(f"<li><b>{long_date(c.on)}</b>, cleared by {html.escape(c.by)}{note}</li>")
    return "<ul style='margin:0'>" + "".join(rows) + "</ul>"


class HistoryPage(QWidget):
    """Feeds ``HistoryView`` through the services; plans are loaded only when a check-in is selected.

    The view (tables, charts, the history maths) is built the first time it is needed, not at start-up.
    """

    def __init__(self, ctx: AppContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.athlete_id: str | None = None
        self._view: HistoryView | None = None
        self._load_chart: LoadChartWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.clearance_list = QLabel()
        self.clearance_list.setTextFormat(Qt.TextFormat.RichText)
        self.clearance_list.setWordWrap(True)
        self.clearance_list.setAccessibleName("Clearances")
        self.record_button = QPushButton("Record a clearance…")
        self.record_button.setToolTip("A clinician cleared you to run again: who, when, and what they said")
        self.record_button.clicked.connect(self.record_clearance)
        self.dialog: ClearanceDialog | None = None
        box = QGroupBox("Clearances to run again")
        row = QHBoxLayout(box)
        row.addWidget(self.clearance_list, 1)
        row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(box)

    @property
    def view(self) -> HistoryView:
        if self._view is None:
            from .history_view import HistoryView
            from .load_chart import LoadChartWidget

            self._view = HistoryView()
            self._view.entry_selected.connect(self._load_plan)
            self._load_chart = LoadChartWidget()
            self._view.tabs.addTab(self._load_chart, "Training load")
            self._layout.insertWidget(0, self._view, 1)  # above the clearances
        return self._view

    @property
    def load_chart(self) -> LoadChartWidget:
        """The weekly load with pain over it (a tab of the history view, built with it)."""
        self.view  # noqa: B018 (builds the view and its tabs)
        assert self._load_chart is not None
        return self._load_chart

    def load(self, athlete_id: str) -> None:
        self.athlete_id = athlete_id
        self.tasks.run(
            lambda: (queries.history_entries(self.ctx, athlete_id), clearances.clearances(self.ctx, athlete_id)),
            lambda loaded: self._show(athlete_id, *loaded),
            self._failed,
        )
        self.tasks.run(
            lambda: _load_chart_data(self.ctx, athlete_id),
            lambda chart: self.load_chart.set_chart(chart) if athlete_id == self.athlete_id else None,
            self._chart_failed,
        )

    def _show(self, athlete_id: str, entries: Any, found: list[Any]) -> None:
        if athlete_id == self.athlete_id:  # the athlete may have changed while loading
            self.view.set_history(entries, self.ctx.today())
            self.clearance_list.setText(clearances_html(found))

    def record_clearance(self) -> None:
        """Ask who cleared the athlete and when; saved off the GUI thread through the window's run_op."""
        from .clearance_dialog import ClearanceDialog

        if self.athlete_id is None:
            return
        self.dialog = ClearanceDialog(self.ctx.today(), self)
        self.dialog.accepted.connect(self._save_clearance)
        self.dialog.open()

    def _save_clearance(self) -> None:
        athlete_id, dialog = self.athlete_id, self.dialog
        if athlete_id is None or dialog is None:
            return
        by, on, note = dialog.values()
        window: Any = self.window()
        window.run_op(
            lambda: clearances.add_clearance(self.ctx, athlete_id, by, on, note),
            lambda _record: self.load(athlete_id),
            "The clearance was not saved",
        )

    def _load_plan(self, entry_id: str) -> None:
        athlete_id = self.athlete_id
        if athlete_id is None:
            return
        self.tasks.run(
            lambda: queries.stored_plan(self.ctx, athlete_id, entry_id),
            lambda plan: self.view.set_plan(entry_id, plan),
            self._failed,
        )

    def _failed(self, exc: Exception) -> None:
        self.view.set_history([], self.ctx.today())
        window: Any = self.window()
        if hasattr(window, "show_error"):
            window.show_error("The history could not be loaded", exc)

    def _chart_failed(self, exc: Exception) -> None:
        window: Any = self.window()
        if hasattr(window, "show_error"):
            window.show_error("The training load could not be loaded", exc)


def _load_chart_data(ctx: AppContext, athlete_id: str) -> Any:
    """The weekly load with pain per area (the load maths loads with the History tab, not at start-up)."""
    from ..services.training_load import load_chart

    return load_chart(ctx, athlete_id).value
