"""History tab: loads an athlete's stored check-ins off the GUI thread and shows them in a HistoryView."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..services import queries
from ..services.context import AppContext
from ..services.training_load import load_chart
from .tasks import TaskRunner

if TYPE_CHECKING:
    from .history_view import HistoryView
    from .load_chart import LoadChartWidget


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

    @property
    def view(self) -> HistoryView:
        if self._view is None:
            from .history_view import HistoryView
            from .load_chart import LoadChartWidget

            self._view = HistoryView()
            self._view.entry_selected.connect(self._load_plan)
            self._load_chart = LoadChartWidget()
            self._view.tabs.addTab(self._load_chart, "Training load")
            self._layout.addWidget(self._view)
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
            lambda: queries.history_entries(self.ctx, athlete_id),
            lambda entries: self._show(athlete_id, entries),
            self._failed,
        )
        self.tasks.run(
            lambda: load_chart(self.ctx, athlete_id).value,
            lambda chart: self.load_chart.set_chart(chart) if athlete_id == self.athlete_id else None,
            self._chart_failed,
        )

    def _show(self, athlete_id: str, entries: Any) -> None:
        if athlete_id == self.athlete_id:  # the athlete may have changed while loading
            self.view.set_history(entries, self.ctx.today())

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
