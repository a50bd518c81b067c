"""Pain-over-time chart: a plain plotting function and a Qt widget that embeds matplotlib lazily.

matplotlib is imported only when a chart is first shown (or exported), never at app start-up, and only
through ``matplotlib.figure.Figure`` and the Qt Agg canvas (no pyplot).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from recovery_planner.domain.progress import (
    AreaKey,
    ExpectedCourse,
    HistoryEntry,
    PainSeries,
    expected_course,
    pain_series,
)
from recovery_planner.domain.regions import region_label

# Okabe-Ito, the colour-blind-safe qualitative palette; black and yellow swap for the background they
# cannot be read on. Line styles repeat the cycle so that more than seven areas stay apart.
_OKABE_ITO_LIGHT = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
_OKABE_ITO_DARK = ("#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00", "#FFFFFF")
_STYLES = ("-", "--", ":")
EXPECTED_LABEL = "Usual course of muscle soreness"
LEGEND_COLUMNS = 3
LONG_SERIES = 400  # points; longer lines are drawn thinner and without antialiasing to stay fast
EXPECTED_GID = "expected"


@dataclass(frozen=True)
class ChartTheme:
    """Colours for the non-data parts of the chart."""

    background: str
    text: str
    grid: str
    expected: str
    lines: tuple[str, ...]


LIGHT = ChartTheme("#ffffff", "#1f2328", "#d0d7de", "#6e7781", _OKABE_ITO_LIGHT)
DARK = ChartTheme("#1e1f22", "#e6e6e6", "#3d4148", "#a0a7b0", _OKABE_ITO_DARK)


_warm_up: threading.Thread | None = None


def _warm_matplotlib() -> None:
    """Import matplotlib and draw one tiny off-screen figure (Agg), so fonts and date tickers are loaded."""
    from io import BytesIO

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: F401 - import only, no widget here
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1), dpi=50)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    plot_pain_history(ax, [PainSeries("calf", "left", (date(2026, 1, 1), date(2026, 1, 3)), (3.0, 1.0))])
    figure.savefig(BytesIO(), format="png")


def warm_up_charts() -> threading.Thread:
    """Start loading matplotlib in a background thread (once); call it after the window's first paint.

    The History tab's first chart then only builds its canvas. Returns the thread (join it in tests).
    """
    global _warm_up
    if _warm_up is None:
        _warm_up = threading.Thread(target=_warm_matplotlib, name="chart-warm-up", daemon=True)
        _warm_up.start()
    return _warm_up


def series_gid(key: AreaKey) -> str:
    """The id set on an area's Line2D (``line.get_gid()``), e.g. 'pain:calf:left'."""
    return f"pain:{key[0]}:{key[1]}"


def date_number(d: date, epoch: date) -> float:
    """matplotlib's date number of ``d`` (days since matplotlib's epoch)."""
    return float((d - epoch).days)


def _epoch() -> date:
    from matplotlib.dates import get_epoch

    return date.fromisoformat(get_epoch()[:10])


