"""The on-disk schema: version stamp, shape checks per kind of file, and migrations between versions.

Every file is a TinyDB database (``{"table": {"doc_id": {...}}}``) with a ``_meta`` table holding one
document ``{"schema_version": int, "kind": str, "app_version": str}``. Files of an older version are
migrated in memory when read and written back in the current version on the next save; files of a
newer version are refused (NewerVersionError), never misread.

To change the format: bump ``SCHEMA_VERSION`` and register ``MIGRATIONS[old_version]``, a function
``(kind, tables) -> tables`` that turns one file of version ``old_version`` into ``old_version + 1``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "_meta"

Tables = dict[str, dict[str, Any]]
Migration = Callable[[str, Tables], Tables]

# from-version -> step to from-version + 1. Empty while version 1 is the only released format.
MIGRATIONS: dict[int, Migration] = {}

# kind -> table -> fields every document of that table must have, with their JSON types.
_SHAPES: dict[str, dict[str, dict[str, type]]] = {
    "index": {"athletes": {"id": str, "name": str, "archived": bool}},
    "settings": {"settings": {"key": str}},
    "profile": {"profile": {"id": str, "name": str, "experience": str}},
    "checkins": {
        "checkins": {"id": str, "date": str, "saved_at": str, "check_in": dict, "summary": dict},
        "done": {"item_id": str},
    },
    "plans": {"plans": {"checkin_id": str, "plan_z": str}},
    "coach": {
        "notes": {"id": str, "text": str, "author": str, "created_at": str},
        "edits": {"id": str, "action": str, "day": str, "author": str},
    },
}
KINDS = tuple(_SHAPES)
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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

    def __init__(self, found: int):
        self.found = found
        super().__init__(f"data format {found}")


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


def check(tables: Any, kind: str, schema: Schema = CURRENT) -> Tables:
    """Check a decoded file, migrating it to ``schema.version``; returns the tables.

    Raises FutureVersionError for a newer file, ShapeError for anything else that is wrong.
    """
    meta = meta_of(tables)
    version = meta["schema_version"]
    if meta["kind"] != kind:
        raise ShapeError(f"it is a {meta['kind']!r} file where a {kind!r} file was expected")
    if version > schema.version:
        raise FutureVersionError(version)
    if version < 1:
        raise ShapeError(f"its data format number {version} is not valid")
    tables = upgrade(tables, kind, version, schema)
    check_shape(tables, kind)
    return tables


def upgrade(tables: Tables, kind: str, version: int, schema: Schema = CURRENT) -> Tables:
    """Apply the migrations from ``version`` up to ``schema.version`` and restamp ``_meta``."""
    while version < schema.version:
        step = schema.migrations.get(version)
        if step is None:
            raise ShapeError(f"no way to convert data format {version} to {version + 1}")
        tables = step(kind, tables)
        version += 1
    tables[META_TABLE] = {"1": stamp(kind, schema)}
    return tables


def stamp(kind: str, schema: Schema = CURRENT) -> dict[str, Any]:
    from .. import __version__

    return {"schema_version": schema.version, "kind": kind, "app_version": __version__}


def check_shape(tables: Tables, kind: str) -> None:
    """Raise ShapeError unless every table and document has the fields this kind of file needs."""
    shapes = _SHAPES.get(kind)
    if shapes is None:
        raise ShapeError(f"unknown kind of file {kind!r}")
    for name, table in tables.items():
        if type(table) is not dict:
            raise ShapeError(f"table {name!r} is not a JSON object")
        if name == META_TABLE:
            continue
        fields = shapes.get(name)
        if fields is None:
            raise ShapeError(f"it has an unexpected table {name!r}")
        items = tuple(fields.items())
        for doc_id, doc in table.items():
            if type(doc) is not dict or not doc_id.isdigit():
                raise ShapeError(f"record {doc_id!r} of table {name!r} is not a valid record")
            for key, typ in items:
                if type(doc.get(key)) is not typ:
                    raise ShapeError(f"record {doc_id} of table {name!r} has no valid {key!r}")
            if "date" in fields and not _DATE_RE.match(doc["date"]):
                raise ShapeError(f"record {doc_id} of table {name!r} has a bad date {doc['date']!r}")
