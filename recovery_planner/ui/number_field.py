"""A number entry that never changes what was typed: out-of-range or unreadable text is marked, not clamped.

Values are held in the stored SI unit; with a ``quantity`` ('distance', 'mass', 'temperature') the field
shows and accepts them in the chosen unit system and converts back on read.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain import units

ERROR_STYLE = "QLineEdit { border: 2px solid #d93025; border-radius: 3px; padding: 1px; }"
MESSAGE_STYLE = "color: #d93025; font-size: 11px;"


def _fmt(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class NumberField(QWidget):
    """A line edit for one number between ``low`` and ``high`` (SI), optional or required.

    ``problem()`` names what is wrong with the text (None when it is fine); the message is also shown
    under the field as soon as the text changes, so the runner sees it where they typed.
    """

    value_changed = Signal()

    def __init__(
        self,
        label: str,
        low: float,
        high: float,
        *,
        unit: str = "",
        decimals: int = 1,
        optional: bool = False,
        empty_text: str = "",
        quantity: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.label = label
        self.low_si, self.high_si = low, high
        self.decimals = decimals
        self.optional = optional
        self.quantity = quantity
        self.system = units.METRIC
        self._unit_text = unit
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.edit.setPlaceholderText(empty_text)
        self.edit.setMaximumWidth(120)
        self.unit_label = QLabel()
        self.message = QLabel()
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.unit_label)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._update_unit()
        self.edit.textChanged.connect(self._on_text)

    # -- units -------------------------------------------------------------------------------------
    def unit_symbol(self) -> str:
        if self.quantity is not None:
            return units.unit(self.quantity, self.system).symbol
        return self._unit_text

    def set_system(self, system: str) -> None:
        """Show the value in another unit system, converting what is there (a bad text is kept as typed)."""
        si = self.si_value() if self.problem() is None else None
        self.system = units.system_of(system)
        self._update_unit()
        if si is not None:
            self.set_si_value(si)
        else:
            self._on_text()

    def _update_unit(self) -> None:
        self.unit_label.setText(self.unit_symbol())
        self.edit.setAccessibleDescription(self._range_text())

    def _shown_range(self) -> tuple[float, float]:
        if self.quantity is None:
            return (self.low_si, self.high_si)
        return units.si_range_in(self.quantity, self.system, self.low_si, self.high_si)

    def _range_text(self) -> str:
        low, high = self._shown_range()
        unit = f" {self.unit_symbol()}" if self.unit_symbol() else ""
        return f"{_fmt(low, self.decimals)}-{_fmt(high, self.decimals)}{unit}"

    # -- values ------------------------------------------------------------------------------------
    def _parsed(self) -> float | None:
        text = self.edit.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            return math.nan
        return value if math.isfinite(value) else math.nan

    def problem(self) -> str | None:
        """What is wrong with the text, in words, or None."""
        value = self._parsed()
        if value is None:
            return None if self.optional else "enter a number"
        if math.isnan(value):
            return f"'{self.edit.text().strip()}' is not a number"
        if self.decimals == 0 and value != int(value):
            return "enter a whole number"
        low, high = self._shown_range()
        tolerance = 0.5 * 10**-self.decimals
        if value < low - tolerance or value > high + tolerance:
            return f"must be {self._range_text()}, you typed {_fmt(value, 3)}"
        return None

    def value(self) -> float | None:
        """The shown number (in the shown unit), None when empty or wrong."""
        value = self._parsed()
        if value is None or math.isnan(value) or self.problem() is not None:
            return None
        return value

    def si_value(self) -> float | None:
        """The value in the stored SI unit, None when empty or wrong."""
        value = self.value()
        if value is None or self.quantity is None:
            return value
        return units.to_si(self.quantity, self.system, value)

    def set_si_value(self, value: float | None) -> None:
        """Show a stored SI value (None empties the field)."""
        if value is None:
            self.edit.setText("")
            return
        shown = value if self.quantity is None else units.from_si(self.quantity, self.system, value)
        self.edit.setText(_fmt(round(shown, self.decimals), self.decimals))

    def setValue(self, value: float | None) -> None:
        """Show ``value``, given in the shown unit."""
        self.edit.setText("" if value is None else _fmt(round(float(value), self.decimals), self.decimals))

    def _on_text(self) -> None:
        problem = self.problem()
        self.edit.setStyleSheet(ERROR_STYLE if problem else "")
        self.message.setText(f"{self.label}: {problem}" if problem else "")
        self.message.setVisible(bool(problem))
        self.value_changed.emit()
