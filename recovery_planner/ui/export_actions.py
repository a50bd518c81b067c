"""File > Export (PDF handout, calendar, spreadsheet, check-in), File > Import check-in, and check-in files
dropped onto the window. The work runs off the GUI thread through the window's TaskRunner.

``install_export_actions(window, ...)`` adds the actions to a File menu and turns on drag-and-drop.
Save dialogs open in the documents folder with a per-athlete, per-date file name; a finished export
says where the file was saved.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from .actions import text_action

if TYPE_CHECKING:
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QProgressDialog

    from ..services.changes import OpResult
    from ..services.context import AppContext
    from .tasks import TaskRunner

FORMAT_LABELS = (  # format, menu text, file filter
    ("pdf", "Plan as printable &PDF handout...", "PDF files (*.pdf)"),
    ("ics", "Plan as &calendar (iCalendar)...", "Calendar files (*.ics)"),
    ("csv", "Plan as &spreadsheet (CSV)...", "CSV files (*.csv)"),
    ("checkin", "Check-in as exchange &file...", "Check-in files (*.checkin.json *.json)"),
)
IMPORT_FILTER = "Check-in files (*.checkin.json *.json);;All files (*)"


def documents_folder() -> Path:
    """The user's documents folder (the home folder where there is none)."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal)."""

    changed = Signal(int, int)


