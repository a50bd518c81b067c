"""One athlete's check-ins, plans and ticked plan items, sharded so that a save rewrites little.

- ``checkins-YYYY-MM.json``: table ``checkins`` (one document per check-in of that month, with its
  summary) and table ``done`` (ticked plan items of that month, keyed by the item's stable id).
- ``plans-YYYY-MM.json``: table ``plans``, the full plan of each check-in of that month (``plan_zs1``: the
  plan's JSON compressed with a fixed Zstandard dictionary and base64-encoded, about 50 times smaller;
  files from version 1 hold ``plan_z``, zlib and base64), read only when a plan is asked for.

A save writes the plan first, then the check-in (the check-in is the commit point), then the roster
summary; each write is atomic and durable, so an acknowledged save survives a crash or power loss.
"""

from __future__ import annotations

import base64
import os
import zlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb import Query

from ..domain.limits import MAX_DAYS
from .errors import DamagedFileError, InvalidRecordError, NotFoundError
from .filestore import check_storable
from .folder import DataFolder
from .paths import ATHLETES_DIR, checkins_month, checkins_name, plans_name
from .records import ITEM_ID_RE, CheckInRecord, checkin_id_date
from .restore import FIRST_DAY, LAST_DAY

if TYPE_CHECKING:
    from ..domain.checkin import CheckIn
    from ..domain.plan import Plan


def _rel(athlete_id: str, name: str) -> Path:
    return Path(ATHLETES_DIR, athlete_id, name)


Month = tuple[int, int]


def shard_months(
    folder: DataFolder, athlete_id: str, start: date | None = None, end: date | None = None
) -> list[Month]:
    """The (year, month) of each check-in shard of this athlete between two dates, oldest first."""
    try:
        names = os.listdir(folder.athlete_dir(athlete_id))
    except OSError:
        return []
    lo = (start.year, start.month) if start else (0, 0)
    hi = (end.year, end.month) if end else (9999, 99)
    return sorted(m for m in map(checkins_month, names) if m is not None and lo <= m <= hi)


def new_checkin_doc(check_in: CheckIn, plan: Plan, hold: dict[str, Any] | None = None) -> dict[str, Any]:
    """The stored form of a check-in (its plan is stored separately under the same id); ``hold``: the
    most urgent hold still open after it (its summary carries it for the roster)."""
    from ..domain.checkin import CheckIn  # the domain's models load with the first save, not at start-up
    from ..domain.plan import Plan
    from ..domain.summary import summarise

    if not isinstance(check_in, CheckIn) or not isinstance(plan, Plan):
        raise InvalidRecordError(["check-in: expected a validated check-in and its plan"])
    if not FIRST_DAY <= check_in.date <= LAST_DAY:
        raise InvalidRecordError([f"date: must be between {FIRST_DAY} and {LAST_DAY}, got {check_in.date}"])
    return {
        "id": f"{check_in.date.isoformat()}-{os.urandom(4).hex()}",
        "date": check_in.date.isoformat(),
        "saved_at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
        "planner_version": plan.planner_version,
        "check_in": check_in.to_dict(),
        "summary": {**summarise(check_in, plan), **({"hold": dict(hold)} if hold else {})},
    }


def insert(folder: DataFolder, athlete_id: str, doc: dict[str, Any], plan: dict[str, Any]) -> None:
    """Store a check-in and its plan (call inside a transaction)."""
    day = date.fromisoformat(doc["date"])
    check_storable(doc)  # both are checked before either is written: no orphan plan
    plan_doc = {"checkin_id": doc["id"], PLAN_FIELD: pack_plan(plan)}
    folder.prepare_dir(folder.athlete_dir(athlete_id))
    folder.db(_rel(athlete_id, plans_name(day.year, day.month))).table("plans").insert(plan_doc)
    folder.db(_rel(athlete_id, checkins_name(day.year, day.month))).table("checkins").insert(doc)


def set_hold(folder: DataFolder, athlete_id: str, checkin_id: str, hold: dict[str, Any] | None) -> CheckInRecord:
    """Replace the open hold in a stored check-in's summary (after a clearance); call inside a transaction."""
    record = get(folder, athlete_id, checkin_id)
    summary = {k: v for k, v in record.summary.to_dict().items() if k not in ("checkin_id", "date", "hold")}
    if hold:
        summary["hold"] = dict(hold)
    rel = _rel(athlete_id, checkins_name(record.date.year, record.date.month))
    folder.db(rel).table("checkins").update({"summary": summary}, Query().id == checkin_id)
    return get(folder, athlete_id, checkin_id)


