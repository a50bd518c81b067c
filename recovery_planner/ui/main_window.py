"""The main window: check in, read the plan, look back, and (for coaches) switch athletes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from .. import __version__
from . import operations
from .checkin_form import CheckInForm
from .tasks import TaskRunner

if TYPE_CHECKING:  # storage loads after the first paint (see attach)
    from ..storage.repository import Repository


class MainWindow(QMainWindow):
    """Wires the pages to the repository; every slow call goes through ``tasks``."""

    plan_shown = Signal()
    first_painted = Signal()

    def __init__(
        self,
        repo: Repository | None = None,
        today: date | None = None,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the window; with no ``repo`` yet, call ``attach`` once it is open (after the first paint)."""
        super().__init__(parent)
        self.repo: Repository | None = None
        self.data_dir = repo.data_dir if repo is not None else data_dir
        self.today = today or date.today()
        self.tasks = TaskRunner(self)
        # Modal questions go through these two attributes, so tests can answer them.
        self.ask_yes_no = lambda title, text: QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes
        self.inform = lambda title, text: QMessageBox.information(self, title, text)
        self.warn = lambda title, text: QMessageBox.warning(self, title, text)
        self.settings: dict[str, Any] = {}
        self.athlete_id = ""
        self._painted = False
        self.setWindowTitle("Recovery Planner")

        self.form = CheckInForm()
        self.checkin_stack = QStackedWidget()
        self.checkin_stack.addWidget(self.form)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.checkin_stack, "Check in")
        for title in ("Plan", "History"):  # their pages are built by attach(), after the first paint
            self.tabs.addTab(QLabel("Loading..."), title)
        self.roster_view = None
        self.tabs.currentChanged.connect(self._on_tab)
        self.setCentralWidget(self.tabs)

        self.form.continue_requested.connect(self._ask_questions)

        self._build_menus()
        self._build_toolbar()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(QLabel("Not medical advice"))
        self.tasks.busy_changed.connect(self.busy.setVisible)
        self._restore_geometry()
        self._plan_request = 0  # newest plan request; older results arriving late are dropped
        if repo is not None:
            self.attach(repo)

    def attach(self, repo: Repository) -> None:
        """Connect the open repository: settings, the athlete, the toolbar and the current plan.

        The safety-question and plan pages are built here too, after the first paint in the app.
        """
        from .history_page import HistoryPage
        from .plan_view import PlanView
        from .red_flags import RedFlagPage

        self.questions = RedFlagPage()
        self.checkin_stack.addWidget(self.questions)
        self.questions.back_requested.connect(lambda: self.checkin_stack.setCurrentWidget(self.form))
        self.questions.answered.connect(self._save_check_in)
        self.plan_view = PlanView()
        self.plan_view.item_toggled.connect(self._tick)
        self.history_view = HistoryPage(repo, self.tasks, self.today)
        for index, page in ((1, self.plan_view), (2, self.history_view)):
            placeholder = self.tabs.widget(index)
            title = self.tabs.tabText(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            placeholder.deleteLater()
        self.repo = repo
        self.data_dir = repo.data_dir
        self.settings = repo.settings()
        self.athlete_id = self._ensure_athlete()
        self.form.set_units(self.settings.get("units") == "imperial")
        self._refresh_athletes()
        self._load_current_plan()

    # -- set-up -----------------------------------------------------------------------------------
    def _ensure_athlete(self) -> str:
        athletes = self.repo.list_athletes()
        wanted = self.settings.get("current_athlete")
        for a in athletes:
            if a.id == wanted:
                return a.id
        if athletes:
            return athletes[0].id
        return self.repo.add_athlete("Me", experience="intermediate").id

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.new_action = self._action(file_menu, "&New check-in", self.new_check_in, QKeySequence.StandardKey.New)
        self._action(file_menu, "&Export plan as text...", self.export_plan, QKeySequence.StandardKey.SaveAs)
        self._action(file_menu, "Export pain &chart as PNG...", self.export_chart)
        file_menu.addSeparator()
        self._action(file_menu, "&Back up now", self.backup_now)
        self._action(file_menu, "&Restore from a backup...", self.restore_backup)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit).setMenuRole(
            QAction.MenuRole.QuitRole
        )
        edit = menu.addMenu("&Edit")
        self._action(edit, "&Preferences...", self.open_preferences, QKeySequence.StandardKey.Preferences).setMenuRole(
            QAction.MenuRole.PreferencesRole
        )
        self.athletes_menu = menu.addMenu("&Athletes")
        self._action(self.athletes_menu, "&Add athlete...", self.add_athlete)
        self._action(self.athletes_menu, "&Edit this athlete...", self.edit_athlete)
        self._action(self.athletes_menu, "A&rchive this athlete", self.archive_athlete)
        help_menu = menu.addMenu("&Help")
        self._action(help_menu, "&About Recovery Planner", self.about).setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        bar = QToolBar("Athlete")
        bar.setObjectName("athleteToolbar")
        bar.setMovable(False)
        bar.addAction(self.new_action)
        self.athlete_label = QLabel("  Athlete: ")
        self.athlete_box = QComboBox()
        self.athlete_box.setMinimumWidth(180)
        self.athlete_box.setAccessibleName("Current athlete")
        self.athlete_box.activated.connect(lambda i: self.switch_athlete(self.athlete_box.itemData(i)))
        self.athlete_label_action = bar.addWidget(self.athlete_label)
        self.athlete_box_action = bar.addWidget(self.athlete_box)
        self.addToolBar(bar)
        for action in (self.athlete_label_action, self.athlete_box_action):
            action.setVisible(False)
        self.athletes_menu.menuAction().setVisible(False)

    def _refresh_athletes(self) -> None:
        coach = bool(self.settings.get("coach_mode"))
        self._update_roster(coach)
        for action in (self.athlete_label_action, self.athlete_box_action):
            action.setVisible(coach)
        self.athletes_menu.menuAction().setVisible(coach)
        self.athlete_box.clear()
        for a in self.repo.list_athletes():
            self.athlete_box.addItem(a.name, a.id)
        self.athlete_box.setCurrentIndex(max(self.athlete_box.findData(self.athlete_id), 0))

    def _update_roster(self, coach: bool) -> None:
        """Coaches get a Squad tab listing every athlete, red flags first; runners never see it."""
        if not coach:
            if self.roster_view is not None:
                self.tabs.removeTab(self.tabs.indexOf(self.roster_view))
                self.roster_view.deleteLater()
                self.roster_view = None
            return
        if self.roster_view is None:
            from .roster import RosterView

            self.roster_view = RosterView()
            self.roster_view.athlete_chosen.connect(self._choose_from_roster)
            self.roster_view.add_requested.connect(self.add_athlete)
            self.roster_view.edit_requested.connect(lambda a: (self.switch_athlete(a), self.edit_athlete()))
            self.roster_view.archive_requested.connect(lambda a: (self.switch_athlete(a), self.archive_athlete()))
            self.tabs.insertTab(0, self.roster_view, "Squad")
        self.roster_view.set_entries(operations.roster_entries(self.repo), self.today)

    def _choose_from_roster(self, athlete_id: str) -> None:
        self.switch_athlete(athlete_id)
        self.athlete_box.setCurrentIndex(max(self.athlete_box.findData(athlete_id), 0))
        self.tabs.setCurrentWidget(self.plan_view)

    def _restore_geometry(self) -> None:
        geometry = self._qsettings().value("window/geometry") if self.data_dir is not None else None
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 780)

    def _qsettings(self) -> QSettings:
        """Window-only preferences (geometry, theme) in the data folder, readable before storage loads."""
        assert self.data_dir is not None
        return window_settings(self.data_dir)

    def theme(self) -> str:
        if self.data_dir is None:
            return "system"
        return str(self._qsettings().value("window/theme", "system"))

    # -- events -----------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event) -> None:
        if self.data_dir is not None:
            self._qsettings().setValue("window/geometry", self.saveGeometry())
        self.tasks.wait()
        super().closeEvent(event)

    def _on_tab(self, index: int) -> None:
        if self.repo is not None and self.tabs.widget(index) is self.history_view:
            self.history_view.load(self.athlete_id)

    # -- check-in flow ----------------------------------------------------------------------------
    def new_check_in(self) -> None:
        self.form.reset()
        self.checkin_stack.setCurrentWidget(self.form)
        self.tabs.setCurrentWidget(self.checkin_stack)

    def _check_in_dict(self, symptoms: dict[str, Any]) -> dict[str, Any]:
        athlete = operations.athlete_fields(self.repo.get_athlete(self.athlete_id))
        return self.form.check_in_dict(self.today, athlete, symptoms)

    def _ask_questions(self) -> None:
        from ..domain.checkin import CheckInError, parse_check_in
        from ..domain.questions import questions_for

        try:
            check_in = parse_check_in(self._check_in_dict({}), self.today)
        except CheckInError as exc:
            self.form.problem.setText(str(exc))
            return
        self.questions.set_questions(questions_for(check_in.areas), {a.region for a in check_in.areas})
        self.checkin_stack.setCurrentWidget(self.questions)

    def _save_check_in(self, symptoms: dict[str, Any]) -> None:
        data = self._check_in_dict(symptoms)
        days = int(self.settings.get("plan_days", 7))
        athlete_id = self.athlete_id
        self.questions.show_button.setEnabled(False)
        self.statusBar().showMessage("Making your plan and saving it...")
        self.tasks.run(
            lambda: operations.save_check_in(self.repo, athlete_id, data, days, self.today),
            self._on_saved,
            self._on_save_failed,
        )

    def _on_saved(self, saved: operations.SavedCheckIn) -> None:
        self.questions.show_button.setEnabled(True)
        self.statusBar().showMessage("Check-in saved.", 4000)
        self._plan_request += 1
        self.plan_view.set_plan(saved.plan, saved.done_ids, self.today)
        self.tabs.setCurrentWidget(self.plan_view)
        self.form.reset()
        self.checkin_stack.setCurrentWidget(self.form)
        self._reload_history_if_shown()
        if self.roster_view is not None:
            self.roster_view.set_entries(operations.roster_entries(self.repo), self.today)
        self.plan_shown.emit()

    def _on_save_failed(self, exc: Exception) -> None:
        self.questions.show_button.setEnabled(True)
        self.show_error("The check-in was not saved", exc)

    def start_daily_backup(self) -> None:
        """Today's automatic backup, in the background once the window is up (not inside the first save)."""
        self.tasks.run(
            self.repo.ensure_daily_backup,
            lambda _: None,
            lambda exc: self.show_error("Today's automatic backup failed", exc),
        )

    def _tick(self, item_id: str, done: bool) -> None:
        athlete_id = self.athlete_id
        self.tasks.run(
            lambda: operations.set_done(self.repo, athlete_id, item_id, done),
            lambda _: None,
            lambda exc: self.show_error("The tick was not saved", exc),
        )

    def _show_loaded_plan(self, request: int, current: operations.CurrentPlan) -> None:
        if request == self._plan_request:
            self.plan_view.set_plan(current.plan, current.done_ids, self.today)

    def _load_current_plan(self) -> None:
        self._plan_request += 1
        request = self._plan_request
        athlete_id = self.athlete_id
        self.tasks.run(
            lambda: operations.current_plan(self.repo, athlete_id, self.today),
            lambda cur: self._show_loaded_plan(request, cur),
            lambda exc: self.show_error("The current plan could not be loaded", exc),
        )

    def _reload_history_if_shown(self) -> None:
        if self.tabs.currentWidget() is self.history_view:
            self.history_view.load(self.athlete_id)

    # -- athletes ---------------------------------------------------------------------------------
    def switch_athlete(self, athlete_id: str) -> None:
        if not athlete_id or athlete_id == self.athlete_id:
            return
        self.athlete_id = athlete_id
        self.repo.set_setting("current_athlete", athlete_id)
        self.form.reset()
        self._load_current_plan()
        self._reload_history_if_shown()

    def add_athlete(self) -> None:
        from ..storage.errors import StorageError
        from .dialogs import AthleteDialog

        dialog = AthleteDialog(parent=self)
        if dialog.exec():
            try:
                record = self.repo.add_athlete(**dialog.form.values())
            except StorageError as exc:
                self.show_error("The athlete was not added", exc)
                return
            self._refresh_athletes()
            self.switch_athlete(record.id)
            self._refresh_athletes()

    def edit_athlete(self) -> None:
        from ..storage.errors import StorageError
        from .dialogs import AthleteDialog

        current = self.repo.get_athlete(self.athlete_id)
        dialog = AthleteDialog(current.to_dict(), parent=self)
        if dialog.exec():
            try:
                self.repo.update_athlete(self.athlete_id, **dialog.form.values())
            except StorageError as exc:
                self.show_error("The changes were not saved", exc)
            self._refresh_athletes()

    def archive_athlete(self) -> None:
        athletes = self.repo.list_athletes()
        if len(athletes) <= 1:
            self.inform("Archive athlete", "Add another athlete first: one must stay active.")
            return
        name = self.repo.get_athlete(self.athlete_id).name
        if not self.ask_yes_no(
            "Archive athlete", f"Archive {name}? Their history is kept and they can be brought back later."
        ):
            return
        self.repo.archive_athlete(self.athlete_id)
        remaining = [a for a in self.repo.list_athletes() if a.id != self.athlete_id]
        self.switch_athlete(remaining[0].id)
        self._refresh_athletes()

    # -- menus ------------------------------------------------------------------------------------
    def open_preferences(self) -> None:
        from .dialogs import PreferencesDialog

        coach = bool(self.settings.get("coach_mode"))
        profile = None if coach else self.repo.get_athlete(self.athlete_id).to_dict()
        dialog = PreferencesDialog({**self.settings, "theme": self.theme()}, profile, parent=self)
        if not dialog.exec():
            return
        from ..storage.errors import StorageError

        values = dialog.values()
        self._qsettings().setValue("window/theme", values.pop("theme"))
        try:
            for key, value in values.items():
                self.repo.set_setting(key, value)
            if dialog.profile is not None:
                self.repo.update_athlete(self.athlete_id, **dialog.profile.values())
        except StorageError as exc:
            self.show_error("The preferences were not saved", exc)
        self.settings = self.repo.settings()
        self.form.set_units(self.settings.get("units") == "imperial")
        apply_theme(self.theme())
        self._refresh_athletes()

    def export_plan(self) -> None:
        from ..domain.plan_text import render_plan_text

        if self.plan_view.plan is None:
            self.inform("Export plan", "There is no plan to export yet.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export plan", "recovery-plan.txt", "Text files (*.txt)")
        if path:
            try:
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(render_plan_text(self.plan_view.plan))
            except OSError as exc:
                self.show_error("The plan was not exported", exc)

    def export_chart(self) -> None:
        self.tabs.setCurrentWidget(self.history_view)  # show the chart being exported (loads it if needed)
        path, _ = QFileDialog.getSaveFileName(self, "Export pain chart", "pain-chart.png", "PNG images (*.png)")
        if path:
            try:
                self.history_view.view.chart.export_png(path)
            except (OSError, ValueError) as exc:
                self.show_error("The chart was not exported", exc)

    def backup_now(self) -> None:
        self.tasks.run(
            self.repo.backup,
            lambda info: self.statusBar().showMessage(f"Backup saved: {info.name}", 6000),
            lambda exc: self.show_error("The backup failed", exc),
        )

    def restore_backup(self) -> None:
        from ..storage.errors import StorageError

        backups = self.repo.list_backups()
        if not backups:
            self.inform("Restore", "There are no backups yet.")
            return
        newest = backups[-1]
        if not self.ask_yes_no(
            "Restore from a backup",
            f"Replace all current data with the backup from {newest.created:%d %b %Y %H:%M}? "
            "Your current data is saved first as a safety copy.",
        ):
            return
        try:
            self.repo.restore_from(newest.path)
        except StorageError as exc:
            self.show_error("The restore failed", exc)
            return
        self.athlete_id = self._ensure_athlete()
        self._refresh_athletes()
        self._load_current_plan()

    def offer_repair(self) -> None:
        """Name damaged files (kept aside, never overwritten) and offer the newest good backup copies."""
        from ..storage.errors import StorageError

        if self.repo.warnings:
            self.inform("Some data needed repair", "\n\n".join(self.repo.warnings))
        damaged = self.repo.damaged_files()
        if not damaged:
            return
        names = "\n".join(str(p) for p in damaged)
        if not self.ask_yes_no(
            "Damaged data file",
            f"These files in {self.repo.data_dir} cannot be read:\n{names}\n\nThey are kept "
            "aside, not overwritten. Restore them from the newest good backup now?",
        ):
            return
        try:
            actions = self.repo.repair()
        except StorageError as exc:
            self.show_error("The repair failed", exc)
            return
        self.inform("Repair finished", "\n".join(f"{a.file}: {a.action}" for a in actions))
        self.athlete_id = self._ensure_athlete()
        self._refresh_athletes()
        self._load_current_plan()

    def about(self) -> None:
        from ..domain.plan_text import NOTICE

        QMessageBox.about(
            self,
            "About Recovery Planner",
            f"<h3>Recovery Planner {__version__}</h3><p>Safe, explained recovery plans for "
            f"runners and their coaches. Your data stays on this computer, in "
            f"{self.repo.data_dir}.</p><p>{NOTICE}</p>",
        )

    def show_error(self, title: str, exc: Exception) -> None:
        self.statusBar().clearMessage()
        self.warn(title, f"{title}.\n\n{exc}")


def window_settings(data_dir: Path) -> QSettings:
    """The INI file of window preferences (geometry, theme) inside the data folder."""
    return QSettings(str(Path(data_dir) / "window.ini"), QSettings.Format.IniFormat)


def apply_theme(theme: str) -> None:
    """Light, dark, or follow the system (Qt 6.8+ style hints)."""
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(theme, Qt.ColorScheme.Unknown)
        hints.setColorScheme(scheme)
