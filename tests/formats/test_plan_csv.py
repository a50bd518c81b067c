"""The plan as a spreadsheet: BOM, CRLF, one row per item per day, and no formula a spreadsheet would run."""

from __future__ import annotations

import copy
import csv
import io

from recovery_planner.formats.plan_csv import COLUMNS, plan_to_csv, safe_cell

from .plans import plan_for


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_round_trip_one_row_per_item_per_day_with_ticks() -> None:
    _, plan = plan_for("V01")
    ticked = {plan["days"][0]["items"][0]["id"], plan["days"][2]["items"][1]["id"]}
    data = plan_to_csv(plan, ticked)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel then reads UTF-8
    table = rows(data)
    assert tuple(table[0]) == COLUMNS
    body = table[1:]
    expected = [(day, item) for day in plan["days"] for item in day["items"]]
    assert len(body) == len(expected)
    for row, (day, item) in zip(body, expected, strict=True):
        assert row[0] == day["date"]
        assert item["title"] in row[2]
        assert row[5] == ("yes" if item["id"] in ticked else "no")
    assert sum(r[5] == "yes" for r in body) == 2
    rolled = next(r for r in body if r[2].startswith("Foam rolling"))  # one item for both areas
    assert rolled[3] == "Quadriceps, both legs; Calf, both legs" and rolled[2].endswith("(optional)")
    assert "roll the front of the thigh" in rolled[4] and "roll the calf" in rolled[4]
    accented = copy.deepcopy(plan)
    accented["days"][0]["items"][0]["title"] = "Bain froid à 10-15 °C"
    assert rows(plan_to_csv(accented))[1][2] == "Bain froid à 10-15 °C"  # non-ASCII survives


def test_records_end_with_crlf() -> None:
    _, plan = plan_for("V03")
    text = plan_to_csv(plan).decode("utf-8-sig")
    assert text.endswith("\r\n") and text.count("\n") == text.count("\r\n") == len(rows(plan_to_csv(plan)))


def test_cells_that_would_run_as_formulas_are_defused() -> None:
    _, plan = plan_for("V14")
    hostile = copy.deepcopy(plan)
    item = hostile["days"][0]["items"][0]
    item["title"] = '=HYPERLINK("http://x.invalid","click")'
    item["dose"] = {"summary": "+1+cmd|' /C calc'!A0"}
    body = rows(plan_to_csv(hostile))[1]
    assert body[2].startswith("'=HYPERLINK") and body[4].startswith("'+1")
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("10-15 min") == "10-15 min" and safe_cell(None) == ""


def test_an_emergency_plan_is_one_row_saying_get_help() -> None:
    _, plan = plan_for("V05")
    table = rows(plan_to_csv(plan))
    assert len(table) == 2 and "get help" in table[1][2]


def test_an_item_covering_several_regions_lists_them_all() -> None:
    _, plan = plan_for("V01")
    item = copy.deepcopy(plan["days"][0]["items"][0])
    item.update(region=None, side="both", dose={"summary": "60 s each", "regions": ["calf", "quadriceps"]})
    plan = {**plan, "days": [{**plan["days"][0], "items": [item]}]}
    assert rows(plan_to_csv(plan))[1][3] == "Calf, both legs; Quadriceps, both legs"
