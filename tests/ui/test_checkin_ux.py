"""The check-in as a runner meets it, through the real widgets: units, typed numbers, wording, questions."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QScrollBar

from recovery_planner.domain import units
from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.questions import questions_for
from recovery_planner.ui.checkin_form import CheckInForm
from recovery_planner.ui.red_flags import RedFlagPage

TODAY = date(2026, 3, 2)


@pytest.fixture
def form(qtbot):
    widget = CheckInForm()
    qtbot.addWidget(widget)
    widget.resize(1260, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_region(qtbot, form: CheckInForm, view: str, region: str, side: str) -> None:
    diagram = form.diagram
    key = (view, region, side)
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=diagram.spot_center(key).toPoint())


def type_into(qtbot, field, text: str) -> None:
    field.edit.clear()
    qtbot.keyClicks(field.edit, text)


def rate_and_describe(qtbot, form: CheckInForm, pain: int, kind: str = "aching") -> None:
    qtbot.mouseClick(form.editor.pain.group.button(pain), Qt.MouseButton.LeftButton)
    form.editor.kind.setCurrentIndex(form.editor.kind.findData(kind))


# -- units ------------------------------------------------------------------------------------------
def test_units_convert_both_ways_and_round_trip():
    assert units.to_si("distance", "imperial", 10) == pytest.approx(16.09344)
    assert units.from_si("mass", "imperial", 59) == pytest.approx(130.07, abs=0.01)
    assert units.to_si("mass", "imperial", 130) == pytest.approx(58.967, abs=0.001)
    assert units.from_si("temperature", "imperial", 25) == pytest.approx(77)
    assert units.to_si("temperature", "imperial", 77) == pytest.approx(25)
    assert units.format_value("distance", "imperial", 40) == "24.9 mi"
    assert units.format_value("temperature", "metric", 25) == "25 °C"
    assert units.system_of("nonsense") == "metric"


def test_imperial_distances_are_stored_in_km(qtbot, form):
    form.set_units(True)
    assert form.acute.unit_label.text() == "mi"
    type_into(qtbot, form.acute, "25")
    type_into(qtbot, form.chronic, "20")
    load = form.check_in_dict(TODAY, {}, {})["load"]
    assert load["acute_km_7d"] == pytest.approx(40.23, abs=0.01)
    assert load["chronic_km_per_week_28d"] == pytest.approx(32.19, abs=0.01)
    form.set_units(False)  # switching back converts what is shown; the stored value stays the same
    assert form.acute.edit.text() == "40.2" and form.acute.unit_label.text() == "km"
    assert form.check_in_dict(TODAY, {}, {})["load"]["acute_km_7d"] == pytest.approx(40.2, abs=0.01)
    assert "77 °F" in (form.set_units(True) or form.hot_label.text())


def test_profile_mass_typed_in_pounds_is_stored_in_kg(qtbot):
    from recovery_planner.ui.dialogs import ProfileForm

    profile = ProfileForm({"name": "Ana", "body_mass_kg": 59.0}, system="imperial")
    qtbot.addWidget(profile)
    assert profile.mass.edit.text() == "130.1" and profile.mass.unit_label.text() == "lb"
    type_into(qtbot, profile.mass, "130")
    assert profile.values()["body_mass_kg"] == pytest.approx(58.97, abs=0.01)
    type_into(qtbot, profile.mass, "999")
    assert "must be" in (profile.problem() or "") and "lb" in profile.problem()


# -- typed numbers are never changed ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("field_name", "typed"),
    [("sleep", "30"), ("fatigue", "15"), ("acute", "5000"), ("last_min", "2000"), ("fatigue", "abc")],
)
def test_out_of_range_input_is_marked_and_blocks_the_plan(qtbot, form, field_name, typed):
    click_region(qtbot, form, "back", "calf", "right")
    rate_and_describe(qtbot, form, 3)
    field = getattr(form, field_name)
    type_into(qtbot, field, typed)
    assert field.edit.text() == typed, "what was typed stays as typed"
    assert field.message.isVisible() and field.label in field.message.text()
    continued = []
    form.continue_requested.connect(lambda: continued.append(True))
    qtbot.mouseClick(form.next_button, Qt.MouseButton.LeftButton)
    assert continued == [] and field.label in form.problem.text()
    type_into(qtbot, field, "5")
    assert not field.message.isVisible()
    qtbot.mouseClick(form.next_button, Qt.MouseButton.LeftButton)
    assert continued == [True]


def test_sleep_typed_as_30_is_not_turned_into_3(qtbot, form):
    type_into(qtbot, form.sleep, "30")
    assert form.sleep.value() is None and "0-24 h" in form.sleep.problem()
    assert "sleep_hours" not in form.check_in_dict(TODAY, {}, {})["wellbeing"]


# -- wording and defaults ----------------------------------------------------------------------------
def test_a_clicked_area_starts_unrated_and_undescribed(qtbot, form):
    click_region(qtbot, form, "back", "calf", "right")
    assert form.areas[0]["pain"] is None and form.areas[0]["kind"] is None
    assert form.editor.kind.currentText() == "Choose..."
    assert form.diagram.marks() == {} and form.diagram.unrated() == {("calf", "right")}
    qtbot.mouseClick(form.next_button, Qt.MouseButton.LeftButton)
    assert "Rate the pain for: Right calf" in form.problem.text()
    assert "Feels" in form.problem.text()
    rate_and_describe(qtbot, form, 4)
    assert form.diagram.marks() == {("calf", "right"): 4.0}
    assert form.area_list.item(0).text() == "Right calf: 4/10 moderate"


def test_onset_is_whole_days_and_choices_do_not_overlap(qtbot, form):
    click_region(qtbot, form, "back", "calf", "right")
    assert form.editor.onset.edit.text() == "" and form.editor.onset.unit_label.text() == "days ago"
    type_into(qtbot, form.editor.onset, "2")
    assert form.areas[0]["days_since_onset"] == 2
    type_into(qtbot, form.editor.onset, "1.5")
    assert "whole number" in form.editor.problem()
    texts = [form.editor.mechanism.itemText(i) for i in range(form.editor.mechanism.count())]
    assert "No particular moment" not in texts and len(set(texts)) == len(texts)
    assert form.next_min.unit_label.text() == "min" and form.next_min.edit.placeholderText() == "not planned"


def test_the_form_scrolls_vertically_only_at_1280x720_and_at_200_percent(qtbot, form):
    click_region(qtbot, form, "back", "calf", "right")
    for width, height in ((1280 - 20, 720 - 130), (1366 - 20, 768 - 130), (800 - 10, 500 - 120)):
        form.resize(width, height)
        QApplication.processEvents()
        viewport = form.scroll_area.viewport()
        content = form.scroll_area.widget()
        assert content.width() <= viewport.width(), (width, height)
        assert content.minimumSizeHint().width() <= viewport.width(), (width, height)
        assert form.next_button.geometry().right() <= form.width()
        bar: QScrollBar = form.scroll_area.horizontalScrollBar()
        assert not bar.isVisible()


# -- safety questions -------------------------------------------------------------------------------
@pytest.fixture
def page(qtbot):
    widget = RedFlagPage()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    areas = [
        {"region": "knee", "side": "left", "pain": 3, "kind": "aching"},
        {"region": "calf", "side": "right", "pain": 2, "kind": "soreness"},
    ]
    check_in = parse_check_in({"date": TODAY.isoformat(), "areas": areas}, TODAY)
    widget.set_questions(questions_for(check_in.areas, "male", 30), {"knee", "calf"})
    return widget


def test_questions_are_grouped_under_their_area(page):
    titles = [box.title() for box in page.findChildren(QGroupBox)]
    assert titles[-1].startswith("General")
    assert any(t.startswith("Knee") for t in titles) and any(t.startswith("Calf") for t in titles)
    knee_box = next(b for b in page.findChildren(QGroupBox) if b.title().startswith("Knee"))
    knee_texts = " ".join(label.text() for label in knee_box.findChildren(type(page.problem)))
    assert "knee" in knee_texts.lower()
    assert all(" not " not in page.shown_text(q.key).lower() for q in page._questions)
    assert "menstrual_irregularity" not in {q.key for q in page._questions}, "not asked of a male athlete"


def test_unanswered_questions_are_named_and_clicked_answers_are_stored(qtbot, page):
    keys = [q.key for q in page._questions]
    answered = []
    page.answered.connect(answered.append)
    for key in keys[:-2]:
        if key in page._groups:
            qtbot.mouseClick(page.question_buttons(key)[1], Qt.MouseButton.LeftButton)
        else:
            type_into(qtbot, page.number_field(key), "0")
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert answered == []
    assert "2 left:" in page.problem.text()
    for key in keys[-2:]:
        assert page._labels[key].styleSheet(), "the unanswered question is marked"
    last_yes_no = next(k for k in reversed(keys) if k in page._groups)
    for key in keys[-2:]:
        if key in page._groups:
            button = page.question_buttons(key)[0 if key == last_yes_no else 1]
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            type_into(qtbot, page.number_field(key), "0")
    assert page.problem.text() == "", "the message goes once everything is answered"
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert answered and answered[0][last_yes_no] is True
    assert set(answered[0]) == set(keys)


def test_a_follow_up_is_asked_only_after_a_yes(qtbot):
    followers = [q for q in questions_for([], "female", 30) if getattr(q, "follows", None)]
    assert followers, "the questions have follow-ups (pregnancy -> weeks since birth)"
    page = RedFlagPage()
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    page.set_questions(questions_for([], "female", 30), set())
    follow = followers[0]
    assert page._rows[follow.key].isHidden() and follow.key not in page.unanswered_keys()
    yes = page.question_buttons(follow.follows)[0]
    yes.click()
    assert yes.isChecked()
    assert not page._rows[follow.key].isHidden() and follow.key in page.unanswered_keys()
