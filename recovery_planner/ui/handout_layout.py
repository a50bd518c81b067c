"""A small flow layout for printed pages: blocks measured, placed down the page, split across pages.

Units are the paint device's (``Typesetter.pt`` converts points), so the same code draws on a
QPdfWriter at any resolution. Blocks are measured first and drawn later, once the page count is known.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPainterPath, QPen

WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
INK = QColor("#1f2328")
MUTED = QColor("#57606a")


class Typesetter:
    """Fonts and measurements for one paint device."""

    def __init__(self, device: QPaintDevice, resolution: int, family: str | None = None) -> None:
        self.device = device
        self.resolution = resolution
        self.family = family or QFont().family()

    def pt(self, points: float) -> float:
        """Device units for a length in points (1/72 inch)."""
        return points * self.resolution / 72.0

    def mm(self, millimetres: float) -> float:
        return millimetres * self.resolution / 25.4

    def font(self, size_pt: float, *, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        font.setItalic(italic)
        if hasattr(font, "setFeature"):  # Qt 6.7+: no ligatures, so "ff" stays two letters when copied or searched
            font.setFeature(QFont.Tag("liga"), 0)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def text_height(self, text: str, font: QFont, width: float) -> float:
        """Height of ``text`` wrapped to ``width``."""
        if not text:
            return 0.0
        return self.metrics(font).boundingRect(QRectF(0, 0, max(width, 1.0), 1e9), WRAP, text).height()


class Block:
    """Something drawn full width: measured by ``height`` and drawn at a y position by ``draw``."""

    keep_with_next = False

    def height(self, ts: Typesetter, width: float) -> float:
        raise NotImplementedError

    def draw(self, painter: QPainter, ts: Typesetter, x: float, y: float, width: float) -> None:
        raise NotImplementedError


@dataclass
class Spacer(Block):
    points: float

    def height(self, ts: Typesetter, width: float) -> float:
        return ts.pt(self.points)

    def draw(self, painter: QPainter, ts: Typesetter, x: float, y: float, width: float) -> None:
        return None


@dataclass
class Text(Block):
    """A wrapped paragraph; optionally a bullet or a tick box in the left margin."""

    text: str
    size: float = 10.0
    bold: bool = False
    italic: bool = False
    color: QColor = field(default_factory=lambda: QColor(INK))
    indent: float = 0.0  # points
    space_after: float = 3.0  # points
    bullet: bool = False
    tick_box: bool | None = None  # None: no box; False: an empty box; True: a ticked box
    keep_with_next: bool = False

    def _font(self, ts: Typesetter) -> QFont:
        return ts.font(self.size, bold=self.bold, italic=self.italic)

    def _gutter(self, ts: Typesetter) -> float:
        return ts.pt(self.indent + (self.size * 1.5 if self.bullet or self.tick_box is not None else 0.0))

    def height(self, ts: Typesetter, width: float) -> float:
        body = ts.text_height(self.text, self._font(ts), width - self._gutter(ts))
        return body + ts.pt(self.space_after)

    def draw(self, painter: QPainter, ts: Typesetter, x: float, y: float, width: float) -> None:
        font = self._font(ts)
        gutter = self._gutter(ts)
        line = ts.metrics(font).height()
        left = x + ts.pt(self.indent)
        if self.tick_box is not None:
            draw_tick_box(painter, QRectF(left, y + line * 0.12, line * 0.78, line * 0.78), self.tick_box, ts.pt(0.8))
        elif self.bullet:
            radius = line * 0.13
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.color)
            painter.drawEllipse(QPointF(left + radius * 2, y + line * 0.52), radius, radius)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(font)
        painter.setPen(self.color)
        painter.drawText(QRectF(x + gutter, y, width - gutter, 1e7), WRAP, self.text)


def draw_tick_box(painter: QPainter, box: QRectF, ticked: bool, pen_width: float) -> None:
    """A square to tick by hand, or already ticked (done in the app)."""
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(INK, pen_width))
    painter.drawRect(box)
    if ticked:
        tick = QPainterPath(QPointF(box.left() + box.width() * 0.2, box.top() + box.height() * 0.55))
        tick.lineTo(box.left() + box.width() * 0.42, box.top() + box.height() * 0.78)
        tick.lineTo(box.left() + box.width() * 0.82, box.top() + box.height() * 0.22)
        pen = QPen(INK, pen_width * 1.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(tick)
    painter.restore()


@dataclass
class Custom(Block):
    """A block drawn by a function, of a height computed from the width."""

    measure: Callable[[Typesetter, float], float]
    paint: Callable[[QPainter, Typesetter, QRectF], None]
    keep_with_next: bool = False

    def height(self, ts: Typesetter, width: float) -> float:
        return self.measure(ts, width)

    def draw(self, painter: QPainter, ts: Typesetter, x: float, y: float, width: float) -> None:
        self.paint(painter, ts, QRectF(x, y, width, self.measure(ts, width)))


@dataclass
class Group(Block):
    """Blocks kept on one page when they fit on a page (a plan day); split like loose blocks when not."""

    blocks: list[Block]
    continued: Block | None = None  # drawn at the top of the next page when the group is split there

    def height(self, ts: Typesetter, width: float) -> float:
        return sum(b.height(ts, width) for b in self.blocks)

    def draw(self, painter: QPainter, ts: Typesetter, x: float, y: float, width: float) -> None:
        for b in self.blocks:
            b.draw(painter, ts, x, y, width)
            y += b.height(ts, width)


Page = list[tuple[Block, float]]


def _flatten(blocks: Sequence[Block], ts: Typesetter, width: float, body_height: float) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Group) and b.height(ts, width) > body_height:
            out += _flatten(b.blocks, ts, width, body_height)
        else:
            out.append(b)
    return out


SPLIT_WHEN_FREE = 0.3  # a Group that does not fit is split rather than moved when this much of the page is free


def _lead(block: Block, ts: Typesetter, width: float) -> float:
    """How much of ``block`` must share a page with the heading before it (a Group: its first two blocks)."""
    if isinstance(block, Group):
        return sum(b.height(ts, width) for b in block.blocks[:2])
    return block.height(ts, width)


def paginate(blocks: Sequence[Block], ts: Typesetter, width: float, body_height: float) -> list[Page]:
    """Place blocks down pages of ``body_height``.

    A block that does not fit starts a new page; a block marked ``keep_with_next`` (a heading) moves
    with the start of the block after it; a Group (a plan day) moves to the next page whole, unless it
    is taller than a page or much of the page would stay empty: then it is split into its blocks, and
    its ``continued`` heading repeats at the top of the next page.
    """
    queue = _flatten(blocks, ts, width, body_height)
    pages: list[Page] = [[]]
    y = 0.0
    i = 0
    continues: dict[int, Block] = {}  # id of a block from a split group -> the group's "continued" heading
    while i < len(queue):
        block = queue[i]
        h = block.height(ts, width)
        need = h
        j = i
        while queue[j].keep_with_next and j + 1 < len(queue):
            j += 1
            need += _lead(queue[j], ts, width)
        if pages[-1] and y + min(need, body_height) > body_height:
            if isinstance(block, Group) and body_height - y >= SPLIT_WHEN_FREE * body_height:
                queue[i : i + 1] = block.blocks
                if block.continued is not None:
                    continues.update((id(b), block.continued) for b in block.blocks[1:])
                continue
            carried: list[Block] = []  # headings left at the foot of the page go over with what they head
            while pages[-1] and pages[-1][-1][0].keep_with_next and len(pages[-1]) > 1:
                carried.insert(0, pages[-1].pop()[0])
            pages.append([])
            y = 0.0
            heading = continues.get(id(block))
            for b in ([heading] if heading is not None and not carried else []) + carried:
                pages[-1].append((b, y))
                y += b.height(ts, width)
        if not pages[-1] and isinstance(block, Spacer):
            i += 1
            continue  # no gap at the top of a page
        pages[-1].append((block, y))
        y += h
        i += 1
    return pages
