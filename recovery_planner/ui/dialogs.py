"""Small dialogs: an athlete's profile, and Preferences."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain import units
from ..domain.limits import AGE_YEARS, BODY_MASS_KG, NAME_MAX_CHARS
from .number_field import NumberField

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
    """Name, experience, body mass (shown in kg or lb, stored in kg), age and notes of one athlete."""

    def __init__(
        self,
        profile: dict[str, Any],
        parent: QWidget | None = None,
        system: str = units.METRIC,
        taken_names: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self._taken = {n.casefold() for n in taken_names if n.casefold() != str(profile.get("name", "")).casefold()}
        self.name = QLineEdit(profile.get("name", ""))
        self.name.setMaxLength(NAME_MAX_CHARS)
        self.name.setAccessibleName("Name")
        self.experience = _combo(EXPERIENCE_CHOICES, profile.get("experience", "beginner"))
        self.mass = NumberField(
            "Body mass", *BODY_MASS_KG, decimals=1, optional=True, empty_text="not given", quantity="mass"
        )
        self.mass.set_system(system)
        self.mass.set_si_value(profile.get("body_mass_kg"))
        self.age = NumberField("Age", *AGE_YEARS, unit="years", decimals=0, optional=True, empty_text="not given")
        self.age.setValue(profile.get("age"))
        self.notes = QLineEdit(profile.get("notes", ""))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Name", self.name)
        form.addRow("Experience", self.experience)
        form.addRow("Body mass", self.mass)
        form.addRow("Age", self.age)
        form.addRow("Notes", self.notes)

    def problem(self) -> str | None:
        name = self.name.text().strip()
        if not name:
            return "Enter a name."
        if name.casefold() in self._taken:
            return f"There is already an athlete called {name}: choose another name."
        for field in (self.mass, self.age):
            if field.problem():
                return f"{field.label}: {field.problem()}."
        return None

    def values(self) -> dict[str, Any]:
        """The profile as stored: body mass in kg whatever the units shown."""
        mass = self.mass.si_value()
        age = self.age.value()
        return {
            "name": self.name.text().strip(),
            "experience": self.experience.currentData(),
            "body_mass_kg": round(mass, 2) if mass is not None else None,
            "age": int(age) if age is not None else None,
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

    def _watch(self, form: ProfileForm) -> None:
        """Clear the message as soon as what it complains about is fixed."""
        for signal in (form.name.textChanged, form.mass.value_changed, form.age.value_changed):
            signal.connect(self._recheck)

    def _recheck(self, *_args: object) -> None:
        if self.error.text():
            self.error.setText(self.problem() or "")

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

    def __init__(
        self,
        profile: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        system: str = units.METRIC,
        taken_names: tuple[str, ...] = (),
    ) -> None:
        super().__init__("Edit athlete" if profile else "Add athlete", parent)
        self.form = ProfileForm(profile or {}, system=system, taken_names=taken_names)
        self._watch(self.form)
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
            (("metric", "Metric (km, kg, °C)"), ("imperial", "Imperial (miles, pounds, °F)")),
            settings.get("units", "metric"),
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
            self.profile = ProfileForm(profile, system=str(settings.get("units", "metric")))
            self._watch(self.profile)
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
