"""The PDF handout's layout: nothing cut off or orphaned, days kept together, illustrations used when installed."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice, QRectF

from recovery_planner.ui import handout_art
from recovery_planner.ui.handout import (
    RESOLUTION,
    _body_rect,
    _new_writer,
    exercise_items,
    handout_blocks,
    handouts_pdf_bytes,
    page_size_for,
)
from recovery_planner.ui.handout_layout import Group, Typesetter, paginate

from ..formats.plans import plan_for

CASES = ("V01", "V03", "V05", "V12", "V17", "V19", "V22")


def words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def typesetter(qapp):
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _new_writer(buffer, page_size_for(), "test")
    ts = Typesetter(writer, RESOLUTION)
    return ts, _body_rect(ts, QRectF(0, 0, writer.width(), writer.height())), (buffer, writer)


@pytest.mark.parametrize("case", CASES)
def test_pages_are_filled_without_overflow_or_orphaned_headings(typesetter, case: str) -> None:
    ts, body, _ = typesetter
    check_in, plan = plan_for(case)
    pages = paginate(handout_blocks(plan, check_in, "Ana"), ts, body.width(), body.height())
    for number, placed in enumerate(pages, start=1):
        assert placed, f"page {number} is empty"
        block, y = placed[-1]
        assert y + block.height(ts, body.width()) <= body.height() + 1, f"page {number} overflows"
        if number < len(pages):
            assert not block.keep_with_next, f"a heading is left alone at the foot of page {number}"
    drawn = [block for placed in pages for block, _ in placed]
    days = [b for b in drawn if isinstance(b, Group)]
    assert len(days) <= len(plan["days"])  # a day is kept whole, or split with a "continued" heading


def test_every_item_reaches_the_pdf(qapp) -> None:
    check_in, plan = plan_for("V01", days=14)
    data, pages = handouts_pdf_bytes([{"plan": plan, "check_in": check_in, "athlete_name": "Ana"}], page_size="a4")
    reader = PdfReader(_tmp_pdf(data))
    assert len(reader.pages) == pages >= 5
    text = words(" ".join(p.extract_text() for p in reader.pages))
    for day in plan["days"]:
        for item in day["items"]:
            assert words(item["dose"]["summary"]) in text


def test_exercise_cards_use_an_installed_illustration(qapp, tmp_path: Path, monkeypatch) -> None:
    check_in, plan = plan_for("V19")
    item = next(e for e in exercise_items(plan) if e["title"] == "Isometric hip abduction")
    assert "isometric-hip-abduction" in handout_art.art_candidates(item)
    art = tmp_path / "isometric-hip-abduction.svg"
    art.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" '
        'fill="none" stroke="black"/><text x="10" y="55" font-size="12">ART-MARKER</text></svg>'
    )
    monkeypatch.setattr(handout_art, "_svg_files", lambda: {"isometric-hip-abduction": art})
    assert handout_art.exercise_art(item) == art
    handout = [{"plan": plan, "check_in": check_in, "athlete_name": "Ana"}]
    with_art, _ = handouts_pdf_bytes(handout, art_for=handout_art.exercise_art)
    without, _ = handouts_pdf_bytes(handout, art_for=lambda item: None)
    assert "ART-MARKER" in _text(with_art) and "ART-MARKER" not in _text(without)


def _tmp_pdf(data: bytes):
    import io

    return io.BytesIO(data)


def _text(data: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(_tmp_pdf(data)).pages)


def test_a_day_shows_why_running_is_limited(qapp) -> None:
    check_in, plan = plan_for("V03")
    days = [{**plan["days"][0], "running_reason": "Shin pain of 5/10 needs a physio first"}, *plan["days"][1:]]
    data, _ = handouts_pdf_bytes([{"plan": {**plan, "days": days}, "check_in": check_in, "athlete_name": "Ana"}])
    assert "Shin pain of 5/10 needs a physio first" in words(_text(data))


def test_an_item_for_several_areas_gets_a_card_per_exercise() -> None:
    _, plan = plan_for("V01")
    titles = [e["title"] for e in exercise_items(plan)]
    assert {"Standing quad stretch", "Wall calf stretch", "Roll the front of the thigh", "Roll the calf"} <= set(titles)
    assert len(titles) == len(set(titles))
    quad = next(e for e in exercise_items(plan) if e["title"] == "Standing quad stretch")
    assert quad["region"] == "quadriceps" and quad["how_to"].startswith("Hold a support")
