"""Local storage: the repository of athletes, check-ins, plans and settings, with backups and recovery."""

from .backups import BackupInfo
from .errors import (
    BackupError,
    DamagedFileError,
    DataFolderError,
    InvalidRecordError,
    LockedError,
    NewerVersionError,
    NotFoundError,
    StorageError,
    WriteFailedError,
)
from .paths import ENV_VAR, default_data_dir, resolve_data_dir
from .records import AthleteRecord, CheckInRecord, CheckInSummary
from .repository import RepairAction, Repository

__all__ = [
    "ENV_VAR", "AthleteRecord", "BackupError", "BackupInfo", "CheckInRecord", "CheckInSummary",
    "DamagedFileError", "DataFolderError", "InvalidRecordError", "LockedError", "NewerVersionError",
    "NotFoundError", "RepairAction", "Repository", "StorageError", "WriteFailedError", "default_data_dir",
    "resolve_data_dir",
]
