"""Re-planning through the services on a real data folder, and the coach's squad tab."""

from datetime import date, timedelta

from PySide6.QtCore import Qt

from recovery_planner.services import athletes, checkins, queries, settings

from .app_window import fixed_clock, make_ctx, make_window

START = date(2026, 3, 2)


def soreness(day: date, pain: int) -> dict:
    return {
        "date": day.isoformat(),
        "athlete": {"experience": "advanced", "body_mass_kg": 70},
        "areas": [{"region": "quadriceps", "side": "both", "pain": pain, "kind": "soreness"}],
    }


def save_on(ctx, day: date, athlete_id: str, data: dict) -> checkins.SavedCheckIn:
    """Save a check-in as the app does on ``day``."""
    ctx.clock = fixed_clock(day)
    return checkins.save_check_in(ctx, athlete_id, data, 7).value


def test_pain_not_settling_for_a_week_raises_the_referral(tmp_path):
    ctx = make_ctx(tmp_path / "data", START)
    athlete = athletes.add_athlete(ctx, "Sam").value.id
    saved = None
    for i in range(9):
        day = START + timedelta(days=i)
        saved = save_on(ctx, day, athlete, soreness(day, 4))
    assert saved.plan["referral"]["urgency"] in ("prompt", "urgent")
    assert saved.plan["no_running_until_cleared"]
    assert all(d["running"] == "none" for d in saved.plan["days"])
    assert "P5b" in saved.plan["rules_fired"]  # not settling read from the stored history


def test_normal_soreness_course_is_not_escalated(tmp_path):
    ctx = make_ctx(tmp_path / "data", START)
    athlete = athletes.add_athlete(ctx, "Sam").value.id
    for i, pain in enumerate((4, 5, 3, 2, 1)):
        day = START + timedelta(days=i)
        saved = save_on(ctx, day, athlete, soreness(day, pain))
        assert saved.plan["referral"]["urgency"] == "none"


def test_replanning_keeps_ticked_items(tmp_path):
    ctx = make_ctx(tmp_path / "data", START)
    athlete = athletes.add_athlete(ctx, "Sam").value.id
    first = save_on(ctx, START, athlete, soreness(START, 3))
    ticked = first.plan["days"][1]["items"][-1]["id"]  # nutrition on day 2
    checkins.set_done(ctx, athlete, ticked, True)
    second = save_on(ctx, START + timedelta(days=1), athlete, soreness(START + timedelta(days=1), 2))
    assert ticked in {it["id"] for it in second.plan["days"][0]["items"]}
    assert ticked in second.done_ids
    assert len(queries.history_records(ctx, athlete)) == 2
    assert queries.stored_plan(ctx, athlete, first.record.id) == first.plan


def test_coach_squad_lists_red_flags_first_and_switches_athlete(qtbot, tmp_path):
    ctx = make_ctx(tmp_path / "data", START)
    settings.set_setting(ctx, "coach_mode", True)
    calm = athletes.add_athlete(ctx, "Alex").value.id
    hurt = athletes.add_athlete(ctx, "Zoe").value.id
    save_on(ctx, START, calm, soreness(START, 1))
    shin = {"date": START.isoformat(), "areas": [{"region": "shin", "side": "left", "pain": 6, "kind": "aching"}]}
    save_on(ctx, START, hurt, shin)
    window = make_window(qtbot, ctx)
    squad = window.roster_view
    assert squad is not None and window.tabs.tabText(0) == "Squad"
    assert squad.visible_ids()[0] == hurt
    window.tabs.setCurrentWidget(squad)
    index = squad.table.model().index(0, 0)
    qtbot.mouseClick(squad.table.viewport(), Qt.MouseButton.LeftButton, pos=squad.table.visualRect(index).center())
    assert window.athlete_id == hurt and window.tabs.currentWidget() is squad  # one click selects
    qtbot.mouseDClick(squad.table.viewport(), Qt.MouseButton.LeftButton, pos=squad.table.visualRect(index).center())
    assert window.tabs.currentWidget() is window.plan_view  # a double-click opens the plan
    qtbot.waitUntil(
        lambda: window.plan_view.plan is not None and window.plan_view.plan["referral"]["urgency"] == "prompt",
        timeout=10000,
    )
    window.close()


def test_roster_trend_is_kept_at_save_time_and_worsening_comes_first(tmp_path):
    ctx = make_ctx(tmp_path / "data", START)
    steady = athletes.add_athlete(ctx, "Alex").value.id
    worse = athletes.add_athlete(ctx, "Bea").value.id
    for athlete, pains in ((steady, (3, 3)), (worse, (2, 3))):
        for i, pain in enumerate(pains):
            day = START + timedelta(days=i)
            save_on(ctx, day, athlete, soreness(day, pain))
    rows = {r.athlete_id: r for r in queries.roster_entries(ctx)}
    assert rows[steady].trend == "same" and rows[worse].trend == "worse"
    from recovery_planner.domain.roster import roster_order

    assert [r.athlete_id for r in roster_order(list(rows.values()))] == [worse, steady]


def test_coach_tabs_open_the_right_pages(qtbot, tmp_path):
    ctx = make_ctx(tmp_path / "data", START)
    settings.set_setting(ctx, "coach_mode", True)
    athlete = athletes.add_athlete(ctx, "Alex").value.id
    save_on(ctx, START, athlete, soreness(START, 3))
    window = make_window(qtbot, ctx)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Squad", "Check in", "Plan", "History"]
    assert window.tabs.currentWidget() is window.roster_view  # a coach starts on the squad
    window.tabs.setCurrentIndex(titles.index("Plan"))
    assert window.tabs.currentWidget() is window.plan_view
    qtbot.waitUntil(lambda: window.plan_view.plan is not None, timeout=10000)  # read when the tab opens
    window.tabs.setCurrentIndex(titles.index("History"))
    assert window.tabs.currentWidget() is window.history_view
    qtbot.waitUntil(lambda: window.history_view.view.model.rowCount() == 1, timeout=10000)
    window.close()
