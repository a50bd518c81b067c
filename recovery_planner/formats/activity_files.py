"""One entry point for activity files: size limits, gzip, format detection by content, the file's hash."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import zlib
from collections.abc import Callable

from ..domain.activities import Activity
from .bounded import read_bounded
from .errors import DamagedError, FormatError, NotAnActivityError
from .fit import read_fit
from .gpx import read_gpx
from .tcx import read_tcx

MAX_FILE_BYTES = 64 * 2**20  # one activity file (after gunzip); a 24-hour, 1-second GPX track is about 25 MB
SUFFIXES = (".gpx", ".tcx", ".fit")
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 4096
Reader = Callable[[bytes, str, str], list[Activity]]
_READERS: dict[str, Reader] = {"gpx": read_gpx, "tcx": read_tcx, "fit": read_fit}


def is_activity_name(name: str) -> bool:
    """Whether a file name looks like an activity file (``.gpx``, ``.tcx``, ``.fit``, or one of them ``.gz``)."""
    low = name.lower()
    if low.endswith(".gz"):
        low = low[:-3]
    return low.endswith(SUFFIXES)


def read_activity_file(path: str | os.PathLike[str], name: str | None = None) -> tuple[bytes, str]:
    """The file's activity bytes (bounded, gunzipped) and their SHA-256, for ``parse_activity``."""
    label = name or os.fspath(path)
    return unpack(read_bounded(path, MAX_FILE_BYTES, label), label)


def unpack(data: bytes, name: str) -> tuple[bytes, str]:
    """Gunzip (bounded) when the bytes are gzip, then hash them: the same activity hashes the same, zipped or not."""
    if data.startswith(_GZIP_MAGIC):
        try:
            data = read_bounded(gzip.GzipFile(fileobj=io.BytesIO(data)), MAX_FILE_BYTES, name)
        except (OSError, EOFError, zlib.error):
            raise DamagedError(name, "is a damaged or cut-off gzip file") from None
    return data, hashlib.sha256(data).hexdigest()


def detect_format(data: bytes, name: str) -> str:
    """``"fit"``, ``"tcx"`` or ``"gpx"`` from the content (the name's suffix only breaks a tie)."""
    if len(data) >= 12 and data[8:12] == b".FIT":
        return "fit"
    head = data[:_SNIFF_BYTES]
    if b"<TrainingCenterDatabase" in head:
        return "tcx"
    if b"<gpx" in head:
        return "gpx"
    low = name.lower().removesuffix(".gz")
    for fmt in _READERS:
        if low.endswith("." + fmt):
            if not data.strip():
                raise DamagedError(name, "is empty")
            return fmt
    raise NotAnActivityError(name, "is not a GPX, TCX or FIT activity file")


def parse_activity(data: bytes, name: str, file_hash: str) -> list[Activity]:
    """The activities in one file's (unpacked) bytes; raises a FormatError saying what is wrong."""
    return _READERS[detect_format(data, name)](data, name, file_hash)


def parse_job(data: bytes, name: str, file_hash: str) -> tuple[list[Activity], str | None, bool]:
    """``parse_activity`` for a worker process: (activities, problem or None, whether the problem refuses).

    Returns plain values (exceptions with extra fields do not cross process boundaries well). Anything the
    parsers did not foresee is reported as an unreadable file, never raised.
    """
    try:
        return parse_activity(data, name, file_hash), None, False
    except FormatError as exc:
        return [], str(exc), exc.refused
    except MemoryError:
        return [], f"{name}: is too large to read", True
    except Exception as exc:  # a parser's own bug on odd input: the file is refused with a message
        return [], f"{name}: could not be read ({type(exc).__name__}: {exc})", True
