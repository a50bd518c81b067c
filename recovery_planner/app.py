"""Start the desktop app: the one place that wires paths, the repository and the main window together."""

from __future__ import annotations

import os
import sys


def _display_problem() -> str | None:
    """On Linux, say what is missing instead of letting Qt abort when there is no screen."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("No screen found: DISPLAY and WAYLAND_DISPLAY are not set. Run the app on a desktop session, "
            "or set QT_QPA_PLATFORM=offscreen for a headless check.")


def run_app(data_dir: str | None = None, quit_after_first_paint: bool = False) -> int:
    """Open the main window; returns the process exit code."""
    problem = _display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from . import __version__
    from .storage.errors import LockedError, NewerVersionError, StorageError
    from .storage.repository import Repository
    from .ui.main_window import MainWindow, apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Recovery Planner")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Recovery Planner")
    from PySide6.QtGui import QIcon

    from .ui.resources import resource_path

    app.setWindowIcon(QIcon(str(resource_path("icon.svg"))))
    try:
        repo = Repository.open(data_dir)
    except (NewerVersionError, LockedError, StorageError) as exc:
        if not quit_after_first_paint:
            QMessageBox.critical(None, "Recovery Planner cannot open your data", str(exc))
        print(f"Recovery Planner cannot open your data: {exc}", file=sys.stderr)
        return 3
    apply_theme(repo.get_setting("theme", "system"))
    window = MainWindow(repo)
    if not quit_after_first_paint:
        window.first_painted.connect(window.offer_repair)
    if quit_after_first_paint:
        window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    window.show()
    code = app.exec()
    window.tasks.wait()
    repo.close()
    return code

