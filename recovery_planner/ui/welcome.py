"""First run: a short welcome page inside the main window (runner or coach, name, units, body mass, age, sex)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import units
from ..domain.limits import AGE_YEARS, BODY_MASS_KG, NAME_MAX_CHARS
from ..services.settings import SEX_SETTING, WELCOMED_SETTING
from .number_field import NumberField

SEX_CHOICES = ((None, "Rather not say"), ("female", "Female"), ("male", "Male"))


class WelcomePage(QWidget):
    """Emits ``finished(settings, profile)``: settings to store, and the runner's own profile fields."""

    finished = Signal(dict, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(
            "<h2>Welcome to Recovery Planner</h2>A few details make the plan fit you: body mass sets the "
            "fluid and food amounts, and age and sex decide some of the safety questions. You can change "
            "all of this later in Preferences."
        )
        heading.setWordWrap(True)
        self.runner = QRadioButton("I am a runner, planning for myself")
        self.coach = QRadioButton("I am a coach, planning for several athletes")
        self.runner.setChecked(True)
        self.role = QButtonGroup(self)
        self.role.addButton(self.runner)
        self.role.addButton(self.coach)
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX_CHARS)
        self.name.setPlaceholderText("Your name")
        self.name.setAccessibleName("Your name")
        self.units = QComboBox()
        self.units.addItem("Metric (km, kg, °C)", units.METRIC)
        self.units.addItem("Imperial (miles, pounds, °F)", units.IMPERIAL)
        self.mass = NumberField(
            "Body mass", *BODY_MASS_KG, decimals=1, optional=True, quantity="mass", empty_text="optional"
        )
        self.age = NumberField("Age", *AGE_YEARS, unit="years", decimals=0, optional=True, empty_text="optional")
        self.sex = QComboBox()
        for value, text in SEX_CHOICES:
            self.sex.addItem(text, value)
        self.units.currentIndexChanged.connect(lambda _i: self.mass.set_system(self.units.currentData()))
        self.coach.toggled.connect(self._on_role)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #d93025; font-weight: 600;")
        self.start = QPushButton("Start")
        self.start.setDefault(True)
        self.start.clicked.connect(self._finish)

        form = QFormLayout()
        form.addRow("", self.runner)
        form.addRow("", self.coach)
        self.name_label = QLabel("Name")
        form.addRow(self.name_label, self.name)
        form.addRow("Units", self.units)
        self.mass_label = QLabel("Body mass")
        form.addRow(self.mass_label, self.mass)
        self.age_label = QLabel("Age")
        form.addRow(self.age_label, self.age)
        self.sex_label = QLabel("Sex")
        form.addRow(self.sex_label, self.sex)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.start)
        box = QWidget()
        box.setMaximumWidth(640)
        inner = QVBoxLayout(box)
        inner.addWidget(heading)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(box, 1, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

    def _on_role(self, coach: bool) -> None:
        """A coach adds athletes later; the runner's own details are only asked of a runner."""
        for widget in (self.mass, self.mass_label, self.age, self.age_label, self.sex, self.sex_label):
            widget.setVisible(not coach)
        self.name.setPlaceholderText("Your name (shown on exports)" if coach else "Your name")

    def problems(self) -> list[str]:
        out = [] if self.name.text().strip() else ["Enter your name."]
        if self.runner.isChecked():
            out += [f"{f.label}: {f.problem()}." for f in (self.mass, self.age) if f.problem()]
        return out

    def _finish(self) -> None:
        problems = self.problems()
        if problems:
            self.problem.setText(" ".join(problems))
            return
        coach = self.coach.isChecked()
        settings: dict[str, Any] = {"units": self.units.currentData(), "coach_mode": coach, WELCOMED_SETTING: True}
        profile: dict[str, Any] = {"name": self.name.text().strip()}
        if not coach:
            settings[SEX_SETTING] = self.sex.currentData()
            mass, age = self.mass.si_value(), self.age.value()
            profile["body_mass_kg"] = round(mass, 2) if mass is not None else None
            profile["age"] = int(age) if age is not None else None
        self.finished.emit(settings, profile)
