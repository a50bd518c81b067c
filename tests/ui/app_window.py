"""Building the app's context and main window in tests: a fixed clock and a real data folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

from recovery_planner.services.context import AppContext
from recovery_planner.services.session import open_context, start_state
from recovery_planner.ui.main_window import MainWindow


def fixed_clock(day: date) -> Callable[[], datetime]:
    """A clock that always says noon on ``day`` (local time)."""
    return lambda: datetime.combine(day, time(12)).astimezone()


def make_ctx(data_dir: Path, today: date, welcomed: bool = True) -> AppContext:
    """A context on ``data_dir``; ``welcomed`` skips the first-run welcome page (as after the first start)."""
    ctx = open_context(data_dir, clock=fixed_clock(today))
    if welcomed:
        ctx.repo.set_setting("welcomed", True)
    return ctx


def open_plan_tab(qtbot, window: MainWindow) -> None:
    """Switch to the Plan tab and wait until its plan is read (a coach's plan is read when the tab opens)."""
    window.tabs.setCurrentWidget(window.plan_view)
    qtbot.waitUntil(lambda: not window.plan_view.reading, timeout=10000)


def make_window(qtbot, ctx: AppContext, show: bool = True) -> MainWindow:
    """The main window as app.py builds it: the start state read first, then the window in one go."""
    window = MainWindow(ctx, start_state(ctx).value)
    qtbot.addWidget(window)
    if show:
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
    return window
