"""The main window: layout and wiring only. Every service call runs off the GUI thread through ``tasks``."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from .. import __version__
from ..services import athletes as athlete_ops
from ..services import backups as backup_ops
from ..services import queries
from ..services import settings as settings_ops
from ..services.changes import Changes, OpResult
from ..services.context import AppContext
from ..services.session import Overview, StartState, overview, start_state
from ..services.settings import SEX_SETTING, WELCOMED_SETTING
from .actions import text_action
from .activity_import import ActivityImporter, accept_activity_drop
from .lazy_tab import LazyTab
from .tasks import TaskRunner
from .theme import apply_theme

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPaintEvent

    from ..services.checkins import SavedCheckIn
    from ..services.queries import AthleteRecord
    from .checkin_form import CheckInForm
    from .history_page import HistoryPage
    from .plan_view import PlanView
    from .red_flags import RedFlagPage

DEFAULT_SIZE = (1180, 780)


def _message_box() -> Any:
    """QMessageBox, loaded when the first question is asked (each Qt class costs start-up time when first touched)."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


def _ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    box = _message_box()
    return bool(box.question(parent, title, text) == box.StandardButton.Yes)


def _about() -> Any:
    """The About Qt and notices dialogs (importlib.metadata loads only when one is opened)."""
    from . import about

    return about


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
        self.ask_yes_no = lambda title, text: _ask_yes_no(self, title, text)
        self.inform = lambda title, text: _message_box().information(self, title, text)
        self.warn = lambda title, text: _message_box().warning(self, title, text)
        self._painted = False
        self._after_paint: list[Callable[[], None]] = []  # background loads that wait for the first frame
        self.remember_geometry = True  # off for smoke runs, which must not write on quit
        self._plan_request = 0  # newest plan request; older results arriving late are dropped
        self.setWindowTitle("Recovery Planner")

        # The check-in form and its questions are built when first needed: many first screens (the welcome
        # page, today's plan, the squad) do not show them, and the form with its diagram is the costliest page.
        self._form: CheckInForm | None = None
        self._questions: RedFlagPage | None = None
        self._imperial = False
        self.checkin_stack = QStackedWidget()
        self._current = state.current  # the plan shown (None: not read yet; the Plan tab reads it when built)
        self.roster_view: Any = None  # the coach's squad tab, built when coach mode is on
        self.coach_workspace: Any = None  # the coach's notes, plan changes and squad exports, likewise
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.checkin_stack, "Check in")
        self._plan_tab = LazyTab(self.tabs, "Plan", self._build_plan_view)
        self._history_tab = LazyTab(self.tabs, "History", self._build_history_page)
        self.setCentralWidget(self.tabs)

        self._undo_ticks: list[tuple[str, bool]] = []  # (item id, state it was set to), newest last
        self._undoing = False
        self.tabs.currentChanged.connect(self._on_tab)

        self.activity_importer = ActivityImporter(
            ctx, self.tasks, lambda: self.athlete_id, self, inform=lambda _w, title, text: self.inform(title, text)
        )
        self.activity_importer.imported.connect(self._after_import)
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
        if state.current is not None:
            self._show_current(state.current)
        if not state.overview.settings.get(WELCOMED_SETTING):  # first run: a welcome page, not a modal dialog
            self._show_welcome()
        elif self.roster_view is not None:  # a coach starts on the squad, red flags first
            self.tabs.setCurrentWidget(self.roster_view)
        elif state.current is not None and _has_day(state.current.plan, self.ctx.today()):  # today's plan first
            self.tabs.setCurrentWidget(self.plan_view)
        self._fill_checkin_tab()

    # -- pages built on first use -----------------------------------------------------------------
    @property
    def form(self) -> CheckInForm:
        """The check-in form (built, with the athlete's training numbers filled in, the first time it is needed)."""
        if self._form is None:
            from .checkin_form import CheckInForm

            self._form = CheckInForm()
            self._form.set_units(self._imperial)
            self._form.continue_requested.connect(self._ask_questions)
            self._form.start_from_last_requested.connect(self.start_from_last_check_in)
            self.checkin_stack.insertWidget(0, self._form)
            self.after_first_paint(self.prefill_training_load)
            self.after_first_paint(self._remember_training)
        return self._form

    @property
    def questions(self) -> RedFlagPage:
        """The questions asked after the form (the red flags and the follow-ups that apply)."""
        if self._questions is None:
            from .red_flags import RedFlagPage

            self._questions = RedFlagPage()
            self._questions.back_requested.connect(lambda: self.checkin_stack.setCurrentWidget(self.form))
            self._questions.answered.connect(self._save_check_in)
            self.checkin_stack.addWidget(self._questions)
        return self._questions

    @property
    def plan_view(self) -> PlanView:
        """The Plan tab's page (built the first time it is shown or needed)."""
        return self._plan_tab.page()

    @property
    def plan_view_built(self) -> bool:
        return self._plan_tab.built

    def _build_plan_view(self) -> PlanView:
        from .plan_view import PlanView

        view = PlanView()
        if self._current is None:  # a coach's first look at the plan: read it now
            view.set_reading()
            QTimer.singleShot(0, self._load_current_plan)
        else:
            view.set_plan(self._current.plan, self._current.done_ids, self.ctx.today())
        view.item_toggled.connect(self._tick)
        if self.coach_workspace is not None:
            self.coach_workspace.attach_plan_view(view)
        return view

    @property
    def history_view(self) -> HistoryPage:
        """The History tab's page (built the first time it is shown or needed)."""
        return self._history_tab.page()

    def _build_history_page(self) -> HistoryPage:
        from .history_page import HistoryPage

        return HistoryPage(self.ctx, self.tasks)

    def _showing_history(self) -> bool:
        return self._history_tab.built and self.tabs.currentWidget() is self.history_view

    def _fill_checkin_tab(self) -> None:
        """The Check in tab shows the form when it is opened with nothing else (welcome, questions) on it."""
        if self.tabs.currentWidget() is self.checkin_stack and self.checkin_stack.currentWidget() is None:
            self.checkin_stack.setCurrentWidget(self.form)

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
        if changes.athlete_id in (None, self.athlete_id) and (changes.check_ins or changes.plans or changes.activities):
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
        self._action(file_menu, "&Import activities...", self.activity_importer.choose_and_import)
        self._install_exports(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, "&Back up now", self.backup_now)
        self._action(file_menu, "&Restore from a backup...", self.restore_backup)
        file_menu.addSeparator()
        quit_action = self._action(file_menu, "&Quit", self.quit_app, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        edit = menu.addMenu("&Edit")
        self.undo_action = self._action(edit, "&Undo tick", self.undo_tick, QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        edit.addSeparator()
        prefs = self._action(edit, "&Preferences...", self.open_preferences, QKeySequence.StandardKey.Preferences)
        prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.athletes_menu = menu.addMenu("&Athletes")
        self._action(self.athletes_menu, "&Add athlete...", self.add_athlete)
        self._action(self.athletes_menu, "&Edit this athlete...", self.edit_athlete)
        self._action(self.athletes_menu, "A&rchive this athlete", self.archive_athlete)
        help_menu = menu.addMenu("&Help")
        self._action(help_menu, "&User guide", self.show_user_guide, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, "&Glossary", lambda: self.show_user_guide("glossary"))
        self._action(help_menu, "&About Recovery Planner", self.about).setMenuRole(QAction.MenuRole.AboutRole)
        about_qt = self._action(help_menu, "About &Qt", lambda: _about().show_about_qt(self))
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        self._action(help_menu, "&Third-party notices", lambda: _about().show_notices(self))

    def _install_exports(self, file_menu: QMenu) -> None:
        """File > Export (PDF, calendar, spreadsheet, check-in), Import check-in, and files dropped on the window."""
        from .export_actions import install_export_actions

        def imported(result: OpResult[Any]) -> None:
            self.refresh(result.changes)
            if result.changes.athlete_id == self.athlete_id:
                self._load_current_plan()

        self.exports = install_export_actions(
            self,
            file_menu,
            tasks=self.tasks,
            context=lambda: self.ctx,
            athlete=lambda: (self.athlete_id, getattr(self.current_athlete(), "name", "athlete")),
            on_imported=imported,
            inform=lambda title, text: self.inform(title, text),
            warn=lambda title, text: self.warn(title, text),
        )

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], Any], shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = text_action(text, self)
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
        self._imperial = view.settings.get("units") == "imperial"
        if self._form is not None:
            self._form.set_units(self._imperial)
        for action in (*self.coach_actions, self.athletes_menu.menuAction(), self.exports.actions["squad"]):
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
        self.after_first_paint(self.coach_workspace.refresh)  # the squad's completion and the notes

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
                if self.restoreGeometry(base64.b64decode(saved)):
                    self._fit_on_screen()
                    return
            except ValueError:
                pass
        self.resize(*DEFAULT_SIZE)
        self._fit_on_screen()

    def _fit_on_screen(self) -> None:
        """Keep the window inside the screen's free area (a small or 200 % screen included)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        width, height = min(self.width(), free.width()), min(self.height(), free.height() - 40)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        if not free.contains(frame):
            self.move(max(free.left(), min(frame.left(), free.right() - frame.width())), max(free.top(), frame.top()))

    # -- events -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
            QTimer.singleShot(0, self._run_after_paint)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drag(event, drop=False)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drag(event, drop=False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._drag(event, drop=True)

    def _drag(self, event: QDropEvent, drop: bool) -> None:
        """Files dragged onto the window: one check-in file is imported as a check-in (File > Import
        check-in), watch files and folders as activities (File > Import activities)."""
        if not (self.exports.accept_drop(event, drop) or accept_activity_drop(self.activity_importer, event, drop)):
            event.ignore()

    def after_first_paint(self, load: Callable[[], None]) -> None:
        """Start ``load`` (a background read that fills in a shown page) once the window is on screen, so
        it does not compete with drawing the first screen; at once when the window is already shown."""
        if self._painted:
            load()
        else:
            self._after_paint.append(load)

    def _run_after_paint(self) -> None:
        waiting, self._after_paint = self._after_paint, []
        for load in waiting:
            load()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Keep the window's size and place in the settings (owned by storage, backed up), then wait for saves."""
        if event.spontaneous() and not self.confirm_discard():  # the window's close button (Quit asks first)
            event.ignore()
            return
        geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")
        if self.remember_geometry and geometry != self.overview.settings.get(GEOMETRY_SETTING):
            self.tasks.run(
                lambda: settings_ops.set_setting(self.ctx, GEOMETRY_SETTING, geometry), lambda _: None, lambda _: None
            )
        self.tasks.wait()
        super().closeEvent(event)

    def _on_tab(self, index: int) -> None:
        """Build the page of the tab just opened if it is not built yet; the History tab loads on each opening."""
        self._fill_checkin_tab()
        shown = self.tabs.widget(index)
        if shown is self._plan_tab.widget():
            self._plan_tab.page()
        elif shown is self._history_tab.widget():
            self.history_view.load(self.athlete_id)

    # -- check-in flow ----------------------------------------------------------------------------
    def _after_import(self, report: Any) -> None:
        if report.added:
            self.refresh(Changes(activities=True, athlete_id=self.athlete_id))
            self.prefill_training_load()

    def current_athlete(self) -> AthleteRecord | None:
        return self.overview.athlete(self.athlete_id)

    def _show_welcome(self) -> None:
        from .welcome import WelcomePage

        self.welcome = WelcomePage()
        self.checkin_stack.addWidget(self.welcome)
        self.checkin_stack.setCurrentWidget(self.welcome)
        self.tabs.setCurrentWidget(self.checkin_stack)
        self.welcome.finished.connect(self._welcomed)

    def _welcomed(self, values: dict[str, Any], profile: dict[str, Any]) -> None:
        """Store the first-run answers (a coach's name as a setting; a runner's as their own profile)."""
        target = self.athlete_id
        if values.get("coach_mode"):
            values = {**values, "coach_name": profile["name"]}
            profile = {}

        def done(_settings: dict[str, Any]) -> None:
            self.checkin_stack.setCurrentWidget(self.form)

        self.run_op(
            lambda: settings_ops.save_settings(self.ctx, values, target, profile or None),
            done,
            "Your details were not saved",
        )

    def quit_app(self) -> None:
        """File > Quit: ask before dropping an unsaved check-in, then close."""
        if self.confirm_discard():
            self.close()

    def confirm_discard(self) -> bool:
        """True when there is no unsaved check-in, or the runner agrees to drop it."""
        if self._form is None or not self._form.is_dirty():
            return True
        return self.ask_yes_no(
            "Unsaved check-in", "The check-in you started is not saved yet. Discard it and carry on?"
        )

    def new_check_in(self) -> None:
        if not self.confirm_discard():
            return
        built = self._form is not None
        self.form.reset()
        self.checkin_stack.setCurrentWidget(self.form)
        self.tabs.setCurrentWidget(self.checkin_stack)
        if built:  # a new form fills itself in
            self.prefill_training_load()

    def prefill_training_load(self) -> None:
        """Show the athlete's training load from their imported activities in the form (still editable)."""
        if self._form is None:  # the form reads it when it is built
            return
        athlete_id = self.athlete_id

        def show(filled: Any) -> None:
            if filled is not None and athlete_id == self.athlete_id:
                self.form.set_training_numbers(filled.load)

        self.query(lambda: _load_for_check_in(self.ctx, athlete_id), show, "The training load could not be read")

    def _check_in_data(self, symptoms: dict[str, Any]) -> dict[str, Any]:
        """The form as a check-in dated today (read now: the app may stay open past midnight)."""
        from ..services import checkins as checkin_ops

        data = self.form.check_in_dict(self.ctx.today(), {}, symptoms)
        athlete = self.current_athlete()
        data = checkin_ops.with_profile(data, athlete) if athlete is not None else data
        sex = self.overview.settings.get(SEX_SETTING)
        if sex in ("female", "male") and not self.overview.settings.get("coach_mode"):
            data.setdefault("athlete", {}).setdefault("sex", sex)
        return data

    def _ask_questions(self) -> None:
        from ..domain.checkin import CheckInError
        from ..domain.questions import questions_for
        from ..services import checkins as checkin_ops

        try:
            check_in = checkin_ops.parse(self.ctx, self._check_in_data({}))
        except CheckInError as exc:
            self.form.problem.setText(str(exc))
            return
        questions = questions_for(check_in.areas, check_in.athlete.sex, check_in.athlete.age)
        self.questions.set_questions(questions, {a.region for a in check_in.areas})
        self.checkin_stack.setCurrentWidget(self.questions)

    def _save_check_in(self, symptoms: dict[str, Any]) -> None:
        from ..services import checkins as checkin_ops

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

    def _on_saved(self, saved: SavedCheckIn) -> None:
        self.questions.show_button.setEnabled(True)
        self.statusBar().showMessage("Check-in saved.", 4000)
        if saved.record.athlete_id == self.athlete_id:
            self._plan_request += 1
            self._current = queries.CurrentPlan(saved.plan, frozenset(saved.done_ids), saved.record.id)
            self.plan_view.set_plan(saved.plan, saved.done_ids, self.ctx.today())
            self.tabs.setCurrentWidget(self.plan_view)
        self.form.reset()
        self.checkin_stack.setCurrentWidget(self.form)
        self._remember_training()
        self.plan_shown.emit()

    def _last_check_in(self, athlete_id: str) -> dict[str, Any] | None:
        """On a worker thread: the athlete's newest stored check-in (exchange format), or None."""
        records = queries.history_records(self.ctx, athlete_id)
        return records[-1].check_in if records else None

    def _remember_training(self) -> None:
        """Fill the training numbers from the last check-in (they change slowly; the runner edits them)."""
        if self._form is None:  # the form reads them when it is built
            return
        athlete_id = self.athlete_id

        def fill(last: dict[str, Any] | None) -> None:
            if last is not None and athlete_id == self.athlete_id and not self.form.is_dirty():
                self.form.set_training_numbers(last.get("load") or {}, only_empty=True)  # activities win

        # A convenience only: a damaged file is reported by the plan's own load, not a second time here.
        self.tasks.run(lambda: self._last_check_in(athlete_id), fill, lambda _exc: None)

    def start_from_last_check_in(self) -> None:
        """Copy the last check-in's areas (and training numbers) into the form, for editing."""
        athlete_id = self.athlete_id

        def fill(last: dict[str, Any] | None) -> None:
            if athlete_id != self.athlete_id:
                return
            if last is None or not last.get("areas"):
                self.form.problem.setText("There is no earlier check-in with sore areas to start from.")
                return
            self.form.load_areas(last["areas"])
            self.form.set_training_numbers(last.get("load") or {})

        self.query(lambda: self._last_check_in(athlete_id), fill, "The last check-in could not be read")

    def undo_tick(self) -> None:
        """Undo the newest tick or untick of this session."""
        while self._undo_ticks:
            item_id, done = self._undo_ticks.pop()
            self._undoing = True
            try:
                found = self._plan_tab.built and self.plan_view.set_checked(item_id, not done)
            finally:
                self._undoing = False
            if found:
                self.statusBar().showMessage("Tick undone.", 3000)
                break
        self.undo_action.setEnabled(bool(self._undo_ticks))

    def _tick(self, item_id: str, done: bool) -> None:
        if not self._undoing:
            self._undo_ticks.append((item_id, done))
            self.undo_action.setEnabled(True)
        from ..services import checkins as checkin_ops

        athlete_id = self.athlete_id
        self.run_op(lambda: checkin_ops.set_done(self.ctx, athlete_id, item_id, done), None, "The tick was not saved")

    def _show_current(self, current: queries.CurrentPlan) -> None:
        self._current = current
        if self._plan_tab.built:
            self.plan_view.set_plan(current.plan, current.done_ids, self.ctx.today())

    def _load_current_plan(self, then: Callable[[], None] | None = None) -> None:
        self._plan_request += 1
        request, athlete_id = self._plan_request, self.athlete_id

        def show(current: queries.CurrentPlan) -> None:
            if request == self._plan_request:
                self._show_current(current)
                if then is not None:
                    then()

        def failed(exc: Exception) -> None:
            if self._plan_tab.built and self.plan_view.reading:
                self.plan_view.set_plan(None)  # not "reading" for ever
            self.show_error("The current plan could not be loaded", exc)

        self.tasks.run(lambda: queries.current_plan(self.ctx, athlete_id), show, failed)

    def _reload_history_if_shown(self) -> None:
        if self._showing_history():
            self.history_view.load(self.athlete_id)

    def start_daily_backup(self) -> None:
        """Today's automatic backup, in the background once the window is up (not inside the first save)."""
        self.run_op(lambda: backup_ops.daily_backup(self.ctx), None, "Today's automatic backup failed")

    # -- athletes ---------------------------------------------------------------------------------
    def switch_athlete(self, athlete_id: str) -> None:
        if not athlete_id or athlete_id == self.athlete_id:
            return
        if not self.confirm_discard():  # keep the unsaved check-in; put the pickers back on its athlete
            self.athlete_box.setCurrentIndex(max(self.athlete_box.findData(self.athlete_id), 0))
            if self.roster_view is not None:
                self.roster_view.set_current(self.athlete_id)
            return
        self._undo_ticks.clear()
        self.undo_action.setEnabled(False)
        self.athlete_id = athlete_id
        self.athlete_box.setCurrentIndex(max(self.athlete_box.findData(athlete_id), 0))
        if self.roster_view is not None:
            self.roster_view.set_current(athlete_id)
        if self._form is not None:
            self._form.reset()
            self.checkin_stack.setCurrentWidget(self._form)
        self.prefill_training_load()
        self._load_current_plan()
        self._remember_training()
        self._reload_history_if_shown()
        if self.coach_workspace is not None:
            self.coach_workspace.load_notes()
        self.run_op(lambda: athlete_ops.switch_athlete(self.ctx, athlete_id), None, "The athlete was not remembered")

    def add_athlete(self) -> None:
        from .dialogs import AthleteDialog

        dialog = AthleteDialog(parent=self, **self._profile_dialog_args())
        if dialog.exec():
            values = dialog.form.values()
            self.run_op(
                lambda: athlete_ops.add_athlete(self.ctx, **values),
                lambda record: self.switch_athlete(record.id),
                "The athlete was not added",
            )

    def _profile_dialog_args(self) -> dict[str, Any]:
        """Units to show body mass in, and the names already taken (a duplicate is refused in the dialog)."""
        return {
            "system": str(self.overview.settings.get("units", "metric")),
            "taken_names": tuple(a.name for a in self.overview.athletes),
        }

    def edit_athlete(self, athlete_id: str | None = None) -> None:
        from .dialogs import AthleteDialog

        if athlete_id:
            self.switch_athlete(athlete_id)
        current = self.current_athlete()
        if current is None:
            return
        dialog = AthleteDialog(current.to_dict(), parent=self, **self._profile_dialog_args())
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

    def _export_path(self, kind: str, suffix: str) -> str:
        """A default file name per athlete and date, in the user's documents folder."""
        from .export_actions import documents_folder

        athlete = self.current_athlete()
        name = re.sub(r"[^A-Za-z0-9]+", "-", athlete.name if athlete else "").strip("-").lower() or "athlete"
        return str(documents_folder() / f"{kind}-{name}-{self.ctx.today().isoformat()}.{suffix}")

    def _saved_to(self, path: str) -> None:
        self.statusBar().showMessage(f"Saved to {path}", 10000)

    def export_plan(self) -> None:
        from ..domain.plan_text import render_plan_text

        if self._current is None:  # not read yet (a coach who has not opened the Plan tab)
            self._load_current_plan(then=self.export_plan)
            return
        plan = self._current.plan
        if plan is None:
            self.inform("Export plan", "There is no plan to export yet.")
            return
        default = self._export_path("recovery-plan", "txt")
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, "Export plan", default, "Text files (*.txt)")
        if not path:
            return
        athlete = self.current_athlete()
        header = (
            f"Recovery plan for {athlete.name if athlete else 'you'}, from the check-in of {plan.get('start', '')}\n\n"
        )
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(header + render_plan_text(plan))
        except OSError as exc:
            self.show_error("The plan was not exported", exc)
            return
        self._saved_to(path)

    def export_chart(self) -> None:
        self.tabs.setCurrentWidget(self.history_view)  # show the chart being exported (loads it if needed)
        default = self._export_path("pain-chart", "png")
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, "Export pain chart", default, "PNG images (*.png)")
        if not path:
            return
        try:
            self.history_view.view.chart.export_png(path)
        except (OSError, ValueError) as exc:
            self.show_error("The chart was not exported", exc)
            return
        self._saved_to(path)

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
        newest = max(found, key=lambda b: b.created)  # the list comes newest first; do not rely on its order
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
        """Look for damaged files (off the GUI thread, after start-up) and offer the newest good backup copies."""
        if self.start.warnings:
            self.inform("Some data needed repair", "\n\n".join(self.start.warnings))
        self.query(lambda: backup_ops.damaged_files(self.ctx), self._ask_repair, "The data files could not be checked")

    def _ask_repair(self, damaged: list[Any]) -> None:
        """Name the damaged files (kept aside, never overwritten) and offer to restore them."""
        if not damaged:
            return
        names = "\n".join(str(p) for p in damaged)
        if not self.ask_yes_no(
            "Damaged data file",
            f"These files in {self.data_dir} cannot be read:\n{names}\n\nThey are kept "
            "aside, not overwritten. Restore them from the newest good backup now?",
        ):
            return
        self.run_op(lambda: backup_ops.repair(self.ctx), self._repaired, "The repair failed")

    def _repaired(self, actions: list[Any]) -> None:
        self.inform("Repair finished", "\n".join(a.describe() for a in actions))
        self.reload_all()

    def reload_all(self) -> None:
        """After a restore or repair: everything as at start-up."""

        def show(result: OpResult[StartState]) -> None:
            self.start = result.value
            self.athlete_id = result.value.athlete_id
            self._show_overview(result.value.overview)
            self._plan_request += 1
            self._current = result.value.current
            if self._current is not None:
                self._show_current(self._current)
            elif self._plan_tab.built:
                self._load_current_plan()
            self._reload_history_if_shown()

        self.query(lambda: start_state(self.ctx), show, "The data could not be loaded")

    def show_user_guide(self, page: str = "guide") -> None:
        """Help > User guide / Glossary, in one non-modal window shown offline."""
        from .help_window import HelpWindow

        if getattr(self, "help_window", None) is None:
            self.help_window = HelpWindow(self)
        self.help_window.show_page(page)
        self.help_window.show()
        self.help_window.raise_()

    def about(self) -> None:
        from ..domain.plan_text import NOTICE

        _message_box().about(
            self,
            "About Recovery Planner",
            f"<h3>Recovery Planner {__version__}</h3><p>Safe, explained recovery plans for "
            f"runners and their coaches. Your data stays on this computer, in "
            f"{self.data_dir}.</p><p>{NOTICE}</p>",
        )

    def show_error(self, title: str, exc: Exception) -> None:
        self.statusBar().clearMessage()
        self.warn(title, f"{title}.\n\n{plain_message(exc)}")


def _load_for_check_in(ctx: AppContext, athlete_id: str) -> Any:
    """On a worker thread: the training load from imported activities (the load maths import there too)."""
    from ..services.training_load import load_for_check_in

    return load_for_check_in(ctx, athlete_id).value


def _has_day(plan: dict[str, Any] | None, day: date) -> bool:
    """True when ``plan`` schedules something for ``day`` (a plan held back for a referral shows no days)."""
    if plan is None or plan.get("plan_suppressed"):
        return False
    return any(d.get("date") == day.isoformat() for d in plan.get("days") or ())


def plain_message(exc: Exception) -> str:
    """What to tell the user: a known problem's own words, otherwise where the details are."""
    from ..services.errors import is_known_problem

    if is_known_problem(exc):
        return str(exc)
    return "Something went wrong inside Recovery Planner. The details are in its log file; nothing else was changed."
