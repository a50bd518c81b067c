"""The on-disk schema: version stamp, per-record checksums, shape checks per kind of file, and migrations.

Every file is a TinyDB database (``{"table": {"doc_id": {...}}}``) with a ``_meta`` table, written first,
holding one document ``{"schema_version": int, "kind": str, "app_version": str, "sums": {...}}``. ``sums``
(since version 2) maps each table and document id to the CRC-32 of the document's compact JSON, so a
flipped byte that keeps the JSON valid is caught, and a damaged file's intact records can be told apart.
TinyDB never sees ``_meta``: the storage strips it on read and writes it on save.

Reading order matters: the version is read first (a file of a newer version is refused, never misread,
whatever its checksums say), then the checksums, then the shape. Files of an older version are migrated
in memory when read and written back in the current version on the next save.

To change the format: bump ``SCHEMA_VERSION`` and register ``MIGRATIONS[old_version]``, a function
``(kind, tables) -> tables`` that turns one file of version ``old_version`` into ``old_version + 1``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

SCHEMA_VERSION = 2
CHECKSUMS_SINCE = 2
META_TABLE = "_meta"

Tables = dict[str, dict[str, Any]]
Migration = Callable[[str, Tables], Tables]


def _v1_to_v2(kind: str, tables: Tables) -> Tables:
    """Version 2 adds checksums (written on save) and compact plans (``plan_zs1``, read beside ``plan_z``)."""
    return tables


# from-version -> step to from-version + 1.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}

# kind -> table -> fields every document of that table must have, with their JSON types.
_SHAPES: dict[str, dict[str, dict[str, type]]] = {
    "index": {"athletes": {"id": str, "name": str, "archived": bool}},
    "settings": {"settings": {"key": str}},
    "profile": {"profile": {"id": str, "name": str, "experience": str}, "clearances": {"id": str, "on": str}},
    "checkins": {
        "checkins": {"id": str, "date": str, "saved_at": str, "check_in": dict, "summary": dict},
        "done": {"item_id": str},
    },
    "plans": {"plans": {"checkin_id": str}},
    "coach": {
        "notes": {"id": str, "text": str, "author": str, "created_at": str},
        "edits": {"id": str, "action": str, "day": str, "author": str},
    },
    "activities": {"activities": {"start": str, "sport": str, "distance_km": float, "duration_s": float}},
}
# A document of these tables must also hold one of these text fields.
_ONE_OF: dict[tuple[str, str], tuple[str, ...]] = {("plans", "plans"): ("plan_zs1", "plan_z")}
KINDS = tuple(_SHAPES)
GENERIC_KIND = "tinydb"  # a TinyDB file of any other name (any tables), as with TinyDB's JSONStorage
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VERSION_RE = re.compile(rb'"schema_version"\s*:\s*(\d{1,9})')
_APP_RE = re.compile(rb'"app_version"\s*:\s*"([0-9A-Za-z.+-]{1,40})"')


@dataclass(frozen=True)
class Schema:
    """A schema version and the migrations that reach it (tests can build a future one)."""

    version: int = SCHEMA_VERSION
    migrations: dict[int, Migration] = field(default_factory=lambda: MIGRATIONS)


CURRENT = Schema()


class ShapeError(ValueError):
    """The decoded JSON is not a Recovery Planner file of the expected kind (message says why)."""


class FutureVersionError(ValueError):
    """The file's schema version is newer than this app knows."""

    def __init__(self, found: int, app_version: str | None = None):
        self.found = found
        self.app_version = app_version
        super().__init__(f"data format {found}")


def record_sum(doc: Any) -> int:
    """The checksum of one document: CRC-32 of its compact JSON."""
    return zlib.crc32(orjson.dumps(doc))


def table_sums(tables: Tables) -> dict[str, dict[str, int]]:
    return {name: {i: record_sum(doc) for i, doc in docs.items()} for name, docs in tables.items()}


def peek_version(blob: bytes) -> int | None:
    """The schema version written near the start of a file, found even when the rest is unreadable."""
    m = _VERSION_RE.search(blob, 0, 4096)
    return int(m.group(1)) if m else None


def peek_app_version(blob: bytes) -> str | None:
    m = _APP_RE.search(blob, 0, 4096)
    return m.group(1).decode() if m else None


def meta_of(tables: Any) -> dict[str, Any]:
    """The ``_meta`` document, or raise ShapeError."""
    if not isinstance(tables, dict):
        raise ShapeError("it does not hold a JSON object")
    meta_table = tables.get(META_TABLE)
    if not isinstance(meta_table, dict) or len(meta_table) != 1:
        raise ShapeError("its version information is missing")
    meta = next(iter(meta_table.values()))
    if (
        not isinstance(meta, dict)
        or not isinstance(meta.get("schema_version"), int)
        or isinstance(meta.get("schema_version"), bool)
        or not isinstance(meta.get("kind"), str)
    ):
        raise ShapeError("its version information is unreadable")
    return meta