def history(
    folder: DataFolder, athlete_id: str, start: date | None = None, end: date | None = None
) -> list[CheckInRecord]:
    """The athlete's check-ins between ``start`` and ``end`` (inclusive), oldest first."""
    out: list[CheckInRecord] = []
    for year, month in shard_months(folder, athlete_id, start, end):
        out += folder.derived(
            _rel(athlete_id, checkins_name(year, month)), "checkins", lambda docs: _records(athlete_id, docs)
        )
    if start is not None or end is not None:
        out = [r for r in out if (start is None or r.date >= start) and (end is None or r.date <= end)]
    return out


def _records(athlete_id: str, docs: dict[str, dict[str, Any]]) -> list[CheckInRecord]:
    recs = [CheckInRecord.from_doc(athlete_id, d) for d in docs.values()]
    recs.sort(key=lambda r: (r.date, r.saved_at))
    return recs


def latest(folder: DataFolder, athlete_id: str) -> CheckInRecord | None:
    """The newest check-in (by date, then save time), reading only the newest non-empty shard."""
    for year, month in reversed(shard_months(folder, athlete_id)):
        recs = history(folder, athlete_id, date(year, month, 1), date(year, month, 28) + timedelta(days=4))
        if recs:
            return recs[-1]
    return None


def get(folder: DataFolder, athlete_id: str, checkin_id: str) -> CheckInRecord:
    day = checkin_id_date(checkin_id)
    if day is None:
        raise NotFoundError(f"{checkin_id!r} is not a check-in id (they look like 2024-05-01-1a2b3c4d).")
    for doc in folder.table(_rel(athlete_id, checkins_name(day.year, day.month)), "checkins").values():
        if doc["id"] == checkin_id:
            return CheckInRecord.from_doc(athlete_id, doc)
    raise NotFoundError(f"No check-in {checkin_id} for this athlete.")


def get_plan(folder: DataFolder, athlete_id: str, checkin_id: str) -> dict[str, Any] | None:
    """The stored plan of a check-in, or None if it has none (e.g. a save interrupted by a crash)."""
    day = checkin_id_date(checkin_id)
    if day is None:
        raise NotFoundError(f"{checkin_id!r} is not a check-in id (they look like 2024-05-01-1a2b3c4d).")
    for doc in folder.table(_rel(athlete_id, plans_name(day.year, day.month)), "plans").values():
        if doc["checkin_id"] == checkin_id:
            return unpack_plan(doc, folder.root / _rel(athlete_id, plans_name(day.year, day.month)))
    return None


def plans_between(
    folder: DataFolder, athlete_id: str, start: date | None = None, end: date | None = None
) -> dict[str, dict[str, Any]]:
    """checkin id -> stored plan for every check-in between two dates (each month's file read once)."""
    out: dict[str, dict[str, Any]] = {}
    for year, month in shard_months(folder, athlete_id, start, end):
        rel = _rel(athlete_id, plans_name(year, month))
        for doc in folder.table(rel, "plans").values():
            out[doc["checkin_id"]] = unpack_plan(doc, folder.root / rel)
    return out


def plans_json_between(
    folder: DataFolder, athlete_id: str, start: date | None = None, end: date | None = None
) -> dict[str, bytes]:
    """checkin id -> the stored plan's JSON text (UTF-8), unparsed: for writing many plans out quickly."""
    out: dict[str, bytes] = {}
    for year, month in shard_months(folder, athlete_id, start, end):
        rel = _rel(athlete_id, plans_name(year, month))
        for doc in folder.table(rel, "plans").values():
            out[doc["checkin_id"]] = plan_json(doc, folder.root / rel)
    return out


PLAN_FIELD = "plan_zs1"
_LEVEL = 9  # the size gain above 9 is under 1% for ten times the time


def pack_plan(plan: dict[str, Any]) -> str:
    """A plan dict as compact text: JSON, Zstandard with the fixed plan dictionary, base64."""
    import zstandard

    from .plan_dictionary import dictionary

    raw = orjson.dumps(plan)
    return base64.b64encode(zstandard.ZstdCompressor(level=_LEVEL, dict_data=dictionary()).compress(raw)).decode()


