"""`export` (PDF handout, calendar, spreadsheet, check-in exchange file) and `checkin import`.

Standard output stays empty for an export (the file is the output) and carries the check-in id for an
import; messages go to standard error. Exit codes: 0 done; 2 bad input (no such athlete or check-in, a
file that is too big, malformed, of an unknown version or with a bad checksum, an invalid check-in;
nothing written); 3 a data file is damaged; 4 data from a newer version; 5 the data folder cannot be
written now.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..services.changes import OpResult
from ..services.context import AppContext
from .common import EXIT_BAD_INPUT, EXIT_OK, add_command, say

EXPORT_HELP = (
    "pdf: a printable handout (leg map, plan with tick boxes, exercises, stop rules); ics: a calendar "
    "(one all-day event per plan day; exporting again updates the same events); csv: a spreadsheet "
    "(one row per activity per day, UTF-8); checkin: a check-in exchange file for `checkin import` "
    "on another computer"
)


def register(subparsers: Any) -> None:
    """Add ``export``."""
    p = add_command(
        subparsers,
        "export",
        _export,
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


def register_checkin_import(checkin_subparsers: Any) -> None:
    """Add ``import`` to the ``checkin`` command group (defined in data_commands)."""
    p = add_command(
        checkin_subparsers,
        "import",
        _import,
        help="store a check-in from an exchange file (made by `export --format checkin`); prints its id",
    )
    p.add_argument("file", help="the exchange file (at most 1 MB)")
    p.add_argument("--athlete", required=True, help="the athlete's name or id to store it for")


def _notices(result: Any) -> None:
    for notice in result.notices:
        say(notice)


def _export(args: argparse.Namespace, ctx: AppContext) -> int:
    from ..services import exports

    result: OpResult[Any]
    if args.all:
        if args.format != "pdf":
            say("--all exports PDF handouts only; use --format pdf")
            return EXIT_BAD_INPUT
        result = exports.export_squad(
            ctx, args.to, combined=args.combined, on_progress=lambda done, total: say(f"{done}/{total} handouts")
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
