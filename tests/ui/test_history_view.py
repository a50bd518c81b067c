"""History view with real widgets: the chart plots the real pain series, the warning banner, the tables."""

from __future__ import annotations

import math
import sys
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.domain.progress import HistoryEntry, pain_series
from recovery_planner.ui.charts import EXPECTED_GID, PainChartWidget, series_gid
from recovery_planner.ui.history_view import HistoryView

D0 = date(2026, 3, 2)


def make_history(
    pains: list[float],
    region: str = "quadriceps",
    side: str = "both",
    kind: str = "soreness",
    extra: tuple[tuple[str, str, float], ...] = (),
    start: date = D0,
) -> list[HistoryEntry]:
    """Daily check-ins with real plans; ``extra`` areas are marked on the first check-in only."""
    out = []
    for i, pain in enumerate(pains):
        day = start + timedelta(days=i)
        areas = [{"region": region, "side": side, "pain": pain, "kind": kind}]
        if i == 0:
            areas += [{"region": r, "side": s, "pain": p, "kind": "aching"} for r, s, p in extra]
        raw = {"date": day.isoformat(), "athlete": {"experience": "intermediate"}, "areas": areas}
        check_in = parse_check_in(raw, day)
        plan = build_plan(check_in)
        done = frozenset(item.item_id(day) for item in plan.days[0].items[:2])
        out.append(HistoryEntry(f"c{i}", day, check_in, plan, done))
    return out


@pytest.fixture
def view(qtbot):
    w = HistoryView()
    qtbot.addWidget(w)
    w.resize(1100, 650)
    w.show()
    qtbot.waitExposed(w)
    return w


def _pain_lines(ax):
    return {line.get_gid(): line for line in ax.get_lines()}


def test_chart_plots_the_real_pain_series_and_the_expected_course(view):
    history = make_history([4, 5, 3, 2, 1, 0.5], extra=(("calf", "left", 3),))
    view.set_history(history, today=D0 + timedelta(days=5))
    view.tabs.setCurrentIndex(0)
    ax = view.chart.axes()
    lines = _pain_lines(ax)
    quads = lines[series_gid(("quadriceps", "both"))]
    assert list(quads.get_ydata()) == [4, 5, 3, 2, 1, 0.5]
    from matplotlib.dates import date2num

    assert list(quads.get_xdata()) == pytest.approx(list(date2num([e.date for e in history])))
    calf = lines[series_gid(("calf", "left"))]
    assert list(calf.get_ydata())[:2] == [3, 0]  # cleared up on the second check-in
    assert math.isnan(calf.get_ydata()[2])
    expected = lines[EXPECTED_GID]
    assert max(expected.get_ydata()) == 5  # scaled to the worst early rating
    assert expected.get_ydata()[-1] == 0
    assert expected.get_xdata()[-1] - expected.get_xdata()[0] == 7  # gone by about day 7
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] >= 10
    assert view.chart.legend_items() == [
        "Quadriceps, both legs",
        "Left calf",
        "Usual course of muscle soreness (Quadriceps, both legs)",
    ]
    assert view.warning_text() is None


def test_region_filter_shows_one_area(view):
    history = make_history([4, 3, 2], extra=(("calf", "left", 3),))
    view.set_history(history, today=D0 + timedelta(days=2))
    view.area_combo.setCurrentIndex(view.area_combo.findText("Left calf"))
    gids = set(_pain_lines(view.chart.axes()))
    assert series_gid(("calf", "left")) in gids and series_gid(("quadriceps", "both")) not in gids


def test_not_settling_warning_appears_after_7_days_without_improvement(view):
    history = make_history([4, 5, 4, 4, 5, 4, 4, 4], region="calf", side="left", kind="aching")
    view.set_history(history, today=D0 + timedelta(days=7))
    text = view.warning_text()
    assert text is not None and view.banner.isVisible()
    assert "Left calf" in text and "7 days" in text and "before you run again" in text
    assert view.banner.urgency == "prompt"


