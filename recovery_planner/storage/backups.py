"""Backups: snapshots of the data folder, rotation, verification, restore, and zip export/import.

A snapshot is a folder ``backups/<YYYY-MM-DD_HHMMSS>-<kind>/`` with the same layout as the data folder.
A file that changed since the previous snapshot is copied (so damage to a live file never reaches its
backups); an unchanged one is a hard link to the previous snapshot's copy, so a daily backup of a large
coach database copies only that day's changes. Where hard links fail, files are copied. Callers hold the
write lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from .atomic import atomic_write_bytes, copy_file_atomic, fsync_dir
from .errors import BackupError, DamagedFileError, NewerVersionError
from .filestore import load_file
from .paths import BACKUPS_DIR, PRIVATE_FILE_MODE, is_data_file, iter_data_files, make_private_dir

KINDS = ("auto", "manual", "safety")
MANIFEST = "MANIFEST.json"
_NAME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})_(\d{6})(?:_(\d+))?-(auto|manual|safety)$")
KEEP_SAFETY = 5


@dataclass(frozen=True)
class BackupInfo:
    """One snapshot: its folder, kind (auto, manual or safety) and when it was taken (local time)."""

    path: Path
    kind: str
    created: datetime

    @property
    def name(self) -> str:
        return self.path.name


def backups_dir(root: Path) -> Path:
    return root / BACKUPS_DIR


def list_backups(root: Path) -> list[BackupInfo]:
    """The snapshots in ``root/backups``, newest first."""
    folder = backups_dir(root)
    out: list[BackupInfo] = []
    if not folder.is_dir():
        return out
    for entry in os.scandir(folder):
        m = _NAME_RE.match(entry.name)
        if m and entry.is_dir():
            created = datetime.strptime(f"{m.group(1)}_{m.group(2)}", "%Y-%m-%d_%H%M%S")
            out.append(BackupInfo(Path(entry.path), m.group(4), created))
    out.sort(key=lambda b: (b.created, _sequence(b.name)), reverse=True)
    return out


def _sequence(name: str) -> int:
    """The sequence number in a backup folder's name (0 if it has none)."""
    m = _NAME_RE.match(name)
    return int(m.group(3) or 0) if m else 0


def made_today(root: Path, kind: str = "auto") -> bool:
    today = datetime.now().date()
    return any(b.kind == kind and b.created.date() == today for b in list_backups(root))


def create_snapshot(root: Path, kind: str) -> BackupInfo:
    """Snapshot every data file of ``root`` (hard links where possible); returns the new backup."""
    if kind not in KINDS:
        raise ValueError(kind)
    folder = make_private_dir(backups_dir(root))
    now = datetime.now()
    stamp = now.strftime("%Y-%m-%d_%H%M%S")
    name, n = f"{stamp}-{kind}", 1
    while (folder / name).exists():
        n += 1
        name = f"{stamp}_{n}-{kind}"
    tmp = folder / f".tmp-{name}"
    files = iter_data_files(root)
    previous = list_backups(root)
    prev_dir, prev_sources = (previous[0].path, _sources(previous[0].path)) if previous else (None, {})
    sources: dict[str, list[int]] = {}
    try:
        make_private_dir(tmp)
        for rel in files:
            dst = tmp / rel
            make_private_dir(dst.parent)
            st = os.stat(root / rel)
            key = sources[rel.as_posix()] = [st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns]
            if prev_dir is not None and prev_sources.get(rel.as_posix()) == key:
                try:  # unchanged since the previous backup: share that backup's own copy
                    os.link(prev_dir / rel, dst)
                    continue
                except OSError:
                    pass
            shutil.copyfile(root / rel, dst)  # a real copy, so damage to the live file never reaches it
            os.chmod(dst, PRIVATE_FILE_MODE)
        manifest = {
            "kind": kind,
            "created": now.isoformat(timespec="seconds"),
            "files": [rel.as_posix() for rel in files],
            "sources": sources,
        }
        atomic_write_bytes(tmp / MANIFEST, json.dumps(manifest, indent=1).encode(), sync_dir=False)
        os.replace(tmp, folder / name)
        fsync_dir(folder)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BackupError(f"Could not make a backup in {folder}: {exc.strerror or exc}.") from exc
    return BackupInfo(folder / name, kind, now.replace(microsecond=0))


