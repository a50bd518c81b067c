"""The open data folder: cached file storages, write transactions, and handling of damaged files."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from . import restore
from .atomic import remove_orphan_temps
from .errors import DamagedFileError, NewerVersionError, StorageError
from .filestore import ShardStorage, open_db
from .lock import DEFAULT_TIMEOUT_S, WriteLock
from .paths import (
    ATHLETES_DIR,
    DAMAGED_DIR,
    LOCK_FILE,
    PRIVATE_FILE_MODE,
    SETTINGS_FILE,
    make_private_dir,
)
from .schema import CURRENT, Schema

DEFAULT_KEEP_BACKUPS = 14
_CACHE_FILES = 256
_CACHE_DERIVED = 1024
T = TypeVar("T")


class DataFolder:
    """File access for one data folder. All writes happen inside ``transaction()`` (holding the lock)."""

    def __init__(
        self,
        root: Path,
        *,
        schema_: Schema = CURRENT,
        lock_timeout_s: float = DEFAULT_TIMEOUT_S,
        auto_backup: bool = True,
    ):
        self.root = make_private_dir(Path(root))
        self.schema = schema_
        self.auto_backup = auto_backup
        self.lock = WriteLock(self.root / LOCK_FILE, lock_timeout_s)
        self._files: OrderedDict[Path, ShardStorage] = OrderedDict()
        self._derived: OrderedDict[tuple[Path, str], tuple[Any, Any]] = OrderedDict()
        self._mutex = threading.RLock()
        self._cleaned: set[Path] = set()
        self._backup_day: date | None = None
        self.wrote = False
        self.finished_restores = 0

    # -- files -------------------------------------------------------------------------------------
    def storage(self, rel: Path) -> ShardStorage:
        """The (cached) storage of the data file at ``rel`` (a path relative to the data folder)."""
        with self._mutex:
            st = self._files.get(rel)
            if st is None:
                st = ShardStorage(self.root / rel, schema_=self.schema, on_damaged=self.damaged_error)
                self._files[rel] = st
                if len(self._files) > _CACHE_FILES:
                    self._files.popitem(last=False)
            else:
                self._files.move_to_end(rel)
            return st

    def db(self, rel: Path) -> TinyDB:
        return open_db(self.storage(rel))

    def table(self, rel: Path, name: str) -> dict[str, dict]:
        """The documents of one table ({} if none), shared with the cache: read them, never modify them."""
        return self.storage(rel).table(name)

    def derived(self, rel: Path, name: str, build: Callable[[dict[str, dict]], T]) -> T:
        """``build(documents of one table)``, cached until the file changes (for immutable results)."""
        with self._mutex:
            st = self.storage(rel)
            docs = st.table(name)
            key = (rel, name)
            hit = self._derived.get(key)
            if hit is not None and st.version is not None and hit[0] == st.version:
                self._derived.move_to_end(key)
                return hit[1]
            value = build(docs)
            self._derived[key] = (st.version, value)
            if len(self._derived) > _CACHE_DERIVED:
                self._derived.popitem(last=False)
            return value

    def forget_all(self) -> None:
        """Drop every cached file (after a restore replaced files behind our back)."""
        with self._mutex:
            self._files.clear()
            self._derived.clear()

    def athlete_dir(self, athlete_id: str) -> Path:
        return self.root / ATHLETES_DIR / athlete_id

    def prepare_dir(self, folder: Path) -> None:
        """Create ``folder`` privately and, once per session, delete orphan temp files (lock held)."""
        make_private_dir(folder)
        if folder not in self._cleaned and self.lock.held:
            remove_orphan_temps(folder)
            self._cleaned.add(folder)

    # -- writing -----------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the write lock for a group of writes (the daily backup is taken afterwards, never before)."""
        with self._mutex, self.lock.hold():
            self.prepare_dir(self.root)
            if restore.pending(self.root):  # a restore killed half-way (here or in another process)
                restore.complete(self.root)
                self.forget_all()
                self.finished_restores += 1
            else:
                restore.clean_abandoned(self.root)  # staging of a restore killed before it was decided
            yield
            self.wrote = True

    def daily_backup(self) -> bool:
        """Take today's automatic backup if it is due (lock held inside); returns whether one was taken."""
        if not self.auto_backup or self._backup_day == date.today():
            return False
        from . import backups  # after start-up: opening a folder does not need it

        with self.transaction():
            backups.remove_unfinished(self.root)
            taken = False
            if not backups.made_today(self.root) and (self.root / ATHLETES_DIR).is_dir():
                backups.create_snapshot(self.root, "auto")
                backups.rotate(self.root, self.keep_backups())
                taken = True
            self._backup_day = date.today()
        return taken

    def keep_backups(self) -> int:
        """How many daily backups to keep (setting ``backups_keep``, default 14)."""
        try:
            for doc in self.table(Path(SETTINGS_FILE), "settings").values():
                if doc.get("key") == "backups_keep" and isinstance(doc.get("value"), int):
                    return max(1, doc["value"])
        except (StorageError, OSError):
            pass
        return DEFAULT_KEEP_BACKUPS

    # -- damage --------------------------------------------------------------------------------------
    def damaged_error(self, path: Path, problem: str) -> DamagedFileError:
        """Keep a copy of a damaged file aside (never overwrite it) and build the error for the user."""
        from . import backups

        kept = self.keep_aside(path)
        rel = path.relative_to(self.root)
        return DamagedFileError(path, problem, kept, backups.good_copy(self.root, rel) is not None)

    def keep_aside(self, path: Path) -> Path | None:
        """Copy a damaged file into ``damaged/`` (once per version of it); returns the copy's path."""
        try:
            st = path.stat()
            rel = path.relative_to(self.root)
            folder = make_private_dir(self.root / DAMAGED_DIR)
            dest = folder / f"{'__'.join(rel.parts)}.{st.st_mtime_ns}.damaged"
            if not dest.exists():
                shutil.copyfile(path, dest)
                os.chmod(dest, PRIVATE_FILE_MODE)
            return dest
        except (OSError, ValueError):
            return None

    def kept_aside(self) -> list[Path]:
        """Data files (relative paths) that have a copy in ``damaged/``."""
        folder = self.root / DAMAGED_DIR
        out: set[Path] = set()
        if folder.is_dir():
            for entry in os.scandir(folder):
                if entry.name.endswith(".damaged"):
                    flat = entry.name.rsplit(".", 2)[0]
                    out.add(Path(*flat.split("__")))
        return sorted(out)

    def is_damaged(self, rel: Path) -> bool:
        """Whether the data file at ``rel`` exists and fails to load (a newer-version file is not damaged)."""
        st = ShardStorage(self.root / rel, schema_=self.schema, on_damaged=self.damaged_error)
        try:
            st.read()
        except DamagedFileError:
            return True
        except (NewerVersionError, OSError):
            return False
        return False

    def remove_file(self, rel: Path) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.root / rel)
        with self._mutex:
            self._files.pop(rel, None)
            self._derived.pop((rel, "checkins"), None)
