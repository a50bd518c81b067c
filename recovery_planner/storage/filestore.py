"""The TinyDB storage for one data file: atomic durable writes, checked reads, change detection.

``ShardStorage`` keeps the file's verified tables in memory and re-reads the file only when it changed on
disk (another process saved it: every save is an ``os.replace``, so the inode changes).
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
from .errors import DamagedFileError, NewerVersionError
from .paths import COACH_FILE, INDEX_FILE, PROFILE_FILE, SETTINGS_FILE, checkins_month, is_plans_name
from .schema import CURRENT, Schema, Tables

DamagedHook = Callable[[Path, str], Exception]
_StatKey = tuple[int, int, int, int]


def kind_for(path: Path) -> str:
    """The kind of data file (``schema.KINDS``) from its name."""
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
    raise ValueError(f"{path} is not a Recovery Planner data file")


def encode(tables: Tables) -> bytes:
    return orjson.dumps(tables)


def decode(path: Path, blob: bytes, kind: str, schema_: Schema = CURRENT) -> Tables:
    """Decode and check one file's bytes (migrating older versions). Raises ValueError with the problem."""
    if not blob:
        raise ValueError("the file is empty")
    try:
        tables = orjson.loads(blob)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"it is cut off or is not valid JSON: {exc}") from exc
    return schema.check(tables, kind, schema_)


def load_file(path: Path, schema_: Schema = CURRENT) -> Tables:
    """Read and check a data file outside any repository (used to verify backups).

    Raises DamagedFileError or NewerVersionError; FileNotFoundError if it does not exist.
    """
    blob = path.read_bytes()
    try:
        return decode(path, blob, kind_for(path), schema_)
    except schema.FutureVersionError as exc:
        raise NewerVersionError(path, exc.found, schema_.version) from exc
    except ValueError as exc:
        raise DamagedFileError(path, str(exc)) from exc


class ShardStorage(Storage):
    """TinyDB ``Storage`` for one file; ``on_damaged(path, problem)`` builds the error for a bad file.

    The decoded tables are cached; ``read()`` hands TinyDB fresh top-level copies of every table and
    document, and TinyDB never changes nested values in place, so the cache stays exact.
    """

    def __init__(
        self, path: Path, kind: str | None = None, *, schema_: Schema = CURRENT, on_damaged: DamagedHook | None = None
    ):
        self.path = Path(path)
        self.kind = kind or kind_for(self.path)
        self.schema = schema_
        self._on_damaged = on_damaged or (lambda p, problem: DamagedFileError(p, problem))
        self._key: _StatKey | None = None
        self._tables: Tables | None = None  # verified, in the current schema

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
        """Atomically and durably replace the file with ``data`` (stamped with the current schema)."""
        data[schema.META_TABLE] = {"1": schema.stamp(self.kind, self.schema)}
        blob = encode(data)
        self._key, self._tables = None, None  # if the write fails, re-read the (intact) file next time
        atomic_write_bytes(self.path, blob)
        try:
            self._key = _stat_key(os.stat(self.path))
            self._tables = data
        except OSError:
            self._key = None

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
        try:
            key = _stat_key(os.fstat(fd))
            if key == self._key:
                return
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(fd)
        self._key, self._tables = None, None
        try:
            tables = decode(self.path, b"".join(chunks), self.kind, self.schema)
        except schema.FutureVersionError as exc:
            raise NewerVersionError(self.path, exc.found, self.schema.version) from exc
        except ValueError as exc:
            raise self._on_damaged(self.path, str(exc)) from exc
        self._key, self._tables = key, tables


def _stat_key(st: os.stat_result) -> _StatKey:
    return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)


def open_db(storage: ShardStorage) -> TinyDB:
    """A TinyDB over an existing storage object (fresh tables and query caches each time)."""
    return TinyDB(storage=lambda: storage)
