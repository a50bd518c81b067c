"""The accepted ranges of an athlete's details, shared by check-in validation, storage and the dialogs."""

from __future__ import annotations

BODY_MASS_KG = (25.0, 250.0)
AGE_YEARS = (8, 110)
NAME_MAX_CHARS = 80
NOTES_MAX_CHARS = 5000
