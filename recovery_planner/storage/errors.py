"""Storage errors. Each one's ``str()`` is a plain-English message for the runner, naming the file."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base class: something stopped the data folder from being read or written."""

    exit_code = 5


class DataFolderError(StorageError):
    """The data folder cannot be created or used."""

    exit_code = 5


class InvalidRecordError(StorageError, ValueError):
    """A value given to the repository is not acceptable (e.g. a body mass of 400 kg).

    ``errors`` holds one "field: problem" line per problem; nothing was written.
    """

    exit_code = 2

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


class NotFoundError(StorageError, LookupError):
    """No athlete, check-in or backup by that name or id."""

    exit_code = 2


class DamagedFileError(StorageError):
    """A data file cannot be read (truncated, garbage, wrong shape). It has not been overwritten."""

    exit_code = 3

    def __init__(self, path: Path, problem: str, kept_at: Path | None = None, backup_available: bool = False):
        self.path = Path(path)
        self.problem = problem
        self.kept_at = kept_at
        self.backup_available = backup_available
        lines = [f"The data file {self.path} is damaged ({problem}). It has not been changed."]
        if kept_at is not None:
            lines.append(f"A copy of the damaged file is kept at {kept_at}.")
        if backup_available:
            lines.append(
                "A backup is available: run `recovery-planner restore` to put back the newest good copy of this file."
            )
        else:
            lines.append(
                "Run `recovery-planner restore` to repair it from the backups "
                "(no good backup of this file was found yet)."
            )
        super().__init__("\n".join(lines))


class NewerVersionError(StorageError):
    """A file was written by a newer version of the app; it is refused rather than misread."""

    exit_code = 4

    def __init__(self, path: Path, found: int, supported: int):
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(
            f"The data file {self.path} was written by a newer version of Recovery Planner "
            f"(data format {found}; this version reads formats up to {supported}). "
            "Please update Recovery Planner to open it. The file has not been changed."
        )


class LockedError(StorageError):
    """Another Recovery Planner process kept the data folder busy for too long."""

    exit_code = 5

    def __init__(self, lock_path: Path, waited_s: float):
        self.lock_path = Path(lock_path)
        self.waited_s = waited_s
        super().__init__(
            f"Another Recovery Planner window or command is saving to {self.lock_path.parent} and did not "
            f"finish within {waited_s:g} seconds. Nothing was saved; please try again in a moment."
        )


class WriteFailedError(StorageError):
    """Saving failed (disk full, no permission...). The previous version of the file is intact."""

    exit_code = 5

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"Could not save {self.path}: {reason}. Nothing was changed in that file.")


class BackupError(StorageError):
    """A backup could not be made, read or restored."""
