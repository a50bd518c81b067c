"""The whole check-in flow through real widgets: diagram click, panel, safety questions, plan, persistence."""

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from recovery_planner.services import queries

from .app_window import make_ctx, make_window

TODAY = date(2026, 3, 2)
CASES = {c["id"]: c for c in json.loads((Path(__file__).parents[1] / "data" / "vignettes.json").read_text())}


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def open_window(qtbot, data_dir):
    return make_window(qtbot, make_ctx(data_dir, TODAY))


def click_region(qtbot, window, view, region, side):
    diagram = window.form.diagram
    key = next(k for k in diagram.spots() if k[0] == view and k[1] == region and k[2] == side)
    point = diagram.spot_center(key).toPoint()
    assert diagram.spot_path(key).contains(diagram.spot_center(key))
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=point)


def mark(window, region, side, pain, kind="soreness"):
    """Rate an area with the keyboard path and say what it feels like (the Feels box starts unset)."""
    window.form._on_pain_entered(region, side, pain)
    window.form.editor.kind.setCurrentIndex(window.form.editor.kind.findData(kind))


def answer_all(window, yes=()):
    for q in window.questions._questions:
        window.questions.answer(q.key, 1 if q.key in yes else 0)


def finish(qtbot, window):
    with qtbot.waitSignal(window.plan_shown, timeout=10000):
        qtbot.mouseClick(window.questions.show_button, Qt.MouseButton.LeftButton)


def test_full_check_in_is_saved_and_comes_back_after_restart(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    click_region(qtbot, window, "back", "calf", "right")
    assert [a["region"] for a in window.form.areas] == ["calf"]
    assert window.form.areas[0]["side"] == "right"
    qtbot.mouseClick(window.form.next_button, Qt.MouseButton.LeftButton)
    assert "Rate the pain for: Right calf" in window.form.problem.text()
    window.form.editor.pain.setValue(3)
    window.form.editor.kind.setCurrentIndex(window.form.editor.kind.findData("aching"))
    qtbot.mouseClick(window.form.next_button, Qt.MouseButton.LeftButton)
    assert window.checkin_stack.currentWidget() is window.questions
    keys = [q.key for q in window.questions._questions]
    assert "calf_warmth_redness" in keys and "dark_urine" in keys and "unable_to_bear_weight_4_steps" not in keys
    qtbot.mouseClick(window.questions.show_button, Qt.MouseButton.LeftButton)
    assert "Please answer all questions" in window.questions.problem.text()
    answer_all(window)
    finish(qtbot, window)
    assert window.tabs.currentWidget() is window.plan_view
    plan = window.plan_view.plan
    assert plan["days"][0]["running"] == "none"  # unilateral calf ache 3/10: localized, no run (R4)
    first_item = window.plan_view.tree.topLevelItem(0).child(0)
    first_item.setCheckState(0, Qt.CheckState.Checked)
    window.tasks.wait()
    ticked = first_item.data(0, Qt.ItemDataRole.UserRole)
    window.close()
    window.ctx.repo.close()

    again = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: again.plan_view.plan is not None, timeout=10000)
    assert again.plan_view.plan == plan
    assert ticked in again.plan_view.checked_ids()
    history = queries.history_records(again.ctx, again.athlete_id)
    assert len(history) == 1 and history[0].check_in["areas"][0]["pain"] == 3
    again.close()


