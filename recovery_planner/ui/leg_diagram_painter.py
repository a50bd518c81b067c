"""Drawing the leg diagram: a colour-blind-safe pain scale, light/dark themes and a reusable painter.

``LegDiagramPainter`` draws onto any ``QPainter`` (the widget, PNG/PDF export, history thumbnails).
Shapes come from ``leg_diagram_geometry``; hover, click and keys live in ``leg_diagram``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTransform,
)

from recovery_planner.ui.leg_diagram_geometry import DiagramGeometry, DiagramLayout, SpotKey, load_geometry

MarkKey = tuple[str, str]
"""(region, side), the key of marks, fills and labels."""

# ColorBrewer YlOrRd: a sequential scale whose lightness falls monotonically from pale yellow to
# dark red, so it stays ordered for deuteranopia, protanopia and tritanopia and in greyscale.
PAIN_STOPS: tuple[str, ...] = (
    "#ffeda0",
    "#fed976",
    "#feb24c",
    "#fd8d3c",
    "#fc4e2a",
    "#e31a1c",
    "#bd0026",
    "#800026",
)
_DARK_TEXT = QColor("#000000")
_LIGHT_TEXT = QColor("#ffffff")


def format_pain(pain: float) -> str:
    """'3' for whole numbers, '3.5' otherwise."""
    return f"{pain:g}"


def pain_color(pain: float) -> QColor:
    """Colour of a pain rating 0-10 (clamped) on the colour-blind-safe sequential scale."""
    pos = min(max(float(pain), 0.0), 10.0) / 10.0 * (len(PAIN_STOPS) - 1)
    i = min(int(pos), len(PAIN_STOPS) - 2)
    t = pos - i
    a, b = QColor(PAIN_STOPS[i]), QColor(PAIN_STOPS[i + 1])
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def unrated_color(dark: bool = False) -> QColor:
    """Fill of an area selected but not rated yet: a neutral blue-grey, outside the pain scale."""
    return QColor("#5b6b82" if dark else "#c9d6ea")


def relative_luminance(color: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 = black, 1 = white)."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(color.redF()) + 0.7152 * lin(color.greenF()) + 0.0722 * lin(color.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_text_color(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``background``."""
    dark, light = contrast_ratio(background, _DARK_TEXT), contrast_ratio(background, _LIGHT_TEXT)
    return QColor(_DARK_TEXT if dark >= light else _LIGHT_TEXT)


def pain_text_color(pain: float) -> QColor:
    """Text colour that stays readable on ``pain_color(pain)``."""
    return readable_text_color(pain_color(pain))


