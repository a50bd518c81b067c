"""The printed handout: a vector PDF of the plan for the fridge, the clinic or the athlete's bag.

Drawn by Qt (QPdfWriter + QPainter) and usable without a window: ``render_handout_pdf`` creates an
offscreen QGuiApplication when there is none (the command line). Contents, most urgent first: the
athlete and the dates, the referral box, the leg map as marked (drawn by the screen's own painter),
the plan day by day with doses and tick boxes, exercise cards, stop rules and return-to-run checks.
Every page carries the not-medical-advice notice and its page number. Paper is A4 or US Letter from
the locale.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QFileDevice, QIODevice, QLocale, QMarginsF, QRectF, QSaveFile, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ..domain.plan_text import NOTICE, URGENCY_WORDS
from ..domain.regions import REGION_SHORT, region_label
from ..formats.plan_parts import (
    COACH_MARK,
    coach_note,
    exercises,
    item_dose,
    item_regions,
    item_title,
    names_its_regions,
)
from .handout_art import exercise_art
from .handout_layout import INK, MUTED, WRAP, Block, Custom, Group, Spacer, Text, Typesetter, draw_tick_box, paginate
from .leg_diagram_painter import LegDiagramPainter, format_pain, pain_color

RESOLUTION = 600  # dpi of the PDF's coordinate grid; the output is vector, this only sets its precision
MARGIN_MM = 15.0
SCREEN_DPI = 72.0  # the leg painter sizes pens and labels in pixels: one point each on paper, for print
RUNNING = {  # words, ink colour for print
    "none": ("No running", QColor("#b3261e")),
    "easy": ("Easy running only", QColor("#8a5a00")),
    "normal": ("Usual training", QColor("#1a7f37")),
}
REFERRAL_COLOURS = {  # border, fill
    "emergency": (QColor("#b3261e"), QColor("#fdecea")),
    "urgent": (QColor("#c4320a"), QColor("#fdeee6")),
    "prompt": (QColor("#bf8700"), QColor("#fff6d8")),
    "routine": (QColor("#1f63d8"), QColor("#e8f0fe")),
}
# Territories whose paper is US Letter (the rest of the world uses A4).
LETTER_TERRITORIES = frozenset(
    getattr(QLocale.Country, name)
    for name in (
        "UnitedStates",
        "Canada",
        "Mexico",
        "Chile",
        "Colombia",
        "Venezuela",
        "Philippines",
        "PuertoRico",
        "Guatemala",
        "CostaRica",
        "Panama",
        "DominicanRepublic",
        "ElSalvador",
        "Nicaragua",
    )
    if hasattr(QLocale.Country, name)
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


def long_date(d: date) -> str:
    """'Monday 2 March 2026', in English whatever the system's locale (the handout's words are English)."""
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def short_date(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}"


def page_size_for(locale: QLocale | None = None) -> QPageSize.PageSizeId:
    """US Letter where the locale uses it (US measurement system or a Letter territory), else A4."""
    locale = locale or QLocale()
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize.PageSizeId.Letter
    return QPageSize.PageSizeId.Letter if locale.territory() in LETTER_TERRITORIES else QPageSize.PageSizeId.A4


# -- the sections ---------------------------------------------------------------------------------
def _heading(text: str) -> Text:
    return Text(text, size=13, bold=True, space_after=4, keep_with_next=True)


def _plan_dates(plan: Mapping[str, Any]) -> str:
    start = date.fromisoformat(plan["start"])
    days = plan.get("days") or []
    if not days:
        return f"from {long_date(start)}"
    end = date.fromisoformat(days[-1]["date"])
    return f"{long_date(start)} to {long_date(end)}"


def _title_blocks(plan: Mapping[str, Any], athlete_name: str, printed_on: date | None) -> list[Block]:
    made = f"Made from the check-in of {short_date(date.fromisoformat(plan['start']))}"
    if printed_on is not None:
        made += f", printed {short_date(printed_on)}"
    changes = len(plan.get("coach_changes") or ())
    if changes:
        made += f"; {changes} change{'s' if changes > 1 else ''} by your coach, marked “{COACH_MARK}”"
    return [
        Text(f"Recovery plan for {athlete_name}", size=20, bold=True, space_after=2),
        Text(_plan_dates(plan), size=11, space_after=1),
        Text(made, size=9, color=QColor(MUTED), space_after=10),
    ]


def _referral_lines(plan: Mapping[str, Any]) -> list[Text]:
    referral = plan.get("referral") or {}
    urgency = referral.get("urgency", "none")
    lines = [Text(URGENCY_WORDS[urgency], size=13, bold=True, space_after=4)]
    if plan.get("do_now"):  # what to do comes before why
        lines.append(Text("What to do now:", size=10, bold=True, space_after=2))
        lines += [Text(step, size=10, bullet=True, space_after=2) for step in plan["do_now"]]
    if plan.get("plan_suppressed"):
        lines.append(Text("There is no training plan: get help first.", size=10, bold=True, space_after=4))
    if plan.get("no_running_until_cleared"):
        lines.append(Text("No running until a clinician has cleared you.", size=10, bold=True, space_after=4))
    reasons = referral.get("reasons") or ()
    if reasons:
        lines.append(Text("Why:", size=10, bold=True, space_after=2))
        lines += [Text(r, size=10, bullet=True, space_after=2) for r in reasons]
    return lines


def _referral_box(plan: Mapping[str, Any]) -> Block | None:
    urgency = (plan.get("referral") or {}).get("urgency", "none")
    if urgency not in URGENCY_WORDS:
        return None
    border, fill = REFERRAL_COLOURS[urgency]
    lines = _referral_lines(plan)

    def pad(ts: Typesetter) -> float:
        return ts.pt(10)

    def measure(ts: Typesetter, width: float) -> float:
        return 2 * pad(ts) + sum(b.height(ts, width - 2 * pad(ts)) for b in lines)

    def paint(p: QPainter, ts: Typesetter, r: QRectF) -> None:
        p.save()
        p.setPen(QPen(border, ts.pt(2.2)))
        p.setBrush(fill)
        p.drawRoundedRect(r, ts.pt(4), ts.pt(4))
        p.restore()
        y = r.top() + pad(ts)
        for b in lines:
            b.draw(p, ts, r.left() + pad(ts), y, r.width() - 2 * pad(ts))
            y += b.height(ts, r.width() - 2 * pad(ts))

    return Custom(measure, paint)


def _area_words(area: Mapping[str, Any]) -> str:
    region = area.get("region")
    name = region_label(region, area.get("side")) if region in REGION_SHORT else str(region)
    parts = [f"pain {format_pain(float(area.get('pain', 0)))}/10", str(area.get("kind", ""))]
    if area.get("trend"):
        parts.append({"better": "getting better", "same": "no change", "worse": "getting worse"}[area["trend"]])
    parts += [word for key, word in (("swelling", "swollen"), ("numbness", "numb"), ("gait_change", "limping"))
              if area.get(key)]  # fmt: skip
    return f"{name}: {', '.join(p for p in parts if p)}"


def _leg_map(check_in: Mapping[str, Any]) -> list[Block]:
    """The leg map as marked, with the marked areas in words beside it."""
    areas = [a for a in check_in.get("areas") or () if a.get("region") in REGION_SHORT]
    marks: dict[tuple[str, str], float] = {}
    for a in areas:
        for leg in ("left", "right") if a["side"] == "both" else (a["side"],):
            marks[(a["region"], leg)] = max(float(a["pain"]), marks.get((a["region"], leg), 0.0))
    painter_ = LegDiagramPainter()
    box = painter_.geometry.view_box
    words = [Text(_area_words(a), size=10, bullet=True, space_after=3) for a in areas] or [
        Text("No sore areas marked.", size=10)
    ]
    words.append(Text("Numbers on the map: pain out of 10.", size=9, color=QColor(MUTED), space_after=0))

    def diagram_width(width: float) -> float:
        return width * 0.46

    def measure(ts: Typesetter, width: float) -> float:
        diagram_h = diagram_width(width) * box.height() / box.width()
        return max(diagram_h, sum(b.height(ts, width * 0.48) for b in words)) + ts.pt(8)

    def paint(p: QPainter, ts: Typesetter, r: QRectF) -> None:
        dw = diagram_width(r.width())
        scale = ts.resolution / SCREEN_DPI  # draw in screen pixels so pens and labels keep their weight
        p.save()
        p.scale(scale, scale)
        target = QRectF(r.left() / scale, r.top() / scale, dw / scale, dw * box.height() / box.width() / scale)
        fills = {k: pain_color(v) for k, v in marks.items()}
        labels = {k: format_pain(v) for k, v in marks.items()}
        painter_.paint(p, target, fills, labels, dark=False)
        p.restore()
        y = r.top() + ts.pt(6)
        for b in words:
            b.draw(p, ts, r.left() + r.width() * 0.52, y, r.width() * 0.48)
            y += b.height(ts, r.width() * 0.48)

    return [_heading("Where it hurts (as marked at the check-in)"), Custom(measure, paint)]


def _day_heading(day: Mapping[str, Any], continued: bool = False) -> Block:
    words, colour = RUNNING.get(day.get("running", ""), (str(day.get("running")), QColor(INK)))
    title = long_date(date.fromisoformat(day["date"])) + (" (continued)" if continued else "")
    reason = "" if continued else "\n".join(filter(None, [day.get("running_reason"), coach_note(day)]))

    def measure(ts: Typesetter, width: float) -> float:
        extra = ts.text_height(reason, ts.font(9), width - ts.pt(12)) if reason else 0.0
        return ts.metrics(ts.font(11, bold=True)).height() + extra + ts.pt(8)

    def paint(p: QPainter, ts: Typesetter, r: QRectF) -> None:
        band = QRectF(r.left(), r.top(), r.width(), r.height() - ts.pt(2))
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#eef1f4"))
        p.drawRect(band)
        p.setBrush(colour)
        p.drawRect(QRectF(band.left(), band.top(), ts.pt(4), band.height()))
        p.restore()
        inner = band.adjusted(ts.pt(10), ts.pt(3), -ts.pt(4), 0)
        p.setFont(ts.font(11, bold=True))
        p.setPen(INK)
        p.drawText(inner, WRAP, title)
        p.setPen(colour)
        p.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, words)
        if reason:
            p.setFont(ts.font(9))
            p.setPen(MUTED)
            line = ts.metrics(ts.font(11, bold=True)).height()
            p.drawText(inner.adjusted(0, line, 0, 0), WRAP, reason)

    return Custom(measure, paint, keep_with_next=True)


def _item_row(item: Mapping[str, Any], done: bool) -> Block:
    where = "" if names_its_regions(item) else ", ".join(item_regions(item))
    title = item_title(item)
    dose = f"{where}: {item_dose(item)}" if where else item_dose(item)

    def widths(ts: Typesetter, width: float) -> tuple[float, float]:
        gutter = ts.pt(20)
        return gutter, width - gutter

    def measure(ts: Typesetter, width: float) -> float:
        _, w = widths(ts, width)
        return ts.text_height(title, ts.font(10, bold=True), w) + ts.text_height(dose, ts.font(9.5), w) + ts.pt(5)

    def paint(p: QPainter, ts: Typesetter, r: QRectF) -> None:
        gutter, w = widths(ts, r.width())
        line = ts.metrics(ts.font(10, bold=True)).height()
        draw_tick_box(p, QRectF(r.left() + ts.pt(5), r.top() + line * 0.12, line * 0.8, line * 0.8), done, ts.pt(0.8))
        p.setFont(ts.font(10, bold=True))
        p.setPen(INK)
        p.drawText(QRectF(r.left() + gutter, r.top(), w, r.height()), WRAP, title)
        h = ts.text_height(title, ts.font(10, bold=True), w)
        p.setFont(ts.font(9.5))
        p.setPen(MUTED)
        p.drawText(QRectF(r.left() + gutter, r.top() + h, w, r.height()), WRAP, dose)

    return Custom(measure, paint)


def _days(plan: Mapping[str, Any], done_ids: Collection[str]) -> list[Block]:
    if plan.get("plan_suppressed") or not plan.get("days"):
        return []
    blocks: list[Block] = [
        _heading("Day by day"),
        Text(
            "Tick each activity when you have done it.", size=9, color=QColor(MUTED), space_after=6, keep_with_next=True
        ),
    ]
    for day in plan["days"]:
        rows = [_item_row(item, item.get("id") in done_ids) for item in day.get("items") or ()]
        blocks += [Group([_day_heading(day), *rows], continued=_day_heading(day, continued=True)), Spacer(6)]
    return blocks


def exercise_items(plan: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The plan's distinct exercises with how-to steps (one per area of an item for several), in order."""
    seen: set[tuple[str, str]] = set()
    out: list[Mapping[str, Any]] = []
    for day in plan.get("days") or ():
        for item in day.get("items") or ():
            for exercise in exercises(item):
                key = (str(exercise.get("title")), str(exercise.get("how_to")))
                if key not in seen:
                    seen.add(key)
                    out.append(exercise)
    return out


