"""The coach's workspace in the real main window: plan changes by right-click, notes, squad completion."""

from datetime import date

from PySide6.QtCore import Qt

from recovery_planner.services import athletes, checkins, settings
from tests.samples import achilles_check_in

from .app_window import make_ctx, make_window, open_plan_tab

TODAY = date(2026, 3, 2)
ACHILLES = achilles_check_in(TODAY)


def _coach_window(qtbot, tmp_path):
    ctx = make_ctx(tmp_path / "data", TODAY)
    settings.set_setting(ctx, "coach_mode", True)
    settings.set_setting(ctx, "coach_name", "Coach Kim")
    ana = athletes.add_athlete(ctx, "Ana Lopez").value.id
    athletes.add_athlete(ctx, "Ben Okafor")
    checkins.save_check_in(ctx, ana, ACHILLES, 7)
    athletes.switch_athlete(ctx, ana)
    window = make_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.coach_workspace is not None and not window.tasks.busy, timeout=10000)
    return window, ana


def _menu_actions(menu):
    out = {}
    for act in menu.actions():
        if act.menu():
            out.update({f"{act.text()}/{a.text()}": a for a in act.menu().actions()})
        elif act.text():
            out[act.text()] = act
    return out


def test_right_click_makes_a_rest_day_and_the_plan_says_the_coach_changed_it(qtbot, tmp_path):
    window, ana = _coach_window(qtbot, tmp_path)
    open_plan_tab(qtbot, window)
    tree = window.plan_view.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=10000)
    run_row = next(i for i in range(tree.topLevelItemCount()) if "No running" not in tree.topLevelItem(i).text(0))
    day_item = tree.topLevelItem(run_row)
    shown = []
    window.coach_workspace.show_menu = lambda menu, where: shown.append(menu)
    tree.scrollToItem(day_item)
    pos = tree.visualItemRect(day_item).center()
    tree.customContextMenuRequested.emit(pos)
    acts = _menu_actions(shown[-1])
    assert "Make this a rest day" in acts and "Remove this optional item" not in acts
    acts["Make this a rest day"].trigger()
    qtbot.waitUntil(lambda: "changed by your coach" in tree.topLevelItem(run_row).text(0), timeout=10000)
    assert "No running" in tree.topLevelItem(run_row).text(0)
    assert "Changed by your coach" in window.plan_view.notes.toPlainText()
    assert window.ctx.repo.plan_edits(ana)[0]["author"] == "Coach Kim"


def test_a_required_item_offers_no_removal_and_a_swap_keeps_to_listed_exercises(qtbot, tmp_path):
    window, ana = _coach_window(qtbot, tmp_path)
    open_plan_tab(qtbot, window)
    tree = window.plan_view.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=10000)
    children = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    sleep = next(c for c in children if c.text(0).startswith("Sleep"))
    strength = next(c for c in children if "heel" in c.text(0).lower() and "(optional)" not in c.text(0))
    shown = []
    window.coach_workspace.show_menu = lambda menu, where: shown.append(menu)
    for item in (sleep, strength):
        tree.scrollToItem(item)
        tree.customContextMenuRequested.emit(tree.visualItemRect(item).center())
    sleep_acts, strength_acts = _menu_actions(shown[0]), _menu_actions(shown[1])
    assert "Remove this optional item" not in sleep_acts
    swaps = [name for name in strength_acts if name.startswith("Swap for/")]
    assert swaps
    strength_acts[swaps[0]].trigger()
    qtbot.waitUntil(lambda: bool(window.ctx.repo.plan_edits(ana)), timeout=10000)
    assert window.ctx.repo.plan_edits(ana)[0]["action"] == "swap_exercise"


def test_notes_typed_in_the_dock_are_saved_and_found_by_the_squad_search(qtbot, tmp_path):
    window, ana = _coach_window(qtbot, tmp_path)
    panel = window.coach_workspace.notes
    qtbot.keyClicks(panel.editor, "Prefers grass loops")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.count() == 1 and "grass" in panel.list.item(0).text(), timeout=10000)
    squad = window.roster_view
    window.tabs.setCurrentWidget(squad)
    qtbot.waitUntil(lambda: "Prefers grass" in " ".join(e.note_text for e in squad.model._rows), timeout=10000)
    qtbot.keyClicks(squad.filter_edit, "grass")
    assert squad.visible_ids() == [ana]


def test_squad_shows_plan_completion_after_a_tick(qtbot, tmp_path):
    window, ana = _coach_window(qtbot, tmp_path)
    squad = window.roster_view
    qtbot.waitUntil(lambda: squad.model.entry(squad.model.row_of(ana)).completion is not None, timeout=10000)
    before = squad.model.entry(squad.model.row_of(ana)).completion
    open_plan_tab(qtbot, window)
    tree = window.plan_view.tree
    today = next(
        tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if "(today)" in tree.topLevelItem(i).text(0)
    )
    first = next(
        today.child(j) for j in range(today.childCount()) if today.child(j).flags() & Qt.ItemFlag.ItemIsUserCheckable
    )
    first.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(
        lambda: squad.model.entry(squad.model.row_of(ana)).completion.done == before.done + 1, timeout=10000
    )
    column = squad.proxy.index(squad.visible_ids().index(ana), 5).data()
    assert column.startswith(f"{before.done + 1} of {before.scheduled} done")
