"""Real plans for the export tests, built by the planner from the shared test check-ins."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.planner import build_plan

VIGNETTES = Path(__file__).resolve().parents[1] / "data" / "vignettes.json"


def vignette_check_in(case_id: str) -> dict[str, Any]:
    cases = {c["id"]: c for c in json.loads(VIGNETTES.read_text(encoding="utf-8"))}
    return dict(cases[case_id]["check_in"])


def plan_for(case_id: str, start: date = date(2026, 3, 2), days: int = 7) -> tuple[dict[str, Any], dict[str, Any]]:
    """(check-in dict, plan dict) for a test check-in dated ``start``."""
    check_in = parse_check_in({**vignette_check_in(case_id), "date": start.isoformat()}, start)
    return check_in.to_dict(), build_plan(check_in, days).to_dict()
