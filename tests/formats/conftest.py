"""Paths of the real activity files in tests/data/activities (see its NOTICE.md)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "activities"


def fixture(kind: str, name: str) -> Path:
    return DATA / kind / name
