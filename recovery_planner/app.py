"""The GUI's composition root: logging, the data folder, the context (clock, renderers) and the windows.

Start-up order: a small loading shell paints at once; the data folder opens on a worker thread and the
first screen's data is read there too; then the main window is built in one go and replaces the shell.
"Ready" (what ``--quit-after-first-paint`` waits for) is the main window painted with storage open.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any


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


def _report(stamp: str) -> None:
    if os.environ.get("RECOVERY_PLANNER_REPORT_PAINT"):  # the start-up benchmark reads these lines
        print(f"{stamp} {time.time():.6f}", flush=True)


def renderers() -> dict[str, Any]:
    """What the Qt layer draws for the services (e.g. a PDF handout); none yet."""
    return {}


def run_app(data_dir: str | None = None, quit_after_first_paint: bool = False) -> int:
    """Show the app; returns the process exit code (with ``quit_after_first_paint``: 0 once ready)."""
    problem = _display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from . import __version__
    from .services.errors import exit_code
    from .services.logs import setup_logging
    from .services.session import resolve_data_dir
    from .ui.loading import LoadingShell
    from .ui.resources import resource_path
    from .ui.tasks import TaskRunner

    try:
        folder = resolve_data_dir(data_dir)
    except Exception as exc:
        if exit_code(exc) is None:
            raise
        print(f"Recovery Planner cannot open your data: {exc}", file=sys.stderr)
        return exit_code(exc) or 5
    setup_logging(data_dir, role="app")  # logs/ of an overridden data folder, else the platform's log folder
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Recovery Planner")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Recovery Planner")
    app.setWindowIcon(QIcon(str(resource_path("icon.svg"))))
    shell = LoadingShell()
    opener = TaskRunner(app)
    windows: list[Any] = []
    exit_status = 0

    def failed(exc: Exception) -> None:
        nonlocal exit_status
        print(f"Recovery Planner cannot open your data: {exc}", file=sys.stderr)
        if not quit_after_first_paint:
            QMessageBox.critical(shell, "Recovery Planner cannot open your data", str(exc))
        exit_status = exit_code(exc) or 5
        app.quit()

    def ready() -> None:
        _report("ready")
        if quit_after_first_paint:
            app.quit()
            return
        windows[0].offer_repair()
        windows[0].start_daily_backup()

    def opened(loaded: tuple[Any, Any]) -> None:
        from .ui.main_window import MainWindow, apply_theme

        ctx, state = loaded
        apply_theme(str(state.overview.settings.get("theme", "system")))
        window = MainWindow(ctx, state)
        windows.append(window)
        window.first_painted.connect(lambda: QTimer.singleShot(0, ready))
        window.show()
        shell.close()

    shell.first_painted.connect(lambda: _report("first-paint"))
    opener.run(lambda: _open(folder), opened, failed)
    shell.show()
    code = app.exec()
    opener.wait()
    for window in windows:
        window.tasks.wait()
        from .services.session import close_context

        close_context(window.ctx)
    return exit_status or code


def _open(folder: Path) -> tuple[Any, Any]:
    """On the worker thread: open the folder and read the first screen (and import the main window's code)."""
    from .services.session import open_context, start_state

    ctx = open_context(folder, renderers=renderers())
    state = start_state(ctx).value
    return ctx, state