def plot_pain_history(
    ax: Any,
    series: Sequence[PainSeries],
    expected: ExpectedCourse | None = None,
    dark: bool = False,
    theme: ChartTheme | None = None,
    legend: bool = True,
) -> None:
    """Draw one line per area (pain 0-10 over dates) and the usual soreness course as a dashed line.

    Fast for years of daily data: one Line2D per series, no markers on long series, no per-point text.
    ``legend=False`` leaves the legend to the caller (the widget shows it in Qt, which draws faster).
    """
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    theme = theme or (DARK if dark else LIGHT)
    epoch = _epoch()
    for artist in [*ax.lines, *ax.collections, *ax.texts]:  # cheaper than ax.clear(), which rebuilds ticks
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.set_facecolor(theme.background)
    xs_all: list[float] = []
    for i, s in enumerate(series):
        xs = [date_number(d, epoch) for d in s.dates]
        ys = [math.nan if p is None else p for p in s.pains]
        xs_all += xs[:1] + xs[-1:]
        (line,) = ax.plot(
            xs,
            ys,
            color=theme.lines[i % len(theme.lines)],
            linestyle=_STYLES[(i // len(theme.lines)) % len(_STYLES)],
            linewidth=2.0 if len(xs) <= LONG_SERIES else 1.4,
            marker="o" if len(xs) <= 60 else None,
            markersize=4,
            label=s.label,
            antialiased=len(xs) <= LONG_SERIES,
        )
        line.set_gid(series_gid(s.key))
    if expected is not None:
        start = date_number(expected.onset, epoch)
        xs = [start + d for d in expected.days]
        xs_all += [xs[0], xs[-1]]
        ax.fill_between(xs, expected.pains, color=theme.expected, alpha=0.15, linewidth=0)
        (line,) = ax.plot(
            xs,
            expected.pains,
            color=theme.expected,
            linestyle="--",
            linewidth=1.6,
            label=f"{EXPECTED_LABEL} ({region_label(expected.region, expected.side)})",
        )
        line.set_gid(EXPECTED_GID)
    ax.set_ylim(0, 10.3)
    ax.set_yticks(range(0, 11, 2))
    if xs_all:
        lo, hi = min(xs_all), max(xs_all)
        pad = max(0.5, (hi - lo) * 0.02)
        ax.set_xlim(lo - pad, hi + pad)
    locator = AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.set_ylabel("Pain (0 = none, 10 = worst)", color=theme.text)
    ax.grid(True, color=theme.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(colors=theme.text, labelcolor=theme.text)
    ax.xaxis.get_offset_text().set_color(theme.text)
    for spine in ax.spines.values():
        spine.set_color(theme.grid)
    if (series or expected is not None) and legend:
        add_legend(ax, theme)
    elif not series and expected is None:
        ax.text(0.5, 0.5, "No check-ins yet", transform=ax.transAxes, ha="center", va="center", color=theme.text)


def add_legend(ax: Any, theme: ChartTheme) -> Any:
    """The matplotlib legend under the axes (used for PNG export and by ``plot_pain_history``)."""
    box = ax.legend(
        loc="upper left",
        bbox_to_anchor=(0.0, -0.13),
        frameon=False,
        fontsize=9,
        ncols=LEGEND_COLUMNS,
        borderaxespad=0.0,
        handlelength=2.5,
    )
    for text in box.get_texts():
        text.set_color(theme.text)
    return box


def _swatch(color: str, style: str, width: int = 28, height: int = 12) -> QPixmap:
    pix = QPixmap(width, height)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    pen = QPen(QColor(color), 2.5)
    pen.setStyle({"-": Qt.PenStyle.SolidLine, "--": Qt.PenStyle.DashLine}.get(style, Qt.PenStyle.DotLine))
    painter.setPen(pen)
    painter.drawLine(1, height // 2, width - 1, height // 2)
    painter.end()
    return pix


def theme_for(palette: QPalette) -> ChartTheme:
    """Chart colours following the widget palette (dark when the window background is dark)."""
    base = palette.color(QPalette.ColorRole.Base)
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    t = DARK if dark else LIGHT
    return ChartTheme(base.name(), palette.color(QPalette.ColorRole.Text).name(), t.grid, t.expected, t.lines)


class PainChartWidget(QWidget):
    """Pain over time for one athlete; matplotlib is loaded the first time the chart is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: Sequence[HistoryEntry] = ()
        self._region: AreaKey | None = None
        self._all_series: list[PainSeries] = []
        self._figure: Any = None
        self._canvas: Any = None
        self._ax: Any = None
        self._dirty = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._legend = QWidget()
        self._legend_grid = QGridLayout(self._legend)
        self._legend_grid.setContentsMargins(8, 0, 8, 4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)
        self.setAccessibleName("Pain over time chart")

    # ---------------------------------------------------------------- public API
    def set_history(self, history: Sequence[HistoryEntry], region_filter: AreaKey | None = None) -> None:
        """Show this history (sorted by date); ``region_filter`` = (region, side) shows one area only.

        Plotted at once when visible (the repaint is deferred with ``draw_idle``), else on first show."""
        if history is not self._history:
            self._all_series = pain_series(history)
        self._history, self._region = history, region_filter
        self._dirty = True
        if self.isVisible():
            self.redraw()

    def series(self) -> list[PainSeries]:
        """The series currently plotted (after the region filter)."""
        return [s for s in self._all_series if self._region is None or s.key == self._region]

    def axes(self) -> Any:
        """The matplotlib Axes (creates the canvas if needed)."""
        self._ensure_canvas()
        return self._ax

    def figure(self) -> Any:
        self._ensure_canvas()
        return self._figure

    def redraw(self) -> None:
        """Re-plot now and schedule the canvas repaint (``draw_idle``)."""
        self._ensure_canvas()
        self._plot()
        self._canvas.draw_idle()

    def draw_now(self) -> None:
        """Render synchronously (re-plotting first if the data changed): benchmarks, export."""
        self._ensure_canvas()
        if self._dirty:
            self._plot()
        self._canvas.draw()

    def export_png(self, path: str | Path, dpi: int = 150) -> Path:
        """Save the chart as a PNG image, in the current light or dark colours."""
        self._ensure_canvas()
        if self._dirty:
            self._plot()
        path = Path(path)
        box = add_legend(self._ax, theme_for(self.palette())) if self._ax.get_lines() else None
        try:  # the on-screen legend is Qt; the image gets matplotlib's, fitted in with a tight box
            self._figure.savefig(
                path,
                format="png",
                dpi=dpi,
                facecolor=self._figure.get_facecolor(),
                bbox_inches="tight",
                pad_inches=0.15,
            )
        finally:
            if box is not None:
                box.remove()
        return path

    def legend_items(self) -> list[str]:
        """The texts of the on-screen legend, in order."""
        return [w.text() for w in self._legend.findChildren(QLabel) if w.text()]

    # ---------------------------------------------------------------- internals
    def _ensure_canvas(self) -> None:
        if self._canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self._figure = Figure(figsize=(6.4, 3.2), dpi=100)
        self._canvas = FigureCanvasQTAgg(self._figure)
        self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._ax = self._figure.add_subplot(111)
        self._layout.addWidget(self._canvas, 1)
        self._layout.addWidget(self._legend)

    def _plot(self) -> None:
        theme = theme_for(self.palette())
        series = self.series()
        expected = expected_course(self._history, self._region) if self._history else None
        if expected is not None and self._region is None and len(self._history) > 1:
            last = max(e.date for e in self._history)
            if (last - expected.onset) > timedelta(days=60):  # an old episode: only its last weeks matter
                expected = None
        self._figure.set_facecolor(theme.background)
        plot_pain_history(self._ax, series, expected, theme=theme, legend=False)
        height, width = max(self._canvas.height(), 200), max(self._canvas.width(), 300)
        self._figure.subplots_adjust(left=min(0.2, 60 / width), right=0.98, top=0.96, bottom=min(0.4, 42 / height))
        self._fill_legend()
        self._dirty = False

    def _fill_legend(self) -> None:
        """The legend as Qt labels under the canvas: cheaper to draw than matplotlib text, follows the palette."""
        while self._legend_grid.count():
            item = self._legend_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for i, line in enumerate(self._ax.get_lines()):
            swatch, text = QLabel(), QLabel(line.get_label())
            swatch.setPixmap(_swatch(line.get_color(), line.get_linestyle()))
            row, col = divmod(i, LEGEND_COLUMNS)
            self._legend_grid.addWidget(swatch, row, 2 * col)
            self._legend_grid.addWidget(text, row, 2 * col + 1)
        self._legend_grid.setColumnStretch(2 * LEGEND_COLUMNS - 1, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty or self._canvas is None:
            self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._canvas is not None:
            self.redraw()
