"""Handing a plan over: PDF handout, calendar, spreadsheet, check-in exchange file; importing check-ins.

``export`` writes one athlete's plan (the latest check-in's by default) in one format; ``export_squad``
writes the handouts of every athlete with a plan in force, one PDF each or one combined PDF;
``import_check_in`` reads an exchange file, validates it like any check-in and stores it once.
The PDF is drawn by a Qt renderer that the composition root puts in ``ctx.renderers``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .changes import NOTHING, OpResult
from .context import AppContext

if TYPE_CHECKING:
    from ..domain.checkin import CheckIn
    from ..storage.records import AthleteRecord, CheckInRecord

FORMATS = ("pdf", "ics", "csv", "checkin")
SUFFIXES = {"pdf": ".pdf", "ics": ".ics", "csv": ".csv", "checkin": ".checkin.json"}
KIND_WORDS = {"pdf": "recovery-plan", "ics": "recovery-plan", "csv": "recovery-plan", "checkin": "check-in"}


class ExportError(ValueError):
    """An export or import that cannot be done as asked (no check-in yet, no such folder...); nothing written."""

    exit_code = 2


@dataclass(frozen=True)
class Exported:
    """A file written by ``export``: where, what, from which check-in, and its pages (PDF only)."""

    path: Path
    fmt: str
    checkin_id: str
    pages: int | None = None


@dataclass(frozen=True)
class Imported:
    """The outcome of ``import_check_in``: the stored check-in record; ``stored`` False for a repeat."""

    record: CheckInRecord
    stored: bool
    plan: dict[str, Any] | None = None


@dataclass(frozen=True)
class SquadExport:
    """The handouts written by ``export_squad`` (``cancelled`` when stopped part-way)."""

    paths: tuple[Path, ...]
    athletes: int
    pages: int
    cancelled: bool = False


def file_stem(name: str) -> str:
    """A file-name-safe form of an athlete's name: 'Ana López' -> 'ana-lopez'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "athlete"


def default_file_name(athlete_name: str, day: date, fmt: str) -> str:
    """'ana-lopez-recovery-plan-2026-03-02.pdf' and the like."""
    return f"{file_stem(athlete_name)}-{KIND_WORDS[fmt]}-{day.isoformat()}{SUFFIXES[fmt]}"


# -- export ----------------------------------------------------------------------------------------
def _check_in_record(ctx: AppContext, athlete: AthleteRecord, checkin_id: str | None) -> CheckInRecord:
    if checkin_id is not None:
        return ctx.repo.get_check_in(athlete.id, checkin_id)
    records = ctx.repo.history(athlete.id)
    if not records:
        raise ExportError(f"{athlete.name} has no check-ins yet, so there is no plan to export.")
    return records[-1]


def _destination(dest: str | Path, athlete_name: str, day: date, fmt: str) -> Path:
    """``dest`` itself, or a default file name inside it when it is a folder; its folder must exist."""
    path = Path(dest).expanduser()
    if path.is_dir():
        path = path / default_file_name(athlete_name, day, fmt)
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent} is not an existing folder; nothing was exported.")
    return path


def _write(path: Path, data: bytes) -> None:
    from ..storage.atomic import atomic_write_bytes

    atomic_write_bytes(path, data)


def _renderer(ctx: AppContext, name: str) -> Callable[..., Any]:
    """The Qt renderer ``name``; a write failure while it saves becomes WriteFailedError (exit code 5)."""
    from ..storage.errors import WriteFailedError

    renderer = ctx.renderers.get(name)
    if renderer is None:
        raise ExportError("PDF export is not available here (the drawing layer was not loaded).")

    def draw(path: Path, *args: Any, **kwargs: Any) -> Any:
        try:
            return renderer(path, *args, **kwargs)
        except OSError as exc:
            raise WriteFailedError(path, str(exc)) from exc

    return draw


def _plan_of(ctx: AppContext, athlete_id: str, record: CheckInRecord) -> dict[str, Any]:
    """The check-in's stored plan with the coach's changes applied (and marked), as the plan screen shows it."""
    from .coach import with_edits
    from .queries import read_check_in, read_plan

    stored = ctx.repo.get_plan(athlete_id, record.id)
    if stored is None:
        raise ExportError(f"The check-in {record.id} has no stored plan to export.")
    return with_edits(ctx, athlete_id, record.id, read_check_in(record), read_plan(stored), stored).outcome.plan


