"""Main-window parts of the runner's experience: Help menu, a window that fits the screen, the theme."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication

from .app_window import make_ctx, make_window

TODAY = date(2026, 3, 2)


def test_help_menu_opens_the_user_guide_and_the_glossary(qtbot, tmp_path):
    window = make_window(qtbot, make_ctx(tmp_path / "data", TODAY))
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    titles = [a.text() for a in help_menu.actions()]
    assert "&User guide" in titles and "&Glossary" in titles
    next(a for a in help_menu.actions() if a.text() == "&Glossary").trigger()
    assert window.help_window.isVisible()
    assert window.help_window.tabs.currentWidget() is window.help_window.glossary
    window.close()


def test_the_first_window_opens_inside_the_screen(qtbot, tmp_path):
    window = make_window(qtbot, make_ctx(tmp_path / "data", TODAY), show=False)
    window.show()
    free = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    assert free.contains(window.frameGeometry().topLeft())
    window.close()
