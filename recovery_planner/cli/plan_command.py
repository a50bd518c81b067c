"""`recovery-planner plan`: check-in JSON in, plan JSON or text out (one or a batch)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from ..domain.limits import DEFAULT_DAYS, MAX_DAYS, MIN_DAYS
from ..services.context import local_now
from .common import EXIT_BAD_INPUT, EXIT_CODES_HELP, add_data_dir
from .io import InputError, read_json_input


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "plan",
        help="make a recovery plan from a check-in JSON file",
        description="Read a check-in (or a JSON list of check-ins) and print the plan(s). Stores nothing.",
        epilog=EXIT_CODES_HELP,
    )
    add_data_dir(p)  # accepted like every command, though planning alone reads no data
    p.add_argument("file", help="check-in JSON file, or - for standard input")
    p.add_argument(
        "--days", type=int, default=DEFAULT_DAYS, help=f"days to plan, {MIN_DAYS}-{MAX_DAYS} (default {DEFAULT_DAYS})"
    )
    p.add_argument("--format", choices=("json", "text"), default="json", help="output format (default json)")
    p.set_defaults(handler=run)


def plans_for(data: Any, days: int, today: date) -> Any:
    """One plan dict for a check-in object, a list of plan dicts for a list; raises CheckInError."""
    from ..domain.checkin import CheckInError, parse_check_in
    from ..domain.planner import build_plan

    if isinstance(data, list):
        errors = []
        check_ins = []
        for i, entry in enumerate(data):
            try:
                check_ins.append(parse_check_in(entry, today, path=f"[{i}]"))
            except CheckInError as exc:
                errors += exc.errors
        if errors:
            raise CheckInError(errors)
        return [build_plan(c, days).to_dict() for c in check_ins]
    return build_plan(parse_check_in(data, today), days).to_dict()


def run(args: argparse.Namespace) -> int:
    from ..domain.checkin import CheckInError
    from ..domain.plan_text import render_plan_text

    if not MIN_DAYS <= args.days <= MAX_DAYS:
        print(f"--days: must be {MIN_DAYS}-{MAX_DAYS}, got {args.days}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        data = read_json_input(args.file)
        result = plans_for(data, args.days, local_now().date())
    except (InputError, CheckInError) as exc:
        print(f"Invalid check-in: {exc}" if isinstance(exc, CheckInError) else str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "json":
        # One write: json.dump streams thousands of tiny writes, ten times slower for a batch.
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=None if isinstance(result, list) else 2))
        sys.stdout.write("\n")
    else:
        plans = result if isinstance(result, list) else [result]
        sys.stdout.write("\n\n".join(render_plan_text(p) for p in plans) + "\n")
    return 0
