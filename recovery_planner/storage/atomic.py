"""Crash-safe file replacement: temp file in the same folder, fsync, ``os.replace``, fsync the folder.

After ``atomic_write_bytes`` returns, the new content survives a crash or power loss; if it is interrupted,
the old file is untouched and at most an orphan ``.<name>.<random>.tmp`` file is left, which
``remove_orphan_temps`` deletes (only ever call that while holding the write lock).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from .errors import WriteFailedError, os_reason
from .paths import PRIVATE_FILE_MODE, TEMP_SUFFIX, tighten

_WINDOWS = sys.platform == "win32"


def fsync_dir(directory: Path) -> None:
    """Make a rename or new file in ``directory`` durable (a no-op where folders cannot be opened)."""
    if _WINDOWS:
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")


def atomic_write_bytes(path: Path, data: bytes, *, sync_dir: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically and durably; the file is created readable by the user only.

    Raises WriteFailedError (naming the file) if anything fails; the old file is then unchanged.
    """
    tmp = temp_path_for(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, PRIVATE_FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        if sync_dir:
            fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteFailedError(path, os_reason(exc)) from exc


def copy_file_atomic(src: Path, dst: Path) -> None:
    """Copy ``src`` over ``dst`` with the same crash-safety as ``atomic_write_bytes``."""
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise WriteFailedError(dst, f"could not read {src}: {os_reason(exc)}") from exc
    atomic_write_bytes(dst, data)


def copy_durable(src: Path, dst: Path) -> None:
    """Copy ``src`` to the new file ``dst`` (private, fsynced). Raises OSError; the caller cleans up."""
    with open(src, "rb") as fin:
        fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
        try:
            while chunk := fin.read(1 << 20):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_orphan_temps(directory: Path) -> int:
    """Delete temp files left in ``directory`` by an interrupted save and make the files in it private
    (0600); returns how many temp files were removed."""
    removed = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX) and entry.is_file():
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
        elif entry.is_file(follow_symlinks=False):
            tighten(Path(entry.path), PRIVATE_FILE_MODE)
    return removed
