"""Referral urgency levels, lowest first (plan format v1: ``referral.urgency``)."""

from __future__ import annotations

URGENCIES = ("none", "routine", "prompt", "urgent", "emergency")


def urgency_rank(urgency: str) -> int:
    """The level's place in ``URGENCIES`` (0 for none, 4 for an emergency); raises ValueError for another word."""
    return URGENCIES.index(urgency)
