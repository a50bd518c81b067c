"""Start the desktop app: the one place that wires paths, the repository and the main window together."""

from __future__ import annotations

import os
import sys
import time


def _display_problem() -> str | None:
    """On Linux, say what is missing instead of letting Qt abort when there is no screen."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "No screen found: DISPLAY and WAYLAND_DISPLAY are not set. Run the app on a desktop session, "
        "or set QT_QPA_PLATFORM=offscreen for a headless check."
    )


def renderers() -> dict:
    """The Qt renderers handed to the application layer (``AppContext.renderers``); Qt loads on first use."""
    from .ui.renderers import pdf_renderers

    return pdf_renderers()


def run_app(data_dir: str | None = None, quit_after_first_paint: bool = False) -> int:
    """Show the main window, then open the data folder and attach it; returns the process exit code.

    Storage loads after the first paint, so the window appears without waiting for it.
    """
    problem = _display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from . import __version__
    from .storage.errors import StorageError
    from .storage.paths import resolve_data_dir
    from .ui.main_window import MainWindow, apply_theme
    from .ui.resources import resource_path

    try:
        folder = resolve_data_dir(data_dir)
    except StorageError as exc:
        print(f"Recovery Planner cannot open your data: {exc}", file=sys.stderr)
        return 3
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Recovery Planner")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Recovery Planner")
    app.setWindowIcon(QIcon(str(resource_path("icon.svg"))))
    window = MainWindow(data_dir=folder)
    apply_theme(window.theme())
    exit_code = 0

    def attach() -> None:
        nonlocal exit_code
        from .storage.repository import Repository

        try:
            window.attach(Repository.open(folder))
        except StorageError as exc:
            print(f"Recovery Planner cannot open your data: {exc}", file=sys.stderr)
            if not quit_after_first_paint:
                QMessageBox.critical(window, "Recovery Planner cannot open your data", str(exc))
            exit_code = 3
            app.quit()
            return
        if quit_after_first_paint:
            app.quit()
        else:
            window.offer_repair()
            window.start_daily_backup()

    if quit_after_first_paint and os.environ.get("RECOVERY_PLANNER_REPORT_PAINT"):  # start-up benchmark
        window.first_painted.connect(lambda: print(f"first-paint {time.time():.6f}", flush=True))
    window.first_painted.connect(lambda: QTimer.singleShot(0, attach))
    window.show()
    code = app.exec()
    window.tasks.wait()
    if window.repo is not None:
        window.repo.close()
    return exit_code or code
