"""The "Record a clearance" dialog: who cleared the athlete, on which day, and a note."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..domain.limits import NAME_MAX_CHARS


class ClearanceDialog(QDialog):
    """Asks for the clearance; ``values()`` gives (by, on, note) once accepted. Checks happen in the service."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record a clearance")
        intro = QLabel(
            "Record it once a physiotherapist or doctor has seen you and cleared you to start running again. "
            "It ends the hold on running; your next check-in then starts the graded return."
        )
        intro.setWordWrap(True)
        self.by_edit = QLineEdit(placeholderText="e.g. Dr Jo Smith, physiotherapist")
        self.by_edit.setMaxLength(NAME_MAX_CHARS)
        self.by_edit.setAccessibleName("Cleared by")
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setAccessibleName("Date of the clearance")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText("What they said (optional), e.g. 'scan clear, build up over two weeks'")
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setFixedHeight(80)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_if_named)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow("Cleared by:", self.by_edit)
        form.addRow("Date:", self.date_edit)
        form.addRow("Note:", self.note_edit)
        form.addRow(self.problem)
        form.addRow(self.buttons)

    def _accept_if_named(self) -> None:
        if not self.by_edit.text().strip():
            self.problem.setText("Please say who cleared you.")
            self.problem.show()
            self.by_edit.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, date, str]:
        d = self.date_edit.date()
        return self.by_edit.text(), date(d.year(), d.month(), d.day()), self.note_edit.toPlainText()
