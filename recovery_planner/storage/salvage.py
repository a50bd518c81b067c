"""Reading what is still readable in a damaged data file, merging it with the newest good backup copy, and
what a repair did to each file (``RepairAction``).

A record counts as readable only if it decodes and, where the file's checksum list survived, matches its
checksum (``_meta`` is written first, so a cut-off file keeps it). Files of version 1 have no checksums:
their records are kept when they have the right shape.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .filestore import MAX_FILE_BYTES
from .schema import META_TABLE, Tables

_DOC_START = re.compile(r'"(\d{1,12})":\{')
_TABLE_START = re.compile(r'"([A-Za-z_][A-Za-z0-9_]{0,40})":\{"\d{1,12}":\{')
_META_START = re.compile(r'"_meta":\{"1":')
# The field that identifies the same record in two copies of a file, per table.
KEYS = {
    "checkins": "id",
    "done": "item_id",
    "plans": "checkin_id",
    "athletes": "id",
    "settings": "key",
    "clearances": "id",
    "profile": "id",
    "notes": "id",
    "edits": "id",
}


@dataclass(frozen=True)
class RepairAction:
    """What ``repair()`` did to one data file.

    ``action``: ``restored`` (the backup copy ``source`` merged with what the damaged file still held),
    ``salvaged`` (no backup: only what could be read), ``rebuilt`` (a profile remade from the athlete
    list) or ``removed`` (nothing readable and no backup). The counts are records: taken from the backup,
    recovered from the damaged file (saved after the backup), and lost (None when the damaged file no
    longer says how many it had).
    """

    file: Path
    action: str
    source: Path | None = None
    from_backup: int = 0
    recovered: int = 0
    lost: int | None = 0

    def describe(self) -> str:
        """One plain sentence for the user."""
        lost = "an unknown number" if self.lost is None else str(self.lost)
        counts = f"{self.from_backup} from the backup, {self.recovered} recovered from the damaged file, {lost} lost"
        if self.action == "restored":
            return (
                f"Restored {self.file} ({counts}): the backup copy {self.source} was restored together with "
                "the records still readable in the damaged file."
            )
        if self.action == "salvaged":
            return f"Repaired {self.file} from what could still be read, as no backup had it ({counts})."
        if self.action == "rebuilt":
            return f"Remade {self.file} from the athlete list (the backups did not have it)."
        return (
            f"{self.file} was damaged, nothing in it could be read and no backup had it; it was moved to the "
            f"damaged folder ({lost} records lost)."
        )


@dataclass
class Salvaged:
    """The readable records of a damaged file; ``listed`` = doc ids its checksum list names (None if lost)."""

    tables: Tables = field(default_factory=dict)
    listed: dict[str, set[str]] | None = None


@dataclass(frozen=True)
class Merged:
    tables: Tables
    from_backup: int
    recovered: int
    lost: int | None  # None: the damaged file no longer says how many records it had


def salvage(path: Path, kind: str) -> Salvaged:
    """Every record of ``kind``'s tables still readable in the damaged file at ``path``."""
    try:
        with open(path, "rb") as fh:
            blob = fh.read(MAX_FILE_BYTES)
    except OSError:
        return Salvaged()
    text = blob.decode("utf-8", errors="replace")
    decoder = json.JSONDecoder()
    sums = _meta_sums(text, decoder)
    out = Salvaged(listed=None if sums is None else {t: set(ids) for t, ids in sums.items()})
    tables = sorted((m.start(), m.group(1)) for m in _TABLE_START.finditer(text) if m.group(1) != META_TABLE)
    pos = 0
    while m := _DOC_START.search(text, pos):
        brace = m.end() - 1
        table = _table_at(tables, m.start())
        try:
            doc, end = decoder.raw_decode(text, brace)
        except ValueError:
            pos = m.end()
            continue
        doc_id = m.group(1)
        if table is not None and _acceptable(kind, table, doc_id, doc, sums):
            out.tables.setdefault(table, {})[doc_id] = doc
            pos = end
        else:
            pos = m.end()  # may be a table or an object nested in a record: look inside it
    return out


def _meta_sums(text: str, decoder: json.JSONDecoder) -> dict[str, dict[str, int]] | None:
    m = _META_START.search(text)
    if m is None:
        return None
    try:
        meta, _ = decoder.raw_decode(text, m.end())
    except ValueError:
        return None
    sums = meta.get("sums") if isinstance(meta, dict) else None
    if not isinstance(sums, dict) or not all(isinstance(v, dict) for v in sums.values()):
        return None
    return sums


def _table_at(tables: list[tuple[int, str]], pos: int) -> str | None:
    name = None
    for start, table in tables:
        if start > pos:
            break
        name = table
    return name


def _acceptable(kind: str, table: str, doc_id: str, doc: Any, sums: dict[str, dict[str, int]] | None) -> bool:
    if schema.check_record(kind, table, doc_id, doc) is not None:
        return False
    if sums is None:
        return True
    expected = sums.get(table, {}).get(doc_id)
    return expected is not None and schema.record_sum(doc) == expected


def merge(backup: Tables, found: Salvaged) -> Merged:
    """The backup's records plus those only the damaged file still has (its version wins for the same key)."""
    merged: Tables = {}
    from_backup = recovered = 0
    missing = 0  # counted only when the damaged file still lists its records
    for table in sorted(set(backup) | set(found.tables)):
        key = KEYS.get(table)
        old = backup.get(table, {})
        new = found.tables.get(table, {})
        by_key: dict[Any, dict[str, Any]] = {}
        for doc_id, doc in old.items():
            by_key[doc.get(key, doc_id) if key else doc_id] = doc
        from_backup += len(by_key)
        old_keys = set(by_key)
        for doc_id, doc in new.items():
            k = doc.get(key, doc_id) if key else doc_id
            by_key[k] = doc
            recovered += k not in old_keys
        merged[table] = {str(i): doc for i, doc in enumerate(by_key.values(), start=1)}
        if found.listed is not None:
            missing += len(found.listed.get(table, set()) - set(new) - set(old))
    if found.listed is not None:
        for table in set(found.listed) - set(merged):
            missing += len(found.listed[table])
    return Merged(merged, from_backup, recovered, missing if found.listed is not None else None)
