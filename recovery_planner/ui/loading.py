"""The loading shell: a small window painted at once while the data folder opens in the background."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class LoadingShell(QWidget):
    """ "Opening your data..." with a busy bar; replaced by the main window once everything is loaded."""

    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.SplashScreen)
        self.setWindowTitle("Recovery Planner")
        self._painted = False
        title = QLabel("<b style='font-size:18px'>Recovery Planner</b>")
        self.message = QLabel("Opening your data...")
        busy = QProgressBar()
        busy.setRange(0, 0)
        busy.setAccessibleName("Opening your data")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        for widget in (title, self.message, busy):
            layout.addWidget(widget)
        self.resize(360, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
