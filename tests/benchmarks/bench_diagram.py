"""Leg diagram latency: a hover move and a click, each handled and repainted. Target ≤ 16 ms.

Each sample sends a real mouse event to a shown widget, then processes events until the resulting
(partial) repaint has been painted. "full repaint" forces a whole-widget repaint after the event
(the cost of a resize or new marks), for comparison.

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

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from recovery_planner.ui.leg_diagram import LegDiagramWidget
from recovery_planner.ui.leg_diagram_geometry import load_geometry

TARGET_MS = 16.0
ROUNDS = 400
MARKS = {
    ("quadriceps", "left"): 3,
    ("calf", "right"): 7,
    ("it_band", "left"): 5,
    ("achilles", "left"): 10,
    ("knee", "right"): 1,
    ("glutes", "right"): 2,
    ("ankle", "left"): 8,
    ("foot", "right"): 4,
}


def mouse(kind: QEvent.Type, pos: QPointF, button: Qt.MouseButton, buttons: Qt.MouseButton) -> QMouseEvent:
    return QMouseEvent(kind, pos, pos, button, buttons, Qt.KeyboardModifier.NoModifier)


class PaintCounter(QObject):
    """Counts paint events delivered to a widget (observation only)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


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
    painted = PaintCounter()
    widget.installEventFilter(painted)
    mode = {"full": False}

    def settle() -> None:
        if mode["full"]:
            widget.repaint()
            return
        before = painted.count
        for _ in range(50):
            QApplication.processEvents()
            if painted.count > before:
                return
        raise RuntimeError("the event did not lead to a repaint")

    def move(pos: QPointF) -> None:
        QApplication.sendEvent(widget, mouse(QEvent.Type.MouseMove, pos, no, no))
        settle()

    def click(pos: QPointF) -> None:
        QApplication.sendEvent(widget, mouse(QEvent.Type.MouseButtonPress, pos, left, left))
        QApplication.sendEvent(widget, mouse(QEvent.Type.MouseButtonRelease, pos, left, no))
        settle()

    clicks: list[str] = []
    widget.spot_clicked.connect(lambda region, side: clicks.append(region))
    for pos in moves[:20]:  # warm-up
        move(pos)
    dpr = widget.devicePixelRatioF()
    results = []
    for full in (False, True):
        mode["full"] = full
        hover_ms = [timed(lambda p=moves[i % len(moves)]: move(p)) for i in range(ROUNDS)]  # noqa: B008
        click_ms = [timed(lambda p=points[i % len(points)]: click(p)) for i in range(ROUNDS)]  # noqa: B008
        kind = "full repaint" if full else "as shipped"
        results += [(f"hover move, {kind}", hover_ms), (f"click, {kind}", click_ms)]
    assert len(clicks) == 2 * ROUNDS, "every benchmark click should hit a spot"
    for name, samples in results:
        median, worst = statistics.median(samples), max(samples)
        verdict = "OK" if median <= TARGET_MS else "SLOW"
        print(
            f"{width:>4}x{height:<4} dpr {dpr:g}  {name:<26} median {median:6.2f} ms   "
            f"p95 {sorted(samples)[int(len(samples) * 0.95)]:6.2f} ms   max {worst:6.2f} ms   [{verdict}]"
        )
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
