"""Activities from watch files: import (parallel, with progress and cancel) and listing.

An import is all or nothing: if any file is damaged, cut off, unsafe or too large, nothing is stored and
the error names every such file. Readable files that hold no activity (a planned route, a settings file,
a track without times) are skipped with a note. Files imported before are recognised by their hash and
not parsed again; activities already stored (the same file, or the same start, sport and distance) are
skipped.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.activities import Activity
from ..formats.activity_files import is_activity_name, parse_job, read_activity_file, unpack
from ..formats.archive import count_activities, is_zip, iter_zip_activities
from ..formats.errors import FormatError
from .changes import NOTHING, Changes, OpResult
from .context import AppContext

Progress = Callable[[int, int], None]  # (files done, files in all)
Cancel = Callable[[], bool]  # True once the user asked to stop

MAX_FILES = 50_000  # files found under the folders of one import
PARALLEL_FROM = 24  # fewer files are parsed in this process (starting workers costs about a second)
LARGE_FILE_BYTES = 8 * 2**20  # a file this large is parsed in a worker, whose memory is capped
_IN_FLIGHT_PER_WORKER = 8
_SHOWN_PROBLEMS = 20


class ImportRefusedError(ValueError):
    """Some files cannot be imported; nothing was stored. ``problems`` has one line per file."""

    exit_code = 2

    def __init__(self, problems: Sequence[str], headline: str = "Nothing was imported:"):
        self.problems = list(problems)
        shown = self.problems[:_SHOWN_PROBLEMS]
        more = len(self.problems) - len(shown)
        lines = [headline, *(f"  {p}" for p in shown)]
        if more > 0:
            lines.append(f"  ... and {more} more")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class ImportReport:
    """What an import did: files looked at, activities added, duplicates skipped, files without an activity."""

    files: int = 0
    added: int = 0
    duplicates: int = 0
    skipped: tuple[str, ...] = ()
    cancelled: bool = False

    def summary(self) -> str:
        if self.cancelled:
            return "Import cancelled; nothing was stored."
        new = f"{self.added} new {'activity' if self.added == 1 else 'activities'}"
        parts = [f"{new} imported from {self.files} {'file' if self.files == 1 else 'files'}"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already stored")
        if self.skipped:
            n = len(self.skipped)
            parts.append(f"{n} {'file' if n == 1 else 'files'} without an activity skipped")
        return "; ".join(parts) + "."


@dataclass(frozen=True)
class _Source:
    """One activity file to read: on disk, or a member already read out of a zip."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    def read(self) -> tuple[bytes, str]:
        if self.data is not None:
            return unpack(self.data, self.name)
        assert self.path is not None
        return read_activity_file(self.path, self.name)


def _expand(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[tuple[Path, str]], list[Path], list[str]]:
    """(activity files with the name to show, zip archives, problems) under the given files and folders.

    A file is named by its file name, or by its path from the folder given (``runs/2024/ride.fit``).
    """
    files: list[tuple[Path, str]] = []
    zips: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    if n.startswith("."):
                        continue
                    f = Path(root, n)
                    if n.lower().endswith(".zip"):
                        zips.append(f)
                    elif is_activity_name(n):
                        files.append((f, f.relative_to(p.parent).as_posix()))
                if len(files) + len(zips) > MAX_FILES:
                    raise ImportRefusedError([f"{p}: holds more than {MAX_FILES:,} files; import it in parts"])
        elif not p.exists():
            problems.append(f"{p}: no such file or folder")
        elif p.suffix.lower() == ".zip" or (p.is_file() and is_zip(p)):
            zips.append(p)
        else:
            files.append((p, p.name))  # named on purpose: read whatever its name, refused if not an activity
    return files, zips, problems


def _sources(files: Sequence[tuple[Path, str]], zips: Sequence[Path]) -> Iterator[_Source]:
    for path, name in files:
        yield _Source(name=name, path=path)
    for z in zips:
        for name, data in iter_zip_activities(z):
            yield _Source(name=name, data=data)


def _spawn_context() -> Any:
    """Worker processes are started fresh ("spawn"): forking a process that runs Qt threads is unsafe."""
    return multiprocessing.get_context("spawn")


