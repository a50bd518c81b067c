"""Read a file, a device, a pipe or a stream up to a limit, never more (the size is checked first where known)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Protocol

from .errors import DamagedError, TooLargeError


class Readable(Protocol):
    """Anything with ``read(size) -> bytes``: an open file, a pipe, a zip member, a gzip stream."""

    def read(self, size: int = -1, /) -> bytes: ...


_CHUNK = 1 << 20


def read_problem(exc: OSError) -> str:
    """Plain words for why a file could not be read: 'no such file', 'is a folder, not a file'..."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot be read ({exc.strerror or exc})"


def describe_limit(limit: int) -> str:
    return f"{limit / 2**20:g} MB" if limit >= 2**20 else f"{limit:,} bytes"


def read_bounded(source: str | os.PathLike[str] | Readable, limit: int, name: str | None = None) -> bytes:
    """All bytes of ``source`` (a path or an open binary stream), or TooLargeError past ``limit`` bytes.

    A regular file larger than the limit is refused by its size without being read; anything else (a pipe,
    a device such as /dev/zero, a socket) is read in chunks and refused once the limit is passed.
    """
    if isinstance(source, (str, os.PathLike)):
        label = name or str(source)
        try:
            with open(Path(source), "rb") as fh:
                st = os.fstat(fh.fileno())
                if stat.S_ISDIR(st.st_mode):
                    raise DamagedError(label, "is a folder, not a file")
                if stat.S_ISREG(st.st_mode) and st.st_size > limit:
                    raise TooLargeError(label, f"is larger than the {describe_limit(limit)} limit for such files")
                return _read_stream(fh, limit, label)
        except FileNotFoundError:
            raise DamagedError(label, "no such file") from None
        except IsADirectoryError:
            raise DamagedError(label, "is a folder, not a file") from None
        except PermissionError:
            raise DamagedError(label, "permission denied") from None
        except OSError as exc:
            raise DamagedError(label, f"cannot be read ({exc.strerror or exc})") from None
    return _read_stream(source, limit, name or "input")


def _read_stream(stream: Readable, limit: int, label: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise TooLargeError(label, f"holds more than the {describe_limit(limit)} limit for such files")
