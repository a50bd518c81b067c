"""The check-in page: leg diagram, the marked areas, how you feel and recent training."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.regions import region_label
from .area_editor import AreaEditor, pain_words
from .leg_diagram import LegDiagramWidget

KM_PER_MILE = 1.609344


class CheckInForm(QWidget):
    """Collects a check-in; emits ``continue_requested`` when the areas are rated and the form is complete."""

    continue_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.areas: list[dict[str, Any]] = []
        self._current: int | None = None
        self.imperial = False

        self.diagram = LegDiagramWidget()
        self.diagram.setMinimumSize(420, 380)
        self.diagram.spot_clicked.connect(self._on_spot_clicked)
        self.diagram.pain_entered.connect(self._on_pain_entered)
        intro = QLabel(
            "Click each sore area on the legs, then describe it on the right. "
            "Keyboard: Tab or arrows to move, a digit to rate, Enter to select."
        )
        intro.setWordWrap(True)

        self.area_list = QListWidget()
        self.area_list.setMaximumHeight(120)
        self.area_list.setAccessibleName("Marked areas")
        self.area_list.currentRowChanged.connect(self._select_row)
        self.editor = AreaEditor()
        self.editor.area_changed.connect(self._on_area_changed)
        self.editor.remove_requested.connect(self._remove_current)
        self.editor.set_area(None)

        self.sleep = QDoubleSpinBox()
        self.sleep.setRange(0, 24)
        self.sleep.setSingleStep(0.5)
        self.sleep.setValue(7.5)
        self.sleep.setSuffix(" h")
        self.fatigue = QSpinBox()
        self.fatigue.setRange(0, 10)
        self.fatigue.setValue(3)
        self.fatigue.setSuffix(" / 10")
        self.rhr = QCheckBox("Resting heart rate 5+ beats above my normal this morning")
        self.hot = QCheckBox("Hot weather (25 °C / 77 °F or more)")
        wellbeing = QGroupBox("How you feel")
        wform = QFormLayout(wellbeing)
        wform.addRow("Sleep last night", self.sleep)
        wform.addRow("Tiredness", self.fatigue)
        wform.addRow("", self.rhr)
        wform.addRow("", self.hot)

        self.acute = QDoubleSpinBox()
        self.chronic = QDoubleSpinBox()
        for box in (self.acute, self.chronic):
            box.setRange(0, 1000)
            box.setDecimals(0)
        self.last_min = QSpinBox()
        self.last_min.setRange(0, 1440)
        self.last_min.setSuffix(" min")
        self.last_min.setSpecialValueText("no run")
        self.next_min = QSpinBox()
        self.next_min.setRange(0, 1440)
        self.next_min.setSuffix(" min")
        self.next_min.setSpecialValueText("not planned")
        self.fluid = QDoubleSpinBox()
        self.fluid.setRange(0, 10)
        self.fluid.setSingleStep(0.1)
        self.fluid.setSuffix(" L")
        training = QGroupBox("Recent training")
        tform = QFormLayout(training)
        tform.addRow("Distance, last 7 days", self.acute)
        tform.addRow("Usual week (last 4 weeks)", self.chronic)
        tform.addRow("Last run lasted", self.last_min)
        tform.addRow("Drank during it", self.fluid)
        tform.addRow("Next run planned", self.next_min)
        self.set_units(False)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.problem.setWordWrap(True)
        self.next_button = QPushButton("Next: safety questions")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._try_continue)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(QLabel("<b>Marked areas</b>"))
        rl.addWidget(self.area_list)
        rl.addWidget(self.editor)
        rl.addWidget(wellbeing)
        rl.addWidget(training)
        rl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(460)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        left = QVBoxLayout()
        left.addWidget(intro)
        left.addWidget(self.diagram, 1)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addWidget(scroll, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)

    # -- units ------------------------------------------------------------------------------------
    def set_units(self, imperial: bool) -> None:
        self.imperial = imperial
        unit = " mi" if imperial else " km"
        self.acute.setSuffix(unit)
        self.chronic.setSuffix(unit)

    def _km(self, value: float) -> float:
        return round(value * KM_PER_MILE, 1) if self.imperial else value

    # -- areas ------------------------------------------------------------------------------------
    def _find(self, region: str, side: str) -> int | None:
        for i, area in enumerate(self.areas):
            if area["region"] == region and area["side"] in (side, "both"):
                return i
        return None

    def _on_spot_clicked(self, region: str, side: str) -> None:
        index = self._find(region, side)
        if index is None:
            self.areas.append({"region": region, "side": side, "pain": None, "kind": "soreness"})
            index = len(self.areas) - 1
            self._refresh()
        self.area_list.setCurrentRow(index)

    def _on_pain_entered(self, region: str, side: str, pain: int) -> None:
        index = self._find(region, side)
        if index is None:
            self.areas.append({"region": region, "side": side, "pain": pain, "kind": "soreness"})
            index = len(self.areas) - 1
        else:
            self.areas[index]["pain"] = pain
        self._refresh()
        self.area_list.setCurrentRow(index)
        self.editor.set_area(self.areas[index])

    def _select_row(self, row: int) -> None:
        self._current = row if 0 <= row < len(self.areas) else None
        self.editor.set_area(self.areas[row] if self._current is not None else None)

    def _on_area_changed(self, area: dict[str, Any]) -> None:
        if self._current is None:
            return
        self.areas[self._current] = area
        self._refresh()

    def _remove_current(self) -> None:
        if self._current is not None:
            del self.areas[self._current]
            self._current = None
            self._refresh()
            self.area_list.setCurrentRow(-1)
            self.editor.set_area(None)

    def _refresh(self) -> None:
        marks: dict[tuple[str, str], float] = {}
        for area in self.areas:
            sides = ("left", "right") if area["side"] == "both" else (area["side"],)
            for side in sides:
                marks[(area["region"], side)] = float(area["pain"] or 0)
        self.diagram.set_marks(marks)
        row = self.area_list.currentRow()
        self.area_list.blockSignals(True)
        self.area_list.clear()
        for area in self.areas:
            pain = area.get("pain")
            text = f"{region_label(area['region'], area['side'])}: " + (
                f"{int(pain)}/10 {pain_words(int(pain))}" if pain is not None else "not rated yet"
            )
            QListWidgetItem(text, self.area_list)
        self.area_list.setCurrentRow(row)
        self.area_list.blockSignals(False)
        self.problem.clear()

    # -- the check-in -----------------------------------------------------------------------------
    def unrated(self) -> list[str]:
        return [region_label(a["region"], a["side"]) for a in self.areas if a.get("pain") is None]

    def _try_continue(self) -> None:
        missing = self.unrated()
        if missing:
            self.problem.setText("Rate the pain for: " + ", ".join(missing))
            return
        self.continue_requested.emit()

    def check_in_dict(self, day: date, athlete: dict[str, Any], symptoms: dict[str, Any]) -> dict[str, Any]:
        """The exchange-format check-in this form describes."""
        load: dict[str, Any] = {
            "acute_km_7d": self._km(self.acute.value()),
            "chronic_km_per_week_28d": self._km(self.chronic.value()),
        }
        if self.last_min.value():
            load["last_session"] = {
                "duration_min": self.last_min.value(),
                "fluid_consumed_l": round(self.fluid.value(), 2),
            }
        if self.next_min.value():
            load["planned_session_min"] = self.next_min.value()
        return {
            "date": day.isoformat(),
            "athlete": athlete,
            "wellbeing": {
                "sleep_hours": self.sleep.value(),
                "fatigue": self.fatigue.value(),
                "resting_hr_elevated": self.rhr.isChecked(),
                "hot_weather": self.hot.isChecked(),
            },
            "areas": [dict(a) for a in self.areas],
            "symptoms": symptoms,
            "load": load,
        }

    def set_training_numbers(self, numbers: dict[str, Any]) -> None:
        """Fill the training distances from stored values in km (e.g. from imported activities)."""
        for box, key in ((self.acute, "acute_km_7d"), (self.chronic, "chronic_km_per_week_28d")):
            km = numbers.get(key)
            if km is not None:
                box.setValue(km / KM_PER_MILE if self.imperial else km)

    def reset(self) -> None:
        self.areas = []
        self._current = None
        self._refresh()
        self.editor.set_area(None)
        self.diagram.setFocus(Qt.FocusReason.OtherFocusReason)
