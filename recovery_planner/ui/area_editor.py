"""Editor for one marked area: pain with words at the anchors, side, feel, flags, onset, trend."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..domain.regions import SUBREGIONS, region_label

SIDE_CHOICES = (("left", "Left leg"), ("right", "Right leg"), ("both", "Both legs"))
KIND_CHOICES = (
    ("soreness", "Sore, like after a hard session"),
    ("aching", "Aching, dull"),
    ("sharp", "Sharp or stabbing"),
    ("cramp", "Cramp"),
)
TREND_CHOICES = (
    (None, "First day / not sure"),
    ("better", "Getting better"),
    ("same", "About the same"),
    ("worse", "Getting worse"),
)
MECHANISM_CHOICES = (
    (None, "Not sure"),
    ("gradual", "Gradually"),
    ("sudden_during_sprint", "Suddenly, while running fast (a 'pop')"),
    ("inversion_twist", "I twisted it"),
    ("none", "No particular moment"),
)


def pain_words(pain: int | None) -> str:
    """Plain words for a 0-10 rating."""
    if pain is None:
        return "not rated yet"
    if pain == 0:
        return "none"
    if pain <= 3:
        return "mild"
    if pain <= 6:
        return "moderate"
    if pain <= 9:
        return "severe"
    return "worst imaginable"


def _combo(choices: tuple[tuple[Any, str], ...]) -> QComboBox:
    box = QComboBox()
    for value, text in choices:
        box.addItem(text, value)
    return box


class AreaEditor(QWidget):
    """Edits one area dict (exchange-format fields); emits ``area_changed`` with the new dict."""

    area_changed = Signal(dict)
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._area: dict[str, Any] | None = None
        self._loading = False
        self.title = QLabel()
        self.title.setObjectName("areaTitle")
        self.title.setStyleSheet("font-weight: 600; font-size: 15px;")
        self.pain = QSlider(Qt.Orientation.Horizontal)
        self.pain.setRange(0, 10)
        self.pain.setPageStep(1)
        self.pain.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.pain.setAccessibleName("Pain, 0 to 10")
        self.pain_label = QLabel()
        self.pain_label.setMinimumWidth(150)
        anchors = QLabel("0 none · 1-3 mild · 4-6 moderate · 7-9 severe · 10 worst")
        anchors.setStyleSheet("color: palette(placeholder-text); font-size: 11px;")
        self.side = _combo(SIDE_CHOICES)
        self.kind = _combo(KIND_CHOICES)
        self.subregion = QComboBox()
        self.subregion_label = QLabel("Where exactly")
        self.swelling = QCheckBox("Swollen")
        self.numbness = QCheckBox("Numb or tingling")
        self.gait = QCheckBox("Limping, or it changes how I run")
        self.onset = QDoubleSpinBox()
        self.onset.setRange(0, 365)
        self.onset.setDecimals(1)
        self.onset.setSingleStep(0.5)
        self.onset.setSuffix(" days ago")
        self.trend = _combo(TREND_CHOICES)
        self.mechanism = _combo(MECHANISM_CHOICES)
        remove = QPushButton("Remove this area")
        remove.clicked.connect(self.remove_requested)

        pain_row = QHBoxLayout()
        pain_row.addWidget(self.pain, 1)
        pain_row.addWidget(self.pain_label)
        form = QFormLayout()
        form.addRow("Pain", pain_row)
        form.addRow("", anchors)
        form.addRow("Side", self.side)
        form.addRow("Feels", self.kind)
        form.addRow(self.subregion_label, self.subregion)
        form.addRow("Started", self.onset)
        form.addRow("Since then", self.trend)
        form.addRow("How it began", self.mechanism)
        flags = QVBoxLayout()
        for box in (self.swelling, self.numbness, self.gait):
            flags.addWidget(box)
        form.addRow("Also", flags)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        for signal in (
            self.pain.valueChanged,
            self.side.currentIndexChanged,
            self.kind.currentIndexChanged,
            self.subregion.currentIndexChanged,
            self.onset.valueChanged,
            self.trend.currentIndexChanged,
            self.mechanism.currentIndexChanged,
            self.swelling.toggled,
            self.numbness.toggled,
            self.gait.toggled,
        ):
            signal.connect(self._emit)
        self.setEnabled(False)

    def set_area(self, area: dict[str, Any] | None) -> None:
        """Show ``area`` (or nothing) without emitting a change."""
        self._loading = True
        self._area = dict(area) if area else None
        self.setEnabled(area is not None)
        if area is None:
            self.title.setText("Click a sore area on the diagram")
            self._loading = False
            return
        self.title.setText(region_label(area["region"], area["side"]))
        self.pain.setValue(int(area["pain"]) if area.get("pain") is not None else 0)
        self._set_combo(self.side, area["side"])
        self._set_combo(self.kind, area.get("kind", "soreness"))
        self.subregion.clear()
        self.subregion.addItem("Not sure", None)
        for key, text in SUBREGIONS.get(area["region"], {}).items():
            self.subregion.addItem(text, key)
        has_sub = area["region"] in SUBREGIONS
        self.subregion.setVisible(has_sub)
        self.subregion_label.setVisible(has_sub)
        self._set_combo(self.subregion, area.get("subregion"))
        self.onset.setValue(float(area.get("days_since_onset") or 0))
        self._set_combo(self.trend, area.get("trend"))
        self._set_combo(self.mechanism, area.get("mechanism"))
        self.swelling.setChecked(bool(area.get("swelling")))
        self.numbness.setChecked(bool(area.get("numbness")))
        self.gait.setChecked(bool(area.get("gait_change")))
        self._update_pain_label(area.get("pain"))
        self._loading = False

    @staticmethod
    def _set_combo(box: QComboBox, value: Any) -> None:
        index = box.findData(value)
        box.setCurrentIndex(max(index, 0))

    def _update_pain_label(self, pain: float | None) -> None:
        if pain is None:
            self.pain_label.setText("<b>Not rated</b> - move the slider")
        else:
            self.pain_label.setText(f"<b>{int(pain)}/10</b> {pain_words(int(pain))}")

    def _emit(self) -> None:
        if self._loading or self._area is None:
            return
        area = dict(self._area)
        area.update(
            pain=self.pain.value(),
            side=self.side.currentData(),
            kind=self.kind.currentData(),
            swelling=self.swelling.isChecked(),
            numbness=self.numbness.isChecked(),
            gait_change=self.gait.isChecked(),
            days_since_onset=round(self.onset.value(), 1),
        )
        for key, box in (("subregion", self.subregion), ("trend", self.trend), ("mechanism", self.mechanism)):
            if box.currentData() is None:
                area.pop(key, None)
            else:
                area[key] = box.currentData()
        self._area = area
        self.title.setText(region_label(area["region"], area["side"]))
        self._update_pain_label(area["pain"])
        self.area_changed.emit(area)