def test_keyboard_marks_and_rates_a_region(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    diagram = window.form.diagram
    window.activateWindow()
    diagram.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(diagram.hasFocus)
    qtbot.keyClick(diagram, Qt.Key.Key_Tab)
    focused = diagram.focused_spot()
    assert focused is not None
    qtbot.keyClick(diagram, Qt.Key.Key_4)
    qtbot.wait(700)
    area = window.form.areas[0]
    assert (area["region"], area["side"], area["pain"]) == (focused[1], focused[2], 4)
    window.close()


def test_emergency_check_in_shows_emergency_and_no_schedule(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    mark(window, "quadriceps", "left", 9)
    mark(window, "quadriceps", "right", 9)
    qtbot.mouseClick(window.form.next_button, Qt.MouseButton.LeftButton)
    answer_all(window, yes={"dark_urine"})
    finish(qtbot, window)
    view = window.plan_view
    assert view.plan["plan_suppressed"]
    assert view.banner.isVisible() and "Get help now" in view.banner.text()
    assert "emergency department" in view.banner.text()
    assert not view.body.isVisible() and view.tree.topLevelItemCount() == 0
    window.close()
    window.ctx.repo.close()

    again = open_window(qtbot, data_dir)  # the emergency advice is still there after reopening
    qtbot.waitUntil(lambda: again.plan_view.plan is not None, timeout=10000)
    assert again.plan_view.plan["plan_suppressed"] and "Get help now" in again.plan_view.banner.text()
    again.close()


def test_invalid_profile_data_is_reported_not_crashed(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    mark(window, "shin", "left", 2)
    window.form.sleep.setValue(0)
    window.form.areas[0]["pain"] = 14  # as if a damaged draft came back
    window._ask_questions()
    assert "areas[0].pain: must be 0-10, got 14" in window.form.problem.text()
    assert window.checkin_stack.currentWidget() is window.form
    window.close()


def test_referral_banner_for_prompt_case(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    mark(window, "shin", "left", 5)
    qtbot.mouseClick(window.form.next_button, Qt.MouseButton.LeftButton)
    answer_all(window, yes={"pain_worse_as_run_continues"})
    finish(qtbot, window)
    view = window.plan_view
    assert "physiotherapist" in view.banner.text() and "No running until a clinician" in view.banner.text()
    days = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert all("No running" in d for d in days)
    window.close()


def test_damaged_file_is_named_kept_and_repaired_from_backup(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    mark(window, "calf", "left", 2)
    qtbot.mouseClick(window.form.next_button, Qt.MouseButton.LeftButton)
    answer_all(window)
    finish(qtbot, window)
    saved_plan = window.plan_view.plan
    repo = window.ctx.repo
    repo.backup()
    window.close()
    repo.close()
    damaged = next((data_dir / "athletes").rglob("checkins-*.json"))
    damaged.write_bytes(b"\x00garbage{")

    again = open_window(qtbot, data_dir)
    questions, notes, warnings = [], [], []
    again.warn = lambda title, text: warnings.append(text)
    again.ask_yes_no = lambda title, text: questions.append(text) or True
    again.inform = lambda title, text: notes.append(text)
    again.offer_repair()  # the files are checked off the GUI thread
    qtbot.waitUntil(lambda: bool(questions), timeout=10000)
    assert damaged.name in questions[0] and "kept aside" in questions[0]
    qtbot.waitUntil(
        lambda: any("restored" in n.lower() for n in notes) or bool(warnings), timeout=10000
    )  # off the GUI thread
    assert warnings == [] and any("restored" in n.lower() for n in notes), (warnings, notes)
    assert list((data_dir / "damaged").rglob("*")), "the damaged copy is kept"
    qtbot.waitUntil(lambda: again.plan_view.plan == saved_plan, timeout=10000)
    assert warnings == []
    again.close()


def test_window_and_command_line_store_the_same_plans(qtbot, tmp_path):
    """Left knee 1, 2, 3 on three days, checked in through the window; the same check-ins through the CLI."""
    import subprocess
    import sys
    from datetime import timedelta

    from .app_window import fixed_clock

    window = open_window(qtbot, tmp_path / "app")
    for i, pain in enumerate((1, 2, 3)):
        window.ctx.clock = fixed_clock(TODAY + timedelta(days=i))  # the window reads "today" at each check-in
        mark(window, "knee", "left", pain)
        qtbot.mouseClick(window.form.next_button, Qt.MouseButton.LeftButton)
        answer_all(window)
        finish(qtbot, window)
    third = window.plan_view.plan
    assert third["start"] == (TODAY + timedelta(days=2)).isoformat()
    assert third["referral"]["urgency"] == "prompt" and third["no_running_until_cleared"]
    records = queries.history_records(window.ctx, window.athlete_id)
    app_plans = [queries.stored_plan(window.ctx, window.athlete_id, r.id) for r in records]
    window.close()

    def cli(*args, stdin=None):
        cmd = [sys.executable, "-m", "recovery_planner", *args, "--data-dir", str(tmp_path / "cli")]
        return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=60)

    assert cli("athletes", "add", "Me", "--experience", "intermediate").returncode == 0
    for r in records:
        assert cli("checkin", "add", "-", "--athlete", "Me", stdin=json.dumps(r.check_in)).returncode == 0
    cli_plans = [h["plan"] for h in json.loads(cli("history", "--athlete", "Me", "--format", "json").stdout)]
    assert cli_plans == app_plans


def test_settings_athletes_and_restore_go_through_the_services_off_the_gui_thread(qtbot, data_dir):
    from recovery_planner.services import athletes, settings

    window = open_window(qtbot, data_dir)
    ctx = window.ctx
    window.run_op(lambda: settings.save_settings(ctx, {"coach_mode": True, "theme": "dark"}))
    qtbot.waitUntil(lambda: window.roster_view is not None, timeout=10000)  # the Changes reloaded the overview
    assert window.tabs.tabText(0) == "Squad" and window.overview.settings["theme"] == "dark"
    window.run_op(lambda: athletes.add_athlete(ctx, "Zoe"), lambda rec: window.switch_athlete(rec.id))
    qtbot.waitUntil(lambda: window.athlete_box.count() == 2, timeout=10000)
    zoe = window.athlete_id
    assert window.athlete_box.currentData() == zoe and window.overview.athlete(zoe).name == "Zoe"
    window.ask_yes_no = lambda title, text: True
    window.archive_athlete()
    qtbot.waitUntil(lambda: window.athlete_id != zoe and window.athlete_box.count() == 1, timeout=10000)
    ctx.repo.backup("manual")  # an older backup: only the runner
    window.run_op(lambda: athletes.add_athlete(ctx, "Ola"))
    qtbot.waitUntil(lambda: window.athlete_box.count() == 2, timeout=10000)
    window.backup_now()  # the newest backup: the runner and Ola
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    window.run_op(lambda: athletes.add_athlete(ctx, "Pia"))
    qtbot.waitUntil(lambda: window.athlete_box.count() == 3, timeout=10000)
    window.restore_backup()  # back to the newest backup, not the oldest
    qtbot.waitUntil(lambda: not window.tasks.busy and window.athlete_box.count() == 2, timeout=10000)
    assert sorted(window.athlete_box.itemText(i) for i in range(2)) == ["Me", "Ola"]
    window.close()


class GuardedRepository:
    """Wraps the repository and records every call made on the GUI (main) thread."""

    def __init__(self, repo):
        self._repo = repo
        self.gui_calls: list[str] = []

    def __getattr__(self, name):
        import threading

        attr = getattr(self._repo, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                self.gui_calls.append(name)
            return attr(*args, **kwargs)

        return call


def test_no_repository_call_on_the_gui_thread(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    guard = GuardedRepository(window.ctx.repo)
    window.ctx.repo = guard
    mark(window, "calf", "left", 2)
    qtbot.mouseClick(window.form.next_button, Qt.MouseButton.LeftButton)
    answer_all(window)
    finish(qtbot, window)
    item = window.plan_view.tree.topLevelItem(0).child(0)
    item.setCheckState(0, Qt.CheckState.Checked)
    window.tabs.setCurrentWidget(window.history_view)
    qtbot.waitUntil(lambda: window.history_view.view.model.rowCount() == 1, timeout=10000)
    window.offer_repair()
    window.backup_now()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    window.close()
    assert guard.gui_calls == []
