"""The check-in page: leg diagram, the marked areas, how you feel and recent training."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain import units
from ..domain.regions import region_label
from .area_editor import AreaEditor, pain_words
from .leg_diagram import LegDiagramWidget
from .number_field import NumberField

HOT_WEATHER_C = 25.0


class CheckInForm(QWidget):
    """Collects a check-in; emits ``continue_requested`` when the areas are rated and the form is complete.

    Numbers are typed into ``NumberField``s: nothing is clamped, and a wrong value blocks the plan with a
    message naming the field until it is fixed. Distances are stored in km whatever the units shown.
    """

    continue_requested = Signal()
    start_from_last_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.areas: list[dict[str, Any]] = []
        self._current: int | None = None
        self.system = units.METRIC
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #d93025; font-weight: 600;")
        self.problem.setWordWrap(True)

        self.diagram = LegDiagramWidget()
        self.diagram.setMinimumSize(300, 280)
        self.diagram.spot_clicked.connect(self._on_spot_clicked)
        self.diagram.pain_entered.connect(self._on_pain_entered)
        intro = QLabel(
            "Click each sore area on the legs, then describe it on the right. "
            "Keyboard: Tab or arrows to move, a digit to rate, Enter to select."
        )
        intro.setWordWrap(True)

        self.area_list = QListWidget()
        self.area_list.setMaximumHeight(110)
        self.area_list.setAccessibleName("Marked areas")
        self.area_list.currentRowChanged.connect(self._select_row)
        self.editor = AreaEditor()
        self.editor.area_changed.connect(self._on_area_changed)
        self.editor.remove_requested.connect(self._remove_current)
        self.editor.set_area(None)

        self.sleep = NumberField("Sleep last night", 0, 24, unit="h", decimals=1, optional=True, empty_text="e.g. 7.5")
        self.fatigue = NumberField("Tiredness", 0, 10, unit="/ 10", decimals=0, optional=True, empty_text="0-10")
        self.rhr = QCheckBox("Resting heart rate 5+ beats above my normal this morning")
        self.hot = QCheckBox()
        wellbeing = QGroupBox("How you feel")
        wform = QFormLayout(wellbeing)
        wform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        wform.addRow("Sleep last night", self.sleep)
        wform.addRow("Tiredness", self.fatigue)
        self.rhr_label = QLabel(self.rhr.text())
        self.rhr.setText("")
        wform.addRow(self._check_row(self.rhr, self.rhr_label))
        self.hot_label = QLabel()
        wform.addRow(self._check_row(self.hot, self.hot_label))

        self.acute = NumberField(
            "Distance, last 7 days", 0, 2000, decimals=1, quantity="distance", optional=True, empty_text="not sure"
        )
        self.chronic = NumberField(
            "Usual week (last 4 weeks)", 0, 2000, decimals=1, quantity="distance", optional=True, empty_text="not sure"
        )
        self.last_min = NumberField(
            "Last run lasted", 1, 1440, unit="min", decimals=0, optional=True, empty_text="no run"
        )
        self.fluid = NumberField("Drank during it", 0, 20, unit="L", decimals=2, optional=True, empty_text="0")
        self.next_min = NumberField(
            "Next run, planned length", 1, 1440, unit="min", decimals=0, optional=True, empty_text="not planned"
        )
        training = QGroupBox("Recent training")
        tform = QFormLayout(training)
        tform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        tform.addRow("Distance, last 7 days", self.acute)
        tform.addRow("Usual week (last 4 weeks)", self.chronic)
        tform.addRow("Last run lasted", self.last_min)
        tform.addRow("Drank during it", self.fluid)
        tform.addRow("Next run, planned length", self.next_min)
        for field in self.number_fields():
            field.value_changed.connect(self._clear_problem)
        self.set_units(False)

        self.next_button = QPushButton("Next: safety questions")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._try_continue)
        self.last_button = QPushButton("Start from my last check-in")
        self.last_button.setToolTip("Copy the areas of your last check-in, to edit them for today")
        self.last_button.clicked.connect(self.start_from_last_requested)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(QLabel("<b>Marked areas</b>"))
        rl.addWidget(self.area_list)
        rl.addWidget(self.editor)
        rl.addWidget(wellbeing)
        rl.addWidget(training)
        rl.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(right)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setMinimumWidth(400)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        left = QVBoxLayout()
        left.addWidget(intro)
        left.addWidget(self.diagram, 1)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addWidget(self.scroll_area, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.last_button, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)

    @staticmethod
    def _check_row(box: QCheckBox, label: QLabel) -> QWidget:
        """A check box with a wrapping label (a long check-box text would widen the panel)."""
        label.setWordWrap(True)
        label.setBuddy(box)
        box.setAccessibleName(label.text())
        label.mousePressEvent = lambda _e: box.toggle()  # type: ignore[method-assign]
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(label, 1)
        return row

    def number_fields(self) -> list[NumberField]:
        return [self.sleep, self.fatigue, self.acute, self.chronic, self.last_min, self.fluid, self.next_min]

    # -- units ------------------------------------------------------------------------------------
    def set_units(self, imperial: bool | str) -> None:
        """Show distances (and the hot-weather line) in km/°C or mi/°F; the typed values are converted."""
        system = imperial if isinstance(imperial, str) else (units.IMPERIAL if imperial else units.METRIC)
        self.system = units.system_of(system)
        for field in (self.acute, self.chronic):
            field.set_system(self.system)
        hot = units.format_value("temperature", self.system, HOT_WEATHER_C)
        self.hot_label.setText(f"Hot weather ({hot} or more)")
        self.hot.setAccessibleName(self.hot_label.text())

    @property
    def imperial(self) -> bool:
        return self.system == units.IMPERIAL

    # -- areas ------------------------------------------------------------------------------------
    def _find(self, region: str, side: str) -> int | None:
        for i, area in enumerate(self.areas):
            if area["region"] == region and area["side"] in (side, "both"):
                return i
        return None

    def _on_spot_clicked(self, region: str, side: str) -> None:
        index = self._find(region, side)
        if index is None:
            self.areas.append({"region": region, "side": side, "pain": None, "kind": None})
            index = len(self.areas) - 1
            self._refresh()
        self.area_list.setCurrentRow(index)

    def _on_pain_entered(self, region: str, side: str, pain: int) -> None:
        index = self._find(region, side)
        if index is None:
            self.areas.append({"region": region, "side": side, "pain": pain, "kind": None})
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
        marks: dict[tuple[str, str], float | None] = {}
        for area in self.areas:
            sides = ("left", "right") if area["side"] == "both" else (area["side"],)
            for side in sides:
                pain = area.get("pain")
                marks[(area["region"], side)] = None if pain is None else float(pain)
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

    def _clear_problem(self) -> None:
        self.problem.clear()

    # -- the check-in -----------------------------------------------------------------------------
    def unrated(self) -> list[str]:
        return [region_label(a["region"], a["side"]) for a in self.areas if a.get("pain") is None]

    def undescribed(self) -> list[str]:
        return [region_label(a["region"], a["side"]) for a in self.areas if not a.get("kind")]

    def problems(self) -> list[str]:
        """Everything that blocks the plan, in words naming the field."""
        out = []
        if self.unrated():
            out.append("Rate the pain for: " + ", ".join(self.unrated()))
        if self.undescribed():
            out.append("Say what it feels like (Feels) for: " + ", ".join(self.undescribed()))
        problem = self.editor.problem()
        if problem:
            out.append(problem)
        out += [f"{field.label}: {field.problem()}" for field in self.number_fields() if field.problem()]
        return out

    def _try_continue(self) -> None:
        problems = self.problems()
        if problems:
            self.problem.setText("\n".join(problems))
            return
        self.continue_requested.emit()

    def check_in_dict(self, day: date, athlete: dict[str, Any], symptoms: dict[str, Any]) -> dict[str, Any]:
        """The exchange-format check-in this form describes (distances in km, whatever is shown)."""
        load: dict[str, Any] = {}
        for key, value in self.training_numbers().items():
            if value is not None:
                load[key] = round(value, 2)
        if self.last_min.value():
            load["last_session"] = {
                "duration_min": self.last_min.value(),
                "fluid_consumed_l": round(self.fluid.value() or 0.0, 2),
            }
        if self.next_min.value():
            load["planned_session_min"] = self.next_min.value()
        wellbeing: dict[str, Any] = {
            "resting_hr_elevated": self.rhr.isChecked(),
            "hot_weather": self.hot.isChecked(),
        }
        if self.sleep.value() is not None:
            wellbeing["sleep_hours"] = self.sleep.value()
        if self.fatigue.value() is not None:
            wellbeing["fatigue"] = self.fatigue.value()
        return {
            "date": day.isoformat(),
            "athlete": athlete,
            "wellbeing": wellbeing,
            "areas": [dict(a) for a in self.areas],
            "symptoms": symptoms,
            "load": load,
        }

    def training_numbers(self) -> dict[str, float | None]:
        """The recent-training values as stored (km, minutes, litres), to remember for the next check-in."""
        return {
            "acute_km_7d": self.acute.si_value(),
            "chronic_km_per_week_28d": self.chronic.si_value(),
        }

    def set_training_numbers(self, numbers: dict[str, Any], only_empty: bool = False) -> None:
        """Fill the training distances from stored values in km (the last check-in, imported activities);
        a value not given leaves its box as it is, and so does a filled box when ``only_empty``."""
        for box, key in ((self.acute, "acute_km_7d"), (self.chronic, "chronic_km_per_week_28d")):
            if only_empty and box.edit.text().strip():
                continue
            if numbers.get(key) is not None:
                box.set_si_value(float(numbers[key]))

    def load_areas(self, areas: list[dict[str, Any]]) -> None:
        """Start from these areas (e.g. the last check-in's), for editing."""
        self.areas = [dict(a) for a in areas]
        self._current = None
        self._refresh()
        if self.areas:
            self.area_list.setCurrentRow(0)

    def is_dirty(self) -> bool:
        """True when something has been entered that a reset would lose."""
        return bool(self.areas)

    def reset(self) -> None:
        self.areas = []
        self._current = None
        self._refresh()
        self.editor.set_area(None)
        self.diagram.setFocus(Qt.FocusReason.OtherFocusReason)
