"""Where the data lives: resolving the data folder and the layout of files inside it.

Layout of a data folder (all JSON files are TinyDB databases with a ``_meta`` table)::

    index.json                       roster: athlete profiles + latest-check-in summary (rebuildable)
    settings.json                    app settings
    athletes/<id>/profile.json       one athlete's profile (the source of truth for the roster)
    athletes/<id>/coach.json         the coach's notes and plan changes for that athlete
    athletes/<id>/checkins-YYYY-MM.json that month's check-ins and ticked plan items ("done")
    athletes/<id>/plans-YYYY-MM.json that month's plans (each plan zlib-compressed, base64 text)
    backups/<stamp>-<kind>/          snapshots (same layout; unchanged files are hard links)
    damaged/                         copies of files that could not be read, kept for support
    .lock                            the write lock
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from .errors import DataFolderError

APP_NAME = "Recovery Planner"
ENV_VAR = "RECOVERY_PLANNER_HOME"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

INDEX_FILE = "index.json"
SETTINGS_FILE = "settings.json"
ATHLETES_DIR = "athletes"
BACKUPS_DIR = "backups"
DAMAGED_DIR = "damaged"
LOCK_FILE = ".lock"
PROFILE_FILE = "profile.json"
COACH_FILE = "coach.json"
TEMP_SUFFIX = ".tmp"

_CHECKINS_RE = re.compile(r"^checkins-(\d{4})-(\d{2})\.json$")
_PLANS_RE = re.compile(r"^plans-(\d{4})-(\d{2})\.json$")
ATHLETE_ID_RE = re.compile(r"^[a-z0-9]{6,32}$")


def default_data_dir() -> Path:
    """The platform's user data folder (AppData, Application Support, XDG data home)."""
    import platformdirs  # only when no folder was given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The data folder: an explicit path (``--data-dir``) wins, then $RECOVERY_PLANNER_HOME, then the default."""
    env = os.environ if environ is None else environ
    if explicit is not None and str(explicit).strip():
        return Path(explicit).expanduser().absolute()
    value = env.get(ENV_VAR, "").strip()
    if value:
        return Path(value).expanduser().absolute()
    return default_data_dir()


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable by the user only; raise DataFolderError if impossible."""
    if path.is_dir():
        return path
    try:
        if not path.parent.is_dir():
            make_private_dir(path.parent)
        path.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
        if sys.platform != "win32":
            os.chmod(path, PRIVATE_DIR_MODE)
    except OSError as exc:
        raise DataFolderError(f"Could not create the data folder {path}: {exc.strerror or exc}.") from exc
    return path


def checkins_name(year: int, month: int) -> str:
    return f"checkins-{year:04d}-{month:02d}.json"


def plans_name(year: int, month: int) -> str:
    return f"plans-{year:04d}-{month:02d}.json"


def checkins_month(name: str) -> tuple[int, int] | None:
    """The (year, month) of a check-in shard file name, or None if ``name`` is not one."""
    m = _CHECKINS_RE.match(name)
    return (int(m.group(1)), int(m.group(2))) if m else None


def is_plans_name(name: str) -> bool:
    return _PLANS_RE.match(name) is not None


def is_data_file(rel: Path) -> bool:
    """Whether a path relative to the data folder is one of the app's data files (backed up and restored)."""
    parts = rel.parts
    if len(parts) == 1:
        return parts[0] in (INDEX_FILE, SETTINGS_FILE)
    if len(parts) == 3 and parts[0] == ATHLETES_DIR and ATHLETE_ID_RE.match(parts[1]):
        name = parts[2]
        return name in (PROFILE_FILE, COACH_FILE) or checkins_month(name) is not None or is_plans_name(name)
    return False


def iter_data_files(root: Path) -> list[Path]:
    """Every data file under ``root`` as a path relative to it (not backups, damaged copies or temp files)."""
    out: list[Path] = []
    for name in (INDEX_FILE, SETTINGS_FILE):
        if (root / name).is_file():
            out.append(Path(name))
    athletes = root / ATHLETES_DIR
    if athletes.is_dir():
        for entry in sorted(os.scandir(athletes), key=lambda e: e.name):
            if not entry.is_dir() or not ATHLETE_ID_RE.match(entry.name):
                continue
            for f in sorted(os.scandir(entry.path), key=lambda e: e.name):
                rel = Path(ATHLETES_DIR, entry.name, f.name)
                if f.is_file() and is_data_file(rel):
                    out.append(rel)
    return out
