"""Storage errors. Each one's ``str()`` is a plain-English message for the runner, naming the file.

Every class carries ``exit_code``, the command line's exit status for it: 2 bad input or not found
(nothing saved), 3 a data file is damaged, 4 data written by a newer version, 5 the data folder cannot be
written now (read-only, permissions, disk full, lock held too long).
"""

from __future__ import annotations

import errno
from pathlib import Path

EXIT_BAD_INPUT = 2
EXIT_DAMAGED = 3
EXIT_NEWER_VERSION = 4
EXIT_CANNOT_WRITE = 5


class StorageError(Exception):
    """Base class: something stopped the data folder from being read or written."""

    exit_code = EXIT_CANNOT_WRITE


class DataFolderError(StorageError):
    """The data folder (or a file in it) cannot be created, read or used right now."""

    exit_code = EXIT_CANNOT_WRITE


class InvalidRecordError(StorageError, ValueError):
    """A value given to the repository is not acceptable (e.g. a body mass of 400 kg).

    ``errors`` holds one "field: problem" line per problem; nothing was written.
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


class UnstorableValueError(InvalidRecordError, TypeError):
    """A value cannot be written as JSON (a lone surrogate, an integer beyond 64 bits, an object).

    Also a TypeError, as TinyDB's own storage raises for such a value.
    """

    exit_code = EXIT_BAD_INPUT


class NotFoundError(StorageError, LookupError):
    """No athlete, check-in or backup by that name or id."""

    exit_code = EXIT_BAD_INPUT


class DamagedFileError(StorageError):
    """A data file cannot be read (truncated, garbage, wrong shape, checksum). It has not been overwritten."""

    exit_code = EXIT_DAMAGED

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
                "A backup is available: run `recovery-planner restore` to put back the newest good copy of this file "
                "together with whatever can still be read from the damaged one."
            )
        else:
            lines.append(
                "Run `recovery-planner restore` to repair it: what can still be read is kept "
                "(no good backup of this file was found yet)."
            )
        super().__init__("\n".join(lines))


class NewerVersionError(StorageError):
    """A file was written by a newer version of the app; it is refused rather than misread or overwritten."""

    exit_code = EXIT_NEWER_VERSION

    def __init__(self, path: Path, found: int, supported: int, app_version: str | None = None):
        self.path = Path(path)
        self.found = found
        self.supported = supported
        self.app_version = app_version
        by = f" ({app_version})" if app_version else ""
        super().__init__(
            f"The data file {self.path} was written by a newer version of Recovery Planner{by}: it uses data "
            f"format {found}, and this version reads formats up to {supported}. Please update Recovery Planner "
            "to open it. The file has not been changed."
        )


class LockedError(StorageError):
    """Another Recovery Planner process kept the data folder busy for too long."""

    exit_code = EXIT_CANNOT_WRITE

    def __init__(self, lock_path: Path, waited_s: float):
        self.lock_path = Path(lock_path)
        self.waited_s = waited_s
        super().__init__(
            f"Another Recovery Planner window or command is saving to {self.lock_path.parent} and did not "
            f"finish within {waited_s:g} seconds. Nothing was saved; please try again in a moment."
        )


class WriteFailedError(StorageError):
    """Saving failed (disk full, no permission...). The previous version of the file is intact."""

    exit_code = EXIT_CANNOT_WRITE

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"Could not save {self.path}: {reason}. Nothing was changed in that file.")


class BackupError(StorageError):
    """A backup given to restore cannot be used (not a backup, damaged, holds no data)."""

    exit_code = EXIT_BAD_INPUT


def os_reason(exc: OSError) -> str:
    """A short plain reason for an operating-system error."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk or folder is read-only"
    if exc.errno == errno.EISDIR:
        return "it is a folder where a file was expected"
    if exc.errno == errno.ELOOP:
        return "it is a symbolic link"
    return exc.strerror or str(exc)


def from_os_error(exc: OSError, action: str = "use") -> DataFolderError:
    """A DataFolderError naming the file an OSError was about (``action``: read, save, use...)."""
    name = exc.filename if exc.filename is not None else "the data folder"
    return DataFolderError(f"Could not {action} {name}: {os_reason(exc)}. Nothing was changed.")
