"""Check-ins shared by several test modules."""

from __future__ import annotations

from datetime import date
from typing import Any


def achilles_check_in(day: date, pain: int = 2) -> dict[str, Any]:
    """A mild, steady left Achilles tendon ache (the tendon pattern: easy running with strength loading)."""
    return {
        "date": day.isoformat(),
        "athlete": {"experience": "intermediate", "body_mass_kg": 60},
        "areas": [
            {
                "region": "achilles",
                "side": "left",
                "pain": pain,
                "kind": "aching",
                "hours_since_run": 20,
                "days_since_onset": 10,
                "trend": "same",
            }
        ],
        "symptoms": {"morning_stiffness_min": 10, "warms_up_during_run": True},
    }
