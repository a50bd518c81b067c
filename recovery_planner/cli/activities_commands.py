"""`recovery-planner activities import|list`: activities from watch files (GPX, TCX, FIT, zip exports).

stdout carries only what was asked for (the list); progress and messages go to stderr. Exit codes: 0 done;
2 a file cannot be imported (nothing stored) or bad usage; 3 a data file is damaged; others as storage says.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TYPE_CHECKING

from .common import EXIT_OK, add_command, say

if TYPE_CHECKING:
    from ..services.context import AppContext

LIST_FIELDS = ("start", "sport", "distance_km", "duration_s", "source")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``activities import`` and ``activities list``."""
    parser = subparsers.add_parser("activities", help="import and list activities from watch files")
    sub = parser.add_subparsers(dest="activities_command", metavar="ACTION", required=True)

    p = add_command(sub, "import", _import, help="import GPX, TCX and FIT files, folders of them, or a zip export")
    p.add_argument("paths", nargs="+", metavar="PATH", help="activity files, folders or zip archives")
    p.add_argument("--athlete", required=True, help="the athlete's name or id")
    p.add_argument("--quiet", action="store_true", help="no progress line on the terminal")

    p = add_command(sub, "list", _list, help="print an athlete's stored activities")
    p.add_argument("--athlete", required=True, help="the athlete's name or id")
    p.add_argument("--format", choices=("json", "csv"), default="json")


def _import(args: argparse.Namespace, ctx: AppContext) -> int:
    from ..services.activities import import_activities

    athlete = ctx.repo.find_athlete(args.athlete)
    shown = {"last": -1}

    def progress(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != shown["last"] and (percent % 5 == 0 or done == total):
            shown["last"] = percent
            print(f"\rReading activity files: {done}/{total} ({percent} %)", end="", file=sys.stderr, flush=True)
            if done == total:
                print(file=sys.stderr)

    show = not args.quiet and sys.stderr.isatty()
    result = import_activities(ctx, athlete.id, args.paths, progress=progress if show else None)
    for notice in result.notices:
        say(notice)
    return EXIT_OK


def _list(args: argparse.Namespace, ctx: AppContext) -> int:
    from ..services.activities import list_activities

    athlete = ctx.repo.find_athlete(args.athlete)
    rows = [{k: a.to_dict()[k] for k in LIST_FIELDS} for a in list_activities(ctx, athlete.id).value]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        w = csv.DictWriter(sys.stdout, fieldnames=LIST_FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return EXIT_OK
