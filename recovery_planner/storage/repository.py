"""The repository: the only code that touches the database (athletes, check-ins, plans, settings, backups).

Thread-safe (one internal lock); the GUI may call it from a worker thread. Writes are atomic and durable
and hold a cross-process lock; files changed by another process are re-read, so nothing is lost when the
command line saves while the app is open.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import orjson
from tinydb import Query

from ..domain.checkin import CheckIn
from ..domain.plan import Plan
from ..domain.summary import trend_since
from . import backups, checkins, coach
from .atomic import copy_file_atomic
from .backups import BackupInfo
from .errors import InvalidRecordError, NotFoundError, StorageError
from .folder import DataFolder
from .lock import DEFAULT_TIMEOUT_S
from .paths import ATHLETES_DIR, PROFILE_FILE, SETTINGS_FILE, is_plans_name, iter_data_files, resolve_data_dir
from .records import AthleteRecord, CheckInRecord, CheckInSummary, clean_athlete_fields
from .roster import Roster
from .schema import CURRENT, Schema


@dataclass(frozen=True)
class RepairAction:
    """What ``repair()`` did to one data file: ``restored`` (from ``source``), ``rebuilt`` or ``removed``."""

    file: Path
    action: str
    source: Path | None = None


class Repository:
    """Athletes, check-ins with their plans, ticked items, settings and backups in one data folder."""

    def __init__(self, folder: DataFolder):
        self._folder = folder
        self._roster = Roster(folder)
        self.warnings: list[str] = self._roster.warnings

    @classmethod
    def open(
        cls,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        lock_timeout_s: float = DEFAULT_TIMEOUT_S,
        auto_backup: bool = True,
        schema_: Schema = CURRENT,
    ) -> Repository:
        """Open (creating if needed) the data folder: ``data_dir``, else $RECOVERY_PLANNER_HOME, else default.

        Raises NewerVersionError if the folder was written by a newer app, DataFolderError if unusable.
        A damaged roster index is kept aside and rebuilt from the athlete files (see ``warnings``).
        """
        folder = DataFolder(
            resolve_data_dir(data_dir), schema_=schema_, lock_timeout_s=lock_timeout_s, auto_backup=auto_backup
        )
        repo = cls(folder)
        repo._roster.load()
        return repo

    @property
    def data_dir(self) -> Path:
        return self._folder.root

    def close(self) -> None:
        """Release cached files. Every save is already on disk, so closing is never needed for safety."""
        self._folder.forget_all()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- athletes ----------------------------------------------------------------------------------
    def list_athletes(self, include_archived: bool = False) -> list[AthleteRecord]:
        """The roster, sorted by name, each with a summary of the newest check-in (reads only the index)."""
        return [a for a in self._roster.all() if include_archived or not a.archived]

    def get_athlete(self, athlete_id: str) -> AthleteRecord:
        return self._roster.get(athlete_id)

    def find_athlete(self, name_or_id: str) -> AthleteRecord:
        """The athlete with this name (case-insensitive) or id; raises NotFoundError."""
        return self._roster.find(name_or_id)

    def add_athlete(
        self,
        name: str,
        *,
        experience: str = "beginner",
        body_mass_kg: float | None = None,
        age: int | None = None,
        notes: str = "",
        units: str = "metric",
    ) -> AthleteRecord:
        """Add an athlete; raises InvalidRecordError for a bad or already used name."""
        fields = clean_athlete_fields(
            dict(name=name, experience=experience, body_mass_kg=body_mass_kg, age=age, notes=notes, units=units)
        )
        with self._folder.transaction():
            self._roster.check_name_free(fields["name"])
            athlete_id = os.urandom(6).hex()
            doc = {
                "id": athlete_id,
                **fields,
                "archived": False,
                "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            }
            self._write_profile(doc)
            return self._roster.put(doc, latest=None)

    def update_athlete(self, athlete_id: str, **changes: Any) -> AthleteRecord:
        """Change some of name, experience, body_mass_kg, age, notes, units."""
        fields = clean_athlete_fields(changes, partial=True)
        with self._folder.transaction():
            current = self._roster.get(athlete_id)
            if "name" in fields and fields["name"].casefold() != current.name.casefold():
                self._roster.check_name_free(fields["name"])
            return self._change_profile(current, fields)

    def archive_athlete(self, athlete_id: str, archived: bool = True) -> AthleteRecord:
        """Hide an athlete from the roster (their data is kept); ``archived=False`` brings them back."""
        with self._folder.transaction():
            return self._change_profile(self._roster.get(athlete_id), {"archived": bool(archived)})

    def unarchive_athlete(self, athlete_id: str) -> AthleteRecord:
        return self.archive_athlete(athlete_id, archived=False)

    def _change_profile(self, current: AthleteRecord, fields: dict[str, Any]) -> AthleteRecord:
        doc = {k: v for k, v in current.to_dict().items() if k != "latest"} | fields
        self._write_profile(doc)
        return self._roster.put(doc, latest=current.latest)

    def _write_profile(self, doc: dict[str, Any]) -> None:
        self._folder.prepare_dir(self._folder.athlete_dir(doc["id"]))
        storage = self._folder.storage(Path(ATHLETES_DIR, doc["id"], PROFILE_FILE))
        storage.write({"profile": {"1": doc}})

    # -- check-ins and plans -----------------------------------------------------------------------
    def add_check_in(self, athlete_id: str, check_in: CheckIn, plan: Plan) -> CheckInRecord:
        """Store a validated check-in and its plan; returns the stored record once it is durable on disk."""
        doc = checkins.new_checkin_doc(check_in, plan)
        with self._folder.transaction():
            athlete = self._roster.get(athlete_id)
            before = athlete.latest
            worst = doc["summary"]["worst_pain"]
            trend = None if before is None else trend_since(before.date, before.worst_pain, check_in.date, worst)
            if trend is not None:
                doc["summary"]["trend"] = trend
            checkins.insert(self._folder, athlete_id, doc, plan.to_dict())
            record = CheckInRecord.from_doc(athlete_id, doc)
            if _newer(record.summary, athlete.latest):
                self._roster.set_latest(athlete_id, record.summary)
        return record

    def history(self, athlete_id: str, start: date | None = None, end: date | None = None) -> list[CheckInRecord]:
        """The athlete's stored check-ins (optionally between two dates), oldest first; plans not loaded."""
        athlete = self._roster.get(athlete_id)
        records = checkins.history(self._folder, athlete_id, start, end)
        if start is None and end is None:
            newest = records[-1].summary if records else None
            if newest != athlete.latest:  # e.g. a crash between saving a check-in and the roster
                self._roster.repair_latest(athlete_id, newest)
        return records

    def get_check_in(self, athlete_id: str, checkin_id: str) -> CheckInRecord:
        self._roster.get(athlete_id)
        return checkins.get(self._folder, athlete_id, checkin_id)

    def get_plan(self, athlete_id: str, checkin_id: str) -> dict[str, Any] | None:
        """The plan stored with a check-in (plan format v1 dict), or None if it was never stored."""
        self._roster.get(athlete_id)
        return checkins.get_plan(self._folder, athlete_id, checkin_id)

    def active_plan(self, athlete_id: str, day: date) -> tuple[CheckInRecord, dict[str, Any]] | None:
        """The check-in and plan in force on ``day`` (the newest check-in on or before it), or None."""
        self._roster.get(athlete_id)
        return checkins.active_plan(self._folder, athlete_id, day)

    def set_item_done(self, athlete_id: str, item_id: str, done: bool = True) -> None:
        """Tick (or untick) a plan item by its stable id; a re-plan of the same day keeps the tick."""
        with self._folder.transaction():
            self._roster.get(athlete_id)
            checkins.set_done(self._folder, athlete_id, item_id, done)

    def done_items(self, athlete_id: str, start: date | None = None, end: date | None = None) -> frozenset[str]:
        """Ids of the ticked items whose day lies between ``start`` and ``end``."""
        self._roster.get(athlete_id)
        return checkins.done_items(self._folder, athlete_id, start, end)

    # -- settings ----------------------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        return {d["key"]: d.get("value") for d in self._folder.table(Path(SETTINGS_FILE), "settings").values()}

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self.settings().get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value (e.g. ``backups_keep``: how many daily backups to keep)."""
        try:
            orjson.dumps(value)
        except TypeError as exc:
            raise InvalidRecordError([f"setting {key}: cannot be stored ({exc})"]) from exc
        if not isinstance(key, str) or not key:
            raise InvalidRecordError(["setting: the name must be non-empty text"])
        with self._folder.transaction():
            table = self._folder.db(Path(SETTINGS_FILE)).table("settings")
            table.upsert({"key": key, "value": value}, Query().key == key)

    # -- backups and repair ------------------------------------------------------------------------
    def backup(self, kind: str = "manual") -> BackupInfo:
        """Take a snapshot of the data folder now (kept until deleted; automatic ones rotate)."""
        with self._folder.transaction():
            return backups.create_snapshot(self.data_dir, kind)

    def ensure_daily_backup(self) -> None:
        """Take today's automatic backup now if it is due (the app calls this when idle after start-up,
        so the first save of the day does not wait for it)."""
        with self._folder.transaction():
            pass

    def list_backups(self) -> list[BackupInfo]:
        return backups.list_backups(self.data_dir)

    def export_backup(self, dest: Path) -> int:
        """Write all data into one zip file (to move it to another computer); returns the file count."""
        with self._folder.transaction():
            return backups.export_zip(self.data_dir, Path(dest))

    def damaged_files(self, full: bool = False) -> list[Path]:
        """Data files that cannot be read. Plan files are checked only if ``full`` or seen damaged before."""
        seen = set(self._folder.kept_aside())
        candidates = [r for r in iter_data_files(self.data_dir) if full or r in seen or not is_plans_name(r.name)]
        return [r for r in candidates if self._folder.is_damaged(r)]

    def repair(self, full: bool = False) -> list[RepairAction]:
        """Put back the newest good backup copy of every damaged file (the damaged one is kept aside).

        A damaged roster index is rebuilt; a damaged file that no backup holds is moved aside (only what was
        saved to it after the newest backup is lost).
        """
        actions: list[RepairAction] = []
        with self._folder.transaction():
            for rel in self.damaged_files(full):
                self._folder.keep_aside(self.data_dir / rel)
                source = backups.good_copy(self.data_dir, rel)
                if source is not None:
                    copy_file_atomic(source, self.data_dir / rel)
                    actions.append(RepairAction(rel, "restored", source))
                elif rel.name == PROFILE_FILE and self._roster.has(rel.parts[1]):
                    self._write_profile(self._roster.profile_doc(rel.parts[1]))
                    actions.append(RepairAction(rel, "rebuilt"))
                else:
                    self._folder.remove_file(rel)
                    actions.append(RepairAction(rel, "removed"))
            self._folder.forget_all()
            self._roster.rebuild()
        return actions

    def restore_from(self, source: str | os.PathLike[str]) -> BackupInfo:
        """Replace all data with a backup (a snapshot name or folder, or an exported zip file).

        The backup is checked first; the current data is saved as a ``safety`` snapshot, which is returned.
        """
        src = Path(source)
        named = backups.backups_dir(self.data_dir) / str(source)
        if not src.exists() and named.is_dir():
            src = named
        if not src.exists():
            raise NotFoundError(f"No backup at {source}. See `recovery-planner backup --list`.")
        with self._folder.transaction():
            tmp = None
            if src.is_file():
                tmp = backups.backups_dir(self.data_dir) / f".tmp-import-{os.urandom(4).hex()}"
                src = backups.extract_zip(src, tmp)
            try:
                problems = backups.verify_tree(src)
                if problems:
                    raise StorageError(f"The backup {source} cannot be used:\n" + "\n".join(problems))
                safety = backups.create_snapshot(self.data_dir, "safety")
                backups.replace_all(self.data_dir, src)
            finally:
                if tmp is not None:
                    shutil.rmtree(tmp, ignore_errors=True)
            self._folder.forget_all()
            self._roster.rebuild()
        return safety

    # -- coach: notes, plan changes, leaving athletes ----------------------------------------------
    def notes(self, athlete_id: str) -> list[dict[str, Any]]:
        """The coach's notes on this athlete and their check-ins, oldest first."""
        self._roster.get(athlete_id)
        return coach.notes(self._folder, athlete_id)

    def add_note(self, athlete_id: str, doc: dict[str, Any]) -> dict[str, Any]:
        with self._folder.transaction():
            self._roster.get(athlete_id)
            return coach.add_note(self._folder, athlete_id, doc)

    def remove_note(self, athlete_id: str, note_id: str) -> None:
        with self._folder.transaction():
            self._roster.get(athlete_id)
            coach.remove_note(self._folder, athlete_id, note_id)

    def plan_edits(self, athlete_id: str) -> list[dict[str, Any]]:
        """The coach's plan changes for this athlete, in the order they were made."""
        self._roster.get(athlete_id)
        return coach.edits(self._folder, athlete_id)

    def add_plan_edit(self, athlete_id: str, doc: dict[str, Any]) -> dict[str, Any]:
        with self._folder.transaction():
            self._roster.get(athlete_id)
            return coach.add_edit(self._folder, athlete_id, doc)

    def athlete_stamp(self, athlete_id: str) -> tuple[int, int] | None:
        """A cheap token that changes whenever a file of this athlete changes, for caches; None when it
        cannot be trusted (the folder changed in the last 2 s, finer than some file systems' clocks).

        Every save replaces a file inside the athlete's folder, which updates the folder's own time.
        """
        try:
            st = os.stat(self._folder.athlete_dir(athlete_id))
        except OSError:
            return None
        if time.time_ns() - st.st_mtime_ns < 2_000_000_000:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def athlete_files(self, athlete_id: str) -> list[Path]:
        """Every data file of this athlete (relative paths), for a whole-record export."""
        self._roster.get(athlete_id)
        prefix = (ATHLETES_DIR, athlete_id)
        return [r for r in iter_data_files(self.data_dir) if r.parts[:2] == prefix]

    def delete_athlete(self, athlete_id: str) -> None:
        """Delete an athlete and all their data from the data folder for good (backups keep their copies
        until they are rotated out or deleted)."""
        with self._folder.transaction():
            self._roster.get(athlete_id)
            folder = self._folder.athlete_dir(athlete_id)
            for rel in self.athlete_files(athlete_id):
                self._folder.remove_file(rel)
            shutil.rmtree(folder, ignore_errors=True)
            self._folder.forget_all()
            self._roster.rebuild()


def _newer(new: CheckInSummary, old: CheckInSummary | None) -> bool:
    """A just-saved check-in is the newest unless an existing one has a later date."""
    return old is None or new.date >= old.date
