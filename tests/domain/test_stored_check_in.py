"""Reading a stored check-in back (``read_stored_check_in``): the inverse of ``to_dict``, tolerant of old records,
while new input is validated as strictly as before."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_planner.domain.checkin import CheckInError, StoredCheckIn, parse_check_in, read_stored_check_in

DAY = date(2026, 3, 2)
VIGNETTES = json.loads((Path(__file__).parents[1] / "data" / "vignettes.json").read_text())


@pytest.mark.parametrize("case", VIGNETTES, ids=lambda c: c["id"])
def test_a_stored_check_in_reads_back_as_the_one_validated(case) -> None:
    check_in = parse_check_in(case["check_in"], DAY)
    assert read_stored_check_in(check_in.to_dict(), date(2000, 1, 1)) == check_in


@settings(max_examples=60, deadline=None)
@given(
    pain=st.integers(0, 10),
    hours=st.none() | st.floats(0, 200),
    trend=st.none() | st.sampled_from(["better", "same", "worse"]),
    sweat=st.booleans(),
)
def test_generated_check_ins_read_back_unchanged(pain, hours, trend, sweat) -> None:
    area = {"region": "calf", "side": "left", "pain": pain, "kind": "aching", "hours_since_run": hours, "trend": trend}
    session = {"duration_min": 60, **({"sweat_test": {"bm_pre": 70, "bm_post": 69.2}} if sweat else {})}
    data = {"date": DAY.isoformat(), "areas": [area], "load": {"acute_km_7d": 30, "last_session": session}}
    check_in = parse_check_in(data, DAY)
    assert read_stored_check_in(check_in.to_dict(), DAY) == check_in


def test_an_old_record_keeps_what_it_stored_and_ignores_what_this_version_does_not_know() -> None:
    stored = {
        "date": "2024-05-01",
        "athlete": {"experience": "advanced", "shoe_size": 44},  # a field no version reads any more
        "areas": [{"region": "calf", "side": "left", "pain": 3, "kind": "aching", "colour": "red"}],
        "symptoms": {"retired_question": True, "dark_urine": False},
        "wellbeing": {"sleep_hours": 30},  # out of today's range: kept as it was stored
    }
    check_in = read_stored_check_in(stored, date(2024, 5, 1))
    assert check_in.athlete.experience == "advanced" and check_in.areas[0].pain == 3
    assert check_in.symptoms == {"dark_urine": False} and check_in.wellbeing.sleep_hours == 30
    with pytest.raises(CheckInError):  # new input with the same content is still refused
        parse_check_in(stored, DAY)


def test_a_record_that_does_not_fit_is_read_field_by_field_leaving_out_what_does_not_pass() -> None:
    stored = {
        "date": "2024-05-01",
        "areas": [
            {"region": "calf", "side": "left", "pain": "three", "kind": "aching"},  # not a number: left out
            {"region": "knee", "side": "right", "pain": 4, "kind": "sharp"},
            {"region": "shin", "side": "left", "kind": "aching"},  # no pain: left out
        ],
        "wellbeing": {"fatigue": 5},
    }
    check_in = read_stored_check_in(stored, date(2024, 5, 1))
    assert [(a.region, a.pain) for a in check_in.areas] == [("knee", 4)]
    assert check_in.wellbeing.fatigue == 5 and check_in.date == date(2024, 5, 1)
    assert read_stored_check_in({"areas": "not a list"}, DAY).areas == ()
    assert read_stored_check_in({}, DAY).date == DAY  # the record's date when the check-in has none


@pytest.mark.parametrize(
    "stored",
    [
        {"date": "2024-05-01", "areas": [{"region": "calf", "side": "left", "pain": 3, "kind": "aching"}]},
        {"date": "2024-05-01", "areas": [{"region": "calf", "side": "left", "pain": "3", "kind": "aching"}]},
        {"date": "2024-05-01", "areas": "not a list"},
        {"date": "2024-05-01"},
    ],
)
def test_a_stored_check_ins_areas_alone_are_those_of_the_whole_check_in(stored) -> None:
    alone, whole = StoredCheckIn(stored, DAY), StoredCheckIn(stored, DAY)
    assert alone.areas == whole.check_in.areas == read_stored_check_in(stored, DAY).areas
    assert whole.areas is whole.check_in.areas  # read once


def test_a_bare_stored_record_gets_every_default_a_new_check_in_has():
    from recovery_planner.domain.checkin import CheckIn

    day = date(2026, 11, 30)
    assert read_stored_check_in({"date": day.isoformat()}, day) == CheckIn(date=day)
    assert read_stored_check_in({}, day) == CheckIn(date=day)
