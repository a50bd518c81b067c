"""Local storage: the repository of athletes, check-ins, plans and settings, with backups and recovery.

Names load on first use (PEP 562), so the app can resolve its data folder before the rest of storage.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "BackupInfo": "backups",
    "BackupError": "errors",
    "DamagedFileError": "errors",
    "DataFolderError": "errors",
    "InvalidRecordError": "errors",
    "LockedError": "errors",
    "NewerVersionError": "errors",
    "NotFoundError": "errors",
    "StorageError": "errors",
    "WriteFailedError": "errors",
    "ENV_VAR": "paths",
    "default_data_dir": "paths",
    "resolve_data_dir": "paths",
    "AthleteRecord": "records",
    "CheckInRecord": "records",
    "CheckInSummary": "records",
    "ClearanceRecord": "records",
    "RepairAction": "salvage",
    "Repository": "repository",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
