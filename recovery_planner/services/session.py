"""Opening the data folder, and what the main window shows first and after a change."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .changes import OpResult
from .context import AppContext, local_now
from .queries import CurrentPlan

if TYPE_CHECKING:
    from ..domain.roster import RosterEntry
    from ..storage.records import AthleteRecord


# What opening a folder and reading the first screen import (the main window's services included).
START_MODULES = (
    "..storage.repository",
    "..storage.legacy",
    ".athletes",
    ".backups",
    ".settings",
)


def preload() -> None:
    """Import the modules the first screen needs now. The app calls it before loading Qt: PySide6 reads the
    source of every module imported after it, which costs start-up time the Qt-free layer need not pay."""
    for name in START_MODULES:
        importlib.import_module(name, __package__)


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir``, else $RECOVERY_PLANNER_HOME, else the platform's user data folder."""
    from ..storage.paths import resolve_data_dir as resolve

    return resolve(explicit)


def open_context(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    clock: Callable[[], datetime] = local_now,
    renderers: dict[str, Callable[..., Any]] | None = None,
) -> AppContext:
    """Open (creating if needed) the data folder and wrap it in a context; raises StorageError subclasses."""
    from ..storage.repository import Repository

    return AppContext(Repository.open(data_dir), clock=clock, renderers=dict(renderers or {}))


def close_context(ctx: AppContext) -> None:
    """Release cached files (every save is already on disk)."""
    ctx.repo.close()


@dataclass(frozen=True)
class Overview:
    """Settings, the active athletes (by name) and, in coach mode, the roster rows (every athlete, archived
    included; a runner has no squad, so none are made)."""

    settings: dict[str, Any]
    athletes: tuple[AthleteRecord, ...]
    roster: tuple[RosterEntry, ...]

    def athlete(self, athlete_id: str) -> AthleteRecord | None:
        return next((a for a in self.athletes if a.id == athlete_id), None)


def overview(ctx: AppContext) -> Overview:
    from .queries import roster_entries

    settings = ctx.repo.settings()
    everyone = ctx.repo.list_athletes(include_archived=True)  # one read of the index serves both lists
    roster = tuple(roster_entries(ctx, athletes=everyone)) if settings.get("coach_mode") else ()
    return Overview(settings, tuple(a for a in everyone if not a.archived), roster)


@dataclass(frozen=True)
class StartState:
    """The first screen: the overview, whose plan to show, and what was repaired while opening the folder.

    ``current`` is None when the first screen does not show the plan: a coach starts on the squad, and the
    plan is read when its tab is opened."""

    data_dir: Path
    overview: Overview
    athlete_id: str
    current: CurrentPlan | None
    warnings: tuple[str, ...]


def start_state(ctx: AppContext) -> OpResult[StartState]:
    """The first screen's data (also after a restore). Adds the runner's own profile ("Me") to an empty folder."""
    from ..storage.errors import DamagedFileError
    from ..storage.legacy import take_window_theme
    from .athletes import ensure_athlete
    from .queries import current_plan

    theme = take_window_theme(ctx.repo.data_dir)  # from versions that kept it in window.ini
    if theme is not None and ctx.repo.get_setting("theme") is None:
        ctx.repo.set_setting("theme", theme)
    view = overview(ctx)
    chosen = ensure_athlete(ctx, view.settings.get("current_athlete"), view.athletes)
    if chosen.changes.athletes:  # "Me" was added to an empty folder
        view = overview(ctx)
    current: CurrentPlan | None = None
    if not view.settings.get("coach_mode"):
        try:
            current = current_plan(ctx, chosen.value)
        except DamagedFileError:  # kept aside; backups.damaged_files lists it and the window offers the repair
            current = CurrentPlan(None, frozenset())
    state = StartState(
        data_dir=ctx.repo.data_dir,
        overview=view,
        athlete_id=chosen.value,
        current=current,
        warnings=tuple(ctx.repo.warnings),
    )
    return OpResult(state, chosen.changes)
