"""Leg diagram: a colour-blind-safe pain scale, a reusable painter and the interactive widget.

``LegDiagramPainter`` draws onto any ``QPainter`` (the widget, PNG/PDF export, history thumbnails);
``LegDiagramWidget`` adds hover, click and keyboard entry. Shapes come from ``leg_diagram_geometry``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from recovery_planner.domain.regions import LEG_SIDES, REGIONS, SIDES, region_label
from recovery_planner.ui.leg_diagram_geometry import DiagramGeometry, DiagramLayout, SpotKey, load_geometry

MarkKey = tuple[str, str]
"""(region, side), the key of marks, fills and labels."""

# ColorBrewer YlOrRd: a sequential scale whose lightness falls monotonically from pale yellow to
# dark red, so it stays ordered for deuteranopia, protanopia and tritanopia and in greyscale.
PAIN_STOPS: tuple[str, ...] = (
    "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026",
)
_DARK_TEXT = QColor("#000000")
_LIGHT_TEXT = QColor("#ffffff")


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
    body=QColor("#ebe6e1"), body_edge=QColor("#70757d"), seam=_rgba("#3c4048", 0.30),
    detail=_rgba("#3c4048", 0.20), text=QColor("#2a2e35"), accent=QColor("#1f63d8"),
    hover_tint=_rgba("#1f63d8", 0.16), halo=QColor("#ffffff"), badge=QColor("#ffffff"),
    badge_edge=_rgba("#ffffff", 0.95),
)
DARK_THEME = DiagramTheme(
    body=QColor("#3d424a"), body_edge=QColor("#a3a9b2"), seam=_rgba("#ffffff", 0.22),
    detail=_rgba("#ffffff", 0.14), text=QColor("#e8eaed"), accent=QColor("#6cb0ff"),
    hover_tint=_rgba("#6cb0ff", 0.22), halo=QColor("#14161a"), badge=QColor("#2b2f35"),
    badge_edge=_rgba("#ffffff", 0.85),
)


def _is_raster_target(painter: QPainter) -> bool:
    """Raster device without scaling or rotation: cached bitmap layers are pixel-exact there.

    Vector targets (PDF, SVG, print) and transformed painters are drawn path by path instead.
    """
    engine = painter.paintEngine()
    return (engine is not None and engine.type() == QPaintEngine.Type.Raster
            and painter.worldTransform().type().value <= QTransform.TransformationType.TxTranslate.value)


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
            self._draw_layer(painter, "under", lay, (dark, fills_key),
                             lambda p: self._paint_under(p, lay, theme, fills))
        else:
            self._paint_under(painter, lay, theme, fills)
        if hover is not None:
            for spot in self.geometry.spots:
                if spot.mark_key == (hover[1], hover[2]):
                    painter.fillPath(lay.spot_paths[spot.key], theme.hover_tint)
        if cached:
            self._draw_layer(painter, "over", lay, (dark, painter.font().key()),
                             lambda p: self._paint_over(p, lay, theme))
        else:
            self._paint_over(painter, lay, theme)
        if hover is not None and hover != focus:
            self._outline(painter, lay.spot_paths[hover], theme.accent, _width(4.0, s, 1.5, 2.5), None)
        if focus is not None:
            self._outline(painter, lay.spot_paths[focus], theme.accent, _width(5.5, s, 2.0, 3.2), theme.halo)
        if cached and labels:
            labels_key = (dark, fills_key, tuple(sorted(labels.items())), painter.font().key())
            self._draw_layer(painter, "labels", lay, labels_key,
                             lambda p: self._paint_labels(p, lay, theme, fills, labels))
        else:
            self._paint_labels(painter, lay, theme, fills, labels)
        painter.restore()

    def _draw_layer(self, painter: QPainter, name: str, lay: DiagramLayout, key: tuple[object, ...],
                    draw: Callable[[QPainter], None]) -> None:
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
            image = QImage(QSize(math.ceil(box.width() * dpr), math.ceil(box.height() * dpr)),
                           QImage.Format.Format_ARGB32_Premultiplied)
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

    def _paint_under(self, painter: QPainter, lay: DiagramLayout, theme: DiagramTheme,
                     fills: Mapping[MarkKey, QColor]) -> None:
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
    def _outline(painter: QPainter, path: QPainterPath, color: QColor, width: float,
                 halo: QColor | None) -> None:
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

    def _paint_labels(self, painter: QPainter, lay: DiagramLayout, theme: DiagramTheme,
                      fills: Mapping[MarkKey, QColor], labels: Mapping[MarkKey, str]) -> None:
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


# --------------------------------------------------------------------------- interactive widget

KEYBOARD_HELP = (
    "Tab, Shift+Tab or the arrow keys move between leg areas. Space or Enter selects the area. "
    "Digits 0 to 9 rate its pain; type 1 then 0 quickly for 10, or use + and - to step the rating."
)
TEN_WINDOW_S = 1.0
"""Seconds within which "1" then "0" on the same spot means 10."""

_ARROWS: dict[int, tuple[int, int]] = {
    Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1),
}
_ACTIVATE = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select)
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def format_pain(pain: float) -> str:
    """'3' for whole numbers, '3.5' otherwise."""
    return f"{pain:g}"


def spot_name(key: SpotKey) -> str:
    """Plain name of a drawn spot, e.g. 'Left calf, back view'."""
    view, region, side = key
    return f"{region_label(region, side)}, {view} view"


class LegDiagramWidget(QWidget):
    """Both legs, front and back: hover names a spot, click or Space/Enter selects, digits rate.

    The widget only emits intent; the controller updates the check-in and calls ``set_marks``.
    """

    spot_clicked = Signal(str, str)
    """(region, side) clicked, or activated with Space/Enter."""
    pain_entered = Signal(str, str, int)
    """(region, side, pain 0-10) typed on the keyboard-focused spot."""
    hover_changed = Signal(str, str)
    """(region, side) under the mouse; empty strings when leaving the spots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painter = LegDiagramPainter()
        self._order: list[SpotKey] = [s.key for s in self._painter.geometry.spots]
        self._marks: dict[MarkKey, float] = {}
        self._hover: SpotKey | None = None
        self._focus: SpotKey | None = None
        self._pressed: SpotKey | None = None
        self._focus_visible = False
        self._last_digit: tuple[SpotKey, int, float] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName("Leg diagram")
        self.setAccessibleDescription(KEYBOARD_HELP)

    # ----------------------------------------------------------------------- public API
    def set_marks(self, marks: Mapping[MarkKey, float]) -> None:
        """Show these pain ratings, keyed by (region, side); side "both" marks both legs."""
        shown: dict[MarkKey, float] = {}
        for (region, side), pain in marks.items():
            if region not in REGIONS or side not in SIDES:
                raise ValueError(f"unknown leg area {(region, side)!r}")
            for leg in LEG_SIDES if side == "both" else (side,):
                shown[(region, leg)] = max(float(pain), shown.get((region, leg), float("-inf")))
        self._marks = shown
        self._announce_focus(focus_event=False)
        self.update()

    def marks(self) -> dict[MarkKey, float]:
        """The ratings shown, per leg."""
        return dict(self._marks)

    def spots(self) -> list[SpotKey]:
        """All drawn spots, in keyboard (reading) order."""
        return list(self._order)

    def focused_spot(self) -> SpotKey | None:
        """The spot with the keyboard focus ring (kept while the widget is unfocused)."""
        return self._focus

    def set_focused_spot(self, key: SpotKey) -> None:
        """Move the keyboard focus to ``key`` = (view, region, side)."""
        if key not in self._order:
            raise ValueError(f"no such spot {key!r}")
        self._set_focus_spot(key)

    def hovered_spot(self) -> SpotKey | None:
        """The spot under the mouse, if any."""
        return self._hover

    def spot_at(self, pos: QPointF) -> SpotKey | None:
        """(view, region, side) drawn at widget position ``pos``, or None."""
        return self._painter.spot_at(self.diagram_rect(), QPointF(pos))

    def spot_path(self, key: SpotKey) -> QPainterPath:
        """The spot's shape in widget coordinates, as drawn at the current size."""
        return QPainterPath(self._painter.layout(self.diagram_rect()).spot_paths[key])

    def spot_center(self, key: SpotKey) -> QPointF:
        """Where the spot's label goes: a point well inside its shape, in widget coordinates."""
        return QPointF(self._painter.layout(self.diagram_rect()).anchors[key])

    def diagram_painter(self) -> LegDiagramPainter:
        """The painter this widget draws with (share it for exports of the same look)."""
        return self._painter

    def diagram_rect(self) -> QRectF:
        """The area the legs are fitted into (the caption line sits below it)."""
        margin = 6.0
        return QRectF(self.rect()).adjusted(margin, margin, -margin, -margin - self._caption_height())

    # ----------------------------------------------------------------------- sizing
    def sizeHint(self) -> QSize:
        return QSize(520, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 240)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        box = self._painter.geometry.view_box
        return round((width - 12) * box.height() / box.width()) + 12 + self._caption_height()

    def _caption_height(self) -> int:
        return self.fontMetrics().height() + 8

    # ----------------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        fills = {key: pain_color(pain) for key, pain in self._marks.items()}
        labels = {key: format_pain(pain) for key, pain in self._marks.items()}
        focus = self._focus if self.hasFocus() and self._focus_visible else None
        self._painter.paint(painter, self.diagram_rect(), fills, labels, hover=self._hover, focus=focus,
                            dark=is_dark_palette(palette))
        caption, role = self._caption()
        painter.setPen(palette.color(role))
        painter.setFont(self.font())
        box = QRectF(self.rect()).adjusted(6, 0, -6, -4)
        box.setTop(box.bottom() - self._caption_height())
        elided = self.fontMetrics().elidedText(caption, Qt.TextElideMode.ElideRight, round(box.width()))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, elided)
        painter.end()

    def _caption(self) -> tuple[str, QPalette.ColorRole]:
        key = self._hover or (self._focus if self.hasFocus() and self._focus_visible else None)
        if key is None:
            return ("Click a sore area to mark it, or press Tab and use the keys",
                    QPalette.ColorRole.PlaceholderText)
        pain = self._marks.get((key[1], key[2]))
        suffix = "" if pain is None else f"  ·  pain {format_pain(pain)}/10"
        return spot_name(key) + suffix, QPalette.ColorRole.Text

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    # ----------------------------------------------------------------------- mouse
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.spot_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._pressed = self.spot_at(event.position())
        if self._pressed is not None:
            self._focus_visible = False
            self._set_focus_spot(self._pressed)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        key, self._pressed = self._pressed, None
        if key is not None and self.spot_at(event.position()) == key:
            self.spot_clicked.emit(key[1], key[2])

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            key = self.spot_at(QPointF(event.pos()))
            if key is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._caption_for(key), self)
            return True
        return super().event(event)

    def _caption_for(self, key: SpotKey) -> str:
        pain = self._marks.get((key[1], key[2]))
        return spot_name(key) + ("" if pain is None else f", pain {format_pain(pain)}/10")

    def _set_hover(self, key: SpotKey | None) -> None:
        if key == self._hover:
            return
        old, self._hover = self._hover, key
        self.setCursor(Qt.CursorShape.PointingHandCursor if key else Qt.CursorShape.ArrowCursor)
        self._update_spots(old, key)
        self.hover_changed.emit(*((key[1], key[2]) if key else ("", "")))

    # ----------------------------------------------------------------------- keyboard
    def focusInEvent(self, event: QFocusEvent) -> None:
        reason = event.reason()
        if reason == Qt.FocusReason.TabFocusReason:
            self._focus = self._order[0]
        elif reason == Qt.FocusReason.BacktabFocusReason:
            self._focus = self._order[-1]
        elif self._focus is None:
            self._focus = self._order[0]
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                      Qt.FocusReason.ShortcutFocusReason):
            self._focus_visible = True
        self._announce_focus()
        self._update_spots(self._focus)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._update_spots(self._focus)
        super().focusOutEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab/Shift+Tab walk the spots first, then leave the widget at either end."""
        if self.hasFocus() and self._focus in self._order:
            index = self._order.index(self._focus) + (1 if next else -1)
            if 0 <= index < len(self._order):
                self._focus_visible = True
                self._set_focus_spot(self._order[index])
                return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        focus = self._focus or self._order[0]
        if event.modifiers() & _SHORTCUT_MODIFIERS:  # leave Ctrl/Alt/Meta combinations to shortcuts
            super().keyPressEvent(event)
            return
        if key in _ARROWS:
            target = self._neighbour(focus, *_ARROWS[key])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            target = self._order[0 if key == Qt.Key.Key_Home else -1]
        elif key in _ACTIVATE:
            target = focus
            self.spot_clicked.emit(focus[1], focus[2])
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            target = focus
            self.pain_entered.emit(focus[1], focus[2], self._digit_pain(focus, key - Qt.Key.Key_0))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            target = focus
            current = round(self._marks.get((focus[1], focus[2]), 0.0))
            step = -1 if key == Qt.Key.Key_Minus else 1
            self.pain_entered.emit(focus[1], focus[2], min(10, max(0, current + step)))
        else:
            super().keyPressEvent(event)
            return
        self._focus_visible = True
        self._set_focus_spot(target or focus)

    def _digit_pain(self, key: SpotKey, digit: int) -> int:
        """The digit itself, or 10 when "0" follows "1" on the same spot within TEN_WINDOW_S."""
        now = time.monotonic()
        last = self._last_digit
        if digit == 0 and last is not None and last[:2] == (key, 1) and now - last[2] <= TEN_WINDOW_S:
            self._last_digit = None
            return 10
        self._last_digit = (key, digit, now)
        return digit

    def _neighbour(self, key: SpotKey, dx: int, dy: int) -> SpotKey | None:
        """Nearest spot in an arrow's direction (within a 60 degree cone), by label anchor."""
        geometry = self._painter.geometry
        origin = geometry.spot(key).anchor
        best: tuple[float, SpotKey] | None = None
        for spot in geometry.spots:
            vx, vy = spot.anchor.x() - origin.x(), spot.anchor.y() - origin.y()
            along, across = vx * dx + vy * dy, abs(vx * dy - vy * dx)
            if spot.key == key or along <= 1.0 or across > along * 1.8:
                continue
            score = along + 2.0 * across
            if best is None or score < best[0]:
                best = (score, spot.key)
        return best[1] if best else None

    def _set_focus_spot(self, key: SpotKey) -> None:
        old, self._focus = self._focus, key
        if old != key:
            self._announce_focus()
        self._update_spots(old, key)

    def _update_spots(self, *keys: SpotKey | None) -> None:
        """Schedule a repaint of just these spots (and their twins in the other view) and the caption.

        Hover and focus changes touch a few spots; repainting only them keeps mouse moves cheap.
        """
        layout = self._painter.layout(self.diagram_rect())
        region = QRegion(0, self.height() - self._caption_height() - 6, self.width(), self._caption_height() + 6)
        for key in keys:
            if key is None:
                continue
            for spot in self._painter.geometry.spots:
                if spot.mark_key == (key[1], key[2]):
                    box = layout.spot_paths[spot.key].boundingRect().adjusted(-6, -6, 6, 6)
                    region = region.united(box.toAlignedRect())
        self.update(region)

    def _announce_focus(self, focus_event: bool = True) -> None:
        """Name the focused spot for screen readers, e.g. 'Left calf, back view, pain 3 of 10'."""
        if self._focus is None:
            return
        pain = self._marks.get((self._focus[1], self._focus[2]))
        state = "not marked" if pain is None else f"pain {format_pain(pain)} of 10"
        self.setAccessibleName(f"{spot_name(self._focus)}, {state}")
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))
        if focus_event and self.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Focus))
