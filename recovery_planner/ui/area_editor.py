"""Editor for one marked area: pain with words at the anchors, side, feel, flags, onset, trend."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.regions import SUBREGIONS, region_label
from .number_field import NumberField

SIDE_CHOICES = (("left", "Left leg"), ("right", "Right leg"), ("both", "Both legs"))
KIND_CHOICES = (
    (None, "Choose..."),
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
    ("gradual", "Crept up over days or weeks"),
    ("sudden_during_sprint", "All at once while running fast (a 'pop')"),
    ("inversion_twist", "I twisted my ankle or foot"),
)
OLD_MECHANISM = ("none", "No particular moment")  # older check-ins only: shown when loaded, never offered


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
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    for value, text in choices:
        box.addItem(text, value)
    return box


class PainScale(QWidget):
    """Eleven buttons 0-10; nothing is chosen until the runner clicks one (no silent 0)."""

    valueChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for n in range(11):
            button = QPushButton(str(n))
            button.setCheckable(True)
            button.setMinimumWidth(24)
            button.setMaximumWidth(34)
            button.setAccessibleName(f"Pain {n} of 10, {pain_words(n)}")
            self.group.addButton(button, n)
            row.addWidget(button)
        self.group.idClicked.connect(self.valueChanged)
        self.setStyleSheet(
            "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " font-weight: 700; border: 1px solid palette(highlight); border-radius: 3px; }"
        )

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def setValue(self, value: int | None) -> None:
        """Show ``value`` (None clears the choice); emits ``valueChanged`` when a rating is set."""
        if value is None:
            self.group.setExclusive(False)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
            return
        self.group.button(int(value)).setChecked(True)
        self.valueChanged.emit(int(value))


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
        self.pain = PainScale()
        self.pain.setAccessibleName("Pain, 0 to 10")
        self.pain_label = QLabel()
        anchors = QLabel("0 none · 1-3 mild · 4-6 moderate · 7-9 severe · 10 worst")
        anchors.setStyleSheet("color: palette(placeholder-text); font-size: 11px;")
        anchors.setWordWrap(True)
        self.side = _combo(SIDE_CHOICES)
        self.kind = _combo(KIND_CHOICES)
        self.kind.setAccessibleName("What it feels like")
        self.subregion = _combo(())
        self.subregion_label = QLabel("Where exactly")
        self.swelling = QCheckBox("Swollen")
        self.numbness = QCheckBox("Numb or tingling")
        self.gait = QCheckBox("Limping, or it changes how I run")
        self.onset = NumberField("Started", 0, 3650, unit="days ago", decimals=0, optional=True, empty_text="not sure")
        self.onset_hint = QLabel("0 = today, 1 = yesterday")
        self.onset_hint.setStyleSheet("color: palette(placeholder-text); font-size: 11px;")
        self.trend = _combo(TREND_CHOICES)
        self.mechanism = _combo(MECHANISM_CHOICES)
        remove = QPushButton("Remove this area")
        remove.clicked.connect(self.remove_requested)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Pain", self.pain)
        form.addRow("", self.pain_label)
        form.addRow("", anchors)
        form.addRow("Side", self.side)
        form.addRow("Feels", self.kind)
        form.addRow(self.subregion_label, self.subregion)
        form.addRow("Started", self.onset)
        form.addRow("", self.onset_hint)
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
            self.onset.value_changed,
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
            self.pain.setValue(None)
            self.pain_label.clear()
            self._loading = False
            return
        self.title.setText(region_label(area["region"], area["side"]))
        self.pain.setValue(int(area["pain"]) if area.get("pain") is not None else None)
        self._set_combo(self.side, area["side"])
        self._set_combo(self.kind, area.get("kind"))
        self.subregion.clear()
        self.subregion.addItem("Not sure", None)
        for key, text in SUBREGIONS.get(area["region"], {}).items():
            self.subregion.addItem(text, key)
        has_sub = area["region"] in SUBREGIONS
        self.subregion.setVisible(has_sub)
        self.subregion_label.setVisible(has_sub)
        self._set_combo(self.subregion, area.get("subregion"))
        onset = area.get("days_since_onset")
        self.onset.setValue(None if onset is None else round(float(onset)))
        self._set_combo(self.trend, area.get("trend"))
        if area.get("mechanism") == OLD_MECHANISM[0] and self.mechanism.findData(OLD_MECHANISM[0]) < 0:
            self.mechanism.addItem(OLD_MECHANISM[1], OLD_MECHANISM[0])
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
            self.pain_label.setText("<b>Not rated yet</b>: click a number")
        else:
            self.pain_label.setText(f"<b>{int(pain)}/10</b> {pain_words(int(pain))}")

    def problem(self) -> str | None:
        """A typed value that cannot be used (the onset), in words."""
        problem = self.onset.problem()
        return f"Started: {problem}" if problem else None

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
        )
        for key, value in (
            ("subregion", self.subregion.currentData()),
            ("trend", self.trend.currentData()),
            ("mechanism", self.mechanism.currentData()),
            ("days_since_onset", self.onset.value()),
        ):
            if value is None:
                area.pop(key, None)
            else:
                area[key] = value
        self._area = area
        self.title.setText(region_label(area["region"], area["side"]))
        self._update_pain_label(area["pain"])
        self.area_changed.emit(area)
