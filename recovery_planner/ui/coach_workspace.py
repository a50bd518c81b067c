"""The coach's workspace in the main window: the squad's completion, notes, plan changes, squad exports,
and an athlete's record leaving with them.

Installed with one call from the main window (``CoachWorkspace(window)``); every service call runs off the
GUI thread through the window's ``run_op``/``query``. Runners never see any of it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from ..services.settings import COACH_NAME_SETTING
from .actions import text_action
from .export_actions import documents_folder
from .notes_panel import NotesPanel

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QTreeWidgetItem

    from .main_window import MainWindow
    from .plan_view import PlanView

AUTHOR_SETTING = COACH_NAME_SETTING


def _ask_text(parent: Any, title: str, label: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


class CoachWorkspace(QObject):
    """Adds the coach's menu, the notes dock and the plan's context menu to ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.notes = NotesPanel()
        self.dock = QDockWidget("Coach's notes", window)
        self.dock.setObjectName("coachNotesDock")
        self.dock.setWidget(self.notes)
        self.dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [280], Qt.Orientation.Horizontal)
        self.notes.add_requested.connect(self._add_note)
        self.notes.remove_requested.connect(self._remove_note)
        self.menu = QMenu("&Coach", window)
        self._act("Export squad summary as &PDF...", lambda: self.export_summary("pdf"))
        self._act("Export squad summary as &CSV...", lambda: self.export_summary("csv"))
        self.menu.addSeparator()
        self._act("Export this athlete's &whole record...", self.export_record)
        self._act("&Delete this athlete for good...", self.delete_athlete)
        self.menu_action = window.menuBar().insertMenu(window.athletes_menu.menuAction(), self.menu)
        if window.plan_view_built:
            self.attach_plan_view(window.plan_view)
        self._squad_request = 0
        # Modal pieces go through these attributes, so tests can drive them.
        self.show_menu = lambda menu, where: menu.exec(where)
        self.ask_text = lambda title, label: _ask_text(self.window, title, label)
        self.set_enabled(False)

    def attach_plan_view(self, view: PlanView) -> None:
        """The plan's context menu (change, remove or add items); called once the Plan tab is built."""
        view.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.tree.customContextMenuRequested.connect(self._plan_menu)

    def _act(self, text: str, slot: Any) -> QAction:
        action = text_action(text, self.window)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    # -- switching on and off with coach mode -----------------------------------------------------
    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.menu_action.setVisible(on)
        self.dock.setVisible(on)
        self.dock.toggleViewAction().setVisible(on)

    def refresh(self) -> None:
        """Reload the squad's completion and notes, and the current athlete's notes (in the background)."""
        from ..services import coach as coach_ops

        if not self.enabled:
            return
        self._squad_request += 1
        request = self._squad_request

        def show(rows: list[Any]) -> None:
            view = self.window.roster_view
            if request == self._squad_request and view is not None:
                view.set_entries(rows, self.window.ctx.today(), coach_ops.overdue_days(self.window.ctx))

        self.window.query(lambda: coach_ops.squad_rows(self.window.ctx, True), show, "The squad could not be loaded")
        self.load_notes()

    def load_notes(self) -> None:
        from ..services import coach as coach_ops

        athlete_id = self.window.athlete_id
        if not self.enabled or not athlete_id:
            return
        self.dock.setWindowTitle(f"Coach's notes: {self._athlete_name()}")
        self.window.query(
            lambda: coach_ops.notes(self.window.ctx, athlete_id),
            lambda notes: self.notes.set_notes(notes) if athlete_id == self.window.athlete_id else None,
            "The notes could not be loaded",
        )

    def _athlete_name(self) -> str:
        athlete = self.window.current_athlete()
        return athlete.name if athlete is not None else ""

    def _author(self) -> str | None:
        saved = str(self.window.overview.settings.get(AUTHOR_SETTING) or "").strip()
        if saved:
            return saved
        name = " ".join((self.ask_text("Your name", "Your name, shown with your notes and changes:") or "").split())
        if not name:
            return None
        from ..services import settings as settings_ops

        self.window.run_op(lambda: settings_ops.set_setting(self.window.ctx, AUTHOR_SETTING, name), None, "Not saved")
        return name

    # -- notes ------------------------------------------------------------------------------------
    def _add_note(self, text: str, pinned: bool) -> None:
        from ..services import coach as coach_ops

        author, athlete_id = self._author(), self.window.athlete_id
        if author is None or not athlete_id:
            return
        self.window.run_op(
            lambda: coach_ops.add_note(self.window.ctx, athlete_id, text, author, pinned=pinned),
            lambda _: self.notes.note_saved(),
            "The note was not saved",
        )

    def _remove_note(self, note_id: str) -> None:
        from ..services import coach as coach_ops

        athlete_id = self.window.athlete_id
        if not self.window.ask_yes_no("Remove note", "Remove this note?"):
            return
        self.window.run_op(
            lambda: coach_ops.remove_note(self.window.ctx, athlete_id, note_id),
            None,
            "The note was not removed",
        )

    # -- plan changes -------------------------------------------------------------------------------
    def _plan_menu(self, pos: QPoint) -> None:
        plan = self.window.plan_view.plan
        if not self.enabled or plan is None or plan.get("plan_suppressed"):
            return
        item: QTreeWidgetItem | None = self.window.plan_view.tree.itemAt(pos)
        if item is None:
            return
        from .coach_menu import coach_menu  # the menu's code and exercise options load when it is first opened
        from .plan_view import DAY_DATE, ITEM_DATA  # the Plan tab is built by now (its tree was clicked)

        day = date.fromisoformat(str(item.data(0, DAY_DATE)))
        plan_item = item.data(0, ITEM_DATA)
        menu = coach_menu(
            self.window,
            plan,
            day,
            plan_item if isinstance(plan_item, dict) else None,
            self.edit,
            lambda _parent, title, label: self.ask_text(title, label),
        )
        self.show_menu(menu, self.window.plan_view.tree.viewport().mapToGlobal(pos))

    def edit(self, change: dict[str, Any]) -> None:
        """Store one plan change (refused with the reason if the safety rules forbid it), then reload."""
        from ..services import coach as coach_ops

        author, athlete_id = self._author(), self.window.athlete_id
        if author is None:
            return
        fields = {k: v for k, v in change.items() if k in ("item_id", "option", "note")}
        self.window.run_op(
            lambda: coach_ops.edit_plan(self.window.ctx, athlete_id, change["action"], change["day"], author, **fields),
            lambda edit: self.window.statusBar().showMessage(f"Saved: {edit.describe()}.", 5000),
            "The change was not made",
        )

    # -- exports and leaving --------------------------------------------------------------------------
    def export_summary(self, fmt: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..services import coach as coach_ops

        today = self.window.ctx.today().isoformat()
        default = documents_folder() / f"squad-summary-{today}.{fmt}"
        kind = "PDF files (*.pdf)" if fmt == "pdf" else "CSV files (*.csv)"
        path, _ = QFileDialog.getSaveFileName(self.window, "Export squad summary", str(default), kind)
        if not path:
            return
        op = coach_ops.squad_summary_pdf if fmt == "pdf" else coach_ops.squad_summary_csv
        self.window.run_op(
            lambda: op(self.window.ctx, path),
            lambda saved: self._saved("Squad summary", f"Saved to {saved}"),
            "The squad summary was not saved",
        )

    def export_record(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..services import coach as coach_ops

        athlete = self.window.current_athlete()
        if athlete is None:
            return
        safe = "".join(c if c.isalnum() else "-" for c in athlete.name).strip("-").lower() or "athlete"
        default = documents_folder() / f"{safe}-record-{self.window.ctx.today().isoformat()}.json"
        path, _ = QFileDialog.getSaveFileName(self.window, "Export whole record", str(default), "JSON (*.json)")
        if path:
            self.window.run_op(
                lambda: coach_ops.export_athlete(self.window.ctx, athlete.id, path),
                lambda saved: self._saved("Whole record", f"Saved {athlete.name}'s record to {saved}"),
                "The record was not exported",
            )

    def delete_athlete(self) -> None:
        from ..services import coach as coach_ops

        athlete = self.window.current_athlete()
        if athlete is None:
            return
        typed = self.ask_text(
            "Delete athlete for good",
            f"This deletes {athlete.name} and all their check-ins, plans and notes from this computer. "
            "Copies in automatic backups go as those backups rotate out; manual backups keep them until you "
            f"delete those backups.\n\nType the name to confirm: {athlete.name}",
        )
        if typed is None:
            return
        self.window.run_op(
            lambda: coach_ops.delete_athlete(self.window.ctx, athlete.id, typed),
            lambda next_id: self._deleted(athlete.name, next_id),
            "The athlete was not deleted",
        )

    def _saved(self, title: str, text: str) -> None:
        self.window.inform(title, text)

    def _deleted(self, name: str, next_id: str) -> None:
        self.window.statusBar().showMessage(f"{name} was deleted.", 6000)
        self.window._after_archive(next_id)