def _exercise_card(item: Mapping[str, Any], art: Path | None) -> Block:
    where = ", ".join(item_regions(item))
    texts = [Text(str(item.get("title", "")), size=11, bold=True, space_after=2)]
    if where:
        texts.append(Text(f"For: {where}", size=9, color=QColor(MUTED), space_after=2))
    texts += [
        Text(f"Dose: {item_dose(item)}", size=9.5, space_after=3),
        Text(str(item.get("how_to", "")), size=10, space_after=3),
    ]
    if item.get("why"):
        texts.append(Text(f"Why: {item['why']}", size=9, italic=True, color=QColor(MUTED), space_after=0))

    def art_w(ts: Typesetter) -> float:
        return ts.mm(30) if art is not None else 0.0

    def text_w(ts: Typesetter, width: float) -> float:
        return width - 2 * ts.pt(8) - (art_w(ts) + ts.pt(8) if art is not None else 0.0)

    def measure(ts: Typesetter, width: float) -> float:
        body = sum(b.height(ts, text_w(ts, width)) for b in texts)
        return max(body, art_w(ts)) + 2 * ts.pt(8) + ts.pt(6)

    def paint(p: QPainter, ts: Typesetter, r: QRectF) -> None:
        card = r.adjusted(0, 0, 0, -ts.pt(6))
        p.save()
        p.setPen(QPen(QColor("#c9d1d9"), ts.pt(0.8)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(card, ts.pt(4), ts.pt(4))
        p.restore()
        x = card.left() + ts.pt(8)
        if art is not None:
            _draw_svg(p, art, QRectF(x, card.top() + ts.pt(8), art_w(ts), art_w(ts)))
            x += art_w(ts) + ts.pt(8)
        y = card.top() + ts.pt(8)
        for b in texts:
            b.draw(p, ts, x, y, text_w(ts, r.width()))
            y += b.height(ts, text_w(ts, r.width()))

    return Custom(measure, paint)


def _draw_svg(painter: QPainter, path: Path, rect: QRectF) -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    if renderer.isValid():
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        renderer.render(painter, rect)


def _exercises(plan: Mapping[str, Any], art_for: Callable[[Mapping[str, Any]], Path | None]) -> list[Block]:
    items = exercise_items(plan)
    if not items:
        return []
    return [_heading("How to do the exercises"), *(_exercise_card(i, art_for(i)) for i in items), Spacer(4)]


def _lists(plan: Mapping[str, Any]) -> list[Block]:
    blocks: list[Block] = []
    for title, key, boxes in (
        ("Stop the run if", "stop_rules", False),
        ("Before running again, check that", "return_to_run", True),
        ("Good to know", "cautions", False),
    ):
        lines = plan.get(key) or []
        if not lines:
            continue
        blocks.append(_heading(title))
        blocks += [Text(line, size=10, bullet=not boxes, tick_box=False if boxes else None) for line in lines]
        blocks.append(Spacer(6))
    fluids = _fluids_text(plan.get("hydration"))
    if fluids:
        blocks += [_heading("Fluids"), Text(fluids, size=10)]
    return blocks


def _litres(pair: Any) -> str | None:
    return f"{pair[0]}-{pair[1]} L" if isinstance(pair, (list, tuple)) and len(pair) == 2 else None


def _fluids_text(hydration: Mapping[str, Any] | None) -> str | None:
    """The plan's fluid amounts in one paragraph (only the amounts the plan gives), or None."""
    if not hydration:
        return None
    before, during, after = (_litres(hydration.get(k)) for k in ("pre_run_l", "during_run_l", "post_run_l"))
    catch_up = _litres(hydration.get("catch_up_l"))
    parts = []
    if before:
        run = f"For your next run ({hydration.get('session_min')} minutes): " if hydration.get("session_min") else ""
        parts.append(f"{run}{before} before, {during + ' during' if during else 'drink to thirst during'}.")
    if catch_up:
        parts.append(f"Today, to make up for your last session: {catch_up} over the next hours.")
    if after:
        parts.append(f"After a session like your last one: {after}.")
    if not parts:
        return None
    return " ".join([*parts, "Never drink more than you sweat."])


def handout_blocks(
    plan: Mapping[str, Any],
    check_in: Mapping[str, Any],
    athlete_name: str,
    done_ids: Collection[str] = (),
    printed_on: date | None = None,
    art_for: Callable[[Mapping[str, Any]], Path | None] = exercise_art,
) -> list[Block]:
    """Everything on the handout, in reading order."""
    blocks = _title_blocks(plan, athlete_name, printed_on)
    referral = _referral_box(plan)
    if referral is not None:
        blocks += [referral, Spacer(10)]
    blocks += _leg_map(check_in)
    blocks += _days(plan, frozenset(done_ids))
    blocks += _exercises(plan, art_for)
    blocks += _lists(plan)
    return blocks


# -- pages ----------------------------------------------------------------------------------------
def _page_frame(p: QPainter, ts: Typesetter, page: QRectF, header: str, number: int, total: int) -> None:
    """The header line, and the notice with the page number at the foot of every page."""
    m = ts.mm(MARGIN_MM)
    p.setFont(ts.font(8.5))
    p.setPen(MUTED)
    top = QRectF(m, ts.mm(7), page.width() - 2 * m, ts.mm(6))
    metrics = ts.metrics(ts.font(8.5))
    brand = "Recovery Planner"
    room = top.width() - metrics.horizontalAdvance(brand) - ts.pt(12)
    header = metrics.elidedText(header, Qt.TextElideMode.ElideMiddle, room)  # a long name never runs into it
    p.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, header)
    p.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, brand)
    p.setPen(QPen(QColor("#d0d7de"), ts.pt(0.6)))
    p.drawLine(int(m), int(top.bottom()), int(page.width() - m), int(top.bottom()))
    foot = QRectF(m, page.height() - ts.mm(12), page.width() - 2 * m, ts.mm(8))
    p.drawLine(int(m), int(foot.top()), int(page.width() - m), int(foot.top()))
    p.setPen(MUTED)
    number_text = f"Page {number} of {total}"
    number_w = ts.metrics(ts.font(8.5)).horizontalAdvance(number_text) + ts.pt(12)
    p.drawText(foot.adjusted(0, ts.pt(3), -number_w, 0), WRAP, NOTICE)
    p.drawText(foot.adjusted(0, ts.pt(3), 0, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, number_text)


def _body_rect(ts: Typesetter, page: QRectF) -> QRectF:
    m = ts.mm(MARGIN_MM)
    return QRectF(m, ts.mm(17), page.width() - 2 * m, page.height() - ts.mm(17) - ts.mm(15))


def _new_writer(device: QIODevice, page_size: QPageSize.PageSizeId, title: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setPageSize(QPageSize(page_size))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Recovery Planner")
    return writer


def _resolve_page_size(page_size: QPageSize.PageSizeId | str | None) -> QPageSize.PageSizeId:
    if page_size is None:
        return page_size_for()
    if isinstance(page_size, str):
        return {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}[page_size.lower()]
    return page_size


def handouts_pdf_bytes(
    handouts: Sequence[Mapping[str, Any]],
    *,
    printed_on: date | None = None,
    page_size: QPageSize.PageSizeId | str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    art_for: Callable[[Mapping[str, Any]], Path | None] = exercise_art,
) -> tuple[bytes, int] | None:
    """One PDF holding each handout (keys ``plan``, ``check_in``, ``athlete_name``, optional ``done_ids``),
    each starting on a new page with its own page numbers. Returns (PDF bytes, page count), or None when
    ``should_cancel`` said stop. Needs a QGuiApplication (app.py's renderers make an offscreen one)."""
    size = _resolve_page_size(page_size)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    title = "Recovery plan" if len(handouts) != 1 else f"Recovery plan for {handouts[0]['athlete_name']}"
    writer = _new_writer(buffer, size, title)
    page = QRectF(0, 0, writer.width(), writer.height())
    painter = QPainter(writer)
    ts = Typesetter(writer, RESOLUTION)
    body = _body_rect(ts, page)
    pages_done = 0
    try:
        for index, h in enumerate(handouts):
            if should_cancel is not None and should_cancel():
                return None
            blocks = handout_blocks(
                h["plan"], h["check_in"], h["athlete_name"], h.get("done_ids", ()), printed_on, art_for
            )
            pages = paginate(blocks, ts, body.width(), body.height())
            header = f"{h['athlete_name']} · {_plan_dates(h['plan'])}"
            for number, placed in enumerate(pages, start=1):
                if pages_done:
                    writer.newPage()
                _page_frame(painter, ts, page, header, number, len(pages))
                for block, y in placed:
                    block.draw(painter, ts, body.left(), body.top() + y, body.width())
                pages_done += 1
            if on_progress is not None:
                on_progress(index + 1, len(handouts))
    finally:
        painter.end()
    return bytes(buffer.data().data()), pages_done


def render_handout_pdf(
    path: str | os.PathLike[str],
    plan: Mapping[str, Any],
    check_in: Mapping[str, Any],
    athlete_name: str,
    *,
    done_ids: Collection[str] = (),
    printed_on: date | None = None,
    page_size: QPageSize.PageSizeId | str | None = None,
) -> int:
    """Write one athlete's handout to ``path`` (atomically); returns the number of pages."""
    handout = {"plan": plan, "check_in": check_in, "athlete_name": athlete_name, "done_ids": done_ids}
    result = handouts_pdf_bytes([handout], printed_on=printed_on, page_size=page_size)
    if result is None:  # cannot happen: nothing cancels a single handout
        raise RuntimeError("the handout was not drawn")
    data, pages = result
    _write(path, data)
    return pages


def render_handouts_pdf(
    path: str | os.PathLike[str],
    handouts: Sequence[Mapping[str, Any]],
    *,
    printed_on: date | None = None,
    page_size: QPageSize.PageSizeId | str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> int | None:
    """Write several handouts into one PDF at ``path``; returns the page count, or None if cancelled
    (then nothing is written)."""
    result = handouts_pdf_bytes(
        handouts, printed_on=printed_on, page_size=page_size, on_progress=on_progress, should_cancel=should_cancel
    )
    if result is None:
        return None
    _write(path, result[0])
    return result[1]


def _write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (QSaveFile: a temporary file renamed over it on commit);
    raises OSError naming the problem, and the old file, if any, is left as it was."""
    out = QSaveFile(str(path))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(out.errorString() or "the file cannot be created")
    out.setPermissions(QFileDevice.Permission.ReadOwner | QFileDevice.Permission.WriteOwner)  # health data
    if out.write(data) != len(data) or not out.commit():
        reason = out.errorString()
        out.cancelWriting()
        raise OSError(reason or "the file could not be written")
