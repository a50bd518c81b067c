"""The TinyDB storage for one data file: atomic durable writes, checked reads, change detection.

``ShardStorage`` keeps the file's verified tables in memory and re-reads the file only when it changed on
disk (another process saved it: every save is an ``os.replace``, so the inode changes). Like TinyDB's
``JSONStorage`` it can be built from a path alone: ``TinyDB(path, storage=ShardStorage)``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from . import schema
from .atomic import atomic_write_bytes
from .errors import DamagedFileError, DataFolderError, NewerVersionError, UnstorableValueError, os_reason
from .paths import (
    COACH_FILE,
    INDEX_FILE,
    PROFILE_FILE,
    SETTINGS_FILE,
    activities_year,
    checkins_month,
    is_plans_name,
)
from .schema import CURRENT, Schema, Tables

DamagedHook = Callable[[Path, str], Exception]
_StatKey = tuple[int, int, int, int]
MAX_FILE_BYTES = 256 * 2**20  # no data file of a month (or a roster) comes near this


def kind_for(path: Path) -> str:
    """The kind of data file (``schema.KINDS``) from its name; ValueError for any other name."""
    name = path.name
    if name == INDEX_FILE:
        return "index"
    if name == SETTINGS_FILE:
        return "settings"
    if name == PROFILE_FILE:
        return "profile"
    if name == COACH_FILE:
        return "coach"
    if checkins_month(name) is not None:
        return "checkins"
    if is_plans_name(name):
        return "plans"
    if activities_year(name) is not None:
        return "activities"
    raise ValueError(f"{path} is not a Recovery Planner data file")


def encode(kind: str, data: Tables, schema_: Schema = CURRENT) -> bytes:
    """A file's bytes: ``_meta`` (version, checksums) first, then the tables. InvalidRecordError if a value
    cannot be stored (a lone surrogate in a text, an integer beyond 64 bits)."""
    try:
        return orjson.dumps(schema.with_meta(kind, data, schema_))
    except TypeError as exc:
        raise UnstorableValueError([f"a value cannot be stored ({exc})"]) from exc


def check_storable(doc: Any) -> None:
    """Raise InvalidRecordError now if ``doc`` could not be written (so nothing is half-saved)."""
    try:
        orjson.dumps(doc)
    except TypeError as exc:
        raise UnstorableValueError([f"a value cannot be stored ({exc})"]) from exc


def decode(path: Path, blob: bytes, kind: str, schema_: Schema = CURRENT) -> Tables:
    """Decode and check one file's bytes (version first, then checksums and shape; older versions migrated).

    Raises FutureVersionError for a newer file and ValueError with the problem for a damaged one.
    """
    if not blob:
        raise ValueError("the file is empty")
    try:
        tables = orjson.loads(blob)
    except orjson.JSONDecodeError as exc:
        found = schema.peek_version(blob)
        if found is not None and found > schema_.version:
            raise schema.FutureVersionError(found, schema.peek_app_version(blob)) from exc
        raise ValueError(f"it is cut off or is not valid JSON: {exc}") from exc
    return schema.check(tables, kind, schema_)


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes, refusing more than ``limit`` (reads in chunks, so a device or pipe cannot flood)."""
    with open(path, "rb") as fh:
        blob = fh.read(limit + 1)
    if len(blob) > limit:
        raise ValueError(f"it is larger than {limit // 2**20} MB")
    return blob


def load_file(path: Path, schema_: Schema = CURRENT) -> Tables:
    """Read and check a data file outside any repository (used to verify backups).

    Raises DamagedFileError or NewerVersionError; FileNotFoundError if it does not exist.
    """
    try:
        return decode(path, read_bounded(path), kind_for(path), schema_)
    except schema.FutureVersionError as exc:
        raise NewerVersionError(path, exc.found, schema_.version, exc.app_version) from exc
    except ValueError as exc:
        raise DamagedFileError(path, str(exc)) from exc


