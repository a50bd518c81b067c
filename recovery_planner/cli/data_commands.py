"""Data commands: `athletes`, `checkin`, `history`, `backup`, `restore` (for scripts and support).

Each is argparse over ``services``: `checkin add` saves through ``services.checkins.save_check_in``, the
same path as the app, so the stored plan is the same whichever tool saved the check-in.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from ..domain.limits import DEFAULT_DAYS, EXPERIENCE, MAX_DAYS, MIN_DAYS
from ..services import athletes as athlete_ops
from ..services import backups as backup_ops
from ..services import checkins as checkin_ops
from ..services import queries
from ..services.context import AppContext
from .common import EXIT_BAD_INPUT, EXIT_OK, add_command, say
from .io import read_json_input

UNITS = ("metric", "imperial")


def register(subparsers: Any) -> None:
    """Add the data subcommands; each sets ``handler(args) -> exit code``."""
    athletes = subparsers.add_parser("athletes", help="add, list and archive athletes")
    asub = athletes.add_subparsers(dest="athletes_command", metavar="ACTION", required=True)
    p = add_command(asub, "add", _athletes_add, help="add an athlete; prints the new athlete's id")
    p.add_argument("name", help="the athlete's name (unique)")
    p.add_argument("--experience", choices=EXPERIENCE, default="beginner")
    p.add_argument("--mass", type=float, metavar="KG", help="body mass in kg")
    p.add_argument("--age", type=int, metavar="YEARS")
    p.add_argument("--notes", default="")
    p.add_argument("--units", choices=UNITS, default="metric", help="units shown in the app")
    p = add_command(asub, "list", _athletes_list, help="list athletes with their latest check-in")
    p.add_argument("--all", action="store_true", help="include archived athletes")
    p.add_argument("--format", choices=("text", "json"), default="text")
    for name, archived in (("archive", True), ("unarchive", False)):
        p = add_command(asub, name, _athletes_archive, help=f"{name} an athlete (their data is kept); prints the id")
        p.add_argument("name", help="the athlete's name or id")
        p.set_defaults(archived=archived)
    from .coach_commands import register_athlete_actions

    register_athlete_actions(asub)

    checkin = subparsers.add_parser("checkin", help="store check-ins")
    csub = checkin.add_subparsers(dest="checkin_command", metavar="ACTION", required=True)
    p = add_command(csub, "add", _checkin_add, help="validate a check-in, plan it and store both; prints the new id")
    p.add_argument("file", help="check-in JSON file, or - for standard input")
    p.add_argument("--athlete", required=True, help="the athlete's name or id")
    p.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"days to plan, {MIN_DAYS}-{MAX_DAYS}")
    from .export_commands import register_checkin_import  # `checkin import FILE`, owned by the exports

    register_checkin_import(csub)

    p = add_command(subparsers, "history", _history, help="print an athlete's stored check-ins")
    p.add_argument("--athlete", required=True, help="the athlete's name or id")
    p.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="json: a list of {id, date, saved_at, planner_version, check_in, plan}",
    )

    p = add_command(
        subparsers, "backup", _backup, help="back up the data now and print its folder (or list backups, or a zip)"
    )
    p.add_argument("--list", action="store_true", help="list the backups instead")
    p.add_argument("--to", type=Path, metavar="FILE.zip", help="write all data into one zip file")

    p = add_command(
        subparsers,
        "restore",
        _restore,
        help="repair damaged files from the newest good backups, or restore a whole backup",
    )
    p.add_argument(
        "--from",
        dest="source",
        metavar="BACKUP",
        help="a backup name (see backup --list), a backup folder, or a zip made by backup --to",
    )
    p.add_argument("--check-all", action="store_true", help="also check every stored plan file (slower)")


def _athletes_add(args: argparse.Namespace, ctx: AppContext) -> int:
    added = athlete_ops.add_athlete(
        ctx,
        args.name,
        experience=args.experience,
        body_mass_kg=args.mass,
        age=args.age,
        notes=args.notes,
        units=args.units,
    )
    print(added.value.id)
    return EXIT_OK


def _latest_text(a: Any) -> str:
    last = a.latest
    if last is None:
        return "no check-ins yet"
    worst = (
        f"worst {last.worst_region} ({last.worst_side}) pain {last.worst_pain:g}"
        if last.worst_region
        else "no sore areas"
    )
    referral = f", referral: {last.urgency}" if last.urgency != "none" else ""
    return f"last check-in {last.date}, {worst}, running day 1: {last.running_day1}{referral}"


def _athletes_list(args: argparse.Namespace, ctx: AppContext) -> int:
    athletes = queries.athletes(ctx, include_archived=args.all)
    if args.format == "json":
        sys.stdout.write(json.dumps([a.to_dict() for a in athletes], ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    if not athletes:
        say("No athletes yet. Add one with: recovery-planner athletes add NAME")
    for a in athletes:
        print(f"{a.name}  [{a.id}]  {a.experience}{'  (archived)' if a.archived else ''}  {_latest_text(a)}")
    return EXIT_OK


def _athletes_archive(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.name)
    changed = athlete_ops.archive_athlete(ctx, athlete.id, args.archived).value
    say(f"{changed.name} is {'archived' if changed.archived else 'back in the athlete list'}.")
    print(changed.id)
    return EXIT_OK


def _checkin_add(args: argparse.Namespace, ctx: AppContext) -> int:
    if not MIN_DAYS <= args.days <= MAX_DAYS:
        say(f"--days: must be {MIN_DAYS}-{MAX_DAYS}, got {args.days}")
        return EXIT_BAD_INPUT
    athlete = queries.find_athlete(ctx, args.athlete)
    data = read_json_input(args.file)
    saved = checkin_ops.save_check_in(ctx, athlete.id, data, args.days)
    print(saved.value.record.id)
    return EXIT_OK


CSV_COLUMNS = (
    "id",
    "date",
    "saved_at",
    "worst_region",
    "worst_side",
    "worst_pain",
    "running_day1",
    "urgency",
    "planner_version",
    "areas",
)


def _history(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.athlete)
    records = queries.history_records(ctx, athlete.id)
    if args.format == "json":
        import orjson  # the stored plans are written out as stored, without parsing them again

        plans = queries.stored_plans_json(ctx, athlete.id)
        out = [
            {
                "id": r.id,
                "date": r.date.isoformat(),
                "saved_at": r.saved_at,
                "planner_version": r.planner_version,
                "check_in": r.check_in,
                "plan": orjson.Fragment(plans[r.id]) if r.id in plans else None,
            }
            for r in records
        ]
        sys.stdout.write(orjson.dumps(out).decode() + "\n")
    elif args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for r in records:
            s = r.summary
            areas = "; ".join(f"{a['region']} {a['side']} {a['pain']:g} {a['kind']}" for a in r.check_in["areas"])
            pain = "" if s.worst_pain is None else f"{s.worst_pain:g}"
            cells = [r.id, r.date.isoformat(), r.saved_at, s.worst_region or "", s.worst_side or "", pain]
            w.writerow([*cells, s.running_day1 or "", s.urgency, r.planner_version, areas])
    else:
        if not records:
            say(f"No check-ins stored for {athlete.name} yet.")
        for r in records:
            s = r.summary
            worst = f"{s.worst_region} ({s.worst_side}) pain {s.worst_pain:g}" if s.worst_region else "no sore areas"
            print(f"{r.date}  {r.id}  {worst}; running day 1: {s.running_day1}; referral: {s.urgency}")
    return EXIT_OK


def _backup(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.list:
        found = backup_ops.list_backups(ctx)
        if not found:
            say("No backups yet.")
        for b in found:
            print(f"{b.name}  ({b.kind}, {b.created:%Y-%m-%d %H:%M})  {b.path}")
        return EXIT_OK
    if args.to is not None:
        count = backup_ops.export_backup(ctx, args.to).value
        say(f"Saved {count} data files to {args.to}")
        print(args.to)
        return EXIT_OK
    info = backup_ops.backup_now(ctx).value
    say("Backup saved:")
    print(info.path)
    return EXIT_OK


def _restore(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.source:
        safety = backup_ops.restore_from(ctx, args.source).value
        say(f"Restored the data from {args.source}. The data as it was before is kept in backup {safety.name}.")
        return EXIT_OK
    actions = backup_ops.repair(ctx, full=args.check_all).value
    if not actions:
        say("No damaged files found; nothing to restore. To go back to a backup use --from BACKUP (see backup --list).")
    for act in actions:
        say(act.describe())
    return EXIT_OK
