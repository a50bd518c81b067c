"""History tab: loads an athlete's stored check-ins off the GUI thread and shows them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..storage.repository import Repository
from .tasks import TaskRunner


class HistoryPage(QWidget):
    """Placeholder until the history view lands."""

    def __init__(self, repo: Repository, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.tasks = tasks
        self.label = QLabel()
        QVBoxLayout(self).addWidget(self.label)

    def load(self, athlete_id: str) -> None:
        self.tasks.run(lambda: self.repo.history(athlete_id), lambda h: self.label.setText(
            f"{len(h)} check-ins"), lambda exc: self.label.setText(str(exc)))
