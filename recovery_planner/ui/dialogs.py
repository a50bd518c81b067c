"""Small dialogs: an athlete's profile, and Preferences."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.limits import AGE_YEARS, BODY_MASS_KG, NAME_MAX_CHARS

EXPERIENCE_CHOICES = (
    ("beginner", "Beginner (running under a year)"),
    ("intermediate", "Intermediate"),
    ("advanced", "Advanced"),
)


def _combo(choices: tuple[tuple[Any, str], ...], value: Any) -> QComboBox:
    box = QComboBox()
    for data, text in choices:
        box.addItem(text, data)
    box.setCurrentIndex(max(box.findData(value), 0))
    return box


class ProfileForm(QWidget):
    """Name, experience, body mass, age and notes of one athlete."""

    def __init__(self, profile: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(profile.get("name", ""))
        self.name.setMaxLength(NAME_MAX_CHARS)
        self.experience = _combo(EXPERIENCE_CHOICES, profile.get("experience", "beginner"))
        self.mass = QDoubleSpinBox()
        self.mass.setRange(0, BODY_MASS_KG[1])
        self.mass.setDecimals(1)
        self.mass.setSuffix(" kg")
        self.mass.setSpecialValueText("not given")
        self.mass.setValue(profile.get("body_mass_kg") or 0)
        self.age = QSpinBox()
        self.age.setRange(0, AGE_YEARS[1])
        self.age.setSpecialValueText("not given")
        self.age.setValue(profile.get("age") or 0)
        self.notes = QLineEdit(profile.get("notes", ""))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Name", self.name)
        form.addRow("Experience", self.experience)
        form.addRow("Body mass", self.mass)
        form.addRow("Age", self.age)
        form.addRow("Notes", self.notes)

    def problem(self) -> str | None:
        if not self.name.text().strip():
            return "Enter a name."
        if 0 < self.mass.value() < BODY_MASS_KG[0]:
            return f"Body mass must be at least {BODY_MASS_KG[0]:g} kg (or leave it empty)."
        if 0 < self.age.value() < AGE_YEARS[0]:
            return f"Age must be at least {AGE_YEARS[0]} (or leave it empty)."
        return None

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "experience": self.experience.currentData(),
            "body_mass_kg": self.mass.value() or None,
            "age": self.age.value() or None,
            "notes": self.notes.text().strip(),
        }


class _ValidatingDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)

    def problem(self) -> str | None:
        return None

    def _check(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
        else:
            self.accept()


class AthleteDialog(_ValidatingDialog):
    """Add or edit an athlete (coach mode)."""

    def __init__(self, profile: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Edit athlete" if profile else "Add athlete", parent)
        self.form = ProfileForm(profile or {})
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def problem(self) -> str | None:
        return self.form.problem()


class PreferencesDialog(_ValidatingDialog):
    """Units, theme, plan length, coach mode and (for a runner) their own profile."""

    def __init__(self, settings: dict[str, Any], profile: dict[str, Any] | None, parent: QWidget | None = None) -> None:
        super().__init__("Preferences", parent)
        self.units = _combo(
            (("metric", "Metric (km, kg)"), ("imperial", "Imperial (miles)")), settings.get("units", "metric")
        )
        self.theme = _combo(
            (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")), settings.get("theme", "system")
        )
        self.days = QSpinBox()
        self.days.setRange(3, 14)
        self.days.setSuffix(" days")
        self.days.setValue(int(settings.get("plan_days", 7)))
        self.coach = QCheckBox("I am a coach and keep several athletes")
        self.coach.setChecked(bool(settings.get("coach_mode")))
        form = QFormLayout()
        form.addRow("Units", self.units)
        form.addRow("Appearance", self.theme)
        form.addRow("Plan length", self.days)
        form.addRow("", self.coach)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.profile = None
        if profile is not None:
            layout.addWidget(QLabel("<b>Your profile</b>"))
            self.profile = ProfileForm(profile)
            layout.addWidget(self.profile)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def problem(self) -> str | None:
        return self.profile.problem() if self.profile is not None else None

    def values(self) -> dict[str, Any]:
        return {
            "units": self.units.currentData(),
            "theme": self.theme.currentData(),
            "plan_days": self.days.value(),
            "coach_mode": self.coach.isChecked(),
        }
