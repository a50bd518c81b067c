"""The exercise card in the plan's side pane: a line drawing, the dose, how-to steps and why it is there."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from .exercise_art import exercise_id_for_item, how_to_steps, illustration_path

INK = "#222222"  # the drawings' line colour, swapped for the palette's text colour when shown
ACCENT = "#1f63d8"


class ExerciseDrawing(QWidget):
    """Draws one exercise SVG in the palette's colours (so it reads on a dark background too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._svg: str = ""
        self._renderer: QSvgRenderer | None = None
        self._key: tuple[str, str, str] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(120)

    def set_svg(self, text: str, description: str) -> None:
        self._svg = text
        self._key = None
        self.setAccessibleName("Drawing")
        self.setAccessibleDescription(description)
        self.setVisible(bool(text))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(280, 170)

    def renderer(self) -> QSvgRenderer | None:
        """The renderer for the current palette (rebuilt when the palette changes)."""
        if not self._svg:
            return None
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.Text).name()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        accent = "#6cb0ff" if dark else ACCENT
        key = (self._svg, ink, accent)
        if self._renderer is None or self._key != key:
            coloured = self._svg.replace(INK, ink).replace(ACCENT, accent)
            self._renderer = QSvgRenderer(QByteArray(coloured.encode("utf-8")))
            self._key = key
        return self._renderer

    def paintEvent(self, event: QPaintEvent) -> None:
        renderer = self.renderer()
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if renderer is not None and renderer.isValid():
            size = renderer.defaultSize().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            renderer.render(painter, QRectF(x, y, size.width(), size.height()))
        painter.end()


class ExerciseCard(QWidget):
    """Shows a plan item: a drawing when it is an exercise, then dose, numbered steps, why and sources."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise_id: str | None = None
        self.drawing = ExerciseDrawing()
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName("Why and how")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drawing)
        layout.addWidget(self.text, 1)
        self.show_message("Select an activity to see how to do it and why it is in your plan.")

    def show_message(self, text: str) -> None:
        self.exercise_id = None
        self.drawing.set_svg("", "")
        self.text.setHtml(f"<p>{html.escape(text)}</p>")

    def show_html(self, text: str) -> None:
        """Text only (e.g. why a day has its running level), no drawing."""
        self.exercise_id = None
        self.drawing.set_svg("", "")
        self.text.setHtml(text)

    def show_item(self, item: dict[str, Any], references: list[str] | None = None) -> None:
        """Fill the card from a plan item (plan format v1); ``references`` replace the bare source ids."""
        self.exercise_id = exercise_id_for_item(item)
        if self.exercise_id is not None:
            svg = illustration_path(self.exercise_id).read_text(encoding="utf-8")
            self.drawing.set_svg(svg, f"Line drawing: {item['title']}")
        else:
            self.drawing.set_svg("", "")
        self.text.setHtml(card_html(item, references))


def card_html(item: dict[str, Any], references: list[str] | None = None) -> str:
    """The card's text as HTML: title, dose, numbered steps, why, sources."""
    dose = item.get("dose", {}).get("summary", "")
    parts = [f"<h3>{html.escape(item['title'])}</h3>"]
    if dose:
        parts.append(f"<p><b>How much:</b> {html.escape(dose)}</p>")
    steps = how_to_steps(item["how_to"]) if item.get("how_to") else []
    if steps:
        parts.append("<p><b>How:</b></p><ol>" + "".join(f"<li>{html.escape(s)}</li>" for s in steps) + "</ol>")
    if item.get("why"):
        parts.append(f"<p><b>Why:</b> {html.escape(item['why'])}</p>")
    refs = references if references is not None else list(item.get("sources", []))
    if refs:
        parts.append(f"<p><small>Based on: {html.escape('; '.join(refs))}</small></p>")
    return "".join(parts)
