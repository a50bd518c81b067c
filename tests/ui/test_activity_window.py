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


def drag(window, paths) -> tuple[QDragEnterEvent, tuple]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(10, 10), *args)
    QApplication.sendEvent(window, enter)
    return enter, args


def drop(window, paths) -> None:
    enter, args = drag(window, paths)
    assert enter.isAccepted() and window.acceptDrops()
    QApplication.sendEvent(window, QDropEvent(QPointF(10, 10), *args))


def test_the_window_refuses_a_drag_of_files_it_cannot_import(qtbot, tmp_path):
    window = make_window(qtbot, make_ctx(tmp_path / "data", TODAY))
    enter, _ = drag(window, ["/etc/hosts"])
    assert not enter.isAccepted()
    window.close()
    window.ctx.repo.close()


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


def test_the_check_in_form_shows_the_imported_load(qtbot, tmp_path):
    from datetime import datetime, timedelta, timezone

    from recovery_planner.services.activities import import_activities
    from tests.formats.gpx_maker import make_gpx

    ctx = make_ctx(tmp_path / "data", TODAY)
    window = make_window(qtbot, ctx)
    window.tasks.wait()
    assert window.form.acute.value() is None  # nothing imported yet: the box is empty (not given)
    runs = tmp_path / "runs"
    runs.mkdir()
    for days, km in [(d, 5.0) for d in range(1, 29, 2)]:  # 5 km every other day for four weeks
        start = datetime.combine(TODAY - timedelta(days=days), datetime.min.time(), timezone.utc) + timedelta(hours=7)
        (runs / f"{days}.gpx").write_bytes(make_gpx(start, km, interval_s=30))
    import_activities(ctx, window.athlete_id, [runs])
    window.new_check_in()
    qtbot.waitUntil(lambda: (window.form.acute.value() or 0) > 0, timeout=10000)
    assert abs(window.form.acute.value() - 15) <= 0.6  # three runs in the last 7 days (the box shows whole km)
    assert abs(window.form.chronic.value() - 17.5) <= 0.6  # 14 runs over 4 weeks: 17.5 km a week
    window.form.acute.setValue(22)  # still editable: what the runner types is what is saved
    assert window.form.check_in_dict(TODAY, {}, {})["load"]["acute_km_7d"] == 22
    window.close()
    ctx.repo.close()


def test_a_check_in_file_dropped_on_the_window_goes_to_the_check_in_import(qtbot, tmp_path):
    """One .json file is a check-in (File > Import check-in), not an activity: the window routes it there."""
    from recovery_planner.domain.checkin import parse_check_in
    from recovery_planner.domain.planner import build_plan
    from tests.formats.plans import vignette_check_in

    ctx = make_ctx(tmp_path / "data", TODAY)
    window = make_window(qtbot, ctx)
    check_in = parse_check_in({**vignette_check_in("V03"), "date": TODAY.isoformat()}, TODAY)
    ctx.repo.add_check_in(window.athlete_id, check_in, build_plan(check_in, 7))
    file = tmp_path / "mine.checkin.json"
    window.exports.ask_save = lambda *a: str(file)
    messages = []
    window.inform = lambda title, text: messages.append(text)
    window.warn = lambda title, text: messages.append(text)
    window.exports.inform, window.exports.warn = window.inform, window.warn
    window.exports.actions["checkin"].trigger()
    qtbot.waitUntil(lambda: file.exists() and bool(messages), timeout=10000)
    drop(window, [file])
    qtbot.waitUntil(lambda: len(messages) >= 2, timeout=10000)
    assert "already stored" in messages[1]
    window.tasks.wait()
    window.close()
    window.ctx.repo.close()
