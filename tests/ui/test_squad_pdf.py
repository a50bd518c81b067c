"""The weekly squad summary PDF: text, order, pages and the notice on every page (read back with pypdf)."""

from datetime import date, timedelta

from pypdf import PdfReader

from recovery_planner.domain.plan_text import NOTICE
from recovery_planner.domain.roster import Completion, RosterEntry, roster_order
from recovery_planner.ui.squad_pdf import render_squad_pdf

TODAY = date(2026, 3, 10)


def _row(i: int) -> RosterEntry:
    return RosterEntry(
        athlete_id=f"a{i}",
        name=f"Runner {i:03d}",
        last_check_in=TODAY - timedelta(days=i % 6),
        running_day1="easy",
        referral_urgency="urgent" if i == 7 else "none",
        worst_region="calf",
        worst_side="left",
        worst_pain=float(i % 10),
        trend="worse" if i == 3 else "same",
        completion=Completion(i % 5, 5),
    )


def test_summary_lists_every_athlete_in_attention_order_with_the_notice_on_each_page(qapp, tmp_path):
    rows = roster_order([_row(i) for i in range(80)], TODAY)
    path = render_squad_pdf(tmp_path / "squad.pdf", rows, TODAY, "Coach Kim")
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    text = [" ".join(page.extract_text().split()) for page in reader.pages]  # Qt places words apart
    for n, page_text in enumerate(text, start=1):
        assert NOTICE.split(".")[0] in page_text and f"Page {n}" in page_text
    joined = "\n".join(text)
    assert all(f"Runner {i:03d}" in joined for i in range(80))
    assert joined.index("Runner 007") < joined.index("Runner 003") < joined.index("Runner 000")
    assert "Doctor today" in joined and "Coach: Coach Kim" in joined
