"""The coach's overview: who needs attention first, completion and overdue check-ins."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recovery_planner.domain.squad import Completion, SquadRow, attention_order, completion, filter_rows

TODAY = date(2026, 3, 10)


def row(name, **kw):
    base = dict(
        athlete_id=name,
        name=name,
        last_check_in=TODAY,
        urgency="none",
        hold_open=False,
        hold_reason=None,
        running_day1="normal",
        worst_region=None,
        worst_side=None,
        worst_pain=None,
        trend=None,
        completion=Completion(5, 5),
    )
    base.update(kw)
    return SquadRow(**base)


def test_holds_first_then_worsening_then_overdue_then_low_completion():
    rows = [
        row("Zoe complete"),
        row("Yan low completion", completion=Completion(1, 10)),
        row("Xia overdue", last_check_in=TODAY - timedelta(days=4)),
        row("Wen worse", trend="worse"),
        row("Val prompt", urgency="prompt"),
        row("Uma held", hold_open=True, urgency="prompt", hold_reason="See a physio"),
        row("Tia urgent", urgency="urgent"),
        row("Sam never", last_check_in=None, completion=Completion(0, 0)),
    ]
    names = [r.name for r in attention_order(rows, TODAY)]
    assert names == [
        "Tia urgent",
        "Uma held",
        "Val prompt",
        "Wen worse",
        "Xia overdue",
        "Sam never",
        "Yan low completion",
        "Zoe complete",
    ]


def test_overdue_threshold_is_a_setting():
    r = row("A", last_check_in=TODAY - timedelta(days=3))
    assert r.overdue(TODAY, 3) and not r.overdue(TODAY, 4)


def test_completion_counts_only_the_last_seven_days_up_to_today():
    scheduled = {TODAY - timedelta(days=d): {f"{d}:a", f"{d}:b"} for d in range(-2, 10)}
    done = {"0:a", "6:a", "6:b", "7:a", "-1:a"}
    c = completion(scheduled, done, TODAY)
    assert (c.done, c.scheduled) == (3, 14)
    assert c.band() == "poor" and c.text() == "3 of 14 done (21 %)"
    assert Completion(0, 0).text() == "nothing planned" and Completion(0, 0).band() == "none"


@given(st.integers(0, 50), st.integers(0, 50))
def test_completion_fraction_is_between_zero_and_one(done, extra):
    c = Completion(done, done + extra)
    assert c.fraction is None or 0 <= c.fraction <= 1


def test_search_covers_names_and_notes():
    rows = [row("Ana", note_text="Prefers grass"), row("Ben")]
    assert [r.name for r in filter_rows(rows, "GRASS")] == ["Ana"]
    assert len(filter_rows(rows, " ")) == 2
