"""The History tab's "Record a clearance" action and the plan banner of a hold, clicking the real widgets."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from recovery_planner.services import athletes, checkins
from tests.services.test_holds_service import clean, clot_warning

from .app_window import make_ctx, make_window, open_plan_tab

DAY = date(2026, 3, 2)
TODAY = DAY + timedelta(days=1)


def _held_window(qtbot, tmp_path: Path):
    ctx = make_ctx(tmp_path / "data", TODAY)
    ana = athletes.add_athlete(ctx, "Ana", experience="intermediate", body_mass_kg=82).value.id
    checkins.save_check_in(ctx, ana, clot_warning(DAY), 7)
    checkins.save_check_in(ctx, ana, clean(TODAY), 7)  # a clean check-in the next day: the hold stays
    window = make_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.plan_view.plan is not None and not window.tasks.busy, timeout=10000)
    return ctx, ana, window


def _open_history(qtbot, window) -> None:
    window.tabs.setCurrentWidget(window.history_view)
    page = window.history_view
    qtbot.waitUntil(lambda: "No clearances recorded" in page.clearance_list.text(), timeout=10000)


def test_the_plan_banner_says_first_what_is_still_open(qtbot, tmp_path: Path) -> None:
    _ctx, _ana, window = _held_window(qtbot, tmp_path)
    open_plan_tab(qtbot, window)
    text = window.plan_view.banner.text()
    assert window.plan_view.banner.isVisible()
    first_reason = text.split("<br>")[1]
    assert first_reason.startswith("Still open since 2 March 2026")
    assert "No training plan is shown" in text


def test_recording_a_clearance_in_the_history_tab_lifts_the_hold(qtbot, tmp_path: Path) -> None:
    ctx, ana, window = _held_window(qtbot, tmp_path)
    assert ctx.repo.get_athlete(ana).latest.hold is not None
    _open_history(qtbot, window)
    page = window.history_view
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.by_edit, "Dr Jo Smith, physiotherapist")
    qtbot.keyClicks(dialog.note_edit, "Ultrasound clear")
    if os.environ.get("RP_SCREENSHOTS"):
        dialog.grab().save(str(Path(os.environ["RP_SCREENSHOTS"]) / "clearance-dialog.png"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Dr Jo Smith" in page.clearance_list.text(), timeout=10000)
    assert "3 March 2026" in page.clearance_list.text() and "Ultrasound clear" in page.clearance_list.text()
    assert [c.by for c in ctx.repo.clearances(ana)] == ["Dr Jo Smith, physiotherapist"]
    assert ctx.repo.get_athlete(ana).latest.hold is None
    qtbot.waitUntil(lambda: "Record a new check-in" in window.plan_view.banner.text(), timeout=10000)
    if os.environ.get("RP_SCREENSHOTS"):
        window.grab().save(str(Path(os.environ["RP_SCREENSHOTS"]) / "history-clearances.png"))
        open_plan_tab(qtbot, window)
        window.grab().save(str(Path(os.environ["RP_SCREENSHOTS"]) / "plan-cleared.png"))


def test_a_clearance_without_a_name_is_not_saved(qtbot, tmp_path: Path) -> None:
    ctx, ana, window = _held_window(qtbot, tmp_path)
    _open_history(qtbot, window)
    page = window.history_view
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "who cleared you" in dialog.problem.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert ctx.repo.clearances(ana) == []


def test_the_squad_shows_held_until_cleared_and_no_longer_after_a_clearance(qtbot, tmp_path: Path) -> None:
    from recovery_planner.services import clearances, settings

    ctx = make_ctx(tmp_path / "data", TODAY)
    settings.set_setting(ctx, "coach_mode", True)
    ana = athletes.add_athlete(ctx, "Ana", experience="intermediate", body_mass_kg=82).value.id
    checkins.save_check_in(ctx, ana, clot_warning(DAY), 7)
    checkins.save_check_in(ctx, ana, clean(TODAY), 7)
    window = make_window(qtbot, ctx)
    squad = window.roster_view
    assert squad is not None
    model = squad.table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    assert model.index(0, 1).data().startswith("Held until cleared")
    window.run_op(lambda: clearances.add_clearance(ctx, ana, "Dr Jo Smith"), None, "not saved")
    qtbot.waitUntil(lambda: not model.index(0, 1).data().startswith("Held"), timeout=10000)
