"""Safety questions asked before any plan is shown: only those that apply to the marked areas."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.questions import Question


class RedFlagPage(QWidget):
    """Yes/No (or number) answers to the red-flag questions; every yes/no question must be answered."""

    back_requested = Signal()
    answered = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = []
        self._groups: dict[str, QButtonGroup] = {}
        self._numbers: dict[str, QDoubleSpinBox] = {}
        heading = QLabel(
            "<h2>A few safety questions</h2>Some problems cannot be seen on a diagram. "
            "Answer each question so the plan can tell you if you should see someone first."
        )
        heading.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidget(self.grid_host)
        scroll.setWidgetResizable(True)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e; font-weight: 600;")
        back = QPushButton("Back")
        back.clicked.connect(self.back_requested)
        self.show_button = QPushButton("Show my plan")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self._submit)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def set_questions(self, questions: list[Question]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self._questions = questions
        self._groups.clear()
        self._numbers.clear()
        self.problem.clear()
        for row, q in enumerate(questions):
            text = QLabel(q.text + (f"<br><small>{q.hint}</small>" if q.hint else ""))
            text.setWordWrap(True)
            self.grid.addWidget(text, row, 0)
            if q.number is not None:
                box = QDoubleSpinBox()
                box.setRange(q.number[0], q.number[1])
                box.setDecimals(0)
                box.setSuffix(f" {q.number[2]}")
                box.setAccessibleName(q.text)
                self._numbers[q.key] = box
                self.grid.addWidget(box, row, 1, 1, 2)
                continue
            group = QButtonGroup(self)
            for col, (label, value) in enumerate((("Yes", 1), ("No", 0)), start=1):
                button = QRadioButton(label)
                button.setAccessibleName(f"{q.text} {label}")
                group.addButton(button, value)
                self.grid.addWidget(button, row, col)
            self._groups[q.key] = group
        self.grid.setRowStretch(len(questions), 1)

    def answer(self, key: str, value: bool | float) -> None:
        """Set one answer (used by keyboard users' tests and by restoring a draft)."""
        if key in self._numbers:
            self._numbers[key].setValue(float(value))
        else:
            self._groups[key].button(1 if value else 0).setChecked(True)

    def unanswered(self) -> list[str]:
        return [q.text for q in self._questions if q.key in self._groups and self._groups[q.key].checkedId() < 0]

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            key: group.checkedId() == 1 for key, group in self._groups.items() if group.checkedId() >= 0
        }
        out.update({key: box.value() for key, box in self._numbers.items()})
        return out

    def _submit(self) -> None:
        missing = self.unanswered()
        if missing:
            self.problem.setText(f"Please answer all questions ({len(missing)} left).")
            return
        self.answered.emit(self.answers())
