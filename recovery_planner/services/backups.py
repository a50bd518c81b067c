"""Backups, restoring a backup, and repairing damaged files from the newest good copies."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .changes import Changes, OpResult
from .context import AppContext

if TYPE_CHECKING:
    from ..storage.backups import BackupInfo
    from ..storage.salvage import RepairAction

EVERYTHING = Changes(athletes=True, check_ins=True, plans=True, ticks=True, settings=True, backups=True)


def backup_now(ctx: AppContext) -> OpResult[BackupInfo]:
    """A backup taken now, kept until deleted."""
    return OpResult(ctx.repo.backup("manual"), Changes(backups=True))


def daily_backup(ctx: AppContext) -> OpResult[None]:
    """Today's automatic backup, if it is not taken yet."""
    ctx.repo.ensure_daily_backup()
    return OpResult(None, Changes(backups=True))


def list_backups(ctx: AppContext) -> list[BackupInfo]:
    return ctx.repo.list_backups()


def export_backup(ctx: AppContext, dest: str | os.PathLike[str]) -> OpResult[int]:
    """All data in one zip file (to move it to another computer); the value is the number of files."""
    return OpResult(ctx.repo.export_backup(Path(dest)))


def restore_from(ctx: AppContext, source: str | os.PathLike[str]) -> OpResult[BackupInfo]:
    """Replace all data with a backup; the value is the safety backup of the data as it was."""
    return OpResult(ctx.repo.restore_from(source), EVERYTHING)


def damaged_files(ctx: AppContext, full: bool = False) -> list[Path]:
    return ctx.repo.damaged_files(full)


def repair(ctx: AppContext, full: bool = False) -> OpResult[list[RepairAction]]:
    """Put back the newest good backup copy of each damaged file (the damaged one is kept aside)."""
    actions = ctx.repo.repair(full=full)
    return OpResult(actions, EVERYTHING if actions else Changes())
