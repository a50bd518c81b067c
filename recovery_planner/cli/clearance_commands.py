"""`clearance add|list`: record that a clinician cleared an athlete (this closes their holds), list them.

Exit codes as for every data command (see the README): 0 done; 2 bad input or no such athlete (the message
says what; nothing saved); 3 a damaged data file; 4 a newer version's data; 5 the folder cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..services import clearances, queries
from ..services.context import AppContext
from .common import EXIT_OK, add_command, date_argument, say


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `clearance` command group."""
    group = subparsers.add_parser("clearance", help="record or list clearances to run again (they close holds)")
    sub = group.add_subparsers(dest="clearance_command", metavar="ACTION", required=True)
    p = add_command(sub, "add", _add, help="record that a clinician cleared the athlete")
    p.add_argument("--athlete", required=True, help="the athlete's name or id")
    p.add_argument("--by", required=True, help="who cleared the athlete, e.g. 'Dr Jo Smith, physiotherapist'")
    p.add_argument("--date", type=date_argument, help="the day of the clearance (YYYY-MM-DD; default: today)")
    p.add_argument("--note", default="", help="what the clinician said (optional)")
    p = add_command(sub, "list", _list, help="list the athlete's clearances, oldest first")
    p.add_argument("--athlete", required=True, help="the athlete's name or id")
    p.add_argument("--format", choices=("text", "json"), default="text")


def _add(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.athlete)
    result = clearances.add_clearance(ctx, athlete.id, args.by, args.date, args.note)
    for notice in result.notices:
        say(notice)
    print(result.value.id)
    return EXIT_OK


def _list(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.athlete)
    found = clearances.clearances(ctx, athlete.id)
    if args.format == "json":
        sys.stdout.write(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    if not found:
        say(f"No clearances recorded for {athlete.name}.")
    for c in found:
        print(f"{c.on.isoformat()}  {c.id}  cleared by {c.by}" + (f": {c.note}" if c.note else ""))
    return EXIT_OK
