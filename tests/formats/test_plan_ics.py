"""The plan as a calendar: parsed back with icalendar, and the raw lines checked against RFC 5545."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar

from recovery_planner.domain.plan_text import URGENCY_WORDS
from recovery_planner.formats.plan_ics import plan_to_ics

from .plans import plan_for

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_one_all_day_event_per_plan_day_with_its_key_items() -> None:
    _, plan = plan_for("V03")
    found = events(plan_to_ics(plan, athlete_id="a1", now=NOW, athlete_name="Ana López"))
    assert len(found) == len(plan["days"]) == 7
    for event, day in zip(found, plan["days"], strict=True):
        start = event.decoded("dtstart")
        assert start == date.fromisoformat(day["date"]) and not isinstance(start, datetime)  # all-day
        assert event.decoded("dtend") == start + timedelta(days=1)
        assert "No running" in str(event["summary"])
        description = str(event["description"])
        for item in day["items"]:
            assert item["title"] in description
        assert "See a physiotherapist or sports doctor" in description  # the referral rides on every day
        assert "not medical advice" in description


def test_raw_lines_are_crlf_and_folded_at_75_octets_even_with_accents() -> None:
    _, plan = plan_for("V01")
    name = "Zoë Müller-Łukasiewicz " * 6  # multi-byte characters in a long line
    data = plan_to_ics(plan, athlete_id="a1", now=NOW, athlete_name=name.strip())
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n")  # no bare line feeds
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    folded = [line for line in lines if line.startswith(b" ")]
    assert folded, "long descriptions must be folded"
    for line in lines:
        line.decode("utf-8")  # never split inside a multi-byte character
    assert str(Calendar.from_ical(data)["x-wr-calname"]) == f"Recovery plan: {name.strip()}"


def test_re_export_keeps_the_uids_so_calendars_update_instead_of_duplicating() -> None:
    _, plan = plan_for("V01")
    first = events(plan_to_ics(plan, athlete_id="a1", now=NOW))
    later = events(plan_to_ics(plan, athlete_id="a1", now=NOW + timedelta(days=1, minutes=7)))
    uids = [str(e["uid"]) for e in first]
    assert uids == [str(e["uid"]) for e in later]
    assert len(set(uids)) == len(uids)
    assert first[0].decoded("dtstamp") != later[0].decoded("dtstamp")
    assert int(later[0]["sequence"]) > int(first[0]["sequence"]) >= 0  # a later export is an update
    other_athlete = [str(e["uid"]) for e in events(plan_to_ics(plan, athlete_id="b2", now=NOW))]
    assert not set(other_athlete) & set(uids)
    _, replanned = plan_for("V01", start=date(2026, 3, 4))
    assert not {str(e["uid"]) for e in events(plan_to_ics(replanned, athlete_id="a1", now=NOW))} & set(uids)


def test_dtstamp_is_the_injected_clock_in_utc() -> None:
    _, plan = plan_for("V14")
    data = plan_to_ics(plan, athlete_id="a1", now=NOW)
    assert b"DTSTAMP:20260302T083000Z\r\n" in data
    stamp = events(data)[0].decoded("dtstamp")
    assert stamp == datetime(2026, 3, 2, 8, 30, tzinfo=timezone.utc)


def test_an_emergency_plan_is_one_event_saying_what_to_do_now() -> None:
    _, plan = plan_for("V05")
    assert plan["plan_suppressed"]
    (event,) = events(plan_to_ics(plan, athlete_id="a1", now=NOW))
    assert event.decoded("dtstart") == date(2026, 3, 2)
    assert "Get help first" in str(event["summary"])
    description = str(event["description"])
    assert URGENCY_WORDS["emergency"] in description
    for step in plan["do_now"]:
        assert step in description


def test_a_day_carries_its_running_reason_and_summary() -> None:
    _, plan = plan_for("V03")
    day = {**plan["days"][0], "running_reason": "Shin pain of 5/10", "summary": "Rest, ice and sleep"}
    (event,) = events(plan_to_ics({**plan, "days": [day]}, athlete_id="a1", now=NOW))
    assert str(event["description"]).startswith("No running: Shin pain of 5/10\nRest, ice and sleep\n")
