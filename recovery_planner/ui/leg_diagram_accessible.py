"""Screen-reader view of the leg diagram: one accessible child per drawn region (name, side, view, pain).

``install()`` registers a factory with ``QAccessible``; the diagram widget calls it once. Each child
reports its name ("Left calf, back view"), its state in words as description and value ("pain 3 of
10", "selected, not rated yet", "not marked"), its rectangle on screen and whether it has the focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleInterface, QWindow
from PySide6.QtWidgets import QAccessibleWidget

if TYPE_CHECKING:
    from .leg_diagram import LegDiagramWidget
    from .leg_diagram_geometry import SpotKey

_installed = False


class SpotAccessible(QAccessibleInterface):
    """One region as drawn in one view."""

    def __init__(self, owner: DiagramAccessible, key: SpotKey) -> None:
        super().__init__()
        self._owner = owner
        self.key = key

    def _widget(self) -> LegDiagramWidget:
        return self._owner.diagram

    def isValid(self) -> bool:
        return self._owner.isValid()

    def object(self) -> QObject | None:  # type: ignore[override]  # Qt allows nullptr; the stubs say otherwise
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]  # Qt allows nullptr; the stubs say otherwise
        return self._widget().window().windowHandle()

    def rect(self) -> QRect:
        widget = self._widget()
        box = widget.spot_path(self.key).boundingRect().toAlignedRect()
        return QRect(widget.mapToGlobal(box.topLeft()), box.size())

    def text(self, kind: QAccessible.Text) -> str:
        from .leg_diagram import spot_name

        if kind == QAccessible.Text.Name:
            return spot_name(self.key)
        if kind in (QAccessible.Text.Description, QAccessible.Text.Value):
            return self._widget().spot_state(self.key, spoken=True)
        if kind == QAccessible.Text.Help:
            return "Press Space or Enter to select, a digit to rate the pain."
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        """Read-only."""

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Button

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.focusable = True
        widget = self._widget()
        state.focused = widget.hasFocus() and widget.focused_spot() == self.key
        state.checkable = True
        state.checked = widget.spot_state(self.key) != "not marked"
        return state

    def parent(self) -> QAccessibleInterface:
        return self._owner

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt allows nullptr; the stubs say otherwise
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt allows nullptr; the stubs say otherwise
        return None


class DiagramAccessible(QAccessibleWidget):
    """The diagram widget, with its regions as children in keyboard (reading) order."""

    def __init__(self, diagram: LegDiagramWidget) -> None:
        super().__init__(diagram, QAccessible.Role.Client)
        self.diagram = diagram
        self._children = [SpotAccessible(self, key) for key in diagram.spots()]
        setattr(diagram, "_accessible_keepalive", self)  # noqa: B010 (the Python object must live as long as the widget)

    def childCount(self) -> int:
        return len(self._children)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt allows nullptr; the stubs say otherwise
        return self._children[index] if 0 <= index < len(self._children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return next((i for i, c in enumerate(self._children) if c is child), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt allows nullptr; the stubs say otherwise
        key = self.diagram.spot_at(self.diagram.mapFromGlobal(QPoint(x, y)).toPointF())
        return next((c for c in self._children if c.key == key), None) if key else None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt allows nullptr; the stubs say otherwise
        focus = self.diagram.focused_spot()
        if not self.diagram.hasFocus() or focus is None:
            return None
        return next((c for c in self._children if c.key == focus), None)


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    from .leg_diagram import LegDiagramWidget

    if isinstance(obj, LegDiagramWidget):
        existing = getattr(obj, "_accessible_keepalive", None)
        return existing if existing is not None else DiagramAccessible(obj)
    return None


def install() -> None:
    """Register the factory once per process."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
