"""The coach's menu and notes panel, driven through real widgets."""

from datetime import date

from PySide6.QtCore import Qt

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.ui.coach_menu import coach_menu
from recovery_planner.ui.notes_panel import NOTE_ID, NotesPanel

TODAY = date(2026, 3, 2)
CHECK_IN = {
    "date": TODAY.isoformat(),
    "athlete": {"experience": "intermediate", "body_mass_kg": 60},
    "areas": [
        {
            "region": "achilles",
            "side": "left",
            "pain": 2,
            "kind": "aching",
            "hours_since_run": 20,
            "days_since_onset": 10,
            "trend": "same",
        }
    ],
    "symptoms": {"morning_stiffness_min": 10, "warms_up_during_run": True},
}


def _plan():
    return build_plan(parse_check_in(CHECK_IN, TODAY), 7).to_dict()


def _actions(menu):
    out = {}
    for act in menu.actions():
        if act.menu():
            for sub in act.menu().actions():
                out[f"{act.text()}/{sub.text()}"] = sub
        elif act.text():
            out[act.text()] = act
    return out


def test_menu_offers_only_allowed_changes_and_reports_the_choice(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    plan = _plan()
    picked = []
    for day in plan["days"]:
        for item in day["items"]:
            menu = coach_menu(parent, plan, date.fromisoformat(day["date"]), item, picked.append, lambda *a: "Easy")
            acts = _actions(menu)
            assert ("Remove this optional item" in acts) == bool(item.get("optional"))
            assert ("Make this a rest day" in acts) == (day["running"] != "none")
    day = next(d for d in plan["days"] if any(i["kind"] == "strength_loading" for i in d["items"]))
    item = next(i for i in day["items"] if i["kind"] == "strength_loading")
    acts = _actions(coach_menu(parent, plan, date.fromisoformat(day["date"]), item, picked.append))
    swap = next(a for name, a in acts.items() if name.startswith("Swap for/"))
    swap.trigger()
    assert picked[-1]["action"] == "swap_exercise" and picked[-1]["item_id"] == item["id"] and picked[-1]["option"]
    acts = _actions(coach_menu(parent, plan, TODAY, None, picked.append, lambda *a: "Grass only"))
    acts["Add a note to this day…"].trigger()
    assert picked[-1] == {"day": TODAY, "action": "day_note", "note": "Grass only"}


def test_notes_panel_adds_by_typing_and_removes_the_selected_note(qtbot):
    panel = NotesPanel()
    qtbot.addWidget(panel)
    added, removed = [], []
    panel.add_requested.connect(lambda text, pinned: added.append((text, pinned)))
    panel.remove_requested.connect(removed.append)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert added == [] and "Write the note first" in panel.message.text()
    qtbot.keyClicks(panel.editor, "Knee surgery 2024")
    panel.pin.click()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert added == [("Knee surgery 2024", True)]
    panel.set_notes(
        [{"id": "n1", "text": "Knee surgery 2024", "author": "Kim", "created_at": "2026-03-02T09:00", "pinned": True}]
    )
    assert panel.list.item(0).text().startswith("Pinned · 2026-03-02, Kim")
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert removed == ["n1"] and panel.list.item(0).data(NOTE_ID) == "n1"
