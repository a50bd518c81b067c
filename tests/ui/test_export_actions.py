"""File > Export, File > Import check-in and drag-and-drop, driven through real actions and events offscreen."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from recovery_planner.app import renderers as pdf_renderers
from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.services.context import AppContext
from recovery_planner.storage import Repository
from recovery_planner.ui.export_actions import ExportActions, documents_folder, install_export_actions
from recovery_planner.ui.tasks import TaskRunner

from ..formats.plans import vignette_check_in

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


class _DropWindow(QMainWindow):
    """A window whose drag handlers hand a drag to the export actions, as the app's main window does."""

    actions: ExportActions

    def dragEnterEvent(self, event) -> None:
        self._drag(event, False)

    def dragMoveEvent(self, event) -> None:
        self._drag(event, False)

    def dropEvent(self, event) -> None:
        self._drag(event, True)

    def _drag(self, event, drop: bool) -> None:
        if not self.actions.accept_drop(event, drop):
            event.ignore()


class Harness:
    """A main window with a File menu, the export actions installed, and the messages collected."""

    def __init__(self, qtbot, folder: Path, name: str = "Ana López") -> None:
        self.ctx = AppContext(Repository.open(folder), clock=lambda: NOW, renderers=pdf_renderers())
        self.athlete_id = self.ctx.repo.add_athlete(name).id
        self.name = name
        self.window = _DropWindow()
        qtbot.addWidget(self.window)
        self.tasks = TaskRunner(self.window)
        self.messages: list[tuple[str, str, str]] = []
        self.imported: list = []
        menu = self.window.menuBar().addMenu("&File")
        self.actions = install_export_actions(
            self.window,
            menu,
            tasks=self.tasks,
            context=lambda: self.ctx,
            athlete=lambda: (self.athlete_id, self.name),
            on_imported=self.imported.append,
            inform=lambda title, text: self.messages.append(("info", title, text)),
            warn=lambda title, text: self.messages.append(("warn", title, text)),
        )
        self.window.actions = self.actions
        self.window.show()
        qtbot.waitExposed(self.window)

    def store(self, case: str) -> None:
        check_in = parse_check_in({**vignette_check_in(case), "date": "2026-03-02"}, date(2026, 3, 2))
        self.ctx.repo.add_check_in(self.athlete_id, check_in, build_plan(check_in, 7))

    def wait_message(self, qtbot, count: int) -> tuple[str, str, str]:
        qtbot.waitUntil(lambda: len(self.messages) >= count, timeout=20000)
        return self.messages[count - 1]

    def drop(self, path: Path) -> None:
        drop_file(self.window, path)


