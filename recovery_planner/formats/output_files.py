"""Writing an export file outside the data folder: whole or not at all, never over a device or a folder."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class ExportPathError(ValueError):
    """The destination cannot take an export (the message says why)."""

    exit_code = 2


def write_export(dest: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``dest`` atomically (temp file, flush, fsync, rename); returns the final path.

    An existing regular file is replaced; a folder, a device or a missing parent folder is refused.
    """
    path = Path(dest).expanduser()
    if path.exists() and not path.is_file():
        raise ExportPathError(f"{path}: is not a regular file; choose a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ExportPathError(f"{path}: the folder {parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