def _limit_worker_memory() -> None:
    """Initializer for parser workers: cap each one's memory, so a hostile file cannot exhaust the machine."""
    try:
        import resource

        cap = 2 * 2**30
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass


def import_activities(
    ctx: AppContext,
    athlete_id: str,
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    workers: int | None = None,
) -> OpResult[ImportReport]:
    """Import activity files, folders and zip exports for one athlete (all or nothing).

    Raises ImportRefusedError (exit code 2) naming every file that cannot be imported; storage errors
    pass through. ``workers``: parser processes (default: one per core, at most 2).
    """
    ctx.repo.get_athlete(athlete_id)
    files, zips, problems = _expand(paths)
    total = len(files) + sum(count_activities(z) for z in zips)
    known = ctx.repo.activity_file_hashes(athlete_id)
    parsed: list[Activity] = []
    skipped: list[str] = []
    done = 0
    unchanged = 0

    def finished(result: tuple[list[Activity], str | None, bool]) -> None:
        nonlocal done
        activities, problem, refused = result
        parsed.extend(activities)
        if problem is not None:
            (problems if refused else skipped).append(problem)
        done += 1
        if progress is not None:
            progress(done, total)

    n_workers = min(2, os.cpu_count() or 1) if workers is None else max(1, workers)
    pool: ProcessPoolExecutor | None = None  # started at the first file to parse, if enough are left
    pending: set[Future[tuple[list[Activity], str | None, bool]]] = set()
    try:
        for source in _sources(files, zips):
            if cancel is not None and cancel():
                return OpResult(ImportReport(files=total, cancelled=True))
            try:
                data, digest = source.read()
            except FormatError as exc:
                finished(([], str(exc), exc.refused))
                continue
            if digest in known:
                unchanged += 1
                finished(([], None, False))
                continue
            many = n_workers > 1 and total - done >= PARALLEL_FROM
            if pool is None and (many or len(data) > LARGE_FILE_BYTES):  # a large file: parsed memory-capped
                pool = ProcessPoolExecutor(n_workers, mp_context=_spawn_context(), initializer=_limit_worker_memory)
            if pool is None:
                finished(parse_job(data, source.name, digest))
                continue
            pending.add(pool.submit(parse_job, data, source.name, digest))
            if len(pending) >= _IN_FLIGHT_PER_WORKER * n_workers:
                ready, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in ready:
                    finished(fut.result())
        while pending:
            if cancel is not None and cancel():
                return OpResult(ImportReport(files=total, cancelled=True))
            ready, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in ready:
                finished(fut.result())
    except FormatError as exc:  # a zip archive that cannot be read
        problems.append(str(exc))
    except BrokenProcessPool:  # a reader process died (out of memory on a hostile file, or killed)
        problems.append("a file could not be read: the reader stopped (the file may be too large or damaged)")
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    if problems:
        raise ImportRefusedError(sorted(problems))
    if not parsed and not unchanged:
        if skipped:
            raise ImportRefusedError(sorted(skipped), "No activity found to import:")
        raise ImportRefusedError(["no GPX, TCX or FIT files were found"], "No activity found to import:")
    if cancel is not None and cancel():
        return OpResult(ImportReport(files=total, cancelled=True))
    parsed.sort(key=lambda a: (a.start, a.source, a.part))
    added, duplicates = ctx.repo.add_activities(athlete_id, parsed) if parsed else (0, 0)
    report = ImportReport(files=total, added=added, duplicates=duplicates + unchanged, skipped=tuple(sorted(skipped)))
    changes = Changes(activities=True, athlete_id=athlete_id) if added else NOTHING
    return OpResult(report, changes, (report.summary(), *report.skipped[:_SHOWN_PROBLEMS]))


def list_activities(
    ctx: AppContext, athlete_id: str, start: date | None = None, end: date | None = None
) -> OpResult[list[Activity]]:
    """The athlete's stored activities, oldest first (``start``/``end``: UTC dates, inclusive)."""
    return OpResult(ctx.repo.activities(athlete_id, start, end))
