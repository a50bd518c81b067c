"""Activities in the main window: File > Import activities, drag-and-drop, the History tab's load chart."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from recovery_planner.ui.load_chart import BARS_GID
from tests.formats.conftest import DATA

from .app_window import make_ctx, make_window

TODAY = date(2017, 6, 20)


def menu_texts(window) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in file_menu.actions()]


def drop(window, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(10, 10), *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(10, 10), *args))


def test_dropped_watch_files_show_in_the_history_load_chart(qtbot, tmp_path):
    window = make_window(qtbot, make_ctx(tmp_path / "data", TODAY))
    assert "&Import activities..." in menu_texts(window)
    messages = []
    window.inform = lambda title, text: messages.append(text)
    with qtbot.waitSignal(window.activity_importer.imported, timeout=20000):
        drop(window, [DATA / "fit/garmin-fenix-5-run.fit", DATA / "fit/garmin-fenix-5-walk.fit"])
    assert "2 new activities imported" in messages[0]
    window.tabs.setCurrentWidget(window.history_view)
    page = window.history_view
    page.view.tabs.setCurrentWidget(page.load_chart)
    qtbot.waitUntil(lambda: bool(page.load_chart._chart.weeks), timeout=10000)
    window.tasks.wait()
    ax, _ = page.load_chart.axes()
    bars = [p for p in ax.patches if p.get_gid() == BARS_GID]
    assert round(sum(b.get_height() for b in bars), 3) == 0.158  # the run counts, the walk does not
    if os.environ.get("LOAD_WINDOW_PNG"):
        page.load_chart.export_png(os.environ["LOAD_WINDOW_PNG"])
    window.close()
    window.ctx.repo.close()