def export(
    ctx: AppContext, athlete_id: str, fmt: str, dest: str | Path, checkin_id: str | None = None
) -> OpResult[Exported]:
    """Write the plan (pdf, ics, csv) or the check-in (checkin) of one check-in, the latest by default.

    ``dest`` is a file, or a folder to put a file with the default name in. Stored data is not changed.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    athlete = ctx.repo.get_athlete(athlete_id)
    record = _check_in_record(ctx, athlete, checkin_id)
    path = _destination(dest, athlete.name, record.date, fmt)
    pages = None
    if fmt == "checkin":
        from .. import __version__
        from ..formats.exchange import write_exchange

        _write(
            path,
            write_exchange(record.check_in, athlete_name=athlete.name, app_version=__version__, exported_at=ctx.now()),
        )
    else:
        plan = _plan_of(ctx, athlete_id, record)
        done = ctx.repo.done_items(athlete_id)
        if fmt == "pdf":
            pages = _renderer(ctx, "pdf")(
                path, plan, record.check_in, athlete.name, done_ids=done, printed_on=ctx.today()
            )
        elif fmt == "ics":
            from ..formats.plan_ics import plan_to_ics

            _write(path, plan_to_ics(plan, athlete_id=athlete_id, now=ctx.now(), athlete_name=athlete.name))
        else:
            from ..formats.plan_csv import plan_to_csv

            _write(path, plan_to_csv(plan, done))
    return OpResult(Exported(path, fmt, record.id, pages), NOTHING, (f"Saved to {path}",))


def export_squad(
    ctx: AppContext,
    dest: str | Path,
    *,
    combined: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> OpResult[SquadExport]:
    """The handouts of every (not archived) athlete with a plan in force today (with the coach's changes).

    ``combined``: one PDF at ``dest`` (a file, or a folder for the default name); otherwise one PDF per
    athlete into the folder ``dest``. ``on_progress(done, total)`` after each athlete; ``should_cancel()``
    stops between athletes (a combined PDF is then not written; separate files already written stay).
    """
    from .coach import effective_plan

    today = ctx.today()
    handouts: list[dict[str, Any]] = []
    for athlete in ctx.repo.list_athletes():
        found = effective_plan(ctx, athlete.id, today)
        if found is not None:
            handouts.append(
                {
                    "plan": found.outcome.plan,
                    "check_in": found.check_in.to_dict(),
                    "athlete_name": athlete.name,
                    "done_ids": ctx.repo.done_items(athlete.id),
                }
            )
    if not handouts:
        raise ExportError("No athlete has a plan in force today; nothing was exported.")
    if combined:
        path = _destination(dest, "squad", today, "pdf")
        pages = _renderer(ctx, "pdf_combined")(
            path, handouts, printed_on=today, on_progress=on_progress, should_cancel=should_cancel
        )
        if pages is None:
            return OpResult(SquadExport((), 0, 0, cancelled=True), NOTHING, ("Cancelled: nothing was saved.",))
        result = SquadExport((path,), len(handouts), pages)
        return OpResult(result, NOTHING, (f"Saved {len(handouts)} handouts to {path}",))
    folder = Path(dest).expanduser()
    if not folder.is_dir():
        raise ExportError(f"{folder} is not an existing folder; nothing was exported.")
    render = _renderer(ctx, "pdf")
    paths: list[Path] = []
    total_pages = 0
    for index, h in enumerate(handouts):
        if should_cancel is not None and should_cancel():
            result = SquadExport(tuple(paths), len(paths), total_pages, cancelled=True)
            return OpResult(result, NOTHING, (f"Cancelled after {len(paths)} of {len(handouts)} handouts.",))
        path = folder / default_file_name(h["athlete_name"], today, "pdf")
        total_pages += render(
            path, h["plan"], h["check_in"], h["athlete_name"], done_ids=h["done_ids"], printed_on=today
        )
        paths.append(path)
        if on_progress is not None:
            on_progress(index + 1, len(handouts))
    result = SquadExport(tuple(paths), len(paths), total_pages)
    return OpResult(result, NOTHING, (f"Saved {len(paths)} handouts to {folder}",))


# -- import ----------------------------------------------------------------------------------------
def _same_check_in(a: CheckIn, b: CheckIn) -> bool:
    """Two check-ins say the same thing about the legs, wellbeing and training (the athlete block aside)."""
    return replace(a, athlete=b.athlete) == b


def _plan_days(ctx: AppContext) -> int:
    from ..domain.limits import DEFAULT_DAYS, MAX_DAYS, MIN_DAYS

    days = ctx.repo.get_setting("plan_days", DEFAULT_DAYS)
    return days if isinstance(days, int) and MIN_DAYS <= days <= MAX_DAYS else DEFAULT_DAYS


def import_check_in(ctx: AppContext, athlete_id: str, path: str | Path) -> OpResult[Imported]:
    """Read a check-in exchange file and store its check-in (with a new plan) for the athlete, once.

    Raises ExchangeError (not an exchange file, too big, unknown version, bad checksum) or CheckInError
    (the check-in inside is invalid); nothing is written then. The same check-in already stored for the
    athlete is not stored again. A file made for someone else's name is imported with a warning.
    """
    from ..formats.bounded import read_problem
    from ..formats.exchange import ExchangeError, read_exchange_file
    from .checkins import save_check_in
    from .queries import read_check_in

    athlete = ctx.repo.get_athlete(athlete_id)
    try:
        exchange = read_exchange_file(path, ctx.today())
    except OSError as exc:
        raise ExchangeError(f"{path}: {read_problem(exc)}") from None
    except ExchangeError as exc:
        raise ExchangeError(f"{path}: {exc}") from None
    data = exchange.check_in.to_dict()
    for record in ctx.repo.history(athlete_id, exchange.check_in.date, exchange.check_in.date):
        if _same_check_in(read_check_in(record), exchange.check_in):
            notice = f"This check-in of {record.date} is already stored for {athlete.name}; nothing was imported."
            return OpResult(Imported(record, stored=False), NOTHING, (notice,))
    notices = []
    if exchange.athlete_name and exchange.athlete_name.casefold() != athlete.name.casefold():
        notices.append(f"Note: this file was made for {exchange.athlete_name}; it was imported for {athlete.name}.")
    profile = {"experience": athlete.experience, "body_mass_kg": athlete.body_mass_kg, "age": athlete.age}
    given = {k: v for k, v in (data.get("athlete") or {}).items() if k != "name"}
    data["athlete"] = {**{k: v for k, v in profile.items() if v is not None}, **given, "name": athlete.name}
    saved = save_check_in(ctx, athlete_id, data, _plan_days(ctx))
    record = saved.value.record
    notices.append(f"Imported the check-in of {record.date} for {athlete.name}.")
    return OpResult(Imported(record, stored=True, plan=saved.value.plan), saved.changes, tuple(notices))
