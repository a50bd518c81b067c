"""Exports and check-in import through the application layer, on real data folders and real PDFs."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from recovery_planner.app import renderers as pdf_renderers
from recovery_planner.domain.checkin import CheckInError
from recovery_planner.domain.plan_text import NOTICE, URGENCY_WORDS
from recovery_planner.formats.exchange import MAX_BYTES, ExchangeError, checksum
from recovery_planner.services.context import AppContext
from recovery_planner.services.exports import ExportError, export, export_squad, import_check_in
from recovery_planner.storage import NotFoundError, Repository

from ..formats.plans import vignette_check_in

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=2)))


def words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(path: Path) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(path).pages]


def make_ctx(folder: Path) -> AppContext:
    return AppContext(Repository.open(folder), clock=lambda: NOW, renderers=pdf_renderers())


def store(ctx: AppContext, athlete_id: str, case: str, day: date = TODAY) -> str:
    from recovery_planner.domain.checkin import parse_check_in
    from recovery_planner.domain.planner import build_plan

    check_in = parse_check_in({**vignette_check_in(case), "date": day.isoformat()}, day)
    return ctx.repo.add_check_in(athlete_id, check_in, build_plan(check_in, 7)).id


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every data file's bytes (the lock and the log aside), to prove that nothing was written."""
    files = (p for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock"))
    return {str(p.relative_to(folder)): p.read_bytes() for p in files if p.relative_to(folder).parts[0] != "logs"}


@pytest.fixture
def ctx(tmp_path: Path, qapp) -> AppContext:  # qapp: the PDF is drawn by Qt in this process
    return make_ctx(tmp_path / "data")


@pytest.fixture
def ana(ctx: AppContext) -> str:
    return ctx.repo.add_athlete("Ana López", experience="intermediate", body_mass_kg=56).id


def test_pdf_handout_text_pages_and_notice_on_every_page(ctx: AppContext, ana: str, tmp_path: Path) -> None:
    checkin_id = store(ctx, ana, "V03")
    plan = ctx.repo.get_plan(ana, checkin_id)
    first_item = plan["days"][0]["items"][0]
    ctx.repo.set_item_done(ana, first_item["id"], True)
    result = export(ctx, ana, "pdf", tmp_path)
    path = result.value.path
    assert path.name == "ana-lopez-recovery-plan-2026-03-02.pdf" and result.notices == (f"Saved to {path}",)
    pages = pdf_text(path)
    assert len(pages) == result.value.pages >= 2
    for number, page in enumerate(pages, start=1):
        assert words(NOTICE) in page and f"Page {number} of {len(pages)}" in page and "Ana López" in page
    text = " ".join(pages)
    assert (
        text.index("See a physiotherapist or sports doctor") < text.index("Where it hurts") < text.index("Day by day")
    )  # the referral box comes first
    assert "Left shin: pain 5/10" in text and "Monday 2 March 2026" in text and "Sunday 8 March 2026" in text
    for day in plan["days"]:
        for item in day["items"]:
            assert words(item["title"]) in text and words(item["dose"]["summary"]) in text
    for line in plan["stop_rules"] + plan["return_to_run"]:
        assert words(line) in text
    assert "How to do the exercises" in text and words(plan["days"][0]["items"][1]["how_to"]) in text


def test_emergency_handout_is_one_page_of_what_to_do(ctx: AppContext, ana: str, tmp_path: Path) -> None:
    store(ctx, ana, "V05")
    path = export(ctx, ana, "pdf", tmp_path / "plan.pdf").value.path
    (page,) = pdf_text(path)
    assert URGENCY_WORDS["emergency"] in page and "What to do now" in page and "Day by day" not in page


def test_paper_follows_the_locale(ctx: AppContext, ana: str, tmp_path: Path) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    from recovery_planner.ui.handout import page_size_for

    assert page_size_for(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == QPageSize.PageSizeId.Letter
    assert page_size_for(QLocale(QLocale.Language.French, QLocale.Country.Canada)) == QPageSize.PageSizeId.Letter
    assert page_size_for(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == QPageSize.PageSizeId.A4
    assert page_size_for(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == QPageSize.PageSizeId.A4
    store(ctx, ana, "V01")
    before = QLocale()
    try:
        for locale, size in ((QLocale("en_US"), (612, 792)), (QLocale("de_DE"), (595, 842))):
            QLocale.setDefault(locale)
            path = export(ctx, ana, "pdf", tmp_path / f"{locale.name()}.pdf").value.path
            box = PdfReader(path).pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == size
    finally:
        QLocale.setDefault(before)


def test_calendar_spreadsheet_and_exchange_exports(ctx: AppContext, ana: str, tmp_path: Path) -> None:
    store(ctx, ana, "V01", TODAY - timedelta(days=3))
    latest = store(ctx, ana, "V03")
    ics = export(ctx, ana, "ics", tmp_path / "plan.ics")
    assert ics.value.checkin_id == latest and ics.changes.any is False
    cal = Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 7
    assert b"DTSTAMP:20260302T070000Z" in (tmp_path / "plan.ics").read_bytes()
    again = export(ctx, ana, "ics", tmp_path / "again.ics")
    uids = [[str(e["uid"]) for e in Calendar.from_ical(p.read_bytes()).walk("VEVENT")] for p in (
        tmp_path / "plan.ics", again.value.path)]  # fmt: skip
    assert uids[0] == uids[1]
    csv_path = export(ctx, ana, "csv", tmp_path).value.path
    assert csv_path.name.endswith(".csv") and csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    exchange = json.loads(export(ctx, ana, "checkin", tmp_path).value.path.read_text(encoding="utf-8"))
    assert exchange["athlete_name"] == "Ana López" and exchange["check_in"]["date"] == "2026-03-02"
    older = ctx.repo.history(ana)[0].id
    picked = export(ctx, ana, "checkin", tmp_path / "old.json", checkin_id=older)
    assert json.loads(picked.value.path.read_text())["check_in"]["date"] == "2026-02-27"


def test_export_problems_write_nothing(ctx: AppContext, ana: str, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no check-ins yet"):
        export(ctx, ana, "csv", tmp_path / "x.csv")
    store(ctx, ana, "V01")
    with pytest.raises(ExportError, match="not an existing folder"):
        export(ctx, ana, "csv", tmp_path / "missing" / "x.csv")
    with pytest.raises(NotFoundError):
        export(ctx, ana, "csv", tmp_path / "x.csv", checkin_id="2026-03-02-00000000")
    with pytest.raises(ExportError, match="unknown export format"):
        export(ctx, ana, "docx", tmp_path / "x.docx")
    no_pdf = AppContext(ctx.repo, clock=ctx.clock)
    with pytest.raises(ExportError, match="PDF export is not available"):
        export(no_pdf, ana, "pdf", tmp_path / "x.pdf")
    assert not list(tmp_path.glob("x.*")) and not (tmp_path / "missing").exists()


def test_import_into_another_data_folder_once_and_only_once(ctx: AppContext, ana: str, tmp_path: Path) -> None:
    store(ctx, ana, "V03")
    file = export(ctx, ana, "checkin", tmp_path).value.path
    coach = make_ctx(tmp_path / "coach")
    ana_at_coach = coach.repo.add_athlete("Ana L", experience="beginner", body_mass_kg=60).id
    first = import_check_in(coach, ana_at_coach, file)
    assert first.value.stored and first.changes.check_ins and first.changes.plans
    assert first.notices[0] == "Note: this file was made for Ana López; it was imported for Ana L."
    (record,) = coach.repo.history(ana_at_coach)
    assert record.check_in["areas"] == ctx.repo.history(ana)[0].check_in["areas"]
    assert record.check_in["athlete"]["name"] == "Ana L"  # stored under the coach's name for her
    assert record.check_in["athlete"]["body_mass_kg"] == 56  # the runner's own figures win
    plan = coach.repo.get_plan(ana_at_coach, record.id)
    assert plan is not None and plan["referral"]["urgency"] == "prompt" and plan["days"][0]["running"] == "none"
    before = snapshot(tmp_path / "coach")
    second = import_check_in(coach, ana_at_coach, file)
    assert not second.value.stored and second.value.record.id == record.id and not second.changes.any
    assert "already stored" in second.notices[0]
    assert snapshot(tmp_path / "coach") == before and len(coach.repo.history(ana_at_coach)) == 1


def hostile_files(tmp_path: Path, good: Path) -> dict[str, tuple[Path, type[Exception], str]]:
    payload = json.loads(good.read_text(encoding="utf-8"))
    files: dict[str, tuple[Path, type[Exception], str]] = {}

    def put(name: str, data: bytes, error: type[Exception], words: str) -> None:
        (tmp_path / name).write_bytes(data)
        files[name] = (tmp_path / name, error, words)

    put("big.json", b" " * (2 * MAX_BYTES), ExchangeError, "larger than 1 MB")
    put("v2.json", json.dumps({**payload, "version": 2}).encode(), ExchangeError, "newer Recovery Planner")
    tampered = json.loads(json.dumps(payload))
    tampered["check_in"]["areas"][0]["pain"] = 2
    put("tampered.json", json.dumps(tampered).encode(), ExchangeError, "checksum does not match")
    put("broken.json", good.read_bytes()[:-40], ExchangeError, "not valid JSON")
    pain14 = json.loads(json.dumps(payload))
    pain14["check_in"]["areas"][0]["pain"] = 14
    pain14["checksum"] = checksum(pain14)
    put("pain14.json", json.dumps(pain14).encode(), CheckInError, r"check_in\.areas\[0\]\.pain: must be 0-10, got 14")
    return files


def test_hostile_files_are_refused_and_nothing_is_written(ctx: AppContext, ana: str, tmp_path: Path) -> None:
    store(ctx, ana, "V03")
    good = export(ctx, ana, "checkin", tmp_path).value.path
    coach = make_ctx(tmp_path / "coach")
    target = coach.repo.add_athlete("Ana").id
    before = snapshot(tmp_path / "coach")
    for name, (path, error, message) in hostile_files(tmp_path, good).items():
        with pytest.raises(error, match=message):
            import_check_in(coach, target, path)
        assert snapshot(tmp_path / "coach") == before, name
    with pytest.raises(ExchangeError, match="no such file"):
        import_check_in(coach, target, tmp_path / "nothing-here.json")
    assert coach.repo.history(target) == []


def test_squad_handouts_separate_or_combined_with_progress_and_cancel(ctx: AppContext, tmp_path: Path) -> None:
    ids = [ctx.repo.add_athlete(name).id for name in ("Ana", "Ben", "Cleo")]
    store(ctx, ids[0], "V01")
    store(ctx, ids[2], "V03")  # Ben has no plan
    progress: list[tuple[int, int]] = []
    out = tmp_path / "squad"
    out.mkdir()
    result = export_squad(ctx, out, on_progress=lambda done, total: progress.append((done, total)))
    assert progress == [(1, 2), (2, 2)] and result.value.athletes == 2
    assert sorted(p.name for p in out.iterdir()) == [
        "ana-recovery-plan-2026-03-02.pdf",
        "cleo-recovery-plan-2026-03-02.pdf",
    ]
    separate_pages = sum(len(PdfReader(p).pages) for p in out.iterdir())
    combined = export_squad(ctx, tmp_path, combined=True)
    (path,) = combined.value.paths
    reader = PdfReader(path)
    assert len(reader.pages) == combined.value.pages == separate_pages
    texts = [words(p.extract_text()) for p in reader.pages]
    assert "Recovery plan for Ana" in texts[0] and any("Recovery plan for Cleo" in t for t in texts)
    cancelled = export_squad(ctx, tmp_path / "none.pdf", combined=True, should_cancel=lambda: True)
    assert cancelled.value.cancelled and not (tmp_path / "none.pdf").exists()
    calls = iter([False, True])
    part = tmp_path / "part"
    part.mkdir()
    stopped = export_squad(ctx, part, should_cancel=lambda: next(calls))
    assert stopped.value.cancelled and len(list(part.iterdir())) == 1 == len(stopped.value.paths)


def test_the_coachs_changes_reach_every_export(ctx: AppContext, ana: str, tmp_path: Path) -> None:
    from recovery_planner.services.coach import edit_plan

    store(ctx, ana, "V01")
    edit_plan(ctx, ana, "day_note", TODAY, "Sam", note="Keep it flat and short")
    edit_plan(ctx, ana, "rest_day", TODAY + timedelta(days=1), "Sam")
    pdf = " ".join(pdf_text(export(ctx, ana, "pdf", tmp_path / "p.pdf").value.path))
    assert "Note from your coach: Keep it flat and short" in pdf and "2 changes by your coach" in pdf
    assert "Your coach has made this a rest day." in pdf
    cal = Calendar.from_ical(export(ctx, ana, "ics", tmp_path / "p.ics").value.path.read_bytes())
    first, second = list(cal.walk("VEVENT"))[:2]
    assert "Note from your coach: Keep it flat and short" in str(first["description"])
    assert "No running" in str(second["summary"]) and "Your coach has made this a rest day." in str(
        second["description"]
    )
    rows = export(ctx, ana, "csv", tmp_path / "p.csv").value.path.read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].startswith("2026-03-02,Easy running only,Note from your coach: Keep it flat and short,")
    assert all(",Easy running only," not in r for r in rows if r.startswith("2026-03-03"))
    squad = tmp_path / "squad"
    squad.mkdir()
    (path,) = export_squad(ctx, squad).value.paths
    assert "Note from your coach: Keep it flat and short" in " ".join(pdf_text(path))
