"""`export` (PDF handout, calendar, spreadsheet, check-in exchange file) and `checkin import`.

Standard output stays empty for an export (the file is the output) and carries the check-in id for an
import; messages go to standard error. Exit codes: 0 done; 2 bad input (no such athlete or check-in, a
file that is too big, malformed, of an unknown version or with a bad checksum, an invalid check-in;
nothing written); 3 a data file is damaged; 4 data from a newer version; 5 the data folder cannot be
written now.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..services.context import AppContext

EXIT_OK, EXIT_BAD_INPUT = 0, 2
# Exit codes of the storage errors, for as long as they do not carry their own ``exit_code``.
_STORAGE_EXIT_CODES = {
    "DamagedFileError": 3,
    "NewerVersionError": 4,
    "LockedError": 5,
    "WriteFailedError": 5,
    "DataFolderError": 5,
    "BackupError": 5,
}  # NotFoundError, InvalidRecordError: 2
Handler = Callable[[argparse.Namespace, "AppContext"], int]
EXPORT_HELP = (
    "pdf: a printable handout (leg map, plan with tick boxes, exercises, stop rules); ics: a calendar "
    "(one all-day event per plan day; exporting again updates the same events); csv: a spreadsheet "
    "(one row per activity per day, UTF-8); checkin: a check-in exchange file for `checkin import` "
    "on another computer"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``export``."""
    p = subparsers.add_parser(
        "export",
        help="save an athlete's plan as a PDF handout, calendar or spreadsheet, or the check-in as a file",
        description=EXPORT_HELP,
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--athlete", help="the athlete's name or id")
    who.add_argument("--all", action="store_true", help="every athlete with a plan in force today (pdf only)")
    p.add_argument("--format", required=True, choices=("pdf", "ics", "csv", "checkin"))
    p.add_argument("--to", required=True, metavar="FILE", help="the file to write (or an existing folder)")
    p.add_argument("--checkin", metavar="ID", help="the check-in to export (default: the latest)")
    p.add_argument("--combined", action="store_true", help="with --all: one PDF for everyone instead of one each")
    _add_data_dir(p)
    p.set_defaults(handler=lambda args: _run(_export, args))


def register_checkin_import(checkin_subparsers: argparse._SubParsersAction) -> None:
    """Add ``import`` to the ``checkin`` command group (defined in data_commands)."""
    p = checkin_subparsers.add_parser(
        "import",
        help="store a check-in from an exchange file (made by `export --format checkin`); prints its id",
    )
    p.add_argument("file", help="the exchange file (at most 1 MB)")
    p.add_argument("--athlete", required=True, help="the athlete's name or id to store it for")
    _add_data_dir(p)
    p.set_defaults(handler=lambda args: _run(_import, args))


def _add_data_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="folder holding the app's data (default: $RECOVERY_PLANNER_HOME or your user data folder)",
    )


def open_context(data_dir: str | None) -> AppContext:
    """The application context with the Qt PDF renderers (Qt loads only when a PDF is drawn)."""
    from ..app import renderers
    from ..services.context import AppContext
    from ..storage import Repository

    return AppContext(Repository.open(data_dir), renderers=renderers())


def exit_code_for(exc: BaseException) -> int | None:
    """The exit code of a known problem, or None for a bug (which should show its traceback)."""
    from ..domain.checkin import CheckInError
    from ..formats.exchange import ExchangeError
    from ..storage import StorageError

    code = getattr(exc, "exit_code", None)
    if isinstance(code, int):
        return code
    if isinstance(exc, (CheckInError, ExchangeError)):
        return EXIT_BAD_INPUT
    if isinstance(exc, StorageError):
        return _STORAGE_EXIT_CODES.get(type(exc).__name__, EXIT_BAD_INPUT)
    return None


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _run(handler: Handler, args: argparse.Namespace) -> int:
    from ..domain.checkin import CheckInError

    ctx = None
    try:
        ctx = open_context(getattr(args, "data_dir", None))
        for warning in ctx.repo.warnings:
            _say(f"Note: {warning}")
        return handler(args, ctx)
    except Exception as exc:
        code = exit_code_for(exc)
        if code is None:
            raise
        _say(f"Invalid check-in: {exc}" if isinstance(exc, CheckInError) else str(exc))
        return code
    finally:
        if ctx is not None:
            ctx.repo.close()


def _notices(result: Any) -> None:
    for notice in result.notices:
        _say(notice)


def _export(args: argparse.Namespace, ctx: AppContext) -> int:
    from ..services import exports

    if args.all:
        if args.format != "pdf":
            _say("--all exports PDF handouts only; use --format pdf")
            return EXIT_BAD_INPUT
        result = exports.export_squad(
            ctx, args.to, combined=args.combined, on_progress=lambda done, total: _say(f"{done}/{total} handouts")
        )
    else:
        athlete = ctx.repo.find_athlete(args.athlete)
        result = exports.export(ctx, athlete.id, args.format, args.to, checkin_id=args.checkin)
    _notices(result)
    return EXIT_OK


def _import(args: argparse.Namespace, ctx: AppContext) -> int:
    from ..services import exports

    athlete = ctx.repo.find_athlete(args.athlete)
    result = exports.import_check_in(ctx, athlete.id, args.file)
    _notices(result)
    print(result.value.record.id)
    return EXIT_OK
