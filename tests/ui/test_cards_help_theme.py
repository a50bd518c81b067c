"""Exercise cards, the help window, the dark theme, history order and the chart warm-up, on real widgets."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.domain.progress import HistoryEntry
from recovery_planner.domain.regions import REGIONS
from recovery_planner.ui.exercise_art import all_exercises, exercise_id_for_item, how_to_steps, illustration_path
from recovery_planner.ui.plan_view import PlanView

TODAY = date(2026, 3, 2)
EXERCISE_KINDS = {"stretching", "foam_rolling", "strength_loading", "mobility"}


def plan_for(region: str, pain: int = 2) -> dict:
    areas = [{"region": region, "side": "left", "pain": pain, "kind": "soreness"}]
    return build_plan(parse_check_in({"date": TODAY.isoformat(), "areas": areas}, TODAY), 7).to_dict()


def test_every_schedulable_exercise_has_a_valid_drawing():
    exercises = all_exercises()
    assert len(exercises) >= 30
    for exercise_id in exercises:
        path = illustration_path(exercise_id)
        assert path.is_file(), exercise_id
        assert QSvgRenderer(str(path)).isValid(), exercise_id
        assert "<title>" in path.read_text(encoding="utf-8")
    assert len({illustration_path(e) for e in exercises}) >= 20, "drawings are specific, not one for all"


@pytest.mark.parametrize("region", sorted(REGIONS))
def test_every_exercise_the_planner_schedules_resolves_to_a_drawing(region):
    plan = plan_for(region, pain=2)
    for day in plan["days"]:
        for item in day["items"]:
            if item["kind"] in EXERCISE_KINDS and item.get("how_to"):
                assert exercise_id_for_item(item) is not None, item["title"]


def test_how_to_steps_split_sentences():
    assert how_to_steps("Lie down. Lift the hips; hold.") == ["Lie down.", "Lift the hips.", "Hold."]


def test_selecting_an_exercise_shows_its_card_with_drawing_dose_and_steps(qtbot):
    view = PlanView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.set_plan(plan_for("calf"), set(), TODAY)
    view.show()
    qtbot.waitExposed(view)
    target = None
    for i in range(view.tree.topLevelItemCount()):
        day = view.tree.topLevelItem(i)
        for j in range(day.childCount()):
            if day.child(j).text(0).startswith("Wall calf stretch"):
                target = day.child(j)
                break
        if target is not None:
            break
    assert target is not None
    view.tree.scrollToItem(target)
    rect = view.tree.visualItemRect(target)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.card.exercise_id == "stretch-calf"
    assert view.card.drawing.isVisible()
    text = view.card.text.toPlainText()
    assert "How much: 30 s" in text and "Hands on a wall" in text
    image = view.card.drawing.grab().toImage()
    assert len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 2


def test_today_shows_how_many_are_done_and_follows_ticks(qtbot):
    view = PlanView()
    qtbot.addWidget(view)
    view.set_plan(plan_for("calf"), set(), TODAY)
    view.show()
    done, total = view.today_counts()
    assert done == 0 and total > 0
    first = view.tree.topLevelItem(0).child(0)
    first.setCheckState(0, Qt.CheckState.Checked)
    assert view.today_counts() == (1, total)
    assert f"1 of {total} done" in view.progress.text()


def test_help_window_shows_the_guide_and_glossary_offline(qtbot):
    from recovery_planner.ui.help_window import GUIDE_FILE, HelpWindow, help_text, user_guide_markdown

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert help_text(GUIDE_FILE) == user_guide_markdown(readme), "run tests/tools/make_help.py"
    window = HelpWindow(start="glossary")
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.currentWidget() is window.glossary
    glossary = window.glossary.toPlainText()
    for term in ("Muscle soreness", "Referral levels", "Easy running"):
        assert term in glossary
    window.show_page("guide")
    assert "Checking in" in window.guide.toPlainText() and "For developers" not in window.guide.toPlainText()


def test_dark_theme_darkens_the_app_the_diagram_and_the_charts(qtbot):
    from recovery_planner.ui.charts import theme_for
    from recovery_planner.ui.leg_diagram import LegDiagramWidget
    from recovery_planner.ui.theme import apply_theme, is_dark

    app = QApplication.instance()
    try:
        apply_theme("dark")
        assert is_dark(app.palette())
        diagram = LegDiagramWidget()
        qtbot.addWidget(diagram)
        diagram.resize(400, 360)
        corner = diagram.grab().toImage().pixelColor(3, 3)
        assert corner.lightness() < 80
        assert theme_for(diagram.palette()).background == diagram.palette().color(QPalette.ColorRole.Base).name()
        apply_theme("light")
        assert not is_dark(app.palette())
    finally:
        apply_theme("system")


def test_history_lists_a_later_same_day_check_in_first():
    from recovery_planner.ui.history_view import HistoryTableModel

    early = HistoryEntry("a", TODAY, parse_check_in({}, TODAY))
    late = HistoryEntry("b", TODAY, parse_check_in({}, TODAY))
    before = HistoryEntry("c", date(2026, 3, 1), parse_check_in({}, date(2026, 3, 1)))
    model = HistoryTableModel()
    model.set_history([before, early, late])  # storage order: by date, then save time
    assert [model._rows[i].id for i in range(3)] == ["b", "a", "c"]


def test_charts_warm_up_in_the_background():
    from recovery_planner.ui.charts import warm_up_charts

    thread = warm_up_charts()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert "matplotlib.figure" in sys.modules and "matplotlib.backends.backend_qtagg" in sys.modules
