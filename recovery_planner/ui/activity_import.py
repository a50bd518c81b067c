"""File > Import activities and drag-and-drop of watch files: runs the import off the GUI thread with a
progress dialog and a Cancel button (nothing is stored when cancelled or when any file is refused)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ..services.context import AppContext
from ..services.errors import is_known_problem
from .tasks import TaskRunner

if TYPE_CHECKING:  # the parsers, the import service and the dialogs load on the first import, not at start-up
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QProgressDialog

    from ..services.activities import ImportReport

FILE_FILTER = "Activity files (*.gpx *.tcx *.fit *.gpx.gz *.tcx.gz *.fit.gz *.zip);;All files (*)"
TITLE = "Import activities"


def importable(path: Path) -> bool:
    """Whether a dropped path is worth importing: an activity file, a zip export, or a folder."""
    from ..formats.activity_files import is_activity_name

    return path.is_dir() or path.suffix.lower() == ".zip" or is_activity_name(path.name)


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """The local files and folders in a drag that can be imported."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if importable(p)]


class _Relay(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal)."""

    progress = Signal(int, int)


class ActivityImporter(QObject):
    """Runs ``import_activities`` through the task runner, showing progress; emits ``imported(report)``.

    ``athlete_id`` is asked for at the moment of the import (the athlete shown then). ``confirm`` and
    ``inform`` are the message boxes, injectable for tests.
    """

    imported = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        athlete_id: Callable[[], str | None],
        parent: QWidget,
        inform: Callable[[QWidget, str, str], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._athlete_id = athlete_id
        self._parent = parent
        self._inform = inform or _information
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.progress.connect(self._show_progress)
        self.dialog: QProgressDialog | None = None

    # -- entry points ---------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        """File > Import activities: pick files (or a zip export) and import them."""
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(self._parent, TITLE, "", FILE_FILTER)
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Start importing; False (and nothing started) when no athlete is shown or an import is running."""
        athlete_id = self._athlete_id()
        if athlete_id is None or self.dialog is not None or not paths:
            return False
        self._cancel.clear()
        from PySide6.QtWidgets import QProgressDialog

        self.dialog = QProgressDialog("Reading activity files...", "Cancel", 0, 0, self._parent)
        self.dialog.setWindowTitle(TITLE)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel.set)
        ctx, relay, cancel = self._ctx, self._relay, self._cancel
        self._runner.run(
            lambda: _import(ctx, athlete_id, list(paths), progress=relay.progress.emit, cancel=cancel.is_set),
            self._done,
            self._error,
        )
        return True

    def cancel(self) -> None:
        self._cancel.set()

    # -- results ---------------------------------------------------------------------------------------
    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(f"Reading activity files: {done} of {total}")

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, result: Any) -> None:
        self._close_dialog()
        report: ImportReport = result.value
        if not report.cancelled:
            self._inform(self._parent, TITLE, "\n".join(result.notices))
        self.imported.emit(report)

    def _error(self, exc: Exception) -> None:
        self._close_dialog()
        from ..services.activities import ImportRefusedError

        known = isinstance(exc, ImportRefusedError) or is_known_problem(exc)
        message = str(exc) if known else ""
        text = message or "The activities could not be imported. Nothing was stored."
        self._inform(self._parent, TITLE, text)
        self.failed.emit(text)


def accept_activity_drop(importer: ActivityImporter, event: QDropEvent, drop: bool) -> bool:
    """Accept a drag that holds watch files or folders and, when ``drop``, import them; False if it holds none.

    QDragEnterEvent and QDragMoveEvent are QDropEvents, so the window calls this from all three handlers."""
    paths = dropped_paths(event)
    if not paths:
        return False
    event.acceptProposedAction()
    if drop:
        importer.import_paths(paths)
    return True


def _information(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def _import(ctx: AppContext, athlete_id: str, paths: list[Path], **kw: Any) -> Any:
    from ..services.activities import import_activities

    return import_activities(ctx, athlete_id, paths, **kw)
