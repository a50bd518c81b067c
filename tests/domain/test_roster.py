"""The roster: status colours from running and referral, order (red flags and worsening first), filter."""

from __future__ import annotations

from datetime import date, timedelta

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.plan import Plan
from recovery_planner.domain.progress import HistoryEntry
from recovery_planner.domain.roster import (
    Completion,
    RosterEntry,
    completion,
    filter_by_name,
    latest_trend,
    roster_entry,
    roster_order,
    status,
    status_text,
    worst_text,
)

TODAY = date(2026, 3, 10)


def row(
    name: str,
    running: str | None = "normal",
    urgency: str | None = "none",
    trend: str | None = None,
    days_ago: int | None = 0,
    archived: bool = False,
) -> RosterEntry:
    last = None if days_ago is None else TODAY - timedelta(days=days_ago)
    return RosterEntry(name.lower(), name, last, running, urgency, "calf", "left", 3, trend, archived)


def test_status_rules():
    assert status(row("A", urgency="emergency", running=None)) == "red"
    assert status(row("A", urgency="prompt", running="none")) == "red"
    assert status(row("A", urgency="routine")) == "amber"
    assert status(row("A", running="easy")) == "amber"
    assert status(row("A", running="none")) == "amber"
    assert status(row("A")) == "green"
    assert status(row("A", urgency=None)) == "green"
    assert status(row("A", days_ago=None, running=None, urgency=None)) == "grey"


def test_status_has_words_not_only_colour():
    assert status_text(row("A", urgency="urgent", running="none")) == "See a doctor today"
    assert status_text(row("A", running="easy")) == "Easy runs only"
    assert status_text(row("A", running="easy", urgency="routine")) == "Easy runs; book a check-up"
    assert status_text(row("A", urgency="routine")) == "Book a check-up"
    assert status_text(row("A")) == "Clear to train"
    assert status_text(row("A", days_ago=None)) == "No check-in yet"
    assert worst_text(row("A")) == "Left calf 3/10"


def test_roster_orders_referrals_then_worsening_then_overdue_then_status():
    entries = [
        row("Green old", days_ago=5),
        row("Green new", days_ago=1),
        row("Never", days_ago=None),
        row("Amber better", running="easy", trend="better", days_ago=0),
        row("Amber worse", running="easy", trend="worse", days_ago=4),
        row("Red prompt", urgency="prompt", running="none", trend="better"),
        row("Red urgent", urgency="urgent", running="none", days_ago=3),
        row("Archived red", urgency="urgent", running="none", archived=True),
        row("Green worse", trend="worse", days_ago=6),
    ]
    names = [e.name for e in roster_order(entries)]
    assert names == [
        "Red urgent",
        "Red prompt",
        "Amber worse",
        "Green worse",
        "Amber better",
        "Green new",
        "Green old",
        "Never",
        "Archived red",
    ]
    # Knowing today, athletes with no check-in for 3 days or more (or none) come before the rest.
    names = [e.name for e in roster_order(entries, TODAY)]
    assert names[4:8] == ["Green old", "Never", "Amber better", "Green new"]


def test_ties_are_broken_by_name():
    assert [e.name for e in roster_order([row("bea"), row("Abe"), row("Cy")])] == ["Abe", "bea", "Cy"]


def test_name_filter_is_case_insensitive_and_hides_archived():
    entries = [row("Anna Berg"), row("Jonas Anand"), row("Bo Li", archived=True), row("Annabel Li")]
    assert [e.name for e in filter_by_name(entries, "ann")] == ["Anna Berg", "Annabel Li"]
    assert [e.name for e in filter_by_name(entries, "AN  li")] == ["Annabel Li"]
    assert len(filter_by_name(entries, "")) == 3
    assert [e.name for e in filter_by_name(entries, "li", include_archived=True)] == ["Annabel Li", "Bo Li"]


def _h(day: int, pain: float, plan: Plan | None = None) -> HistoryEntry:
    d = TODAY - timedelta(days=10 - day)
    areas = [{"region": "calf", "side": "right", "pain": pain, "kind": "aching"}] if pain else []
    return HistoryEntry(f"c{day}", d, parse_check_in({"date": d.isoformat(), "areas": areas}, d), plan)


def test_roster_entry_from_history():
    stored = {"start": TODAY.isoformat(), "days": [{"date": TODAY.isoformat(), "running": "easy", "items": []}]}
    plan = Plan.from_dict({**stored, "referral": {"urgency": "routine", "reasons": []}})
    entry = roster_entry("a1", "Ana", [_h(0, 2), _h(3, 5, plan)])
    assert entry.last_check_in == TODAY - timedelta(days=7)
    assert (entry.running_day1, entry.referral_urgency, entry.trend) == ("easy", "routine", "worse")
    assert (entry.worst_region, entry.worst_side, entry.worst_pain) == ("calf", "right", 5)
    assert status(entry) == "amber"
    assert status(roster_entry("a2", "Bo", [])) == "grey"
    assert latest_trend([_h(0, 5), _h(1, 0)]) == "better"
    assert latest_trend([_h(0, 5)]) is None


def test_who_needs_the_coach_today_holds_worsening_overdue_then_low_completion():
    def squad(name, **kw):
        base = dict(athlete_id=name, name=name, last_check_in=TODAY, running_day1="normal", referral_urgency="none")
        return RosterEntry(**{**base, "completion": Completion(5, 5), **kw})

    rows = [
        squad("Zoe complete"),
        squad("Yan low completion", completion=Completion(1, 10)),
        squad("Xia overdue", last_check_in=TODAY - timedelta(days=4)),
        squad("Wen worse", trend="worse"),
        squad("Val prompt", referral_urgency="prompt"),
        squad("Uma held", hold_open=True, referral_urgency="prompt", hold_reason="See a physio"),
        squad("Tia urgent", referral_urgency="urgent"),
        squad("Sam never", last_check_in=None, completion=None),
        squad("Rae routine", referral_urgency="routine"),
    ]
    names = [r.name for r in roster_order(rows, TODAY)]
    assert names == [
        "Tia urgent",
        "Uma held",
        "Val prompt",
        "Rae routine",
        "Wen worse",
        "Xia overdue",
        "Sam never",
        "Yan low completion",
        "Zoe complete",
    ]
    assert status_text(rows[5]) == "Held until cleared: see a physio first"
    held = rows[5]
    assert status(held) == "red"


def test_overdue_threshold_is_a_setting_and_search_covers_notes():
    r = RosterEntry("a", "Ana", TODAY - timedelta(days=3), note_text="Prefers grass")
    assert r.overdue(TODAY, 3) and not r.overdue(TODAY, 4)
    assert [e.name for e in filter_by_name([r, RosterEntry("b", "Ben")], "GRASS")] == ["Ana"]


def test_completion_counts_only_the_last_seven_days_up_to_today():
    scheduled = {TODAY - timedelta(days=d): {f"{d}:a", f"{d}:b"} for d in range(-2, 10)}
    done = {"0:a", "6:a", "6:b", "7:a", "-1:a"}
    c = completion(scheduled, done, TODAY)
    assert (c.done, c.scheduled) == (3, 14)
    assert c.band() == "poor" and c.text() == "3 of 14 done (21 %)"
    assert Completion(0, 0).text() == "nothing planned" and Completion(0, 0).band() == "none"
