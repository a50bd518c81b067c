"""Weekly training load with the athlete's pain per sore area over it (matplotlib, loaded on first show).

Bars: running distance per week (cross-training is not running distance). Lines on the right-hand axis:
the pain (0-10) of each sore area at each check-in. Spike flags are marked on the bars they belong to:
L1 (the week's load jumped) as an outlined bar, L3 (a single run over 110 % of the 30-day longest) as a
triangle. They are flags to look at, never an injury probability.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ..services.training_load import LoadChart
from .charts import ChartTheme, theme_for

BAR_COLOUR = {"light": "#0072B2", "dark": "#56B4E9"}
FLAG_COLOUR = "#D55E00"  # Okabe-Ito vermillion: L1 outlines and L3 markers
NO_DATA = "No activities or check-ins yet. Import activities with File > Import activities."
BARS_GID, L1_GID, L3_GID = "running-km", "flag:L1", "flag:L3"


def _is_dark(theme: ChartTheme) -> bool:
    return int(theme.background.lstrip("#")[:2], 16) < 128


def plot_load(fig: Any, chart: LoadChart, theme: ChartTheme) -> tuple[Any, Any]:
    """Draw the chart into ``fig`` (cleared first); returns (load axes, pain axes)."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

    fig.clear()
    fig.set_facecolor(theme.background)
    ax = fig.add_subplot(111)
    pain_ax = ax.twinx()
    for a in (ax, pain_ax):
        a.set_facecolor("none")
        a.tick_params(colors=theme.text, labelcolor=theme.text)
        for spine in a.spines.values():
            spine.set_color(theme.grid)
    ax.set_facecolor(theme.background)
    if not chart.weeks and not chart.pain:
        ax.text(0.5, 0.5, NO_DATA, transform=ax.transAxes, ha="center", va="center", color=theme.text, wrap=True)
        ax.set_xticks([])
        ax.set_yticks([])
        pain_ax.set_yticks([])
        return ax, pain_ax

    centres = [date2num(w.week_start + timedelta(days=3)) for w in chart.weeks]
    kms = [w.running_km for w in chart.weeks]
    l1_weeks = {f.day - timedelta(days=f.day.weekday()) for f in chart.flags if f.rule == "L1" and f.day}
    bar_colour = BAR_COLOUR["dark" if _is_dark(theme) else "light"]
    bars = ax.bar(centres, kms, width=5.6, color=bar_colour, alpha=0.55, label="Running km per week", zorder=2)
    for week, bar in zip(chart.weeks, bars, strict=True):
        bar.set_gid(BARS_GID)
        if week.week_start in l1_weeks:
            bar.set_edgecolor(FLAG_COLOUR)
            bar.set_linewidth(2.0)
            bar.set_gid(L1_GID)
    extra_handles = []
    if l1_weeks:
        from matplotlib.patches import Patch

        extra_handles.append(
            Patch(facecolor="none", edgecolor=FLAG_COLOUR, linewidth=2.0, label="L1: weekly load spike")
        )
    top = max(kms, default=0.0) or 10.0
    l3_days = [f.day for f in chart.flags if f.rule == "L3" and f.day is not None]
    if l3_days:
        km_of_week = {w.week_start: w.running_km for w in chart.weeks}
        xs = [date2num(_monday(d) + timedelta(days=3)) for d in l3_days]
        ys = [km_of_week.get(_monday(d), 0.0) + top * 0.05 for d in l3_days]
        (markers,) = ax.plot(xs, ys, "v", color=FLAG_COLOUR, markersize=7, linestyle="none", label="L3: long-run spike")
        markers.set_gid(L3_GID)
    ax.set_ylim(0, top * 1.2)
    ax.set_ylabel("Running distance per week (km)", color=theme.text)
    ax.grid(True, axis="y", color=theme.grid, linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)

    colours = [c for c in theme.lines if c.upper() not in (bar_colour.upper(), FLAG_COLOUR)]
    for i, (label, points) in enumerate(sorted(chart.pain.items())):
        xs = [date2num(d) for d, _ in points]
        (line,) = pain_ax.plot(
            xs,
            [p for _, p in points],
            color=colours[i % len(colours)],
            marker="o" if len(points) <= 60 else None,
            markersize=4,
            linewidth=1.8,
            label=f"Pain: {label}",
            zorder=3,
        )
        line.set_gid(f"pain:{label}")
    pain_ax.set_ylim(0, 10.3)
    pain_ax.set_yticks(range(0, 11, 2))
    pain_ax.set_ylabel("Pain (0-10)", color=theme.text)

    locator = AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    handles = [*ax.get_legend_handles_labels()[0], *extra_handles, *pain_ax.get_legend_handles_labels()[0]]
    if handles:
        box = fig.legend(
            handles=handles, loc="lower left", bbox_to_anchor=(0.07, 0.0), ncols=3, frameon=False, fontsize=8
        )
        for text in box.get_texts():
            text.set_color(theme.text)
    rows = 1 + (len(handles) - 1) // 3 if handles else 0
    height_px = fig.get_figheight() * fig.dpi
    bottom = min(0.45, (40 + 18 * rows) / height_px)  # the date labels and the legend rows, in pixels
    fig.subplots_adjust(left=min(0.15, 70 / (fig.get_figwidth() * fig.dpi)), right=0.92, top=0.95, bottom=bottom)
    return ax, pain_ax


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


class LoadChartWidget(QWidget):
    """The weekly-load chart for one athlete; give it a ``LoadChart`` from ``services.activities.load_chart``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart = LoadChart([], [], {})
        self._figure: Any = None
        self._canvas: Any = None
        self._axes: tuple[Any, Any] | None = None
        self._dirty = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(240)
        self.setAccessibleName("Weekly training load and pain chart")

    def set_chart(self, chart: LoadChart) -> None:
        self._chart = chart
        self._dirty = True
        if self.isVisible():
            self.redraw()

    def axes(self) -> tuple[Any, Any]:
        """(load axes, pain axes), drawing first if needed."""
        self._ensure_canvas()
        if self._dirty or self._axes is None:
            self._plot()
        assert self._axes is not None
        return self._axes

    def redraw(self) -> None:
        self._ensure_canvas()
        self._plot()
        self._canvas.draw_idle()

    def draw_now(self) -> None:
        """Render synchronously (for export and screenshots)."""
        self.axes()
        self._canvas.draw()

    def export_png(self, path: str | Path, dpi: int = 150) -> Path:
        self.axes()
        path = Path(path)
        self._figure.savefig(path, format="png", dpi=dpi, facecolor=self._figure.get_facecolor())
        return path

    def _ensure_canvas(self) -> None:
        if self._canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self._figure = Figure(figsize=(7.2, 3.6), dpi=100)
        self._canvas = FigureCanvasQTAgg(self._figure)
        self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout.addWidget(self._canvas, 1)

    def _plot(self) -> None:
        self._axes = plot_load(self._figure, self._chart, theme_for(self.palette()))
        self._dirty = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty or self._canvas is None:
            self.redraw()
