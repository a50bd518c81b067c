"""The roster index (``index.json``): every athlete's profile plus a summary of their newest check-in.

The index is a cache for fast start-up (a 200-athlete roster opens without reading any athlete file);
the athlete folders are the source of truth, so a damaged or stale index is rebuilt from them.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from tinydb import Query

from . import checkins
from .atomic import fsync_dir
from .errors import DamagedFileError, InvalidRecordError, LockedError, NotFoundError, StorageError
from .folder import DataFolder
from .paths import ATHLETE_ID_RE, ATHLETES_DIR, INDEX_FILE, PRIVATE_FILE_MODE, PROFILE_FILE
from .records import AthleteRecord, CheckInSummary, name_key

STALE_MARKER = ".index-stale"

_INDEX = Path(INDEX_FILE)


class Roster:
    """Reads and updates ``index.json``. Writing methods must be called inside a transaction."""

    def __init__(self, folder: DataFolder):
        self._folder = folder
        self.warnings: list[str] = []

    # -- reading -----------------------------------------------------------------------------------
    def load(self) -> None:
        """Check the index at start-up: rebuild it if damaged, stale (a save could not update it) or missing
        athletes (after a crash). If it cannot be rewritten now, say so and carry on reading."""
        try:
            known = {d["id"] for d in self._docs()}
        except DamagedFileError as exc:
            self.warnings.append(
                f"The athlete list {exc.path} was damaged ({exc.problem}); it was rebuilt from the athlete "
                f"files" + (f" and the damaged copy is kept at {exc.kept_at}." if exc.kept_at else ".")
            )
            self._rebuild_now()
            return
        listed, stale, missing = self._scan()
        for rel in missing:
            self.warnings.append(
                f"The athlete in {self._folder.root / rel.parent} has check-ins but their profile {rel.name} is "
                "missing, so they are not listed. Run `recovery-planner restore` to bring it back."
            )
        if (set(listed) - known or stale) and self._rebuild_now():
            for athlete_id in stale:
                with contextlib.suppress(OSError):
                    os.unlink(self._stale_marker(athlete_id))

    def _rebuild_now(self) -> bool:
        """Rebuild the index now; if that is impossible (read-only folder), say so and return False."""
        try:
            with self._folder.transaction():
                self.rebuild()
        except StorageError as exc:
            self.warnings.append(
                f"The athlete list needs bringing up to date but cannot be written now "
                f"({getattr(exc, 'reason', None) or str(exc).splitlines()[0]}); it will be tried again next time."
            )
            return False
        return True

    def _stale_marker(self, athlete_id: str) -> str:
        return os.path.join(self._folder.athlete_dir(athlete_id), STALE_MARKER)

    def mark_stale(self, athlete_id: str) -> None:
        """Note in the athlete's own folder that the index entry is out of date (checked at the next open)."""
        with contextlib.suppress(OSError):
            fd = os.open(self._stale_marker(athlete_id), os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE)
            os.fsync(fd)
            os.close(fd)
            fsync_dir(self._folder.athlete_dir(athlete_id))

    def _docs(self) -> list[dict[str, Any]]:
        return list(self._folder.table(_INDEX, "athletes").values())

    def _scan(self) -> tuple[list[str], list[str], list[Path]]:
        """One pass over the athlete folders (a 200-athlete folder is scanned at every start): the ids with a
        profile (sorted), the stale ones among them, and the profiles missing from folders that still hold
        data files."""
        listed: list[str] = []
        stale: list[str] = []
        missing: list[Path] = []
        try:
            entries = sorted(os.scandir(self._folder.root / ATHLETES_DIR), key=lambda e: e.name)
        except OSError:
            return listed, stale, missing
        for e in entries:
            if not (ATHLETE_ID_RE.match(e.name) and e.is_dir()):
                continue
            if os.path.exists(os.path.join(e.path, PROFILE_FILE)):
                listed.append(e.name)
                if os.path.exists(os.path.join(e.path, STALE_MARKER)):
                    stale.append(e.name)
            elif _has_data_files(e.path):
                missing.append(Path(ATHLETES_DIR, e.name, PROFILE_FILE))
        return listed, stale, missing

    def all(self) -> list[AthleteRecord]:
        records = [AthleteRecord.from_doc(d) for d in self._docs()]
        return sorted(records, key=lambda a: (name_key(a.name), a.id))

    def has(self, athlete_id: str) -> bool:
        return any(d["id"] == athlete_id for d in self._docs())

    def get(self, athlete_id: str) -> AthleteRecord:
        for d in self._docs():
            if d["id"] == athlete_id:
                return AthleteRecord.from_doc(d)
        raise NotFoundError(f"No athlete with id {athlete_id}.")

    def find(self, name_or_id: str) -> AthleteRecord:
        wanted = name_key(str(name_or_id))
        docs = self._docs()
        for d in docs:
            if d["id"] == name_or_id or name_key(d["name"]) == wanted:
                return AthleteRecord.from_doc(d)
        raise NotFoundError(
            f"No athlete called {name_or_id!r}. Add one with: recovery-planner athletes add {_quote(str(name_or_id))}"
        )

    def check_name_free(self, name: str) -> None:
        if any(name_key(d["name"]) == name_key(name) for d in self._docs()):
            raise InvalidRecordError([f"name: an athlete called {name!r} already exists"])

    def profile_doc(self, athlete_id: str) -> dict[str, Any]:
        return {k: v for k, v in self.get(athlete_id).to_dict().items() if k != "latest"}

    def profile_doc_or_placeholder(self, athlete_id: str) -> dict[str, Any]:
        """The index's copy of a profile, else a placeholder (so the athlete's check-ins can be reached)."""
        if self.has(athlete_id):
            return self.profile_doc(athlete_id)
        return {
            "id": athlete_id,
            "name": f"Athlete {athlete_id} (recovered)",
            "experience": "beginner",
            "body_mass_kg": None,
            "age": None,
            "notes": "",
            "units": "metric",
            "archived": False,
            "created_at": "",
        }

    def missing_profiles(self) -> list[Path]:
        """Profiles (relative paths) of athlete folders that hold data files but no profile."""
        return self._scan()[2]

    # -- writing (inside a transaction) ------------------------------------------------------------
    def put(self, profile: dict[str, Any], latest: CheckInSummary | None) -> AthleteRecord:
        doc = dict(profile, latest=None if latest is None else latest.to_dict())
        self._folder.db(_INDEX).table("athletes").upsert(doc, Query().id == doc["id"])
        return AthleteRecord.from_doc(doc)

    def set_latest(self, athlete_id: str, latest: CheckInSummary | None) -> None:
        value = None if latest is None else latest.to_dict()
        self._folder.db(_INDEX).table("athletes").update({"latest": value}, Query().id == athlete_id)

    def repair_latest(self, athlete_id: str, latest: CheckInSummary | None) -> None:
        """Best effort (outside a transaction): correct a stale summary; skipped if the folder is busy."""
        try:
            with self._folder.transaction():
                self.set_latest(athlete_id, latest)
        except (LockedError, StorageError):
            pass

    def rebuild(self) -> None:
        """Rewrite the index from the athlete folders (profiles and newest check-ins)."""
        docs: dict[str, dict[str, Any]] = {}
        for n, athlete_id in enumerate(self._scan()[0], start=1):
            try:
                profile = self._folder.table(Path(ATHLETES_DIR, athlete_id, PROFILE_FILE), "profile")
                doc = dict(next(iter(profile.values())))
            except (StorageError, StopIteration) as exc:
                self.warnings.append(f"The profile of athlete {athlete_id} could not be read: {exc}")
                continue
            try:
                newest = checkins.latest(self._folder, athlete_id)
            except StorageError as exc:
                self.warnings.append(str(exc))
                newest = None
            doc["latest"] = None if newest is None else newest.summary.to_dict()
            docs[str(n)] = doc
        self._folder.storage(_INDEX).replace({"athletes": docs})  # a damaged index was kept aside


def _has_data_files(folder: str) -> bool:
    try:
        return any(n.endswith(".json") and not n.startswith(".") for n in os.listdir(folder))
    except OSError:
        return False


def _quote(name: str) -> str:
    return f'"{name}"' if any(c.isspace() for c in name) else name