def test_no_warning_on_a_normal_soreness_course(view):
    view.set_history(make_history([4, 5, 3, 2, 1]), today=D0 + timedelta(days=4))
    assert view.warning_text() is None and not view.banner.isVisible()


def test_history_list_newest_first_and_selection_emits_the_id(view, qtbot):
    history = make_history([4, 3, 2])
    view.set_history(history, today=D0 + timedelta(days=2))
    model = view.model
    assert model.rowCount() == 3
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == "c2"
    assert model.index(2, 1).data() == "Quadriceps, both legs 4/10"
    assert model.index(0, 2).data() in ("Easy runs only", "Normal training", "No running")
    with qtbot.waitSignal(view.entry_selected) as sig:
        view.select_entry("c0")
    assert sig.args == ["c0"]
    assert "Recovery plan from 2026-03-02" in view.plan_text.toPlainText()


def test_lazy_plan_is_shown_when_the_lead_loads_it(view, qtbot):
    full = make_history([3, 2])
    lazy = [HistoryEntry(e.id, e.date, e.check_in, None, e.done_item_ids) for e in full]
    view.set_history(lazy, today=D0 + timedelta(days=1))
    assert view.model.index(0, 2).data() == "…"
    with qtbot.waitSignal(view.entry_selected):
        view.select_entry("c1")
    view.set_plan("c1", full[1].plan.to_dict() if full[1].plan else None)
    assert "Recovery plan from 2026-03-03" in view.plan_text.toPlainText()


def test_leg_maps_colour_the_change_and_did_it_help_has_its_caption(view):
    history = make_history([5, 5, 3], extra=(("calf", "left", 3),))
    view.set_history(history, today=D0 + timedelta(days=2))
    changes = view.maps.changes()
    assert changes[("quadriceps", "left")] == "better" and changes[("calf", "left")] == "resolved"
    assert "Left calf: gone" in view.maps.summary()
    assert "not what caused the change" in view.help_caption.text()
    top = view.help_tree.topLevelItem(0)
    assert top.text(0).startswith("Quadriceps, both legs: pain dropped 1×")


def test_switching_athletes_shows_the_right_history(view):
    anna = make_history([4, 3, 2], region="calf", side="right", kind="aching")
    ben = make_history([6, 6, 7, 8], region="knee", side="left", kind="aching")
    view.set_history(anna, today=D0 + timedelta(days=3))
    assert {s.key for s in view.chart.series()} == {("calf", "right")}
    view.set_history(ben, today=D0 + timedelta(days=3))
    lines = _pain_lines(view.chart.axes())
    assert series_gid(("calf", "right")) not in lines
    assert list(lines[series_gid(("knee", "left"))].get_ydata()) == [6, 6, 7, 8]
    assert view.model.rowCount() == 4 and view.warning_text() is not None  # worse twice
    view.set_history(anna, today=D0 + timedelta(days=3))
    assert view.warning_text() is None


def test_chart_export_png_and_matplotlib_loaded_lazily(qtbot, tmp_path):
    chart = PainChartWidget()
    qtbot.addWidget(chart)
    history = make_history([3, 4, 2])
    chart.set_history(history)  # not shown yet: nothing drawn
    assert chart._canvas is None
    out = chart.export_png(tmp_path / "chart.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [list(s.pains) for s in pain_series(history)] == [[3, 4, 2]]
    assert "matplotlib.pyplot" not in sys.modules


def test_dark_palette_uses_light_text(qtbot):
    from PySide6.QtGui import QColor, QPalette

    chart = PainChartWidget()
    qtbot.addWidget(chart)
    pal = chart.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#1b1b1d"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    chart.setPalette(pal)
    chart.set_history(make_history([3, 2]))
    chart.show()
    qtbot.waitExposed(chart)
    ax = chart.axes()
    assert ax.yaxis.label.get_color() == "#eeeeee"
    assert ax.get_facecolor()[:3] == pytest.approx(QColor("#1b1b1d").getRgbF()[:3], abs=0.01)
