"""The coach commands, run as the real CLI on a tmp data folder."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from .test_data_commands import run

TODAY = date.today().isoformat()
CHECKIN = {
    "date": TODAY,
    "athlete": {"experience": "intermediate", "body_mass_kg": 58},
    "areas": [
        {
            "region": "achilles",
            "side": "left",
            "pain": 2,
            "kind": "aching",
            "hours_since_run": 20,
            "days_since_onset": 10,
            "trend": "same",
        }
    ],
    "symptoms": {"morning_stiffness_min": 10, "warms_up_during_run": True},
}


@pytest.fixture
def squad(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    for name in ("Ana Lopez", "Ben Okafor"):
        assert run(d, "athletes", "add", name, "--experience", "intermediate", "--mass", "60").returncode == 0
    added = run(d, "checkin", "add", "-", "--athlete", "Ana Lopez", stdin=json.dumps(CHECKIN))
    assert added.returncode == 0, added.stderr
    return d


def _plan(d: Path) -> dict:
    out = run(d, "coach", "changes", "--athlete", "Ana Lopez", "--format", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_rest_day_is_saved_and_a_forbidden_change_is_refused_with_exit_2(squad: Path) -> None:
    plan = _plan(squad)
    run_day = next(d for d in plan["days"] if d["running"] != "none")["date"]
    ok = run(
        squad, "coach", "edit", "--athlete", "Ana Lopez", "--by", "Coach Kim", "--day", run_day, "--action", "rest_day"
    )
    assert ok.returncode == 0 and ok.stdout == "", ok.stderr
    after = _plan(squad)
    assert next(d for d in after["days"] if d["date"] == run_day)["running"] == "none"
    assert after["coach_changes"][0]["author"] == "Coach Kim"
    sleep = next(i for i in after["days"][0]["items"] if i["kind"] == "sleep")
    refused = run(
        squad, "coach", "edit", "--athlete", "Ana Lopez", "--by", "Coach Kim", "--day", TODAY,
        "--action", "remove_item", "--item", sleep["id"],
    )  # fmt: skip
    assert refused.returncode == 2 and "Change refused" in refused.stderr and "Traceback" not in refused.stderr
    assert len(_plan(squad)["coach_changes"]) == 1


def test_squad_lists_every_athlete_as_json_and_csv(squad: Path) -> None:
    out = run(squad, "coach", "squad", "--format", "json")
    rows = json.loads(out.stdout)
    ben = next(r for r in rows if r["name"] == "Ben Okafor")
    ana = next(r for r in rows if r["name"] == "Ana Lopez")
    assert ben["overdue"] and ben["last_check_in"] is None and not ana["overdue"]
    # A referral comes first; otherwise the athlete who never checked in is chased first.
    expected = ["Ana Lopez", "Ben Okafor"] if ana["urgency"] != "none" else ["Ben Okafor", "Ana Lopez"]
    assert [r["name"] for r in rows] == expected
    assert ana["completion_7d"]["scheduled"] > 0 and ana["days_since_check_in"] == 0
    summary = squad / ".." / "summary.csv"
    assert run(squad, "coach", "summary", "--to", str(summary)).returncode == 0
    raw = summary.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["athlete"] for r in table} == {"Ana Lopez", "Ben Okafor"}


def test_notes_export_and_delete(squad: Path, tmp_path: Path) -> None:
    assert (
        run(
            squad, "coach", "note", "--athlete", "Ana Lopez", "--by", "Coach Kim", "--text", "Trail in May", "--pin"
        ).returncode
        == 0
    )
    listed = json.loads(run(squad, "coach", "notes", "--athlete", "Ana Lopez", "--format", "json").stdout)
    assert listed[0]["text"] == "Trail in May" and listed[0]["pinned"]
    dest = tmp_path / "ana.json"
    assert run(squad, "athletes", "export", "Ana Lopez", "--to", str(dest)).returncode == 0
    record = json.loads(dest.read_text())
    assert record["format"] == "recovery-planner-athlete-record" and len(record["check_ins"]) == 1
    assert record["notes"][0]["text"] == "Trail in May"
    wrong = run(squad, "athletes", "delete", "Ana Lopez", "--confirm", "Ana")
    assert wrong.returncode == 2 and "Nothing was deleted" in wrong.stderr
    assert run(squad, "athletes", "delete", "Ana Lopez", "--confirm", "ana lopez").returncode == 0
    names = [a["name"] for a in json.loads(run(squad, "athletes", "list", "--all", "--format", "json").stdout)]
    assert names == ["Ben Okafor"]
    assert run(squad, "history", "--athlete", "Ana Lopez").returncode == 2
