"""App settings (units, plan length, coach mode...) and the runner's own profile from the preferences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .changes import Changes, OpResult
from .context import AppContext

WELCOMED_SETTING = "welcomed"  # the first-start welcome page was completed
SEX_SETTING = "runner_sex"  # the runner's sex, for the fluids advice
COACH_NAME_SETTING = "coach_name"  # who signs the coach's notes and plan changes


def save_settings(
    ctx: AppContext,
    values: Mapping[str, Any],
    athlete_id: str | None = None,
    profile: Mapping[str, Any] | None = None,
) -> OpResult[dict[str, Any]]:
    """Store each setting (and the athlete's profile fields, if given); returns every setting afterwards."""
    for key, value in values.items():
        ctx.repo.set_setting(key, value)
    changes = Changes(settings=True)
    if profile is not None and athlete_id is not None:
        ctx.repo.update_athlete(athlete_id, **profile)
        changes = changes | Changes(athletes=True, athlete_id=athlete_id)
    return OpResult(ctx.repo.settings(), changes)


def set_setting(ctx: AppContext, key: str, value: Any) -> OpResult[None]:
    ctx.repo.set_setting(key, value)
    return OpResult(None, Changes(settings=True))
