"""Main-window parts of the runner's experience: Help menu, a window that fits the screen, the theme."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
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


def _saved_day(tmp_path):
    """A data folder where the runner checked in today: calf 3/10, 30 km this week, 25 km usual."""
    from recovery_planner.services import athletes, checkins

    ctx = make_ctx(tmp_path / "data", TODAY)
    athlete = athletes.ensure_athlete(ctx).value
    data = {
        "date": TODAY.isoformat(),
        "areas": [{"region": "calf", "side": "right", "pain": 3, "kind": "aching"}],
        "load": {"acute_km_7d": 30, "chronic_km_per_week_28d": 25},
    }
    checkins.save_check_in(ctx, athlete, data, 7)
    return ctx


def test_the_app_opens_on_todays_plan_with_the_done_count(qtbot, tmp_path):
    window = make_window(qtbot, _saved_day(tmp_path))
    assert window.tabs.currentWidget() is window.plan_view
    done, total = window.plan_view.today_counts()
    assert done == 0 and total > 0
    assert f"0 of {total} done" in window.plan_view.progress.text()
    window.close()


def test_training_numbers_are_remembered_and_the_last_check_in_can_be_copied(qtbot, tmp_path):
    window = make_window(qtbot, _saved_day(tmp_path))
    qtbot.waitUntil(lambda: window.form.acute.edit.text() == "30", timeout=5000)
    assert window.form.chronic.edit.text() == "25"
    window.tabs.setCurrentWidget(window.checkin_stack)
    qtbot.mouseClick(window.form.last_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.form.areas) == 1, timeout=5000)
    area = window.form.areas[0]
    assert (area["region"], area["side"], area["pain"], area["kind"]) == ("calf", "right", 3, "aching")
    assert window.form.diagram.marks() == {("calf", "right"): 3.0}
    window.ask_yes_no = lambda title, text: True
    window.close()


def test_an_unsaved_check_in_is_not_lost_without_asking(qtbot, tmp_path):
    window = make_window(qtbot, make_ctx(tmp_path / "data", TODAY))
    window.form._on_pain_entered("calf", "left", 2)
    asked = []
    window.ask_yes_no = lambda title, text: asked.append(text) or False
    window.new_action.trigger()
    assert asked and "not saved" in asked[0]
    assert len(window.form.areas) == 1, "kept when the runner says no"
    window.ask_yes_no = lambda title, text: True
    window.new_action.trigger()
    assert window.form.areas == []
    window.close()


def test_a_tick_can_be_undone(qtbot, tmp_path):
    from recovery_planner.services import queries

    ctx = _saved_day(tmp_path)
    window = make_window(qtbot, ctx)
    first = window.plan_view.tree.topLevelItem(0).child(0)
    item_id = first.data(0, Qt.ItemDataRole.UserRole)
    first.setCheckState(0, Qt.CheckState.Checked)  # as a click on its box does
    window.tasks.wait()
    assert item_id in queries.current_plan(ctx, window.athlete_id).done_ids
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    window.tasks.wait()
    assert first.checkState(0) == Qt.CheckState.Unchecked
    assert item_id not in queries.current_plan(ctx, window.athlete_id).done_ids
    assert not window.undo_action.isEnabled()
    window.close()


def test_exports_default_to_the_documents_folder_per_athlete_and_date_and_say_where(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window(qtbot, _saved_day(tmp_path))
    offered = []
    target = tmp_path / "out.txt"

    def fake_dialog(parent, title, default, filters):
        offered.append(default)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    window.export_plan()
    assert offered[0].endswith(f"recovery-plan-me-{TODAY.isoformat()}.txt")
    assert "Documents" in offered[0] or str(tmp_path) not in offered[0]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Recovery plan for Me, from the check-in of 2026-03-02")
    assert window.statusBar().currentMessage() == f"Saved to {target}"
    window.close()


def test_first_run_welcome_page_stores_the_runner_in_si_units(qtbot, tmp_path):
    from recovery_planner.services import queries

    ctx = make_ctx(tmp_path / "data", TODAY, welcomed=False)
    window = make_window(qtbot, ctx)
    assert window.checkin_stack.currentWidget() is window.welcome, "shown inside the main window"
    welcome = window.welcome
    qtbot.mouseClick(welcome.start, Qt.MouseButton.LeftButton)
    assert "Enter your name" in welcome.problem.text()
    qtbot.keyClicks(welcome.name, "Ana Ruiz")
    welcome.units.setCurrentIndex(welcome.units.findData("imperial"))
    assert welcome.mass.unit_label.text() == "lb"
    qtbot.keyClicks(welcome.mass.edit, "130")
    qtbot.keyClicks(welcome.age.edit, "31")
    welcome.sex.setCurrentIndex(welcome.sex.findData("female"))
    qtbot.mouseClick(welcome.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.checkin_stack.currentWidget() is window.form, timeout=5000)
    window.tasks.wait()
    me = queries.get_athlete(ctx, window.athlete_id)
    assert me.name == "Ana Ruiz" and me.age == 31 and abs(me.body_mass_kg - 58.97) < 0.01
    stored = queries.settings(ctx)
    assert stored["units"] == "imperial" and stored["welcomed"] is True and stored["runner_sex"] == "female"
    window.close()


def test_a_coach_can_export_the_plan_before_opening_the_plan_tab(qtbot, tmp_path, monkeypatch):
    """A coach's window starts on the squad without reading the plan; File > Export plan reads it first."""
    from PySide6.QtWidgets import QFileDialog

    from recovery_planner.services import settings

    ctx = _saved_day(tmp_path)
    settings.set_setting(ctx, "coach_mode", True)
    window = make_window(qtbot, ctx)
    assert window.tabs.currentWidget() is window.roster_view and not window.plan_view_built
    target = tmp_path / "plan.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    window.export_plan()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert "from the check-in of 2026-03-02" in target.read_text(encoding="utf-8")
    window.close()
