"""Leg diagram latency: a hover move and a click, each handled and repainted. Target ≤ 16 ms.

Run manually (not collected by pytest):

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_diagram.py
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=2 .venv/bin/python tests/benchmarks/bench_diagram.py  # HiDPI
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from recovery_planner.ui.leg_diagram import LegDiagramWidget  # noqa: E402
from recovery_planner.ui.leg_diagram_geometry import load_geometry  # noqa: E402

TARGET_MS = 16.0
ROUNDS = 400
MARKS = {("quadriceps", "left"): 3, ("calf", "right"): 7, ("it_band", "left"): 5, ("achilles", "left"): 10,
         ("knee", "right"): 1, ("glutes", "right"): 2, ("ankle", "left"): 8, ("foot", "right"): 4}


def mouse(kind: QEvent.Type, pos: QPointF, button: Qt.MouseButton, buttons: Qt.MouseButton) -> QMouseEvent:
    return QMouseEvent(kind, pos, pos, button, buttons, Qt.KeyboardModifier.NoModifier)


def timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000.0


def bench(width: int, height: int) -> None:
    widget = LegDiagramWidget()
    widget.resize(width, height)
    widget.set_marks(MARKS)
    widget.show()
    QApplication.processEvents()
    # Alternate between spots and empty space so every move changes the hover (the costly case).
    points = [widget.spot_center(key) for key in widget.spots()]
    moves = [p for pair in zip(points, [QPointF(2, 2)] * len(points), strict=True) for p in pair]
    no, left = Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton

    def move(pos: QPointF) -> None:
        QApplication.sendEvent(widget, mouse(QEvent.Type.MouseMove, pos, no, no))
        widget.repaint()

    def click(pos: QPointF) -> None:
        QApplication.sendEvent(widget, mouse(QEvent.Type.MouseButtonPress, pos, left, left))
        QApplication.sendEvent(widget, mouse(QEvent.Type.MouseButtonRelease, pos, left, no))
        widget.repaint()

    clicks: list[str] = []
    widget.spot_clicked.connect(lambda region, side: clicks.append(region))
    for pos in moves[:20]:  # warm-up
        move(pos)
    hover_ms = [timed(lambda p=moves[i % len(moves)]: move(p)) for i in range(ROUNDS)]
    click_ms = [timed(lambda p=points[i % len(points)]: click(p)) for i in range(ROUNDS)]
    assert len(clicks) == ROUNDS, "every benchmark click should hit a spot"
    dpr = widget.devicePixelRatioF()
    for name, samples in (("hover move", hover_ms), ("click", click_ms)):
        median, worst = statistics.median(samples), max(samples)
        verdict = "OK" if median <= TARGET_MS else "SLOW"
        print(f"{width}x{height} @dpr {dpr:g}  {name:<10}  median {median:6.2f} ms   "
              f"p95 {sorted(samples)[int(len(samples) * 0.95)]:6.2f} ms   max {worst:6.2f} ms   [{verdict}]")
    widget.close()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    load_geometry.cache_clear()
    parse_ms = timed(load_geometry)
    print(f"SVG parse (once per process): {parse_ms:.2f} ms")
    for size in ((520, 480), (1200, 1100)):
        bench(*size)
    del app


if __name__ == "__main__":
    main()