def _sources(snapshot: Path) -> dict[str, list[int]]:
    try:
        sources = json.loads((snapshot / MANIFEST).read_text(encoding="utf-8")).get("sources", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return sources if isinstance(sources, dict) else {}


def rotate(root: Path, keep_auto: int) -> list[Path]:
    """Delete the oldest automatic (beyond ``keep_auto``) and safety snapshots; manual ones are kept."""
    removed: list[Path] = []
    counts = {"auto": 0, "safety": 0}
    limits = {"auto": max(1, keep_auto), "safety": KEEP_SAFETY}
    for b in list_backups(root):
        if b.kind in counts:
            counts[b.kind] += 1
            if counts[b.kind] > limits[b.kind]:
                shutil.rmtree(b.path, ignore_errors=True)
                removed.append(b.path)
    return removed


def remove_unfinished(root: Path) -> None:
    """Remove snapshot folders left half-made by an interrupted backup (call with the lock held)."""
    folder = backups_dir(root)
    if folder.is_dir():
        for entry in os.scandir(folder):
            if entry.name.startswith(".tmp-") and entry.is_dir():
                shutil.rmtree(entry.path, ignore_errors=True)


def good_copy(root: Path, rel: Path) -> Path | None:
    """The newest backup copy of data file ``rel`` that loads without problems, or None."""
    seen: set[tuple[int, int]] = set()
    for b in list_backups(root):
        candidate = b.path / rel
        try:
            st = candidate.stat()
        except OSError:
            continue
        if (st.st_ino, st.st_dev) in seen:
            continue
        seen.add((st.st_ino, st.st_dev))
        try:
            load_file(candidate)
        except (DamagedFileError, NewerVersionError, OSError):
            continue
        return candidate
    return None


def verify_tree(folder: Path) -> list[str]:
    """Problems found loading every data file under ``folder`` (an empty list means it is all good)."""
    problems = []
    for rel in iter_data_files(folder):
        try:
            load_file(folder / rel)
        except (DamagedFileError, NewerVersionError) as exc:
            problems.append(str(exc).splitlines()[0])
        except OSError as exc:
            problems.append(f"{folder / rel}: {exc.strerror or exc}")
    return problems


def replace_all(root: Path, source: Path) -> None:
    """Make the data files of ``root`` exactly those of ``source`` (a verified snapshot or data folder)."""
    wanted = set(iter_data_files(source))
    if not wanted:
        raise BackupError(f"{source} holds no Recovery Planner data.")
    for rel in sorted(wanted):
        make_private_dir((root / rel).parent)
        copy_file_atomic(source / rel, root / rel)
    for rel in iter_data_files(root):
        if rel not in wanted:
            with contextlib.suppress(OSError):
                os.unlink(root / rel)
    fsync_dir(root)


def export_zip(root: Path, dest: Path) -> int:
    """Write every data file of ``root`` into the zip file ``dest`` (atomically); returns the file count."""
    files = iter_data_files(root)
    tmp = dest.with_name(f".{dest.name}.partial")
    try:
        import zipfile

        with zipfile.ZipFile(tmp, "w") as zf:
            for rel in files:
                zf.write(root / rel, rel.as_posix(), compress_type=zipfile.ZIP_DEFLATED)
            zf.writestr(
                MANIFEST,
                json.dumps(
                    {
                        "kind": "export",
                        "created": datetime.now().isoformat(timespec="seconds"),
                        "files": [rel.as_posix() for rel in files],
                    },
                    indent=1,
                ),
            )
        os.chmod(tmp, PRIVATE_FILE_MODE)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise BackupError(f"Could not write the backup file {dest}: {exc.strerror or exc}.") from exc
    return len(files)


def extract_zip(zip_path: Path, into: Path) -> Path:
    """Unpack an exported backup into the empty folder ``into``, refusing anything but data files."""
    import zipfile  # only backup export and import need it; kept off the start-up path

    try:
        with zipfile.ZipFile(zip_path) as zf:
            names = [n for n in zf.namelist() if n != MANIFEST and not n.endswith("/")]
            bad = [
                n
                for n in names
                if PurePosixPath(n).is_absolute()
                or ".." in PurePosixPath(n).parts
                or not is_data_file(Path(*PurePosixPath(n).parts))
            ]
            if bad:
                raise BackupError(f"{zip_path} is not a Recovery Planner backup (it contains {bad[0]!r}).")
            if not names:
                raise BackupError(f"{zip_path} holds no Recovery Planner data.")
            make_private_dir(into)
            for n in names:
                dst = into / Path(*PurePosixPath(n).parts)
                make_private_dir(dst.parent)
                dst.write_bytes(zf.read(n))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BackupError(f"{zip_path} cannot be read as a backup file: {exc}.") from exc
    return into
