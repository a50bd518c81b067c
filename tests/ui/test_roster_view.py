"""Squad view with real widgets: who needs the coach first, filter, sort, one click selects, Enter opens."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from recovery_planner.domain.roster import Completion, RosterEntry
from recovery_planner.ui.roster import RosterView, last_check_in_text

TODAY = date(2026, 3, 10)


def entry(
    aid: str,
    name: str,
    running: str | None = "normal",
    urgency: str | None = "none",
    trend: str | None = None,
    days_ago: int | None = 0,
    pain: float = 3,
    archived: bool = False,
) -> RosterEntry:
    last = None if days_ago is None else TODAY - timedelta(days=days_ago)
    return RosterEntry(
        aid,
        name,
        last,
        running if last else None,
        urgency if last else None,
        "calf" if last else None,
        "left" if last else None,
        pain if last else None,
        trend,
        archived,
    )


ENTRIES = [
    entry("g1", "Gina Green", days_ago=2, pain=1, trend="better"),
    entry("a1", "Amir Amber", running="easy", trend="same", days_ago=1),
    entry("r1", "Rosa Red", running="none", urgency="prompt", trend="better", pain=6),
    entry("a2", "Anna Worse", running="easy", trend="worse", days_ago=3, pain=4),
    entry("n1", "Nils New", days_ago=None),
    entry("x1", "Xena Archived", running="none", urgency="urgent", archived=True),
    entry("g2", "Greta Worse", trend="worse", days_ago=0, pain=2),
]


@pytest.fixture
def roster(qtbot):
    view = RosterView(today=TODAY)
    qtbot.addWidget(view)
    view.set_entries(ENTRIES, TODAY)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_roster_orders_who_needs_the_coach_first(roster):
    # referral, worsening (amber before green), overdue (3 days or never), then the rest; archived hidden
    assert roster.visible_ids() == ["r1", "a2", "g2", "n1", "a1", "g1"]
    model = roster.proxy
    assert model.index(0, 1).data() == "Stop: see a physio first"
    assert model.index(1, 1).data() == "Easy runs only; no check-in for 3 days"
    assert model.index(1, 4).data() == "▲ Worse"
    assert model.index(0, 3).data() == "Left calf 6/10"
    assert model.index(3, 1).data() == "No check-in yet"
    assert model.index(3, 2).data() == "Never"
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None  # the status mark


def test_show_archived(roster):
    roster.archived_box.setChecked(True)
    assert roster.visible_ids()[-1] == "x1"
    assert roster.proxy.index(6, 0).data() == "Xena Archived (archived)"


def test_filter_by_name(roster, qtbot):
    qtbot.keyClicks(roster.filter_edit, "WORSE")
    assert roster.visible_ids() == ["a2", "g2"]
    roster.filter_edit.clear()
    qtbot.keyClicks(roster.filter_edit, "gr wor")
    assert roster.visible_ids() == ["g2"]
    roster.filter_edit.clear()
    assert len(roster.visible_ids()) == 6


def test_one_click_selects_and_a_double_click_opens(roster, qtbot):
    table = roster.table
    rect = table.visualRect(roster.proxy.index(4, 0))
    opened = []
    roster.athlete_opened.connect(opened.append)
    with qtbot.waitSignal(roster.athlete_selected) as sig:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == ["a1"] and opened == []
    with qtbot.waitSignal(roster.athlete_opened) as sig:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == ["a1"]


def test_arrow_keys_select_and_setting_the_current_athlete_is_silent(roster, qtbot):
    selected = []
    roster.athlete_selected.connect(selected.append)
    roster.set_current("r1")
    assert selected == [] and roster.current_id() == "r1"
    roster.table.setFocus()
    qtbot.keyClick(roster.table, Qt.Key.Key_Down)
    assert selected == ["a2"]


def test_headers_sort_every_column(roster, qtbot):
    header = roster.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 5, 5))
    assert roster.visible_ids() == ["a1", "a2", "g1", "g2", "n1", "r1"]  # by name
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(1) + 5, 5))
    assert roster.visible_ids() == ["r1", "a2", "g2", "n1", "a1", "g1"]  # back to who needs the coach first


def test_completion_column_shows_the_numbers_and_sorts_low_first(qtbot):
    view = RosterView(today=TODAY)
    qtbot.addWidget(view)
    rows = [replace(e, completion=Completion(i, 4)) for i, e in enumerate(ENTRIES[:3])]
    view.set_entries(rows, TODAY)
    view.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    assert [view.proxy.index(r, 5).data() for r in range(3)] == [
        "0 of 4 done (0 %)",
        "1 of 4 done (25 %)",
        "2 of 4 done (50 %)",
    ]
    view.resize(1000, 300)
    view.show()
    qtbot.waitExposed(view)
    assert not view.grab().isNull()


def test_enter_opens_the_current_athlete(roster, qtbot):
    roster.set_current("g2")
    roster.table.setFocus()
    with qtbot.waitSignal(roster.athlete_opened) as sig:
        qtbot.keyClick(roster.table, Qt.Key.Key_Return)
    assert sig.args == ["g2"]


def test_coach_actions_emit_the_current_athlete(roster, qtbot):
    roster.set_current("r1")
    with qtbot.waitSignal(roster.archive_requested) as sig:
        roster.archive_button.click()
    assert sig.args == ["r1"]
    with qtbot.waitSignal(roster.add_requested):
        roster.add_button.click()


def test_last_check_in_words():
    assert last_check_in_text(TODAY, TODAY) == "Today"
    assert last_check_in_text(TODAY - timedelta(days=1), TODAY) == "Yesterday"
    assert last_check_in_text(TODAY - timedelta(days=4), TODAY) == "4 days ago"
    assert last_check_in_text(date(2025, 12, 1), TODAY) == "01 Dec 2025"
