"""The coach's notes on an athlete: pinned notes first, then the newest; add or remove a note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NOTE_ID = Qt.ItemDataRole.UserRole
MAX_CHARS = 5000


def note_line(note: dict[str, Any]) -> str:
    """'Pinned · 2026-03-04, Coach Kim: text' ('Pinned' only for pinned notes; check-in notes say so)."""
    pin = "Pinned · " if note.get("pinned") else ""
    about = " (about a check-in)" if note.get("checkin_id") else ""
    return f"{pin}{str(note.get('created_at', ''))[:10]}, {note.get('author', '')}{about}: {note.get('text', '')}"


class NotesPanel(QWidget):
    """Emits ``add_requested(text, pinned)`` and ``remove_requested(note_id)``; the window stores them."""

    add_requested = Signal(str, bool)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("<b>Coach's notes</b>")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Coach's notes")
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText("Write a note about this athlete…")
        self.editor.setAccessibleName("New note")
        self.editor.setMaximumHeight(70)
        self.pin = QCheckBox("Pin to the athlete")
        self.add_button = QPushButton("Add note")
        self.remove_button = QPushButton("Remove note")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.list.currentItemChanged.connect(
            lambda *_: self.remove_button.setEnabled(self.list.currentItem() is not None)
        )
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pin)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def set_notes(self, notes: Sequence[dict[str, Any]]) -> None:
        """Show the notes in the order given (the application layer puts pinned notes first)."""
        self.list.clear()
        for note in notes:
            item = QListWidgetItem(note_line(note))
            item.setData(NOTE_ID, note["id"])
            self.list.addItem(item)
        if not notes:
            self.list.addItem(QListWidgetItem("No notes yet."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    def note_saved(self) -> None:
        self.editor.clear()
        self.pin.setChecked(False)
        self.message.setText("Note saved.")

    def _add(self) -> None:
        text = self.editor.toPlainText().strip()
        if not text:
            self.message.setText("Write the note first.")
            return
        if len(text) > MAX_CHARS:
            self.message.setText(f"The note is too long: {len(text)} characters, at most {MAX_CHARS}.")
            return
        self.message.clear()
        self.add_requested.emit(text, self.pin.isChecked())

    def _remove(self) -> None:
        item = self.list.currentItem()
        note_id = item.data(NOTE_ID) if item is not None else None
        if note_id:
            self.remove_requested.emit(note_id)
