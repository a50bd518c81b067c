"""History tab: loads an athlete's stored check-ins off the GUI thread and shows them in a HistoryView."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..services import queries
from ..services.context import AppContext
from .history_view import HistoryView
from .tasks import TaskRunner


class HistoryPage(QWidget):
    """Feeds ``HistoryView`` through the services; plans are loaded only when a check-in is selected."""

    def __init__(self, ctx: AppContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.athlete_id: str | None = None
        self.view = HistoryView()
        self.view.entry_selected.connect(self._load_plan)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def load(self, athlete_id: str) -> None:
        self.athlete_id = athlete_id
        self.tasks.run(
            lambda: queries.history_entries(self.ctx, athlete_id),
            lambda entries: self._show(athlete_id, entries),
            self._failed,
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
