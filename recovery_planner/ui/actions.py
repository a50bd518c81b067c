"""Menu actions made without touching Qt's icon types.

``QAction(text, parent)`` has an overload that takes an icon first, and choosing between the two makes the
Qt bindings create the QIcon type with its enums, which costs start-up time. ``QAction(parent)`` and then
``setText`` does the same without that.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction


def text_action(text: str, parent: QObject) -> QAction:
    """An action showing ``text`` (with its ``&`` mnemonic), owned by ``parent``."""
    action = QAction(parent)
    action.setText(text)
    return action
