"""One writer at a time: a short-lived, cross-process lock around each write transaction.

The lock is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) via ``filelock``; the OS
releases it if the holder dies, even by ``kill -9``, so a crash never leaves the folder locked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import LockedError
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
        """Hold the lock for the block; raises LockedError if another process keeps it past the timeout."""
        from filelock import FileLock, Timeout

        with self._mutex:
            if self._file_lock is None:
                self._file_lock = FileLock(
                    str(self.path), timeout=self.timeout_s, mode=PRIVATE_FILE_MODE, thread_local=False
                )
            if self._depth == 0:
                try:
                    self._file_lock.acquire(timeout=self.timeout_s)
                except Timeout as exc:
                    raise LockedError(self.path, self.timeout_s) from exc
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._file_lock.release()

    @property
    def held(self) -> bool:
        return self._depth > 0
