"""Properties over generated check-ins: every plan exports to a valid calendar and spreadsheet, and every
check-in survives the exchange file unchanged."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timezone

from hypothesis import given, settings
from icalendar import Calendar

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan
from recovery_planner.formats.exchange import read_exchange, write_exchange
from recovery_planner.formats.plan_csv import plan_to_csv
from recovery_planner.formats.plan_ics import plan_to_ics

from ..domain.strategies import check_ins

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
SOME = settings(max_examples=60, deadline=None)


@SOME
@given(check_ins())
def test_every_plan_exports_to_a_valid_calendar_and_spreadsheet(data) -> None:
    check_in = parse_check_in(data, TODAY)
    plan = build_plan(check_in, 7).to_dict()
    ics = plan_to_ics(plan, athlete_id="a", now=NOW, athlete_name="Zoë")
    lines = ics.split(b"\r\n")
    assert lines[-1] == b"" and max(len(line) for line in lines) <= 75 and b"\n" not in b"".join(lines)
    events = list(Calendar.from_ical(ics).walk("VEVENT"))
    assert len(events) == (len(plan["days"]) or 1)
    assert len({str(e["uid"]) for e in events}) == len(events)
    rows = list(csv.reader(io.StringIO(plan_to_csv(plan).decode("utf-8-sig"), newline="")))
    assert len(rows) - 1 == (sum(len(d["items"]) for d in plan["days"]) or 1)
    assert all(len(r) == 6 and not r[2].startswith(("=", "+", "-", "@")) for r in rows)


@SOME
@given(check_ins())
def test_every_check_in_survives_the_exchange_file(data) -> None:
    check_in = parse_check_in(data, TODAY)
    file = write_exchange(check_in.to_dict(), athlete_name="Ana", app_version="0", exported_at=NOW)
    assert read_exchange(file, TODAY).check_in == check_in
