"""The composition root of the app and the command line: the entry point, logging, the context (clock,
renderers drawn by Qt) and the windows.

``main`` opens the GUI when no command is given, else runs the command line with the Qt renderers handed
in (``renderers()``: Qt loads only when a command calls one).

GUI start-up: the Qt-free layer is imported first (PySide6 inspects every module imported after it); then
one worker thread opens the data folder, reads the first screen's data and loads the main window's code,
while the GUI thread only runs its event loop (two threads importing at once take longer than one after
the other: they share one interpreter lock), showing a small loading shell if this takes a while; then the
main window is built in one go. "Ready" (what ``--quit-after-first-paint`` waits for) is the main window
painted with storage open and its first page built; the other tabs build when first opened.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# What the services may ask Qt to draw, by name: (module under recovery_planner.ui, function).
RENDERERS: dict[str, tuple[str, str]] = {
    "pdf": ("handout", "render_handout_pdf"),  # a plan as a printable handout
    "pdf_combined": ("handout", "render_handouts_pdf"),  # several athletes' handouts in one file
    "squad_pdf": ("squad_pdf", "render_squad_pdf"),  # the coach's squad summary
}
_qt_apps: list[Any] = []


def main(argv: list[str] | None = None) -> int:
    """``recovery-planner`` and ``python -m recovery_planner``: the desktop app, or a command."""
    # Starting up makes many objects that live as long as the app (modules, classes, Qt's enums) and almost
    # no garbage, so the cyclic garbage collector only costs time until the window is ready (run_app turns
    # it back on then).
    gc.disable()
    try:
        from .cli.app_options import opens_app, parse_app_options

        argv = sys.argv[1:] if argv is None else argv
        if opens_app(argv):
            options = parse_app_options(argv)
            return run_app(data_dir=options.data_dir, quit_after_first_paint=options.quit_after_first_paint)
        gc.enable()
        from .cli.main import main as cli_main

        return cli_main(argv, renderers=renderers())
    finally:
        gc.enable()


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
        print(f"{stamp} {time.time():.6f} {time.process_time():.6f}", flush=True)  # wall clock, then CPU time


def renderers() -> dict[str, Callable[..., Any]]:
    """Small wrappers that import their Qt module only when called (a command that draws nothing loads no Qt)."""
    return {key: _lazy_renderer(module, name) for key, (module, name) in RENDERERS.items()}


def _lazy_renderer(module: str, name: str) -> Callable[..., Any]:
    def render(*args: Any, **kwargs: Any) -> Any:
        ensure_gui_application()
        return getattr(importlib.import_module(f".ui.{module}", __package__), name)(*args, **kwargs)

    render.__name__ = name
    return render


def ensure_gui_application() -> None:
    """Qt needs an application object to draw; a command gets an offscreen one (no window, no screen needed)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _qt_apps.append(QGuiApplication(sys.argv[:1]))


def run_app(data_dir: str | None = None, quit_after_first_paint: bool = False) -> int:
    """Show the app; returns the process exit code (with ``quit_after_first_paint``: 0 once ready)."""
    problem = _display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from .services.logs import note_started, setup_logging
    from .services.session import preload, resolve_data_dir

    preload()  # before Qt (see preload)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from . import __version__
    from .services.errors import exit_code
    from .ui.loading import DelayedShell
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
    from .ui.app_id import DESKTOP_ID
    from .ui.single_instance import SingleInstance, bring_to_front

    app.setDesktopFileName(DESKTOP_ID)  # Linux: matches the window to the .desktop entry and its icon
    instance = SingleInstance(folder, app)
    if not instance.claim():  # already open on this folder: that window was asked to come forward
        print(
            "Recovery Planner is already open on this data folder; "
            + ("its window was brought forward." if instance.handed_over else "switch to its window."),
            file=sys.stderr,
        )
        return 0
    opener = TaskRunner(app)
    windows: list[Any] = []
    exit_status = 0

    def failed(exc: Exception) -> None:
        nonlocal exit_status
        print(f"Recovery Planner cannot open your data: {exc}", file=sys.stderr)
        if not quit_after_first_paint:
            from PySide6.QtWidgets import QMessageBox

            shell.close()
            QMessageBox.critical(None, "Recovery Planner cannot open your data", str(exc))
        exit_status = exit_code(exc) or 5
        app.quit()

    def ready() -> None:
        _report("ready")
        gc.enable()  # see main
        note_started()
        _set_window_icon(app)  # after the first screen: drawing the SVG icon loads the SVG plug-in
        if quit_after_first_paint:
            app.quit()
            return
        instance.listen()  # a later start on this folder now brings this window forward
        windows[0].offer_repair()
        windows[0].start_daily_backup()
        from .ui.charts import warm_up_charts

        warm_up_charts()  # matplotlib loads in the background now, so the History tab's first chart is quick

    def opened(loaded: tuple[Any, Any]) -> None:
        from .ui.main_window import MainWindow, apply_theme

        ctx, state = loaded
        apply_theme(str(state.overview.settings.get("theme", "system")))
        _report("window-imported")
        window = MainWindow(ctx, state)
        window.remember_geometry = not quit_after_first_paint
        _report("window-built")
        windows.append(window)
        window.first_painted.connect(first_paint)
        window.first_painted.connect(lambda: QTimer.singleShot(0, ready))
        window.show()
        shell.close()

    painted: list[bool] = []

    def first_paint() -> None:  # of the shell, or of the main window when the shell was not needed
        if not painted:
            painted.append(True)
            _report("first-paint")

    shell = DelayedShell(parent=app)  # only if opening the folder takes a while
    shell.first_painted.connect(first_paint)
    instance.activated.connect(lambda: bring_to_front(windows[0] if windows else shell.shell))
    opener.run(lambda: _open(folder), opened, failed)
    code = app.exec()
    opener.wait()
    for window in windows:
        window.tasks.wait()
        from .services.session import close_context

        close_context(window.ctx)
    instance.close()
    return exit_status or code


def _set_window_icon(app: Any) -> None:
    """The app's icon on every window (the installers also give it to the executable and the .desktop entry)."""
    from PySide6.QtGui import QIcon

    from .ui.resources import resource_path

    app.setWindowIcon(QIcon(str(resource_path("icon.svg"))))


def _open(folder: Path) -> tuple[Any, Any]:
    """On the worker thread: open the folder, read the first screen and load the main window's code."""
    from .services.session import open_context, start_state

    ctx = open_context(folder, renderers=renderers())
    state = start_state(ctx).value
    _report("storage-open")
    importlib.import_module(".ui.main_window", __package__)  # code only: widgets are made on the GUI thread
    return ctx, state