def drop_file(window: QMainWindow, path: Path) -> None:
    """Drag a file over the window and drop it, as the window system would (through the QWindow)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    target = window.windowHandle()
    enter = QDragEnterEvent(QPoint(300, 300), *args)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(QPointF(300, 300), *args))


@pytest.fixture
def harness(qtbot, tmp_path: Path) -> Harness:
    return Harness(qtbot, tmp_path / "data")


def test_export_pdf_from_the_menu_off_the_gui_thread(qtbot, harness: Harness, tmp_path: Path) -> None:
    harness.store("V03")
    asked: list[str] = []
    target = tmp_path / "handout.pdf"
    harness.actions.ask_save = lambda title, default, filt: asked.append(default) or str(target)
    harness.actions.actions["pdf"].trigger()
    kind, _, text = harness.wait_message(qtbot, 1)
    assert kind == "info" and text == f"Saved to {target}"
    assert asked == [str(documents_folder() / "ana-lopez-recovery-plan-2026-03-02.pdf")]
    assert len(PdfReader(target).pages) >= 2
    file_menu = harness.window.menuBar().actions()[0].menu()
    export_menu = file_menu.actions()[0].menu()
    assert [a.text() for a in export_menu.actions() if a.text()][:4] == [
        "Plan as printable &PDF handout...",
        "Plan as &calendar (iCalendar)...",
        "Plan as &spreadsheet (CSV)...",
        "Check-in as exchange &file...",
    ]


def test_export_problem_is_shown_and_a_cancelled_dialog_does_nothing(qtbot, harness: Harness, tmp_path: Path) -> None:
    harness.actions.ask_save = lambda *a: ""
    harness.actions.actions["csv"].trigger()
    assert harness.messages == [] and harness.tasks.wait(1000)
    harness.actions.ask_save = lambda *a: str(tmp_path / "plan.csv")
    harness.actions.actions["csv"].trigger()
    kind, _, text = harness.wait_message(qtbot, 1)
    assert kind == "warn" and "no check-ins yet" in text and not (tmp_path / "plan.csv").exists()


def test_dropped_check_in_file_is_imported_once(qtbot, harness: Harness, tmp_path: Path) -> None:
    runner = Harness(qtbot, tmp_path / "runner", name="Ana")
    runner.store("V03")
    file = tmp_path / "ana.checkin.json"
    runner.actions.ask_save = lambda *a: str(file)
    runner.actions.actions["checkin"].trigger()
    runner.wait_message(qtbot, 1)
    harness.drop(file)
    kind, _, text = harness.wait_message(qtbot, 1)
    assert kind == "info" and "made for Ana; it was imported for Ana López" in text
    assert len(harness.imported) == 1 and len(harness.ctx.repo.history(harness.athlete_id)) == 1
    harness.actions.ask_open = lambda *a: str(file)
    harness.actions.actions["import"].trigger()
    kind, _, text = harness.wait_message(qtbot, 2)
    assert "already stored" in text and len(harness.imported) == 1
    hostile = tmp_path / "hostile.json"
    payload = json.loads(file.read_text(encoding="utf-8"))
    payload["version"] = 7
    hostile.write_text(json.dumps(payload))
    harness.drop(hostile)
    kind, _, text = harness.wait_message(qtbot, 3)
    assert kind == "warn" and "newer Recovery Planner" in text and "Nothing was saved" in text
    assert len(harness.ctx.repo.history(harness.athlete_id)) == 1


def test_squad_handouts_with_progress(qtbot, harness: Harness, tmp_path: Path) -> None:
    harness.store("V01")
    ben = harness.ctx.repo.add_athlete("Ben").id
    check_in = parse_check_in({**vignette_check_in("V03"), "date": "2026-03-02"}, date(2026, 3, 2))
    harness.ctx.repo.add_check_in(ben, check_in, build_plan(check_in, 7))
    out = tmp_path / "squad"
    out.mkdir()
    harness.actions.ask_folder = lambda *a: str(out)
    harness.actions.actions["squad"].trigger()
    assert harness.actions.progress_dialog is not None
    kind, _, text = harness.wait_message(qtbot, 1)
    assert kind == "info" and text == f"Saved 2 handouts to {out}" and len(list(out.glob("*.pdf"))) == 2


def test_the_main_window_exports_and_takes_a_dropped_check_in(qtbot, tmp_path: Path) -> None:
    from .app_window import make_ctx, make_window

    runner = Harness(qtbot, tmp_path / "runner", name="Ana")
    runner.store("V03")
    file = tmp_path / "ana.checkin.json"
    runner.actions.ask_save = lambda *a: str(file)
    runner.actions.actions["checkin"].trigger()
    runner.wait_message(qtbot, 1)

    ctx = make_ctx(tmp_path / "app", date(2026, 3, 2))
    ctx.renderers.update(pdf_renderers())
    window = make_window(qtbot, ctx)
    messages: list[tuple[str, str]] = []
    window.inform = lambda title, text: messages.append((title, text))
    window.warn = lambda title, text: messages.append((title, text))
    assert not window.exports.actions["squad"].isVisible()  # runners have no squad
    assert window.plan_view.plan is None
    drop_file(window, file)  # onto the tabs in the middle of the window
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=20000)
    assert "Imported the check-in of 2026-03-02" in messages[0][1]
    qtbot.waitUntil(lambda: window.plan_view.plan is not None, timeout=10000)
    assert window.plan_view.plan["referral"]["urgency"] == "prompt"
    pdf = tmp_path / "me.pdf"
    window.exports.ask_save = lambda title, default, filt: str(pdf)
    window.exports.actions["pdf"].trigger()
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=20000)
    assert messages[1] == ("Export", f"Saved to {pdf}") and len(PdfReader(pdf).pages) >= 2
