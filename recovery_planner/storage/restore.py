"""Whole-folder restore that is atomic across a crash: staged beside the data, switched in under a journal.

1. The backup (a snapshot folder, a data folder, or a zip made by ``backup --to``) is copied into
   ``.restore-staging-<random>/`` inside the data folder (same disk), fsynced, and every file and record
   in it is checked like command-line input.
2. ``restore-journal.json`` is written atomically: the staged files to move in and the live files to
   remove. From this moment the restore is decided.
3. Each staged file is moved over the live one with ``os.replace`` (atomic per file), the others removed,
   the journal deleted.

Killed before step 2, the next open finds staging without a journal and deletes it (the data is as it
was). Killed after it, the next open (or the next writer) finishes step 3: a restore is never left half
done. Only per-file renames are needed, so this works on every file system.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from .atomic import atomic_write_bytes, copy_durable, fsync_dir
from .errors import BackupError, DamagedFileError, NewerVersionError
from .filestore import load_file, version_on_disk
from .paths import ATHLETES_DIR, is_data_file, iter_data_files, make_private_dir
from .schema import CURRENT, Schema

JOURNAL = "restore-journal.json"
STAGING_PREFIX = ".restore-staging-"
MANIFEST = "MANIFEST.json"
MAX_ZIP_MEMBER_BYTES = 64 * 2**20  # the largest real data file (a big roster) is well under 1 MB
MAX_ZIP_TOTAL_BYTES = 2 * 2**30
MAX_ZIP_MEMBERS = 500_000
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2100, 12, 31)


def pending(root: Path) -> bool:
    return (root / JOURNAL).exists()


def clean_abandoned(root: Path) -> None:
    """Delete staging folders that no journal refers to (a restore killed before it was decided)."""
    keep = _journal(root).get("staging") if pending(root) else None
    with contextlib.suppress(OSError):
        for entry in os.scandir(root):
            if entry.name.startswith(STAGING_PREFIX) and entry.name != keep and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)


def refuse_newer_live_files(root: Path, schema_: Schema = CURRENT) -> None:
    """A restore never replaces a file written by a newer version (NewerVersionError names it)."""
    for rel in iter_data_files(root):
        found = version_on_disk(root / rel)
        if found is not None and found > schema_.version:
            raise NewerVersionError(root / rel, found, schema_.version)


def stage(root: Path, source: Path) -> Path:
    """Copy the backup's data files into a new staging folder beside the data; returns it."""
    staging = root / f"{STAGING_PREFIX}{os.urandom(4).hex()}"
    make_private_dir(staging)
    try:
        if source.is_file():
            _extract_zip(source, staging)
        else:
            files = iter_data_files(source)
            if not files:
                raise BackupError(f"{source} holds no Recovery Planner data.")
            for rel in files:
                make_private_dir((staging / rel).parent)
                copy_durable(source / rel, staging / rel)
        _fsync_tree(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def verify(staging: Path, source: Path, schema_: Schema = CURRENT) -> None:
    """Check every staged file (version, checksums, shape) and record (like command-line input).

    Raises NewerVersionError for a file of a newer version, BackupError listing the problems otherwise.
    """
    problems: list[str] = []
    files = iter_data_files(staging)
    if not any(rel.parts[0] == ATHLETES_DIR for rel in files):
        problems.append("it holds no athlete")
    for rel in files:
        try:
            tables = load_file(staging / rel, schema_)
        except DamagedFileError as exc:
            problems.append(f"{rel.as_posix()}: {exc.problem}")
            continue
        problems += [f"{rel.as_posix()}: {p}" for p in record_problems(rel, tables)]
    if problems:
        shown = problems[:10] + ([f"... and {len(problems) - 10} more"] if len(problems) > 10 else [])
        raise BackupError(f"The backup {source} cannot be used (nothing was changed):\n" + "\n".join(shown))


def record_problems(rel: Path, tables: dict[str, dict[str, Any]]) -> list[str]:
    """What is wrong with the records of one data file, judged exactly like input to the app."""
    from ..domain.checkin import CheckInError, parse_check_in
    from .errors import InvalidRecordError
    from .records import ATHLETE_FIELDS, CHECKIN_ID_RE, ITEM_ID_RE, clean_athlete_fields

    out: list[str] = []
    name = rel.name
    if name.startswith("checkins-"):
        month = name[len("checkins-") : len("checkins-") + 7]
        for doc_id, doc in tables.get("checkins", {}).items():
            where = f"check-in {doc_id}"
            if not CHECKIN_ID_RE.match(doc["id"]) or doc["date"][:7] != month or doc["id"][:10] != doc["date"]:
                out.append(f"{where}: its id or date does not belong in this file")
                continue
            try:
                day = date.fromisoformat(doc["date"])
                if not FIRST_DAY <= day <= LAST_DAY:
                    raise ValueError(f"date {day} is outside {FIRST_DAY}..{LAST_DAY}")
                parse_check_in(doc["check_in"], day)
            except (CheckInError, ValueError) as exc:
                out.append(f"{where}: {exc}")
        for doc_id, doc in tables.get("done", {}).items():
            if not ITEM_ID_RE.match(doc["item_id"]):
                out.append(f"ticked item {doc_id}: not a plan item id")
    elif name == "profile.json":
        for doc in tables.get("profile", {}).values():
            if doc["id"] != rel.parts[1]:
                out.append("the profile belongs to another athlete")
            try:
                clean_athlete_fields({k: doc[k] for k in ATHLETE_FIELDS if k in doc})
            except InvalidRecordError as exc:
                out += exc.errors
        for doc_id, doc in tables.get("clearances", {}).items():
            note, by = doc.get("note"), doc.get("by")
            if not isinstance(note, str) or len(note) > 5000 or not isinstance(by, str) or len(by) > 200:
                out.append(f"clearance {doc_id}: its note or name is not valid")
    elif name == "coach.json":
        for doc_id, doc in tables.get("notes", {}).items():
            if len(doc["text"]) > 5000 or len(doc["author"]) > 200:
                out.append(f"note {doc_id}: its text or author is too long")
    return out


def switch(root: Path, staging: Path, safety: str) -> None:
    """Decide the restore (write the journal), then move the staged files in."""
    install = [rel.as_posix() for rel in iter_data_files(staging)]
    wanted = set(install)
    remove = [rel.as_posix() for rel in iter_data_files(root) if rel.as_posix() not in wanted]
    journal = {"staging": staging.name, "safety": safety, "install": install, "remove": remove}
    atomic_write_bytes(root / JOURNAL, json.dumps(journal, indent=1).encode())
    complete(root)


def complete(root: Path) -> bool:
    """Finish a decided restore (idempotent; call with the lock held). Returns whether there was one."""
    if not pending(root):
        clean_abandoned(root)
        return False
    journal = _journal(root)
    staging = root / str(journal.get("staging", ""))
    touched: set[Path] = {root}
    for rel in map(_safe_rel, journal.get("install", [])):
        src = staging / rel
        if src.exists():
            make_private_dir((root / rel).parent)
            os.replace(src, root / rel)
            touched.add((root / rel).parent)
    for rel in map(_safe_rel, journal.get("remove", [])):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(root / rel)
        touched.add((root / rel).parent)
    for folder in sorted(touched, key=lambda p: -len(p.parts)):
        if folder != root and folder.parent.name == ATHLETES_DIR:
            with contextlib.suppress(OSError):
                folder.rmdir()  # an athlete the backup does not have: the folder is empty now
        if folder.is_dir():
            fsync_dir(folder)
    os.unlink(root / JOURNAL)
    fsync_dir(root)
    shutil.rmtree(staging, ignore_errors=True)
    return True


def _journal(root: Path) -> dict[str, Any]:
    try:
        data = json.loads((root / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DamagedFileError(root / JOURNAL, f"the restore journal cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise DamagedFileError(root / JOURNAL, "the restore journal is not a journal")
    return data


def _safe_rel(text: Any) -> Path:
    rel = Path(*PurePosixPath(str(text)).parts)
    if not is_data_file(rel):
        raise DamagedFileError(Path(JOURNAL), f"the restore journal names {text!r}, which is not a data file")
    return rel


def _fsync_tree(folder: Path) -> None:
    for dirpath, _dirs, _files in os.walk(folder, topdown=False):
        fsync_dir(Path(dirpath))


def _extract_zip(zip_path: Path, into: Path) -> None:
    """Unpack an exported backup, refusing anything but data files and capping every size."""
    import zipfile  # only backup export and import need it; kept off the start-up path

    try:
        with zipfile.ZipFile(zip_path) as zf:
            infos = [i for i in zf.infolist() if i.filename != MANIFEST and not i.is_dir()]
            if len(infos) > MAX_ZIP_MEMBERS:
                raise BackupError(f"{zip_path} has more than {MAX_ZIP_MEMBERS} files; it is not a backup.")
            for info in infos:
                parts = PurePosixPath(info.filename).parts
                if PurePosixPath(info.filename).is_absolute() or ".." in parts or not is_data_file(Path(*parts)):
                    raise BackupError(f"{zip_path} is not a Recovery Planner backup (it contains {info.filename!r}).")
            if not infos:
                raise BackupError(f"{zip_path} holds no Recovery Planner data.")
            total = 0
            for info in infos:
                dst = into / Path(*PurePosixPath(info.filename).parts)
                make_private_dir(dst.parent)
                total += _copy_member(zf, info, dst, zip_path, MAX_ZIP_TOTAL_BYTES - total)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError) as exc:
        raise BackupError(f"{zip_path} cannot be read as a backup file: {exc}.") from exc


def _copy_member(zf: Any, info: Any, dst: Path, zip_path: Path, budget: int) -> int:
    """Copy one member, counting the bytes really unpacked (never trusting the sizes the zip claims)."""
    limit = min(MAX_ZIP_MEMBER_BYTES, budget)
    written = 0
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with zf.open(info) as src:
            while chunk := src.read(1 << 20):
                written += len(chunk)
                if written > limit:
                    what = "one file" if limit == MAX_ZIP_MEMBER_BYTES else "the files together"
                    raise BackupError(
                        f"{zip_path} is not a usable backup: {what} would unpack to more than "
                        f"{limit // 2**20} MB ({info.filename})."
                    )
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    return written
