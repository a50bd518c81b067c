"""The roster: status colours from running and referral, order (red flags and worsening first), filter."""

from __future__ import annotations

from datetime import date, timedelta

from recovery_planner.domain.progress import HistoryEntry
from recovery_planner.domain.roster import (
    RosterEntry,
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


def test_roster_orders_by_status_then_worsening_then_recency_then_name():
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
        "Amber better",
        "Green worse",
        "Green new",
        "Green old",
        "Never",
        "Archived red",
    ]


def test_ties_are_broken_by_name():
    assert [e.name for e in roster_order([row("bea"), row("Abe"), row("Cy")])] == ["Abe", "bea", "Cy"]


def test_name_filter_is_case_insensitive_and_hides_archived():
    entries = [row("Anna Berg"), row("Jonas Anand"), row("Bo Li", archived=True), row("Annabel Li")]
    assert [e.name for e in filter_by_name(entries, "ann")] == ["Anna Berg", "Annabel Li"]
    assert [e.name for e in filter_by_name(entries, "AN  li")] == ["Annabel Li"]
    assert len(filter_by_name(entries, "")) == 3
    assert [e.name for e in filter_by_name(entries, "li", include_archived=True)] == ["Annabel Li", "Bo Li"]


def _h(day: int, pain: float, plan: dict | None = None) -> HistoryEntry:
    d = TODAY - timedelta(days=10 - day)
    areas = [{"region": "calf", "side": "right", "pain": pain, "kind": "aching"}] if pain else []
    return HistoryEntry(f"c{day}", d, {"date": d.isoformat(), "areas": areas}, plan)


def test_roster_entry_from_history():
    plan = {"days": [{"running": "easy", "items": []}], "referral": {"urgency": "routine", "reasons": []}}
    entry = roster_entry("a1", "Ana", [_h(0, 2), _h(3, 5, plan)])
    assert entry.last_check_in == TODAY - timedelta(days=7)
    assert (entry.running_day1, entry.referral_urgency, entry.trend) == ("easy", "routine", "worse")
    assert (entry.worst_region, entry.worst_side, entry.worst_pain) == ("calf", "right", 5)
    assert status(entry) == "amber"
    assert status(roster_entry("a2", "Bo", [])) == "grey"
    assert latest_trend([_h(0, 5), _h(1, 0)]) == "better"
    assert latest_trend([_h(0, 5)]) is None
