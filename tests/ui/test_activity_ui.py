"""The weekly-load chart and the activity import (File menu and drag-and-drop) with real widgets."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QPushButton, QWidget

from recovery_planner.services.activities import import_activities
from recovery_planner.services.context import AppContext
from recovery_planner.services.training_load import load_chart
from recovery_planner.storage import Repository
from recovery_planner.ui.activity_import import ActivityImporter, accept_activity_drop
from recovery_planner.ui.load_chart import BARS_GID, FLAG_COLOUR, L1_GID, L3_GID, LoadChartWidget
from recovery_planner.ui.tasks import TaskRunner
from tests.formats.conftest import DATA
from tests.formats.gpx_maker import make_gpx
from tests.storage.conftest import planned

TODAY = date(2024, 6, 30)
NOW = datetime(2024, 6, 30, 18, 0, tzinfo=timezone.utc)


@pytest.fixture
def ctx(tmp_path):
    with Repository.open(tmp_path / "data") as repo:
        yield AppContext(repo, clock=lambda: NOW)


def write_runs(folder, runs):
    folder.mkdir(exist_ok=True)
    for days, km in runs:
        start = datetime(2024, 6, 30, 7, tzinfo=timezone.utc) - timedelta(days=days)
        (folder / f"{start:%Y-%m-%d}.gpx").write_bytes(make_gpx(start, km, interval_s=20))


def test_chart_shows_weekly_km_the_flags_and_pain(qtbot, ctx, tmp_path):
    ana = ctx.repo.add_athlete("Ana").id
    base = [(d, 6.0) for d in range(7, 42) if d % 7 in (1, 3, 5)]
    write_runs(tmp_path / "runs", [*base, (6, 12.0), (4, 12.0), (2, 14.0), (0, 12.0)])
    import_activities(ctx, ana, [tmp_path / "runs"])
    for days, pain in ((9, 1), (3, 3), (0, 5)):
        ctx.repo.add_check_in(ana, *planned(TODAY - timedelta(days=days), pain=pain))
    chart = load_chart(ctx, ana).value

    w = LoadChartWidget()
    qtbot.addWidget(w)
    w.resize(900, 420)
    w.set_chart(chart)
    w.show()
    qtbot.waitExposed(w)
    ax, pain_ax = w.axes()
    bars = [p for p in ax.patches if p.get_gid() in (BARS_GID, L1_GID)]
    assert [round(b.get_height(), 1) for b in bars] == [round(wk.running_km, 1) for wk in chart.weeks]
    assert round(bars[-1].get_height()) == 50  # the last week: 12 + 12 + 14 + 12 km
    flagged = [b for b in ax.patches if b.get_gid() == L1_GID]
    assert flagged and flagged[-1] is bars[-1]
    assert flagged[-1].get_edgecolor()[:3] == pytest.approx(
        tuple(int(FLAG_COLOUR[i : i + 2], 16) / 255 for i in (1, 3, 5))
    )
    assert any(line.get_gid() == L3_GID for line in ax.get_lines())  # 14 km > 110 % of 12 km
    (pain_line,) = [line for line in pain_ax.get_lines() if line.get_gid().startswith("pain:")]
    assert list(pain_line.get_ydata()) == [1, 3, 5]
    png = w.export_png(os.environ.get("LOAD_CHART_PNG", tmp_path / "load-chart.png"))
    assert png.stat().st_size > 10_000


def test_empty_chart_says_what_to_do(qtbot, ctx):
    ana = ctx.repo.add_athlete("Ana").id
    w = LoadChartWidget()
    qtbot.addWidget(w)
    w.set_chart(load_chart(ctx, ana).value)
    ax, _ = w.axes()
    assert "Import activities" in ax.texts[0].get_text()


@pytest.fixture
def importer(qtbot, ctx):
    host = QWidget()
    qtbot.addWidget(host)
    runner = TaskRunner(host)
    ana = ctx.repo.add_athlete("Ana").id
    messages = []
    imp = ActivityImporter(ctx, runner, lambda: ana, host, inform=lambda w, t, text: messages.append(text))
    yield imp, ana, messages, host
    runner.wait()


def test_import_runs_off_the_gui_thread_with_progress(qtbot, ctx, tmp_path, importer):
    imp, ana, messages, _ = importer
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("fit/garmin-fenix-5-run.fit", "tcx/test.tcx", "gpx/cerknicko-jezero.gpx"):
        shutil.copy(DATA / name, folder)
    seen = []
    imp._relay.progress.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(imp.imported, timeout=20000) as blocker:
        assert imp.import_paths([folder])
        assert imp.dialog is not None  # the progress dialog is up while the worker runs
    assert blocker.args[0].added == 3
    assert seen[-1] == (3, 3)
    assert imp.dialog is None and "3 new activities imported" in messages[0]
    assert len(ctx.repo.activities(ana)) == 3


def test_a_refused_file_stores_nothing_and_says_which(qtbot, ctx, importer):
    imp, ana, messages, _ = importer
    with qtbot.waitSignal(imp.failed, timeout=20000):
        imp.import_paths([DATA / "fit/garmin-fenix-5-run.fit", DATA / "fit/activity-unexpected-eof.fit"])
    assert "activity-unexpected-eof.fit: is cut off" in messages[0]
    assert ctx.repo.activities(ana) == []


def test_cancel_stores_nothing(qtbot, ctx, tmp_path, importer):
    imp, ana, messages, _ = importer
    write_runs(tmp_path / "runs", [(d, 5.0) for d in range(30)])
    with qtbot.waitSignal(imp.imported, timeout=30000) as blocker:
        imp.import_paths([tmp_path / "runs"])
        imp.dialog.show()  # it shows itself after 300 ms; the test does not wait for that
        (button,) = [b for b in imp.dialog.findChildren(QPushButton) if b.text() == "Cancel"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].cancelled and messages == []
    assert ctx.repo.activities(ana) == []


def test_a_drag_of_watch_files_is_accepted_and_the_drop_imports_them(qtbot, ctx, importer):
    imp, ana, _, _ = importer
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "fit/garmin-fenix-5-walk.fit")), QUrl.fromLocalFile("/etc/hosts")])
    urls = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(5, 5), *urls)
    assert accept_activity_drop(imp, enter, drop=False) and enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(imp.imported, timeout=20000) as blocker:
        assert accept_activity_drop(imp, drop, drop=True)
    assert blocker.args[0].added == 1  # /etc/hosts is not an activity file: left out
    assert [a.sport for a in ctx.repo.activities(ana)] == ["walking"]


def test_a_drag_without_activity_files_is_not_accepted(qtbot, importer):
    imp, _, _, _ = importer
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/etc/hosts")])
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    assert not accept_activity_drop(imp, enter, drop=False)
    assert not enter.isAccepted()