def check_version(meta: dict[str, Any], schema: Schema = CURRENT) -> int:
    """The file's version; FutureVersionError if newer than ``schema`` (checked before anything else)."""
    version = meta["schema_version"]
    if version > schema.version:
        app = meta.get("app_version")
        raise FutureVersionError(version, app if isinstance(app, str) else None)
    if version < 1:
        raise ShapeError(f"its data format number {version} is not valid")
    return version


def check(tables: Any, kind: str, schema: Schema = CURRENT) -> Tables:
    """Check a decoded file, migrating it to ``schema.version``; returns its tables without ``_meta``.

    Raises FutureVersionError for a newer file, ShapeError for anything else that is wrong.
    """
    meta = meta_of(tables)
    version = check_version(meta, schema)
    if meta["kind"] != kind:
        raise ShapeError(f"it is a {meta['kind']!r} file where a {kind!r} file was expected")
    data = {name: docs for name, docs in tables.items() if name != META_TABLE}
    if version >= CHECKSUMS_SINCE:
        verify_sums(data, meta.get("sums"))
    data = upgrade(data, kind, version, schema)
    check_shape(data, kind)
    return data


def verify_sums(data: Tables, sums: Any) -> None:
    """Raise ShapeError unless every document matches its checksum and none is missing or extra."""
    if not isinstance(sums, dict):
        raise ShapeError("its checksums are missing")
    for name, docs in data.items():
        expected = sums.get(name, {})
        if type(docs) is not dict or not isinstance(expected, dict) or set(docs) != set(expected):
            raise ShapeError(f"table {name!r} does not match its list of records")
        for doc_id, doc in docs.items():
            if record_sum(doc) != expected[doc_id]:
                raise ShapeError(f"record {doc_id} of table {name!r} does not match its checksum")
    if set(sums) - set(data) and any(sums[n] for n in set(sums) - set(data)):
        raise ShapeError("a table listed in its checksums is missing")


def upgrade(tables: Tables, kind: str, version: int, schema: Schema = CURRENT) -> Tables:
    """Apply the migrations from ``version`` up to ``schema.version``."""
    while version < schema.version:
        step = schema.migrations.get(version)
        if step is None:
            raise ShapeError(f"no way to convert data format {version} to {version + 1}")
        tables = step(kind, tables)
        version += 1
    return tables


def stamp(kind: str, schema: Schema = CURRENT, sums: dict[str, dict[str, int]] | None = None) -> dict[str, Any]:
    from .. import __version__

    out: dict[str, Any] = {"schema_version": schema.version, "kind": kind, "app_version": __version__}
    if sums is not None:
        out["sums"] = sums
    return out


def with_meta(kind: str, data: Tables, schema: Schema = CURRENT) -> Tables:
    """The file's full content: ``_meta`` first (so its version and checksums survive a cut-off end)."""
    tables = {name: docs for name, docs in data.items() if name != META_TABLE}
    sums = table_sums(tables) if schema.version >= CHECKSUMS_SINCE else None
    return {META_TABLE: {"1": stamp(kind, schema, sums)}, **tables}


def check_record(kind: str, table: str, doc_id: str, doc: Any) -> str | None:
    """Why one document is not valid for ``kind``/``table`` (None if it is)."""
    if kind == GENERIC_KIND:
        return None if type(doc) is dict else f"record {doc_id!r} of table {table!r} is not a valid record"
    fields = _SHAPES.get(kind, {}).get(table)
    if fields is None:
        return f"it has an unexpected table {table!r}"
    if type(doc) is not dict or not doc_id.isdigit():
        return f"record {doc_id!r} of table {table!r} is not a valid record"
    for key, typ in fields.items():
        if type(doc.get(key)) is not typ:
            return f"record {doc_id} of table {table!r} has no valid {key!r}"
    if "date" in fields and not _DATE_RE.match(doc["date"]):
        return f"record {doc_id} of table {table!r} has a bad date {doc['date']!r}"
    one_of = _ONE_OF.get((kind, table))
    if one_of and not any(type(doc.get(k)) is str for k in one_of):
        return f"record {doc_id} of table {table!r} has none of {', '.join(one_of)}"
    return None


def check_shape(tables: Tables, kind: str) -> None:
    """Raise ShapeError unless every table and document has the fields this kind of file needs."""
    if kind not in _SHAPES and kind != GENERIC_KIND:
        raise ShapeError(f"unknown kind of file {kind!r}")
    for name, table in tables.items():
        if type(table) is not dict:
            raise ShapeError(f"table {name!r} is not a JSON object")
        for doc_id, doc in table.items():
            problem = check_record(kind, name, doc_id, doc)
            if problem:
                raise ShapeError(problem)
