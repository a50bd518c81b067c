"""The loading shell: a small window shown while the data folder opens in the background, if that is slow.

Most folders open in a fraction of a second; then the main window is the first thing on screen and no shell
flashes by. ``DelayedShell`` shows the shell only when opening takes longer than ``SHOW_AFTER_MS``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

SHOW_AFTER_MS = 400  # about when a wait starts to feel like nothing is happening


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


class DelayedShell(QObject):
    """Shows a ``LoadingShell`` after ``delay_ms`` unless ``close()`` came first (the main window is up)."""

    first_painted = Signal()

    def __init__(self, delay_ms: int = SHOW_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shell: LoadingShell | None = None
        self._closed = False
        QTimer.singleShot(delay_ms, self._show)

    def _show(self) -> None:
        if self._closed:
            return
        self.shell = LoadingShell()
        self.shell.first_painted.connect(self.first_painted)
        self.shell.show()

    def close(self) -> None:
        self._closed = True
        if self.shell is not None:
            self.shell.close()
