"""The main window: layout and wiring only. Every service call runs off the GUI thread through ``tasks``."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from .. import __version__
from ..services import athletes as athlete_ops
from ..services import backups as backup_ops
from ..services import checkins as checkin_ops
from ..services import queries
from ..services import settings as settings_ops
from ..services.changes import Changes, OpResult
from ..services.context import AppContext
from ..services.session import Overview, StartState, overview, start_state
from .checkin_form import CheckInForm
from .history_page import HistoryPage
from .plan_view import PlanView
from .red_flags import RedFlagPage
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..services.queries import AthleteRecord

DEFAULT_SIZE = (1180, 780)
GEOMETRY_SETTING = "window_geometry"


class MainWindow(QMainWindow):
    """The check-in, plan and history pages (and the coach's squad), built at once from a ``StartState``."""

    plan_shown = Signal()
    first_painted = Signal()

    def __init__(
        self, ctx: AppContext, state: StartState, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks or TaskRunner(self)
        self.data_dir = state.data_dir
        self.overview = state.overview
        self.athlete_id = state.athlete_id
        self.start = state
        # Modal questions go through these attributes, so tests can answer them.
        self.ask_yes_no = lambda title, text: QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes
        self.inform = lambda title, text: QMessageBox.information(self, title, text)
        self.warn = lambda title, text: QMessageBox.warning(self, title, text)
        self._painted = False
        self._plan_request = 0  # newest plan request; older results arriving late are dropped
        self.setWindowTitle("Recovery Planner")

        self.form = CheckInForm()
        self.questions = RedFlagPage()
        self.checkin_stack = QStackedWidget()
        self.checkin_stack.addWidget(self.form)
        self.checkin_stack.addWidget(self.questions)
        self.plan_view = PlanView()
        self.history_view = HistoryPage(ctx, self.tasks)
        self.roster_view: Any = None  # the coach's squad tab, built when coach mode is on
        self.coach_workspace: Any = None  # the coach's notes, plan changes and squad exports, likewise
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.checkin_stack, "Check in")
        self.tabs.addTab(self.plan_view, "Plan")
        self.tabs.addTab(self.history_view, "History")
        self.setCentralWidget(self.tabs)

        self.form.continue_requested.connect(self._ask_questions)
        self.questions.back_requested.connect(lambda: self.checkin_stack.setCurrentWidget(self.form))
        self.questions.answered.connect(self._save_check_in)
        self.plan_view.item_toggled.connect(self._tick)
        self.tabs.currentChanged.connect(self._on_tab)

        self._build_menus()
        self._build_toolbar()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName("Working")
        self.busy.setVisible(self.tasks.busy)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(QLabel("Not medical advice"))
        self.tasks.busy_changed.connect(self.busy.setVisible)
        self._restore_geometry(state.overview.settings.get(GEOMETRY_SETTING))
        self._show_overview(state.overview)
        self._plan_request += 1
        self._show_current(state.current)

    # -- running services -------------------------------------------------------------------------
    def run_op(
        self,
        op: Callable[[], OpResult[Any]],
        on_done: Callable[[Any], None] | None = None,
        failure: str = "That did not work",
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run a service operation off the GUI thread, refresh what its ``changes`` touched, then ``on_done``."""

        def done(result: OpResult[Any]) -> None:
            for notice in result.notices:
                self.statusBar().showMessage(notice, 6000)
            if on_done is not None:
                on_done(result.value)
            self.refresh(result.changes)

        def failed(exc: Exception) -> None:
            if on_failed is not None:
                on_failed(exc)
            self.show_error(failure, exc)

        self.tasks.run(op, done, failed)

    def query(self, fn: Callable[[], Any], on_done: Callable[[Any], None], failure: str) -> None:
        """A read-only service call off the GUI thread."""
        self.tasks.run(fn, on_done, lambda exc: self.show_error(failure, exc))

    def refresh(self, changes: Changes) -> None:
        """Reload what a change touched: athletes and settings (the overview), the plan, the history."""
        if changes.athletes or changes.settings:
            self.query(lambda: overview(self.ctx), self._show_overview, "The athlete list could not be loaded")
        if changes.athlete_id in (None, self.athlete_id) and (changes.check_ins or changes.plans):
            self._reload_history_if_shown()
        if changes.athlete_id == self.athlete_id and changes.plans and not changes.check_ins:
            self._load_current_plan()  # a coach's change to the plan shown
        if self.coach_workspace is not None and (changes.notes or changes.plans or changes.ticks):
            self.coach_workspace.refresh()

    # -- layout -----------------------------------------------------------------------------------
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
        quit_action = self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        edit = menu.addMenu("&Edit")
        prefs = self._action(edit, "&Preferences...", self.open_preferences, QKeySequence.StandardKey.Preferences)
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.athletes_menu = menu.addMenu("&Athletes")
        self._action(self.athletes_menu, "&Add athlete...", self.add_athlete)
        self._action(self.athletes_menu, "&Edit this athlete...", self.edit_athlete)
        self._action(self.athletes_menu, "A&rchive this athlete", self.archive_athlete)
        help_menu = menu.addMenu("&Help")
        self._action(help_menu, "&About Recovery Planner", self.about).setMenuRole(QAction.MenuRole.AboutRole)

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], Any], shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
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
        self.athlete_box = QComboBox()
        self.athlete_box.setMinimumWidth(180)
        self.athlete_box.setAccessibleName("Current athlete")
        self.athlete_box.activated.connect(lambda i: self.switch_athlete(self.athlete_box.itemData(i)))
        self.coach_actions = [bar.addWidget(QLabel("  Athlete: ")), bar.addWidget(self.athlete_box)]
        self.addToolBar(bar)

    def _show_overview(self, view: Overview) -> None:
        """Settings, the athlete box and the squad tab from a freshly loaded overview."""
        self.overview = view
        coach = bool(view.settings.get("coach_mode"))
        apply_theme(str(view.settings.get("theme", "system")))
        self.form.set_units(view.settings.get("units") == "imperial")
        for action in (*self.coach_actions, self.athletes_menu.menuAction()):
            action.setVisible(coach)
        self.athlete_box.clear()
        for a in view.athletes:
            self.athlete_box.addItem(a.name, a.id)
        self.athlete_box.setCurrentIndex(max(self.athlete_box.findData(self.athlete_id), 0))
        self._update_roster(coach)

    def _update_roster(self, coach: bool) -> None:
        """Coaches get a Squad tab listing every athlete, red flags first; runners never see it."""
        if not coach:
            if self.roster_view is not None:
                self.tabs.removeTab(self.tabs.indexOf(self.roster_view))
                self.roster_view.deleteLater()
                self.roster_view = None
            if self.coach_workspace is not None:
                self.coach_workspace.set_enabled(False)
            return
        if self.roster_view is None:
            from .roster import RosterView

            self.roster_view = RosterView()
            self.roster_view.athlete_opened.connect(self._choose_from_roster)
            self.roster_view.athlete_selected.connect(self._select_from_roster)
            self.roster_view.add_requested.connect(self.add_athlete)
            self.roster_view.edit_requested.connect(lambda a: self.edit_athlete(a))
            self.roster_view.archive_requested.connect(lambda a: self.archive_athlete(a))
            self.tabs.insertTab(0, self.roster_view, "Squad")
        self.roster_view.set_entries(self.overview.roster, self.ctx.today())
        if self.coach_workspace is None:
            from .coach_workspace import CoachWorkspace

            self.coach_workspace = CoachWorkspace(self)
        self.coach_workspace.set_enabled(True)
        self.coach_workspace.refresh()

    def _select_from_roster(self, athlete_id: str) -> None:
        """One click in the squad: that athlete becomes the current one (the Athlete box follows)."""
        self.switch_athlete(athlete_id)
        self.athlete_box.setCurrentIndex(max(self.athlete_box.findData(athlete_id), 0))

    def _choose_from_roster(self, athlete_id: str) -> None:
        self.switch_athlete(athlete_id)
        self.tabs.setCurrentWidget(self.plan_view)

    def _restore_geometry(self, saved: Any) -> None:
        if isinstance(saved, str) and saved:
            try:
                if self.restoreGeometry(QByteArray(base64.b64decode(saved))):
                    return
            except ValueError:
                pass
        self.resize(*DEFAULT_SIZE)

    # -- events -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Keep the window's size and place in the settings (owned by storage, backed up), then wait for saves."""
        geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")
        if geometry != self.overview.settings.get(GEOMETRY_SETTING):
            self.tasks.run(
                lambda: settings_ops.set_setting(self.ctx, GEOMETRY_SETTING, geometry), lambda _: None, lambda _: None
            )
        self.tasks.wait()
        super().closeEvent(event)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.history_view:
            self.history_view.load(self.athlete_id)

    # -- check-in flow ----------------------------------------------------------------------------
    def current_athlete(self) -> AthleteRecord | None:
        return self.overview.athlete(self.athlete_id)

    def new_check_in(self) -> None:
        self.form.reset()
        self.checkin_stack.setCurrentWidget(self.form)
        self.tabs.setCurrentWidget(self.checkin_stack)

    def _check_in_data(self, symptoms: dict[str, Any]) -> dict[str, Any]:
        """The form as a check-in dated today (read now: the app may stay open past midnight)."""
        data = self.form.check_in_dict(self.ctx.today(), {}, symptoms)
        athlete = self.current_athlete()
        return checkin_ops.with_profile(data, athlete) if athlete is not None else data

    def _ask_questions(self) -> None:
        from ..domain.checkin import CheckInError
        from ..domain.questions import questions_for

        try:
            check_in = checkin_ops.parse(self.ctx, self._check_in_data({}))
        except CheckInError as exc:
            self.form.problem.setText(str(exc))
            return
        self.questions.set_questions(questions_for(check_in.areas))
        self.checkin_stack.setCurrentWidget(self.questions)

    def _save_check_in(self, symptoms: dict[str, Any]) -> None:
        data = self._check_in_data(symptoms)
        days = int(self.overview.settings.get("plan_days", 7))
        athlete_id = self.athlete_id
        self.questions.show_button.setEnabled(False)
        self.statusBar().showMessage("Making your plan and saving it...")
        self.run_op(
            lambda: checkin_ops.save_check_in(self.ctx, athlete_id, data, days),
            self._on_saved,
            "The check-in was not saved",
            on_failed=lambda _: self.questions.show_button.setEnabled(True),
        )

    def _on_saved(self, saved: checkin_ops.SavedCheckIn) -> None:
        self.questions.show_button.setEnabled(True)
        self.statusBar().showMessage("Check-in saved.", 4000)
        if saved.record.athlete_id == self.athlete_id:
            self._plan_request += 1
            self.plan_view.set_plan(saved.plan, saved.done_ids, self.ctx.today())
            self.tabs.setCurrentWidget(self.plan_view)
        self.form.reset()
        self.checkin_stack.setCurrentWidget(self.form)
        self.plan_shown.emit()

    def _tick(self, item_id: str, done: bool) -> None:
        athlete_id = self.athlete_id
        self.run_op(lambda: checkin_ops.set_done(self.ctx, athlete_id, item_id, done), None, "The tick was not saved")

    def _show_current(self, current: queries.CurrentPlan) -> None:
        self.plan_view.set_plan(current.plan, current.done_ids, self.ctx.today())

    def _load_current_plan(self) -> None:
        self._plan_request += 1
        request, athlete_id = self._plan_request, self.athlete_id

        def show(current: queries.CurrentPlan) -> None:
            if request == self._plan_request:
                self._show_current(current)

        self.query(lambda: queries.current_plan(self.ctx, athlete_id), show, "The current plan could not be loaded")

    def _reload_history_if_shown(self) -> None:
        if self.tabs.currentWidget() is self.history_view:
            self.history_view.load(self.athlete_id)

    def start_daily_backup(self) -> None:
        """Today's automatic backup, in the background once the window is up (not inside the first save)."""
        self.run_op(lambda: backup_ops.daily_backup(self.ctx), None, "Today's automatic backup failed")

    # -- athletes ---------------------------------------------------------------------------------
    def switch_athlete(self, athlete_id: str) -> None:
        if not athlete_id or athlete_id == self.athlete_id:
            return
        self.athlete_id = athlete_id
        self.athlete_box.setCurrentIndex(max(self.athlete_box.findData(athlete_id), 0))
        if self.roster_view is not None:
            self.roster_view.set_current(athlete_id)
        self.form.reset()
        self.checkin_stack.setCurrentWidget(self.form)
        self._load_current_plan()
        self._reload_history_if_shown()
        if self.coach_workspace is not None:
            self.coach_workspace.load_notes()
        self.run_op(lambda: athlete_ops.switch_athlete(self.ctx, athlete_id), None, "The athlete was not remembered")

    def add_athlete(self) -> None:
        from .dialogs import AthleteDialog

        dialog = AthleteDialog(parent=self)
        if dialog.exec():
            values = dialog.form.values()
            self.run_op(
                lambda: athlete_ops.add_athlete(self.ctx, **values),
                lambda record: self.switch_athlete(record.id),
                "The athlete was not added",
            )

    def edit_athlete(self, athlete_id: str | None = None) -> None:
        from .dialogs import AthleteDialog

        if athlete_id:
            self.switch_athlete(athlete_id)
        current = self.current_athlete()
        if current is None:
            return
        dialog = AthleteDialog(current.to_dict(), parent=self)
        if dialog.exec():
            values, target = dialog.form.values(), current.id
            self.run_op(
                lambda: athlete_ops.update_athlete(self.ctx, target, **values), None, "The changes were not saved"
            )

    def archive_athlete(self, athlete_id: str | None = None) -> None:
        if athlete_id:
            self.switch_athlete(athlete_id)
        current = self.current_athlete()
        if current is None:
            return
        if len(self.overview.athletes) <= 1:
            self.inform("Archive athlete", "Add another athlete first: one must stay active.")
            return
        if not self.ask_yes_no(
            "Archive athlete", f"Archive {current.name}? Their history is kept and they can be brought back later."
        ):
            return
        target = current.id
        self.run_op(
            lambda: athlete_ops.archive_current(self.ctx, target),
            self._after_archive,
            "The athlete was not archived",
        )

    def _after_archive(self, next_id: str) -> None:
        self.athlete_id = ""  # force the switch: the archived athlete is no longer current
        self.switch_athlete(next_id)

    # -- menus ------------------------------------------------------------------------------------
    def open_preferences(self) -> None:
        from .dialogs import PreferencesDialog

        settings = self.overview.settings
        coach = bool(settings.get("coach_mode"))
        athlete = self.current_athlete()
        profile = None if coach or athlete is None else athlete.to_dict()
        dialog = PreferencesDialog({"theme": "system", **settings}, profile, parent=self)
        if not dialog.exec():
            return
        values = dialog.values()
        changed = dialog.profile.values() if dialog.profile is not None else None
        target = self.athlete_id
        self.run_op(
            lambda: settings_ops.save_settings(self.ctx, values, target, changed),
            None,
            "The preferences were not saved",
        )

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
        self.run_op(
            lambda: backup_ops.backup_now(self.ctx),
            lambda info: self.statusBar().showMessage(f"Backup saved: {info.name}", 6000),
            "The backup failed",
        )

    def restore_backup(self) -> None:
        self.query(lambda: backup_ops.list_backups(self.ctx), self._offer_restore, "The backups could not be listed")

    def _offer_restore(self, found: list[Any]) -> None:
        if not found:
            self.inform("Restore", "There are no backups yet.")
            return
        newest = found[-1]
        if not self.ask_yes_no(
            "Restore from a backup",
            f"Replace all current data with the backup from {newest.created:%d %b %Y %H:%M}? "
            "Your current data is saved first as a safety copy.",
        ):
            return
        self.run_op(
            lambda: backup_ops.restore_from(self.ctx, newest.path), lambda _: self.reload_all(), "The restore failed"
        )

    def offer_repair(self) -> None:
        """Name damaged files found at opening (kept aside, never overwritten) and offer the newest good copies."""
        if self.start.warnings:
            self.inform("Some data needed repair", "\n\n".join(self.start.warnings))
        if not self.start.damaged:
            return
        names = "\n".join(str(p) for p in self.start.damaged)
        if not self.ask_yes_no(
            "Damaged data file",
            f"These files in {self.data_dir} cannot be read:\n{names}\n\nThey are kept "
            "aside, not overwritten. Restore them from the newest good backup now?",
        ):
            return
        self.run_op(lambda: backup_ops.repair(self.ctx), self._repaired, "The repair failed")

    def _repaired(self, actions: list[Any]) -> None:
        self.inform("Repair finished", "\n".join(f"{a.file}: {a.action}" for a in actions))
        self.reload_all()

    def reload_all(self) -> None:
        """After a restore or repair: everything as at start-up."""

        def show(result: OpResult[StartState]) -> None:
            self.start = result.value
            self.athlete_id = result.value.athlete_id
            self._show_overview(result.value.overview)
            self._plan_request += 1
            self._show_current(result.value.current)
            self._reload_history_if_shown()

        self.query(lambda: start_state(self.ctx), show, "The data could not be loaded")

    def about(self) -> None:
        from ..domain.plan_text import NOTICE

        QMessageBox.about(
            self,
            "About Recovery Planner",
            f"<h3>Recovery Planner {__version__}</h3><p>Safe, explained recovery plans for "
            f"runners and their coaches. Your data stays on this computer, in "
            f"{self.data_dir}.</p><p>{NOTICE}</p>",
        )

    def show_error(self, title: str, exc: Exception) -> None:
        self.statusBar().clearMessage()
        self.warn(title, f"{title}.\n\n{plain_message(exc)}")


def plain_message(exc: Exception) -> str:
    """What to tell the user: a known problem's own words, otherwise where the details are."""
    from ..services.errors import is_known_problem

    if is_known_problem(exc):
        return str(exc)
    return "Something went wrong inside Recovery Planner. The details are in its log file; nothing else was changed."


def apply_theme(theme: str) -> None:
    """Light, dark, or follow the system (Qt 6.8+ style hints)."""
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(theme, Qt.ColorScheme.Unknown)
        hints.setColorScheme(scheme)
