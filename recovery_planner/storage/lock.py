"""One writer at a time: a short-lived, cross-process lock around each write transaction.

The lock is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) via ``filelock``; the OS
releases it if the holder dies, even by ``kill -9``, so a crash never leaves the folder locked.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import DataFolderError, LockedError, os_reason
from .paths import PRIVATE_FILE_MODE

DEFAULT_TIMEOUT_S = 15.0


class WriteLock:
    """Re-entrant within a process (threads queue on a mutex), exclusive across processes."""

    def __init__(self, path: Path, timeout_s: float = DEFAULT_TIMEOUT_S):
        self.path = Path(path)
        self.timeout_s = timeout_s
        self._mutex = threading.RLock()
        self._file_lock: Any = (
            None  # a filelock.FileLock, created on the first write: filelock's import is slow and reads need none
        )
        self._depth = 0

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the lock for the block; raises LockedError if another process keeps it past the timeout,
        DataFolderError if the lock file cannot be made (read-only folder, no permission, not a file)."""
        from filelock import FileLock, Timeout

        with self._mutex:
            if self._depth == 0:
                self._check_lock_file()
                if self._file_lock is None:
                    self._file_lock = FileLock(
                        str(self.path), timeout=self.timeout_s, mode=PRIVATE_FILE_MODE, thread_local=False
                    )
                try:
                    self._file_lock.acquire(timeout=self.timeout_s)
                except Timeout as exc:
                    raise LockedError(self.path, self.timeout_s) from exc
                except OSError as exc:
                    raise DataFolderError(
                        f"Could not save in {self.path.parent}: {os_reason(exc)} (while creating {self.path}). "
                        "Nothing was saved."
                    ) from exc
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._file_lock.release()

    def _check_lock_file(self) -> None:
        """Refuse a lock path that is a folder, a link or anything but a plain file (never follow it)."""
        try:
            st = os.lstat(self.path)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise DataFolderError(f"Could not use the lock file {self.path}: {os_reason(exc)}.") from exc
        if not stat.S_ISREG(st.st_mode):
            kinds = {stat.S_IFLNK: "a symbolic link", stat.S_IFDIR: "a folder"}
            what = kinds.get(stat.S_IFMT(st.st_mode), "not a plain file")
            raise DataFolderError(
                f"{self.path} is {what}, not Recovery Planner's lock file, so nothing can be saved. "
                "Quit Recovery Planner, remove it, and try again."
            )

    @property
    def held(self) -> bool:
        return self._depth > 0
