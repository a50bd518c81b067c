"""The coach's weekly squad summary as a PDF (vector, drawn by Qt; works offscreen from the command line).

One row per athlete: who needs attention first, worst area, trend, plan completion over 7 days, last
check-in and open referrals; the not-medical-advice notice and the page number on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ..domain.plan_text import NOTICE
from ..domain.regions import region_label
from ..domain.roster import Completion, RosterEntry

COLUMNS = (
    ("Athlete", 0.2),
    ("Needs", 0.28),
    ("Worst area", 0.18),
    ("Trend", 0.07),
    ("Done, 7 days", 0.14),
    ("Last check-in", 0.13),
)
BAND_COLOURS = {"good": "#1a9850", "fair": "#e69f00", "poor": "#d7301f", "none": "#8c8c8c"}
URGENCY_WORDS = {
    "emergency": "Emergency",
    "urgent": "Doctor today",
    "prompt": "Physio before running",
    "routine": "Book a check-up",
}


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in US units, A4 elsewhere."""
    loc = locale or QLocale()
    us = loc.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4)


def _needs(row: RosterEntry, today: date, overdue_days: int) -> str:
    parts = []
    if row.hold_open:
        parts.append("Open hold")
    if row.referral_urgency in URGENCY_WORDS:
        parts.append(URGENCY_WORDS[row.referral_urgency])
    if row.trend == "worse":
        parts.append("Worse")
    if row.overdue(today, overdue_days):
        n = row.days_since_check_in(today)
        parts.append("Never checked in" if n is None else f"No check-in for {n} d")
    return ", ".join(dict.fromkeys(parts)) or "-"


def render_squad_pdf(
    path: str | Path, rows: Sequence[RosterEntry], today: date, coach_name: str = "", overdue_days: int = 3
) -> Path:
    """Write the squad summary to ``path``; returns the path. Rows are drawn in the order given."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(f"Squad summary {today.isoformat()}")
    writer.setCreator("Recovery Planner")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(page_size_for_locale(), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15))
    )
    painter = QPainter(writer)
    try:
        _draw(painter, writer, rows, today, coach_name, overdue_days)
    finally:
        painter.end()
    return path


def _draw(
    p: QPainter, writer: QPdfWriter, rows: Sequence[RosterEntry], today: date, coach: str, overdue_days: int
) -> None:
    area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
    area.moveTo(0, 0)
    dpi = writer.resolution()
    pt = dpi / 72.0
    body, small, head = QFont("Helvetica", 9), QFont("Helvetica", 7), QFont("Helvetica", 15, QFont.Weight.Bold)
    line_h = 15 * pt
    page = 1

    def footer() -> None:
        p.setFont(small)
        p.setPen(QColor("#444444"))
        rect = QRectF(area.left(), area.bottom() - 24 * pt, area.width(), 24 * pt)
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, NOTICE)
        p.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, f"Page {page}")

    def header_row(y: float) -> float:
        p.setFont(QFont("Helvetica", 9, QFont.Weight.Bold))
        p.setPen(QColor("#000000"))
        x = area.left()
        for title, share in COLUMNS:
            p.drawText(QRectF(x, y, area.width() * share, line_h), Qt.AlignmentFlag.AlignVCenter, title)
            x += area.width() * share
        p.setPen(QPen(QColor("#000000"), 0.8 * pt))
        p.drawLine(QPointF(area.left(), y + line_h), QPointF(area.right(), y + line_h))
        return y + line_h + 3 * pt

    p.setFont(head)
    title = f"Squad summary, week to {today.strftime('%d %B %Y')}"
    p.drawText(QRectF(area.left(), area.top(), area.width(), 24 * pt), Qt.AlignmentFlag.AlignLeft, title)
    y = area.top() + 26 * pt
    if coach:
        p.setFont(body)
        p.drawText(QRectF(area.left(), y, area.width(), line_h), Qt.AlignmentFlag.AlignLeft, f"Coach: {coach}")
        y += line_h
    y = header_row(y + 4 * pt)
    bottom = area.bottom() - 30 * pt
    for row in rows:
        if y + line_h > bottom:
            footer()
            writer.newPage()
            page += 1
            y = header_row(area.top())
        cells = (
            row.name,
            _needs(row, today, overdue_days),
            f"{region_label(row.worst_region, row.worst_side)} {row.worst_pain:g}/10" if row.worst_region else "-",
            {"worse": "Worse", "same": "Same", "better": "Better"}.get(row.trend or "", "-"),
            None,
            row.last_check_in.isoformat() if row.last_check_in else "Never",
        )
        x = area.left()
        p.setFont(body)
        for (_, share), cell in zip(COLUMNS, cells, strict=True):
            width = area.width() * share
            rect = QRectF(x, y, width - 4 * pt, line_h)
            if cell is None:
                _completion_bar(p, rect, row, pt)
            else:
                p.setPen(QColor("#b3261e") if cell is cells[1] and row.needs_referral() else QColor("#000000"))
                p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine, _fit(p, cell, rect))
            x += width
        y += line_h
    footer()


def _completion_bar(p: QPainter, rect: QRectF, row: RosterEntry, pt: float) -> None:
    """A bar filled to the share done, coloured by band, with the numbers beside it (never colour alone)."""
    c = row.completion or Completion(0, 0)
    bar = QRectF(rect.left(), rect.center().y() - 3 * pt, rect.width() * 0.4, 6 * pt)
    p.setPen(QPen(QColor("#777777"), 0.5 * pt))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(bar)
    if c.fraction:
        p.fillRect(
            QRectF(bar.left(), bar.top(), bar.width() * c.fraction, bar.height()), QColor(BAND_COLOURS[c.band()])
        )
    p.setPen(QColor("#000000"))
    label = "-" if c.fraction is None else f"{c.done}/{c.scheduled}"
    text_rect = QRectF(bar.right() + 3 * pt, rect.top(), rect.width() - bar.width() - 3 * pt, rect.height())
    p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)


def _fit(p: QPainter, text: str, rect: QRectF) -> str:
    return p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