def version_on_disk(path: Path) -> int | None:
    """The schema version of an existing file (None if missing or unreadable), without checking it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    return schema.peek_version(head)


class ShardStorage(Storage):
    """TinyDB ``Storage`` for one file; ``on_damaged(path, problem)`` builds the error for a bad file.

    The decoded tables are cached; ``read()`` hands TinyDB fresh top-level copies of every table and
    document, and TinyDB never changes nested values in place, so the cache stays exact. The ``_meta``
    table (version and checksums) never reaches TinyDB.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        kind: str | None = None,
        *,
        schema_: Schema = CURRENT,
        on_damaged: DamagedHook | None = None,
        create_dirs: bool = False,
        encoding: str | None = None,
        access_mode: str = "r+",
        **json_options: Any,
    ):
        """``create_dirs``, ``access_mode`` ("r" refuses writes) and the JSON options are JSONStorage's;
        the JSON options are accepted and ignored (files are always compact UTF-8 JSON)."""
        if create_dirs:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.read_only = access_mode == "r"
        self.path = Path(path)
        self.kind = kind or _kind_or_settings(self.path)
        self.schema = schema_
        self._on_damaged = on_damaged or (lambda p, problem: DamagedFileError(p, problem))
        self._key: _StatKey | None = None
        self._tables: Tables | None = None  # verified, in the current schema, without _meta

    @property
    def version(self) -> _StatKey | None:
        """Changes whenever the file does (after a ``read``/``table`` call has refreshed it)."""
        return self._key

    def exists(self) -> bool:
        self._refresh()
        return self._tables is not None

    def read(self) -> Tables | None:
        """The file's tables (copies down to each document), or None if it does not exist yet."""
        self._refresh()
        if self._tables is None:
            return None
        return {name: {i: dict(doc) for i, doc in docs.items()} for name, docs in self._tables.items()}

    def table(self, name: str) -> dict[str, dict[str, Any]]:
        """One table's documents without copying them: callers must not modify what they get."""
        self._refresh()
        return {} if self._tables is None else self._tables.get(name, {})

    def write(self, data: Tables) -> None:
        """Atomically and durably replace the file with ``data`` (stamped with the current schema).

        Refuses (NewerVersionError, DamagedFileError) to replace a file that changed since it was read and
        is of a newer version or damaged; ``replace`` overwrites a damaged file on purpose.
        """
        if self.read_only:
            raise OSError(f"{self.path} was opened read-only")
        self._guard()
        self._write(data)

    def replace(self, data: Tables) -> None:
        """Like ``write``, but a damaged file is overwritten (it was kept aside); a newer one never is."""
        found = version_on_disk(self.path)
        if found is not None and found > self.schema.version:
            raise NewerVersionError(self.path, found, self.schema.version)
        self._write(data)

    def _write(self, data: Tables) -> None:
        tables = {name: docs for name, docs in data.items() if name != schema.META_TABLE}
        blob = encode(self.kind, tables, self.schema)
        self._key, self._tables = None, None  # if the write fails, re-read the (intact) file next time
        atomic_write_bytes(self.path, blob)
        try:
            self._key = _stat_key(os.stat(self.path))
            self._tables = tables
        except OSError:
            self._key = None

    def _guard(self) -> None:
        try:
            key = _stat_key(os.stat(self.path))
        except FileNotFoundError:
            return
        except OSError as exc:
            raise DataFolderError(f"Could not read {self.path}: {os_reason(exc)}.") from exc
        if key != self._key:
            self._refresh()  # raises for a newer-version or damaged file

    def close(self) -> None:
        """Nothing to release: each write is complete when ``write`` returns."""

    def forget(self) -> None:
        """Drop the cached copy (the next read goes to disk)."""
        self._key, self._tables = None, None

    def _refresh(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            self._key, self._tables = None, None
            return
        except OSError as exc:
            raise DataFolderError(f"Could not read {self.path}: {os_reason(exc)}.") from exc
        try:
            key = _stat_key(os.fstat(fd))
            if key == self._key:
                return
            chunks, size = [], 0
            while size <= MAX_FILE_BYTES and (chunk := os.read(fd, 1 << 20)):
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            raise DataFolderError(f"Could not read {self.path}: {os_reason(exc)}.") from exc
        finally:
            os.close(fd)
        self._key, self._tables = None, None
        try:
            if size > MAX_FILE_BYTES:
                raise ValueError(f"it is larger than {MAX_FILE_BYTES // 2**20} MB")
            tables = decode(self.path, b"".join(chunks), self.kind, self.schema)
        except schema.FutureVersionError as exc:
            raise NewerVersionError(self.path, exc.found, self.schema.version, exc.app_version) from exc
        except ValueError as exc:
            raise self._on_damaged(self.path, str(exc)) from exc
        self._key, self._tables = key, tables


def _kind_or_settings(path: Path) -> str:
    """A data file's kind; any other file is a plain TinyDB database (kind ``tinydb``: any tables)."""
    try:
        return kind_for(path)
    except ValueError:
        return "tinydb"


def _stat_key(st: os.stat_result) -> _StatKey:
    return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)


def open_db(storage: ShardStorage) -> TinyDB:
    """A TinyDB over an existing storage object (fresh tables and query caches each time)."""
    return TinyDB(storage=lambda: storage)
