"""Run service calls off the GUI thread and report back by signal; failures are logged and shown plainly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..services.logs import log_failure


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the GUI as a message; the stack goes to the log
            log_failure(exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Runs callables one after another on a worker thread; ``busy_changed`` drives a busy indicator."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one writer: saves happen in the order they were asked for
        self._running = 0
        self._jobs: set[_Job] = set()

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
        """Call ``fn()`` on the worker; then ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
        job = _Job(fn)
        job.setAutoDelete(False)
        self._jobs.add(job)
        job.signals.finished.connect(lambda result: self._finish(job, on_done, result))
        job.signals.failed.connect(lambda exc: self._finish(job, on_error, exc))
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        self.pool.start(job)

    def _finish(self, job: _Job, callback: Callable[[Any], None], value: Any) -> None:
        self._jobs.discard(job)
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)
        callback(value)  # an exception here reaches sys.excepthook, which logs it

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every job has run (at shutdown and in tests)."""
        return self.pool.waitForDone(msecs)