def plan_json(doc: dict[str, Any], path: Path) -> bytes:
    """The JSON text of the plan held by a stored plan document (``plan_zs1``, or version 1's ``plan_z``)."""
    import zstandard

    from .plan_dictionary import dictionary

    try:
        if PLAN_FIELD in doc:
            blob = base64.b64decode(doc[PLAN_FIELD], validate=True)
            return zstandard.ZstdDecompressor(dict_data=dictionary()).decompress(blob, max_output_size=MAX_PLAN_BYTES)
        return zlib.decompressobj().decompress(base64.b64decode(doc["plan_z"], validate=True), MAX_PLAN_BYTES)
    except (ValueError, zlib.error, zstandard.ZstdError) as exc:  # bad base64 or compressed data
        raise DamagedFileError(path, "a stored plan in it is corrupted") from exc


def unpack_plan(doc: dict[str, Any], path: Path) -> dict[str, Any]:
    """The plan held by a stored plan document, as a dict."""
    try:
        plan = orjson.loads(plan_json(doc, path))
    except orjson.JSONDecodeError as exc:
        raise DamagedFileError(path, "a stored plan in it is corrupted") from exc
    if not isinstance(plan, dict):
        raise DamagedFileError(path, "a stored plan in it is not a plan")
    return plan


MAX_PLAN_BYTES = 4 * 2**20


def active_plan(folder: DataFolder, athlete_id: str, day: date) -> tuple[CheckInRecord, dict[str, Any]] | None:
    """The plan in force on ``day``: from the newest check-in dated on or before it, if its plan covers it.

    A newer check-in's plan replaces an older plan from the newer check-in's date on; the older plan stays
    in the history. An emergency plan (no schedule) stays in force for the longest plan horizon, so its
    advice is still shown after the app is reopened.
    """
    # A plan starts on its check-in's day and lasts at most MAX_DAYS: older check-ins cannot be in force,
    # so only the last one or two monthly shards are read (not years of them).
    recs = history(folder, athlete_id, start=day - timedelta(days=MAX_DAYS), end=day)
    if not recs:
        return None
    rec = recs[-1]
    plan = get_plan(folder, athlete_id, rec.id)
    if plan is None:
        return None
    if plan.get("plan_suppressed"):
        start = date.fromisoformat(plan["start"])
        return (rec, plan) if start <= day < start + timedelta(days=MAX_DAYS) else None
    if not any(d.get("date") == day.isoformat() for d in plan.get("days", [])):
        return None
    return rec, plan


def set_done(folder: DataFolder, athlete_id: str, item_id: str, done: bool) -> None:
    """Tick or untick a plan item (call inside a transaction). Ticks are kept per athlete by item id."""
    m = ITEM_ID_RE.match(item_id) if isinstance(item_id, str) else None
    day = _item_day(item_id) if m else None
    if day is None:
        raise InvalidRecordError([f"item id: {item_id!r} is not a plan item id (like 2024-05-01:ice:calf:left)"])
    folder.prepare_dir(folder.athlete_dir(athlete_id))
    table = folder.db(_rel(athlete_id, checkins_name(day.year, day.month))).table("done")
    item = Query()
    if done:
        table.upsert(
            {"item_id": item_id, "done_at": datetime.now(timezone.utc).isoformat(timespec="seconds")},
            item.item_id == item_id,
        )
    else:
        table.remove(item.item_id == item_id)


def done_items(
    folder: DataFolder, athlete_id: str, start: date | None = None, end: date | None = None
) -> frozenset[str]:
    """Ids of the ticked plan items whose day is between ``start`` and ``end`` (inclusive)."""
    lo = start.isoformat() if start else ""
    hi = end.isoformat() if end else "9999"
    out = set()
    for year, month in shard_months(folder, athlete_id, start, end):
        for doc in folder.table(_rel(athlete_id, checkins_name(year, month)), "done").values():
            if lo <= doc["item_id"][:10] <= hi:
                out.add(doc["item_id"])
    return frozenset(out)


def _item_day(item_id: str) -> date | None:
    try:
        return date.fromisoformat(item_id[:10])
    except ValueError:
        return None
