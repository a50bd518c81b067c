"""The accepted ranges of an athlete's details, shared by check-in validation, storage and the dialogs."""

from __future__ import annotations

EXPERIENCE = ("beginner", "intermediate", "advanced")
MIN_DAYS, DEFAULT_DAYS, MAX_DAYS = 3, 7, 14  # plan horizon, in days
BODY_MASS_KG = (25.0, 250.0)
AGE_YEARS = (5, 110)  # 5: the planner has rules for children (X3); domain/checkin.py validates the same range
NAME_MAX_CHARS = 80
NOTES_MAX_CHARS = 5000
