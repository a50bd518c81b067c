"""The interactive leg diagram: hover, click and keyboard entry over ``LegDiagramPainter``."""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QRegion,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from recovery_planner.domain.regions import LEG_SIDES, REGIONS, SIDES, region_label
from recovery_planner.ui.leg_diagram_geometry import SpotKey
from recovery_planner.ui.leg_diagram_painter import (
    LegDiagramPainter,
    MarkKey,
    format_pain,
    is_dark_palette,
    pain_color,
    unrated_color,
)

# --------------------------------------------------------------------------- interactive widget

KEYBOARD_HELP = (
    "Tab, Shift+Tab or the arrow keys move between leg areas. Space or Enter selects the area. "
    "Digits 0 to 9 rate its pain; type 1 then 0 quickly for 10, or use + and - to step the rating."
)
TEN_WINDOW_S = 1.0
"""Seconds within which "1" then "0" on the same spot means 10."""

_ARROWS: dict[int, tuple[int, int]] = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
_ACTIVATE = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select)
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


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
        self._unrated: set[MarkKey] = set()
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
        from recovery_planner.ui import leg_diagram_accessible

        leg_diagram_accessible.install()

    # ----------------------------------------------------------------------- public API
    def set_marks(self, marks: Mapping[MarkKey, float | None]) -> None:
        """Show these pain ratings, keyed by (region, side); side "both" marks both legs.

        None marks an area that is selected but not rated yet: it is outlined with a "?" and never
        drawn or announced as pain 0.
        """
        shown: dict[MarkKey, float] = {}
        unrated: set[MarkKey] = set()
        for (region, side), pain in marks.items():
            if region not in REGIONS or side not in SIDES:
                raise ValueError(f"unknown leg area {(region, side)!r}")
            for leg in LEG_SIDES if side == "both" else (side,):
                if pain is None:
                    unrated.add((region, leg))
                else:
                    shown[(region, leg)] = max(float(pain), shown.get((region, leg), float("-inf")))
        self._marks = shown
        self._unrated = unrated - set(shown)
        self._announce_focus(focus_event=False)
        self.update()

    def marks(self) -> dict[MarkKey, float]:
        """The ratings shown, per leg."""
        return dict(self._marks)

    def unrated(self) -> set[MarkKey]:
        """Areas selected but not rated yet, per leg."""
        return set(self._unrated)

    def spot_state(self, key: SpotKey, spoken: bool = False) -> str:
        """'pain 3/10' ('pain 3 of 10' when ``spoken``), 'selected, not rated yet' or 'not marked'."""
        mark = (key[1], key[2])
        if mark in self._marks:
            return f"pain {format_pain(self._marks[mark])}{' of ' if spoken else '/'}10"
        return "selected, not rated yet" if mark in self._unrated else "not marked"

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
        dark = is_dark_palette(palette)
        for key in self._unrated:
            fills[key] = unrated_color(dark)
            labels[key] = "?"
        focus = self._focus if self.hasFocus() and self._focus_visible else None
        self._painter.paint(painter, self.diagram_rect(), fills, labels, hover=self._hover, focus=focus, dark=dark)
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
            return ("Click a sore area to mark it, or press Tab and use the keys", QPalette.ColorRole.PlaceholderText)
        state = self.spot_state(key)
        suffix = "" if state == "not marked" else f"  ·  {state}"
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
        state = self.spot_state(key)
        return spot_name(key) + ("" if state == "not marked" else f", {state}")

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
        if reason in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        ):
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
        self.setAccessibleName(f"{spot_name(self._focus)}, {self.spot_state(self._focus, spoken=True)}")
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))
        if focus_event and self.hasFocus():
            event = QAccessibleEvent(self, QAccessible.Event.Focus)
            event.setChild(self._order.index(self._focus))  # the region's own accessible child
            QAccessible.updateAccessibility(event)
