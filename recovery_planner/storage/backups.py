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
from pathlib import Path

from .atomic import atomic_write_bytes, copy_durable, fsync_dir
from .errors import BackupError, DamagedFileError, NewerVersionError, WriteFailedError, os_reason
from .filestore import load_file
from .paths import BACKUPS_DIR, PRIVATE_FILE_MODE, iter_data_files, make_private_dir

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


def made_today(root: Path, kinds: tuple[str, ...] = ("auto", "manual")) -> bool:
    """Whether a backup of one of ``kinds`` was taken today (a manual one counts as today's backup)."""
    today = datetime.now().date()
    return any(b.kind in kinds and b.created.date() == today for b in list_backups(root))


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
    remove_unfinished(root)  # a half-made snapshot of a killed backup
    tmp = folder / f".tmp-{name}-{os.urandom(4).hex()}"
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
            copy_durable(root / rel, dst)  # a real copy, so damage to the live file never reaches it
        manifest = {
            "kind": kind,
            "created": now.isoformat(timespec="seconds"),
            "files": [rel.as_posix() for rel in files],
            "sources": sources,
        }
        atomic_write_bytes(tmp / MANIFEST, json.dumps(manifest, indent=1).encode(), sync_dir=False)
        made = {tmp} | {(tmp / rel).parent for rel in files} | {(tmp / rel).parent.parent for rel in files}
        for made_dir in sorted(made, key=lambda p: -len(p.parts)):  # durable before the snapshot appears
            if made_dir.is_relative_to(tmp):
                fsync_dir(made_dir)
        os.replace(tmp, folder / name)
        fsync_dir(folder)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise WriteFailedError(folder, f"the backup could not be made ({os_reason(exc)})") from exc
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


def export_zip(root: Path, dest: Path) -> int:
    """Write every data file of ``root`` into the new zip file ``dest`` (atomically, durably); returns the
    file count. An existing ``dest`` (file, link or device) is never overwritten."""
    if os.path.lexists(dest):
        raise BackupError(f"{dest} already exists; choose a new file name (nothing was written).")
    files = iter_data_files(root)
    tmp = dest.with_name(f".{dest.name}.{os.urandom(4).hex()}.partial")
    try:
        import zipfile

        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w") as zf:
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
            fh.flush()
            os.fsync(fh.fileno())
        _publish_new(tmp, dest)
        fsync_dir(dest.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteFailedError(dest, os_reason(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return len(files)


def _publish_new(tmp: Path, dest: Path) -> None:
    """Give ``tmp`` the name ``dest`` without ever replacing something that appeared there meanwhile."""
    try:
        os.link(tmp, dest)  # fails if dest exists: no check-then-replace race
    except FileExistsError:
        raise BackupError(f"{dest} already exists; choose a new file name (nothing was written).") from None
    except OSError:  # a file system without hard links (FAT on a USB stick)
        if os.path.lexists(dest):
            raise BackupError(f"{dest} already exists; choose a new file name (nothing was written).") from None
        os.replace(tmp, dest)
