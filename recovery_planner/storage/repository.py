"""The repository: the only code that touches the database (athletes, check-ins, plans, settings, backups).

Thread-safe (one internal lock); the GUI may call it from a worker thread. Writes are atomic and durable
and hold a cross-process lock; files changed by another process are re-read, so nothing is lost when the
command line saves while the app is open.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb import Query

from . import checkins, coach, restore
from .atomic import atomic_write_bytes, copy_file_atomic, fsync_dir
from .errors import InvalidRecordError, NotFoundError, StorageError
from .filestore import encode, load_file
from .folder import DataFolder
from .guard import os_errors_as_storage_errors
from .lock import DEFAULT_TIMEOUT_S
from .paths import (
    ATHLETES_DIR,
    INDEX_FILE,
    PROFILE_FILE,
    SETTINGS_FILE,
    is_plans_name,
    iter_data_files,
    make_private_dir,
    resolve_data_dir,
)
from .records import (
    AthleteRecord,
    CheckInRecord,
    CheckInSummary,
    ClearanceRecord,
    clean_athlete_fields,
    clean_clearance,
    name_key,
)
from .restore import FIRST_DAY, LAST_DAY
from .roster import Roster
from .schema import CURRENT, Schema

NEW_ATHLETE_PREFIX = ".new-"

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..domain.activities import Activity
    from ..domain.checkin import CheckIn
    from ..domain.plan import Plan
    from .backups import BackupInfo
    from .salvage import RepairAction


@os_errors_as_storage_errors
class Repository:
    """Athletes, check-ins with their plans, ticked items, settings and backups in one data folder.

    ``warnings`` collects notices for the user (a repaired index, a save whose derived index could not be
    updated); ``pop_warnings()`` returns those not yet shown. Public methods raise only StorageErrors.
    """

    def __init__(self, folder: DataFolder):
        self._folder = folder
        self._roster = Roster(folder)
        self.warnings: list[str] = self._roster.warnings
        self._shown = 0

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
        if restore.pending(folder.root):
            with folder.transaction():  # finishes the interrupted restore
                repo._roster.rebuild()
            repo.warnings.append("A restore that was interrupted has been completed.")
        repo._roster.load()
        return repo

    @property
    def data_dir(self) -> Path:
        return self._folder.root

    @property
    def has_written(self) -> bool:
        """Whether this repository has saved anything since it was opened."""
        return self._folder.wrote

    def pop_warnings(self) -> list[str]:
        """The notices added since the last call (to show after an operation)."""
        new = self.warnings[self._shown :]
        self._shown = len(self.warnings)
        return new

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
            self._create_athlete_folder(doc)  # the commit point: from here on the athlete exists
            record = AthleteRecord.from_doc(dict(doc, latest=None))
            self._after_commit(athlete_id, "The athlete was added", lambda: self._roster.put(doc, latest=None))
            return record

    def update_athlete(self, athlete_id: str, **changes: Any) -> AthleteRecord:
        """Change some of name, experience, body_mass_kg, age, notes, units."""
        fields = clean_athlete_fields(changes, partial=True)
        with self._folder.transaction():
            current = self._roster.get(athlete_id)
            if "name" in fields and name_key(fields["name"]) != name_key(current.name):
                self._roster.check_name_free(fields["name"])
            return self._change_profile(current, fields)

    def archive_athlete(self, athlete_id: str, archived: bool = True) -> AthleteRecord:
        """Hide an athlete from the roster (their data is kept); ``archived=False`` brings them back."""
        with self._folder.transaction():
            return self._change_profile(self._roster.get(athlete_id), {"archived": bool(archived)})

    def unarchive_athlete(self, athlete_id: str) -> AthleteRecord:
        return self.archive_athlete(athlete_id, archived=False)

    def _change_profile(self, current: AthleteRecord, fields: dict[str, Any]) -> AthleteRecord:
        doc = self._profile_on_disk(current) | fields
        self._write_profile(doc)  # the commit point
        record = AthleteRecord.from_doc(dict(doc, latest=None if current.latest is None else current.latest.to_dict()))
        self._after_commit(current.id, "The change was saved", lambda: self._roster.put(doc, latest=current.latest))
        return record

    def _profile_on_disk(self, current: AthleteRecord) -> dict[str, Any]:
        """The stored profile document (fields a newer app added are kept); the index copy if it is missing.

        Raises NewerVersionError or DamagedFileError rather than rewriting such a file.
        """
        docs = self._folder.table(Path(ATHLETES_DIR, current.id, PROFILE_FILE), "profile")
        if docs:
            return dict(next(iter(docs.values())))
        return {k: v for k, v in current.to_dict().items() if k != "latest"}

    def _after_commit(self, athlete_id: str, what: str, update_index: Callable[[], object]) -> None:
        """Update the derived index after a committed save; a failure becomes a notice, never an error."""
        try:
            update_index()
        except StorageError as exc:
            self._roster.mark_stale(athlete_id)
            self.warnings.append(
                f"{what}, but the athlete list {self.data_dir / INDEX_FILE} could not be updated "
                f"({getattr(exc, 'reason', None) or str(exc).splitlines()[0]}). It is brought up to date the next "
                "time the data is opened."
            )

    def _create_athlete_folder(self, doc: dict[str, Any]) -> None:
        """Make the athlete's folder with its profile in one step: built as ``athletes/.new-<id>`` and
        renamed, so a crash never leaves a half-made athlete folder (leftovers are removed here)."""
        athletes = make_private_dir(self.data_dir / ATHLETES_DIR)
        for entry in os.scandir(athletes):
            if entry.name.startswith(NEW_ATHLETE_PREFIX) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
        tmp = make_private_dir(athletes / f"{NEW_ATHLETE_PREFIX}{doc['id']}")
        atomic_write_bytes(tmp / PROFILE_FILE, encode("profile", {"profile": {"1": doc}}))
        os.replace(tmp, athletes / doc["id"])
        fsync_dir(athletes)

    def _write_profile(self, doc: dict[str, Any], *, replace: bool = False) -> None:
        """Write the profile document, keeping the file's other tables (clearances)."""
        self._folder.prepare_dir(self._folder.athlete_dir(doc["id"]))
        storage = self._folder.storage(Path(ATHLETES_DIR, doc["id"], PROFILE_FILE))
        tables = {} if replace else (storage.read() or {})
        tables["profile"] = {"1": doc}
        (storage.replace if replace else storage.write)(tables)

    # -- check-ins and plans -----------------------------------------------------------------------
    def add_check_in(
        self, athlete_id: str, check_in: CheckIn, plan: Plan, hold: dict[str, Any] | None = None
    ) -> CheckInRecord:
        """Store a validated check-in and its plan; returns the stored record once it is durable on disk.

        ``hold``: the most urgent hold open after this check-in ({reason, rule, since, urgency}), kept in its
        summary so the roster shows it without reading plans."""
        from ..domain.summary import trend_since

        doc = checkins.new_checkin_doc(check_in, plan, hold)
        with self._folder.transaction():
            athlete = self._roster.get(athlete_id)
            before = athlete.latest
            worst = doc["summary"]["worst_pain"]
            trend = None if before is None else trend_since(before.date, before.worst_pain, check_in.date, worst)
            if trend is not None:
                doc["summary"]["trend"] = trend
            checkins.insert(self._folder, athlete_id, doc, plan.to_dict())  # the check-in is the commit point
            record = CheckInRecord.from_doc(athlete_id, doc)
            if _newer(record.summary, athlete.latest):
                self._after_commit(
                    athlete_id, "The check-in was saved", lambda: self._roster.set_latest(athlete_id, record.summary)
                )
        return record

    def set_hold(self, athlete_id: str, checkin_id: str, hold: dict[str, Any] | None) -> CheckInRecord:
        """Replace the open hold kept in a check-in's summary (a clearance closed it); the roster follows."""
        with self._folder.transaction():
            athlete = self._roster.get(athlete_id)
            record = checkins.set_hold(self._folder, athlete_id, checkin_id, hold)
            if athlete.latest is not None and athlete.latest.checkin_id == checkin_id:
                self._after_commit(
                    athlete_id, "The hold was updated", lambda: self._roster.set_latest(athlete_id, record.summary)
                )
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

    def plans(self, athlete_id: str, start: date | None = None, end: date | None = None) -> dict[str, dict[str, Any]]:
        """Check-in id -> stored plan for the check-ins between two dates (faster than many ``get_plan``)."""
        self._roster.get(athlete_id)
        return checkins.plans_between(self._folder, athlete_id, start, end)

    def plans_json(self, athlete_id: str, start: date | None = None, end: date | None = None) -> dict[str, bytes]:
        """Check-in id -> the stored plan's JSON text, not parsed (to write many plans out fast)."""
        self._roster.get(athlete_id)
        return checkins.plans_json_between(self._folder, athlete_id, start, end)

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

    # -- clearances (a clinician's all-clear, which ends a hold on running) -------------------------
    def add_clearance(self, athlete_id: str, *, by: str, on: date, note: str = "") -> ClearanceRecord:
        """Record that ``by`` cleared the athlete on ``on``; stored in their profile file (atomic, backed
        up, checksummed). Raises InvalidRecordError for a bad field, NotFoundError for an unknown athlete."""
        fields = clean_clearance(by, on, note, FIRST_DAY, LAST_DAY)
        with self._folder.transaction():
            self._roster.get(athlete_id)
            rel = Path(ATHLETES_DIR, athlete_id, PROFILE_FILE)
            doc = {
                "id": os.urandom(5).hex(),
                **fields,
                "recorded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            }
            self._folder.db(rel).table("clearances").insert(doc)
        return ClearanceRecord.from_doc(athlete_id, doc)

    def clearances(self, athlete_id: str) -> list[ClearanceRecord]:
        """The athlete's clearances, oldest first (by date, then when they were recorded)."""
        self._roster.get(athlete_id)
        docs = self._folder.table(Path(ATHLETES_DIR, athlete_id, PROFILE_FILE), "clearances").values()
        records = [ClearanceRecord.from_doc(athlete_id, d) for d in docs]
        return sorted(records, key=lambda c: (c.on, c.recorded_at, c.id))

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
            from . import backups

            return backups.create_snapshot(self.data_dir, kind)

    def ensure_daily_backup(self) -> bool:
        """Take today's automatic backup if it is due; returns whether one was taken.

        Never in front of a save: the app calls this when idle after start-up, the command line right after
        it has reported what it saved.
        """
        return self._folder.daily_backup()

    def list_backups(self) -> list[BackupInfo]:
        from . import backups

        return backups.list_backups(self.data_dir)

    def export_backup(self, dest: Path) -> int:
        """Write all data into one zip file (to move it to another computer); returns the file count."""
        with self._folder.transaction():
            from . import backups

            return backups.export_zip(self.data_dir, Path(dest))

    def damaged_files(self, full: bool = False) -> list[Path]:
        """Data files that cannot be read, and athlete profiles that are missing (check-ins without an athlete).

        Plan files are checked only if ``full`` or seen damaged before.
        """
        seen = set(self._folder.kept_aside())
        candidates = [r for r in iter_data_files(self.data_dir) if full or r in seen or not is_plans_name(r.name)]
        return [r for r in candidates if self._folder.is_damaged(r)] + self._roster.missing_profiles()

    def repair(self, full: bool = False) -> list[RepairAction]:
        """Repair every damaged file: keep it aside, then merge the newest good backup copy with every record
        still readable in it (``RepairAction`` counts them). A lost profile comes back from the backups (or
        the athlete list); a damaged roster index is rebuilt. Files of a newer version are never touched.
        """
        actions: list[RepairAction] = []
        with self._folder.transaction():
            for rel in self.damaged_files(full):
                actions.append(self._repair_file(rel))
            self._folder.forget_all()
            self._roster.rebuild()
        return actions

    def _repair_file(self, rel: Path) -> RepairAction:
        from . import backups, salvage
        from .salvage import RepairAction

        path = self.data_dir / rel
        source = backups.good_copy(self.data_dir, rel)
        if not path.exists():  # a lost profile
            if source is not None:
                copy_file_atomic(source, path)
                return RepairAction(rel, "restored", source, from_backup=1)
            self._write_profile(self._roster.profile_doc_or_placeholder(rel.parts[1]), replace=True)
            return RepairAction(rel, "rebuilt")
        self._folder.keep_aside(path)
        storage = self._folder.storage(rel)
        found = salvage.salvage(path, storage.kind)
        backup = load_file(source, self._folder.schema) if source is not None else {}
        merged = salvage.merge(backup, found)
        if not any(merged.tables.values()):
            if rel.name == PROFILE_FILE and self._roster.has(rel.parts[1]):
                self._write_profile(self._roster.profile_doc(rel.parts[1]), replace=True)
                return RepairAction(rel, "rebuilt")
            self._folder.remove_file(rel)
            return RepairAction(rel, "removed", lost=merged.lost)
        storage.replace(merged.tables)
        action = "restored" if source is not None else "salvaged"
        return RepairAction(rel, action, source, merged.from_backup, merged.recovered, merged.lost)

    def restore_from(self, source: str | os.PathLike[str]) -> BackupInfo:
        """Replace all data with a backup (a snapshot name or folder, or an exported zip file), atomically.

        The backup is staged beside the data and checked first (files and records, like input); the current
        data is saved as a ``safety`` snapshot, which is returned. A restore interrupted by a crash is
        finished at the next open. Raises BackupError for an unusable backup, NewerVersionError if the
        backup or the current data holds a file of a newer version (nothing is changed then).
        """
        from . import backups

        src = Path(source)
        named = backups.backups_dir(self.data_dir) / str(source)
        if not src.exists() and named.is_dir():
            src = named
        if not src.exists():
            raise NotFoundError(f"No backup at {source}. See `recovery-planner backup --list`.")
        with self._folder.transaction():
            restore.clean_abandoned(self.data_dir)
            restore.refuse_newer_live_files(self.data_dir, self._folder.schema)
            staging = restore.stage(self.data_dir, src)
            try:
                restore.verify(staging, src, self._folder.schema)
                safety = backups.create_snapshot(self.data_dir, "safety")
                restore.switch(self.data_dir, staging, safety.name)
            finally:
                if not restore.pending(self.data_dir):
                    shutil.rmtree(staging, ignore_errors=True)
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

    # -- activities from watch files (watch-file engineer; storage/activities.py) -----------------------
    def add_activities(self, athlete_id: str, activities: Iterable[Activity]) -> tuple[int, int]:
        """Store imported activities, skipping duplicates; returns (added, skipped). Atomic per year file."""
        from . import activities as activity_store

        with self._folder.transaction():
            self._roster.get(athlete_id)
            return activity_store.insert(self._folder, athlete_id, activities)

    def activities(self, athlete_id: str, start: date | None = None, end: date | None = None) -> list[Activity]:
        """The athlete's activities (optionally between two UTC dates), oldest first."""
        from . import activities as activity_store

        self._roster.get(athlete_id)
        return activity_store.all_activities(self._folder, athlete_id, start, end)

    def activity_file_hashes(self, athlete_id: str) -> frozenset[str]:
        """Hashes of the files already imported for this athlete (a re-import skips them unparsed)."""
        from . import activities as activity_store

        self._roster.get(athlete_id)
        return activity_store.file_hashes(self._folder, athlete_id)

    # -- end of the activities block ------------------------------------------------------------------


def _newer(new: CheckInSummary, old: CheckInSummary | None) -> bool:
    """A just-saved check-in is the newest unless an existing one has a later date."""
    return old is None or new.date >= old.date