class ExportActions(QObject):
    """The export and import actions of one window.

    ``context()`` gives the AppContext (with the PDF renderers), ``athlete()`` the current athlete's
    (id, name), ``on_imported(result)`` refreshes the screens after a stored import. ``inform`` and
    ``warn`` show messages; ``ask_save``, ``ask_open`` and ``ask_folder`` ask for paths (tests answer them).
    """

    def __init__(
        self,
        window: QWidget,
        tasks: TaskRunner,
        context: Callable[[], AppContext],
        athlete: Callable[[], tuple[str, str]],
        on_imported: Callable[[OpResult[Any]], None],
        inform: Callable[[str, str], Any],
        warn: Callable[[str, str], Any],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.context = context
        self.athlete = athlete
        self.on_imported = on_imported
        self.inform = inform
        self.warn = warn
        self.ask_save: Callable[[str, str, str], str] = lambda title, default, filt: _file_dialog().getSaveFileName(
            window, title, default, filt
        )[0]
        self.ask_open: Callable[[str, str, str], str] = lambda title, folder, filt: _file_dialog().getOpenFileName(
            window, title, folder, filt
        )[0]
        self.ask_folder: Callable[[str, str], str] = lambda title, folder: _file_dialog().getExistingDirectory(
            window, title, folder
        )
        self.actions: dict[str, QAction] = {}
        self.progress_dialog: QProgressDialog | None = None

    # -- menus ------------------------------------------------------------------------------------
    def install(self, file_menu: QMenu, before: QAction | None = None) -> None:
        """Add Export > ..., Import check-in... and Export squad handouts... to ``file_menu``."""
        export_menu = QMenu("E&xport", self.window)
        for fmt, text, _ in FORMAT_LABELS:
            action = text_action(text, self.window)
            action.triggered.connect(lambda _checked=False, f=fmt: self.export(f))
            export_menu.addAction(action)
            self.actions[fmt] = action
        export_menu.addSeparator()
        squad = text_action("Handouts for the whole &squad...", self.window)
        squad.triggered.connect(self.export_squad)
        export_menu.addAction(squad)
        self.actions["squad"] = squad
        importer = text_action("&Import check-in...", self.window)
        importer.triggered.connect(self.choose_import)
        self.actions["import"] = importer
        if before is None:
            file_menu.addMenu(export_menu)
            file_menu.addAction(importer)
        else:
            file_menu.insertMenu(before, export_menu)
            file_menu.insertAction(before, importer)
        self.window.setAcceptDrops(True)  # the window's drag handlers call accept_drop

    # -- export -----------------------------------------------------------------------------------
    def default_path(self, fmt: str, day: date) -> str:
        from ..services.exports import default_file_name

        return str(documents_folder() / default_file_name(self.athlete()[1], day, fmt))

    def export(self, fmt: str) -> None:
        """Ask where to save, then export the current athlete's latest plan (or check-in) there."""
        from ..services.exports import export

        ctx = self.context()
        athlete_id, _ = self.athlete()
        filt = next(f for key, _, f in FORMAT_LABELS if key == fmt)
        path = self.ask_save("Export", self.default_path(fmt, ctx.today()), filt)
        if not path:
            return
        self.tasks.run(
            lambda: export(ctx, athlete_id, fmt, Path(path)),
            lambda result: self.inform("Export", "\n".join(result.notices)),
            lambda exc: self.warn("The export failed", f"Nothing was exported.\n\n{exc}"),
        )

    def export_squad(self) -> None:
        """One PDF handout per athlete with a plan in force, into a chosen folder, with progress and cancel."""
        from ..services.exports import export_squad

        ctx = self.context()
        folder = self.ask_folder("Save the squad's handouts in", str(documents_folder()))
        if not folder:
            return
        cancel = threading.Event()
        progress = _Progress(self)
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog("Drawing the handouts...", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle("Squad handouts")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(cancel.set)

        def show_progress(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        progress.changed.connect(show_progress)
        self.progress_dialog = dialog

        def finished(result: OpResult[Any]) -> None:
            dialog.reset()
            self.progress_dialog = None
            self.inform("Squad handouts", "\n".join(result.notices))

        def failed(exc: Exception) -> None:
            dialog.reset()
            self.progress_dialog = None
            self.warn("The squad handouts were not saved", str(exc))

        self.tasks.run(
            lambda: export_squad(ctx, Path(folder), on_progress=progress.changed.emit, should_cancel=cancel.is_set),
            finished,
            failed,
        )

    # -- import -----------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path = self.ask_open("Import a check-in", str(documents_folder()), IMPORT_FILTER)
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import an exchange file for the current athlete, off the GUI thread."""
        from ..services.exports import import_check_in

        ctx = self.context()
        athlete_id, _ = self.athlete()

        def done(result: OpResult[Any]) -> None:
            if result.value.stored:
                self.on_imported(result)
            self.inform("Import check-in", "\n".join(result.notices))

        self.tasks.run(
            lambda: import_check_in(ctx, athlete_id, path),
            done,
            lambda exc: self.warn("The check-in was not imported", f"Nothing was saved.\n\n{exc}"),
        )

    def accept_drop(self, event: QDropEvent, drop: bool) -> bool:
        """Accept one local check-in file dragged onto the window and, when ``drop``, import it; False for
        anything else (drag enter and move events are drop events, so the window calls this for all three)."""
        path = _dropped_file(event)
        if path is None:
            return False
        event.acceptProposedAction()
        if drop:
            self.import_file(path)
        return True


def _file_dialog() -> Any:
    """QFileDialog, loaded when a file is first asked for (each Qt class costs start-up time when first touched)."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog


def _dropped_file(event: QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData() is not None else []
    if len(urls) == 1 and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(".json"):
        return Path(urls[0].toLocalFile())
    return None


def install_export_actions(
    window: QWidget,
    file_menu: QMenu,
    *,
    tasks: TaskRunner,
    context: Callable[[], AppContext],
    athlete: Callable[[], tuple[str, str]],
    on_imported: Callable[[OpResult[Any]], None],
    inform: Callable[[str, str], Any],
    warn: Callable[[str, str], Any],
    before: QAction | None = None,
) -> ExportActions:
    """The one call a main window makes: build the actions, add them to ``file_menu``, accept drops."""
    actions = ExportActions(window, tasks, context, athlete, on_imported, inform, warn)
    actions.install(file_menu, before)
    return actions
