"""The loading shell appears only when opening the data folder is slow, and goes when the main window is up."""

from __future__ import annotations

from recovery_planner.ui.loading import DelayedShell


def test_a_slow_open_shows_the_shell_until_the_window_is_up(qtbot):
    shell = DelayedShell(delay_ms=20)
    with qtbot.waitSignal(shell.first_painted, timeout=5000):
        pass
    assert shell.shell is not None and shell.shell.isVisible()
    assert shell.shell.message.text() == "Opening your data..."
    shell.close()
    assert not shell.shell.isVisible()


def test_a_quick_open_never_shows_it(qtbot):
    shell = DelayedShell(delay_ms=50)
    shell.close()  # the main window was ready first
    qtbot.wait(150)
    assert shell.shell is None
