"""The log: a rotating file in the platform's log folder, uncaught exceptions and hard crashes included.

The log holds what failed and where (exception types and stacks), never names, notes or health data:
no exception message is written, since a message may quote what the user typed. With a data-folder
override (``--data-dir`` or $RECOVERY_PLANNER_HOME) the log lives in that folder's ``logs/``, so tests and
scripts never write into the user's real folders.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from .. import __version__

APP_NAME = "Recovery Planner"
ENV_VAR = "RECOVERY_PLANNER_HOME"
LOGS_DIRNAME = "logs"
LOG_FILE = "recovery-planner.log"
FAULTS_FILE = "crashes.log"
MAX_BYTES = 512 * 1024
KEEP_FILES = 3
log = logging.getLogger("recovery_planner")
_state: dict[str, Any] = {}


def log_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """``<data folder>/logs`` under an override, else the platform's user log folder."""
    override = str(data_dir).strip() if data_dir is not None else os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser().absolute() / LOGS_DIRNAME
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def _private_open(path: str, mode: str = "a") -> IO[str]:
    """Open a log file readable by the user only (0600), appending."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    return open(fd, mode, encoding="utf-8")


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created 0600."""

    def _open(self) -> IO[str]:
        return _private_open(self.baseFilename, self.mode)


def where(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The exception's type and stack, without its message."""
    return f"{exc_type.__qualname__}\n" + "".join(traceback.format_tb(tb)).rstrip()


def setup_logging(data_dir: str | os.PathLike[str] | None = None, *, role: str = "app") -> Path | None:
    """Log to the rotating file, hook uncaught exceptions and enable faulthandler; returns the log folder.

    Idempotent. Returns None (and logs nowhere) when the folder cannot be created: logging must never stop
    the app from starting.
    """
    if "folder" in _state:
        return Path(_state["folder"])
    folder = log_dir(data_dir)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = PrivateRotatingFileHandler(
            folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=KEEP_FILES, encoding="utf-8"
        )
        faults = _private_open(str(folder / FAULTS_FILE))
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    faulthandler.enable(file=faults, all_threads=True)
    _state.update(folder=str(folder), faults=faults)
    _hook_exceptions()
    log.info("%s %s started (%s, Python %s, %s)", role, __version__, sys.platform, sys.version.split()[0], os.getpid())
    return folder


def _hook_exceptions() -> None:
    previous = sys.excepthook

    def on_uncaught(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            log.critical("uncaught %s", where(exc_type, tb))
        if sys.stderr is not None:  # the windowed executable has no stderr
            previous(exc_type, exc, tb)

    def on_thread(args: threading.ExceptHookArgs) -> None:
        log.critical("uncaught in a thread: %s", where(args.exc_type, args.exc_traceback))

    sys.excepthook = on_uncaught
    threading.excepthook = on_thread


def log_failure(exc: BaseException, what: str = "task") -> None:
    """Log where an operation failed (type and stack only)."""
    log.error("%s failed: %s", what, where(type(exc), exc.__traceback__))