def is_dark_palette(palette: QPalette) -> bool:
    """True when the palette's window background is dark."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@dataclass(frozen=True)
class DiagramTheme:
    """Colours of the non-data parts of the diagram."""

    body: QColor
    body_edge: QColor
    seam: QColor
    detail: QColor
    text: QColor
    accent: QColor
    hover_tint: QColor
    halo: QColor
    badge: QColor
    badge_edge: QColor


def _rgba(name: str, alpha: float) -> QColor:
    color = QColor(name)
    color.setAlphaF(alpha)
    return color


LIGHT_THEME = DiagramTheme(
    body=QColor("#ebe6e1"),
    body_edge=QColor("#70757d"),
    seam=_rgba("#3c4048", 0.30),
    detail=_rgba("#3c4048", 0.20),
    text=QColor("#2a2e35"),
    accent=QColor("#1f63d8"),
    hover_tint=_rgba("#1f63d8", 0.16),
    halo=QColor("#ffffff"),
    badge=QColor("#ffffff"),
    badge_edge=_rgba("#ffffff", 0.95),
)
DARK_THEME = DiagramTheme(
    body=QColor("#3d424a"),
    body_edge=QColor("#a3a9b2"),
    seam=_rgba("#ffffff", 0.22),
    detail=_rgba("#ffffff", 0.14),
    text=QColor("#e8eaed"),
    accent=QColor("#6cb0ff"),
    hover_tint=_rgba("#6cb0ff", 0.22),
    halo=QColor("#14161a"),
    badge=QColor("#2b2f35"),
    badge_edge=_rgba("#ffffff", 0.85),
)


def _is_raster_target(painter: QPainter) -> bool:
    """Raster device without scaling or rotation: cached bitmap layers are pixel-exact there.

    Vector targets (PDF, SVG, print) and transformed painters are drawn path by path instead.
    """
    engine = painter.paintEngine()
    return (
        engine is not None
        and engine.type() == QPaintEngine.Type.Raster
        and painter.worldTransform().type().value <= QTransform.TransformationType.TxTranslate.value
    )


def _font_px(units: float, scale: float, floor: float = 10.0) -> int:
    """Font size for text ``units`` tall in the SVG: grows towards ``floor`` px on small screens,
    yet stays proportional on thumbnails (where it shrinks below the floor)."""
    return max(1, round(max(units * scale, min(floor, units * scale * 1.6))))


def _width(units: float, scale: float, low: float, high: float) -> float:
    """A pen width given in SVG units, kept between ``low`` and ``high`` device-independent px."""
    return min(max(units * scale, low), high)


class LegDiagramPainter:
    """Draws the diagram into a rect and hit-tests it; caches the layout of the last rect."""

    def __init__(self, geometry: DiagramGeometry | None = None) -> None:
        self.geometry = geometry or load_geometry()
        self._layout: DiagramLayout | None = None
        self._layers: dict[str, tuple[tuple[object, ...], QImage]] = {}

    def layout(self, rect: QRectF) -> DiagramLayout:
        """Transformed geometry for ``rect`` (rebuilt only when the rect changes)."""
        rect = QRectF(rect)
        if self._layout is None or self._layout.rect != rect:
            self._layout = DiagramLayout(self.geometry, rect)
        return self._layout

    def spot_at(self, rect: QRectF, point: QPointF) -> SpotKey | None:
        """(view, region, side) of the spot drawn under ``point``, or None."""
        return self.layout(rect).spot_at(QPointF(point))

    def paint(
        self,
        painter: QPainter,
        rect: QRectF,
        fills: Mapping[MarkKey, QColor],
        labels: Mapping[MarkKey, str],
        hover: SpotKey | None = None,
        focus: SpotKey | None = None,
        dark: bool = False,
    ) -> None:
        """Draw both views into ``rect``.

        ``fills`` colours spots by (region, side) in every view showing them; ``labels`` puts short
        text (e.g. the pain number) on them. ``hover`` outlines a spot and tints its twin in the
        other view; ``focus`` draws a keyboard focus ring.
        """
        lay = self.layout(QRectF(rect))
        theme = DARK_THEME if dark else LIGHT_THEME
        s = lay.scale
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        cached = _is_raster_target(painter)
        if cached:
            fills_key = tuple(sorted((k, c.rgba()) for k, c in fills.items()))
            self._draw_layer(
                painter, "under", lay, (dark, fills_key), lambda p: self._paint_under(p, lay, theme, fills)
            )
        else:
            self._paint_under(painter, lay, theme, fills)
        if hover is not None:
            for spot in self.geometry.spots:
                if spot.mark_key == (hover[1], hover[2]):
                    painter.fillPath(lay.spot_paths[spot.key], theme.hover_tint)
        if cached:
            self._draw_layer(
                painter, "over", lay, (dark, painter.font().key()), lambda p: self._paint_over(p, lay, theme)
            )
        else:
            self._paint_over(painter, lay, theme)
        if hover is not None and hover != focus:
            self._outline(painter, lay.spot_paths[hover], theme.accent, _width(4.0, s, 1.5, 2.5), None)
        if focus is not None:
            self._outline(painter, lay.spot_paths[focus], theme.accent, _width(5.5, s, 2.0, 3.2), theme.halo)
        if cached and labels:
            labels_key = (dark, fills_key, tuple(sorted(labels.items())), painter.font().key())
            self._draw_layer(
                painter, "labels", lay, labels_key, lambda p: self._paint_labels(p, lay, theme, fills, labels)
            )
        else:
            self._paint_labels(painter, lay, theme, fills, labels)
        painter.restore()

    def _draw_layer(
        self,
        painter: QPainter,
        name: str,
        lay: DiagramLayout,
        key: tuple[object, ...],
        draw: Callable[[QPainter], None],
    ) -> None:
        """Blit a cached raster layer, redrawing it only when its size, DPR or content changes.

        Stroking ~40 antialiased curved paths costs tens of ms at large sizes; a blit costs ~1 ms.
        """
        # The engine's device, not painter.device(): QWidget.render() redirects to e.g. a 2x QImage.
        engine = painter.paintEngine()
        target = engine.paintDevice() if engine is not None else None
        dpr = (target or painter.device()).devicePixelRatioF()
        box = lay.rect.toAlignedRect()
        full_key = (name, box.x(), box.y(), box.width(), box.height(), dpr, *key)
        cached = self._layers.get(name)
        if cached is None or cached[0] != full_key:
            image = QImage(
                QSize(math.ceil(box.width() * dpr), math.ceil(box.height() * dpr)),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            image.setDevicePixelRatio(dpr)
            image.fill(Qt.GlobalColor.transparent)
            layer = QPainter(image)
            layer.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            layer.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            layer.setFont(painter.font())
            layer.translate(-box.x(), -box.y())
            draw(layer)
            layer.end()
            cached = (full_key, image)
            self._layers[name] = cached
        painter.drawImage(box.topLeft(), cached[1])

    def _paint_under(
        self, painter: QPainter, lay: DiagramLayout, theme: DiagramTheme, fills: Mapping[MarkKey, QColor]
    ) -> None:
        """Silhouettes and the coloured spots."""
        self._paint_bodies(painter, lay, theme, edge=False)
        for spot in self.geometry.spots:
            color = fills.get(spot.mark_key)
            if color is not None:
                painter.fillPath(lay.spot_paths[spot.key], color)

    def _paint_over(self, painter: QPainter, lay: DiagramLayout, theme: DiagramTheme) -> None:
        """Seams between spots, drawing details, outlines, view titles and L/R labels."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(theme.seam, _width(1.2, lay.scale, 0.5, 1.3)))
        for path in lay.spot_paths.values():
            painter.drawPath(path)
        painter.setPen(QPen(theme.detail, _width(1.1, lay.scale, 0.5, 1.2)))
        for path in lay.details:
            painter.drawPath(path)
        self._paint_bodies(painter, lay, theme, edge=True)
        self._paint_texts(painter, lay, theme)

    @staticmethod
    def _paint_bodies(painter: QPainter, lay: DiagramLayout, theme: DiagramTheme, edge: bool) -> None:
        """Silhouettes; the waist fades out so the body reads as continuing upwards."""
        for body in lay.bodies:
            top = body.boundingRect().top()
            base = theme.body_edge if edge else theme.body
            gradient = QLinearGradient(0, top, 0, top + 90 * lay.scale)
            clear = QColor(base)
            clear.setAlpha(0)
            gradient.setColorAt(0.0, clear)
            gradient.setColorAt(1.0, base)
            if edge:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                pen = QPen(QBrush(gradient), _width(2.4, lay.scale, 0.8, 2.2))
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawPath(body)
            else:
                painter.fillPath(body, QBrush(gradient))

    @staticmethod
    def _outline(painter: QPainter, path: QPainterPath, color: QColor, width: float, halo: QColor | None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if halo is not None:
            halo_pen = QPen(halo, width + 2.5)
            halo_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(halo_pen)
            painter.drawPath(path)
        pen = QPen(color, width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(path)

    def _paint_labels(
        self,
        painter: QPainter,
        lay: DiagramLayout,
        theme: DiagramTheme,
        fills: Mapping[MarkKey, QColor],
        labels: Mapping[MarkKey, str],
    ) -> None:
        """Each label sits in a small pill so it stays readable even on narrow spots."""
        if not labels:
            return
        font = QFont(painter.font())
        font.setPixelSize(_font_px(26, lay.scale, floor=11.0))
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        height = metrics.height() * 1.2
        for spot in self.geometry.spots:
            text = labels.get(spot.mark_key, "")
            if not text:
                continue
            fill = fills.get(spot.mark_key, theme.badge)
            width = max(height, metrics.horizontalAdvance(text) + height * 0.55)
            centre = lay.anchors[spot.key]
            box = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
            painter.setPen(QPen(theme.badge_edge, _width(2.0, lay.scale, 1.0, 1.6)))
            painter.setBrush(fill)
            painter.drawRoundedRect(box, height / 2, height / 2)
            painter.setPen(readable_text_color(fill))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _paint_texts(painter: QPainter, lay: DiagramLayout, theme: DiagramTheme) -> None:
        """View titles ("Front", "Back") and the L/R leg labels."""
        for item in lay.texts:
            font = QFont(painter.font())
            size = 30 if item.kind == "title" else 27
            font.setPixelSize(_font_px(size, lay.scale))
            font.setWeight(QFont.Weight.DemiBold if item.kind == "title" else QFont.Weight.Bold)
            painter.setFont(font)
            painter.setPen(theme.text)
            box = QRectF(item.pos.x() - 200, item.pos.y() - 50, 400, 100)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, item.text)
