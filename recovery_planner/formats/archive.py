"""Zip archives of a bulk export (Garmin, Strava...): members and totals capped, nothing written to disk."""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from .activity_files import MAX_FILE_BYTES, is_activity_name
from .bounded import describe_limit, read_bounded
from .errors import DamagedError, TooLargeError

MAX_MEMBERS = 50_000  # entries in one archive (a decade of daily sessions is under 10,000)
MAX_TOTAL_BYTES = 4 * 2**30  # activity data read out of one archive, all members together


def is_zip(path: str | os.PathLike[str]) -> bool:
    try:
        return zipfile.is_zipfile(path)
    except OSError:
        return False


def iter_zip_activities(path: str | os.PathLike[str]) -> Iterator[tuple[str, bytes]]:
    """``(name, bytes)`` of each activity file in the archive (``archive.zip/folder/ride.fit.gz``).

    Each member is read through the bounded reader (at most ``MAX_FILE_BYTES`` whatever its header claims);
    the archive is refused past ``MAX_MEMBERS`` entries or ``MAX_TOTAL_BYTES`` read in all.
    """
    label = Path(path).name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise TooLargeError(label, f"holds {len(infos):,} entries, more than the {MAX_MEMBERS:,} accepted")
            total = 0
            for info in infos:
                if not is_wanted(info):
                    continue
                name = f"{label}/{info.filename}"
                if info.flag_bits & 0x1:
                    raise DamagedError(name, "is password-protected")
                if info.compress_size > MAX_FILE_BYTES:
                    limit = describe_limit(MAX_FILE_BYTES)
                    raise TooLargeError(name, f"is larger than the {limit} limit for such files")
                with zf.open(info) as member:
                    data = read_bounded(member, MAX_FILE_BYTES, name)
                total += len(data)
                if total > MAX_TOTAL_BYTES:
                    raise TooLargeError(label, f"holds more than {describe_limit(MAX_TOTAL_BYTES)} of activity files")
                yield name, data
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise DamagedError(label, f"is a damaged zip archive ({exc})") from None
    except FileNotFoundError:
        raise DamagedError(label, "no such file") from None
    except OSError as exc:
        raise DamagedError(label, f"cannot be read ({exc.strerror or exc})") from None


def is_wanted(info: zipfile.ZipInfo) -> bool:
    """Whether a zip entry is an activity file to read (not a folder, not hidden, not macOS metadata)."""
    return not info.is_dir() and is_activity_name(info.filename) and not _hidden(info.filename)


def count_activities(path: str | os.PathLike[str]) -> int:
    """How many activity files the archive lists (1 for an archive that cannot be read: it is reported later)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return sum(1 for info in zf.infolist() if is_wanted(info))
    except (OSError, zipfile.BadZipFile):
        return 1


def _hidden(member: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in member.split("/"))
