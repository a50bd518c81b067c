"""Data commands: `athletes`, `checkin`, `history`, `backup`, `restore` (for scripts and support).

Exit codes: 0 done; 2 bad input or a clear problem (nothing written); 3 a data file is damaged (the
message names it and points to `restore`). Messages go to standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.checkin import EXPERIENCE, CheckInError, parse_check_in
from ..domain.plan import DEFAULT_DAYS, MAX_DAYS, MIN_DAYS
from ..storage import DamagedFileError, InvalidRecordError, NotFoundError, Repository, StorageError
from ..storage.records import UNITS
from .io import InputError, read_json_input

EXIT_OK, EXIT_BAD_INPUT, EXIT_DAMAGED = 0, 2, 3
Handler = Callable[[argparse.Namespace, Repository], int]


def register(subparsers: argparse._SubParsersAction, common_parent: argparse.ArgumentParser | None = None) -> None:
    """Add the data subcommands; each sets ``handler(args) -> exit code``."""
    parents = [common_parent] if common_parent is not None else []

    def add(sub: Any, name: str, handler: Handler, **kw: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=parents, **kw)
        p.add_argument(
            "--data-dir",
            default=argparse.SUPPRESS,
            help="folder holding the app's data (default: $RECOVERY_PLANNER_HOME or your user data folder)",
        )
        p.set_defaults(handler=lambda args: _run(handler, args))
        return p

    athletes = subparsers.add_parser("athletes", help="add, list and archive athletes")
    asub = athletes.add_subparsers(dest="athletes_command", metavar="ACTION", required=True)
    p = add(asub, "add", _athletes_add, help="add an athlete")
    p.add_argument("name", help="the athlete's name (unique)")
    p.add_argument("--experience", choices=EXPERIENCE, default="beginner")
    p.add_argument("--mass", type=float, metavar="KG", help="body mass in kg")
    p.add_argument("--age", type=int, metavar="YEARS")
    p.add_argument("--notes", default="")
    p.add_argument("--units", choices=UNITS, default="metric", help="units shown in the app")
    p = add(asub, "list", _athletes_list, help="list athletes with their latest check-in")
    p.add_argument("--all", action="store_true", help="include archived athletes")
    p.add_argument("--format", choices=("text", "json"), default="text")
    for name, archived in (("archive", True), ("unarchive", False)):
        p = add(asub, name, _athletes_archive, help=f"{name} an athlete (their data is kept)")
        p.add_argument("name", help="the athlete's name or id")
        p.set_defaults(archived=archived)

    checkin = subparsers.add_parser("checkin", help="store check-ins")
    csub = checkin.add_subparsers(dest="checkin_command", metavar="ACTION", required=True)
    p = add(csub, "add", _checkin_add, help="validate a check-in, plan it and store both; prints the new id")
    p.add_argument("file", help="check-in JSON file, or - for standard input")
    p.add_argument("--athlete", required=True, help="the athlete's name or id")
    p.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"days to plan, {MIN_DAYS}-{MAX_DAYS}")
    from .export_commands import register_checkin_import  # `checkin import FILE`, owned by the exports

    register_checkin_import(csub)

    p = add(subparsers, "history", _history, help="print an athlete's stored check-ins")
    p.add_argument("--athlete", required=True, help="the athlete's name or id")
    p.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="json: a list of {id, date, saved_at, planner_version, check_in, plan}",
    )

    p = add(subparsers, "backup", _backup, help="back up the data now (or list backups, or export a zip)")
    p.add_argument("--list", action="store_true", help="list the backups instead")
    p.add_argument("--to", type=Path, metavar="FILE.zip", help="write all data into one zip file")

    p = add(
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


def _run(handler: Handler, args: argparse.Namespace) -> int:
    try:
        repo = Repository.open(getattr(args, "data_dir", None))
        for warning in repo.warnings:
            print(f"Note: {warning}", file=sys.stderr)
        return handler(args, repo)
    except (InputError, InvalidRecordError, NotFoundError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except CheckInError as exc:
        print(f"Invalid check-in: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except DamagedFileError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_DAMAGED
    except StorageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT


def _athletes_add(args: argparse.Namespace, repo: Repository) -> int:
    a = repo.add_athlete(
        args.name, experience=args.experience, body_mass_kg=args.mass, age=args.age, notes=args.notes, units=args.units
    )
    print(a.id)
    return EXIT_OK


def _athletes_list(args: argparse.Namespace, repo: Repository) -> int:
    athletes = repo.list_athletes(include_archived=args.all)
    if args.format == "json":
        json.dump([a.to_dict() for a in athletes], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    if not athletes:
        print("No athletes yet. Add one with: recovery-planner athletes add NAME")
    for a in athletes:
        last = a.latest
        latest = (
            "no check-ins yet"
            if last is None
            else (
                f"last check-in {last.date}, "
                + (
                    f"worst {last.worst_region} ({last.worst_side}) pain {last.worst_pain:g}"
                    if last.worst_region
                    else "no sore areas"
                )
                + f", running day 1: {last.running_day1}"
                + (f", referral: {last.urgency}" if last.urgency != "none" else "")
            )
        )
        print(f"{a.name}  [{a.id}]  {a.experience}{'  (archived)' if a.archived else ''}  {latest}")
    return EXIT_OK


def _athletes_archive(args: argparse.Namespace, repo: Repository) -> int:
    a = repo.archive_athlete(repo.find_athlete(args.name).id, args.archived)
    print(f"{a.name} is {'archived' if a.archived else 'back in the athlete list'}.")
    return EXIT_OK


def _checkin_add(args: argparse.Namespace, repo: Repository) -> int:
    if not MIN_DAYS <= args.days <= MAX_DAYS:
        print(f"--days: must be {MIN_DAYS}-{MAX_DAYS}, got {args.days}", file=sys.stderr)
        return EXIT_BAD_INPUT
    athlete = repo.find_athlete(args.athlete)
    data = read_json_input(args.file)
    given = data.get("athlete") if isinstance(data, dict) else None
    if isinstance(data, dict) and (given is None or isinstance(given, dict)):
        # What the check-in leaves out of its "athlete" section comes from the stored profile.
        profile = {
            "experience": athlete.experience,
            "body_mass_kg": athlete.body_mass_kg,
            "age": athlete.age,
            "name": athlete.name,
        }
        data = dict(data, athlete={**{k: v for k, v in profile.items() if v is not None}, **(given or {})})
    from ..domain.planner import build_plan  # only this command plans

    check_in = parse_check_in(data, date.today())
    record = repo.add_check_in(athlete.id, check_in, build_plan(check_in, args.days))
    print(record.id)
    return EXIT_OK


def _history(args: argparse.Namespace, repo: Repository) -> int:
    athlete = repo.find_athlete(args.athlete)
    records = repo.history(athlete.id)
    if args.format == "json":
        out = [
            {
                "id": r.id,
                "date": r.date.isoformat(),
                "saved_at": r.saved_at,
                "planner_version": r.planner_version,
                "check_in": r.check_in,
                "plan": repo.get_plan(athlete.id, r.id),
            }
            for r in records
        ]
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(
            [
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
            ]
        )
        for r in records:
            s = r.summary
            areas = "; ".join(f"{a['region']} {a['side']} {a['pain']:g} {a['kind']}" for a in r.check_in["areas"])
            w.writerow(
                [
                    r.id,
                    r.date.isoformat(),
                    r.saved_at,
                    s.worst_region or "",
                    s.worst_side or "",
                    "" if s.worst_pain is None else f"{s.worst_pain:g}",
                    s.running_day1 or "",
                    s.urgency,
                    r.planner_version,
                    areas,
                ]
            )
    else:
        if not records:
            print(f"No check-ins stored for {athlete.name} yet.")
        for r in records:
            s = r.summary
            worst = f"{s.worst_region} ({s.worst_side}) pain {s.worst_pain:g}" if s.worst_region else "no sore areas"
            print(f"{r.date}  {r.id}  {worst}; running day 1: {s.running_day1}; referral: {s.urgency}")
    return EXIT_OK


def _backup(args: argparse.Namespace, repo: Repository) -> int:
    if args.list:
        backups = repo.list_backups()
        if not backups:
            print("No backups yet.")
        for b in backups:
            print(f"{b.name}  ({b.kind}, {b.created:%Y-%m-%d %H:%M})  {b.path}")
        return EXIT_OK
    if args.to is not None:
        count = repo.export_backup(args.to)
        print(f"Saved {count} data files to {args.to}")
        return EXIT_OK
    info = repo.backup("manual")
    print(f"Backup saved: {info.path}")
    return EXIT_OK


def _restore(args: argparse.Namespace, repo: Repository) -> int:
    if args.source:
        safety = repo.restore_from(args.source)
        print(f"Restored the data from {args.source}. The data as it was before is kept in backup {safety.name}.")
        return EXIT_OK
    actions = repo.repair(full=args.check_all)
    if not actions:
        print(
            "No damaged files found; nothing to restore. To go back to a backup use --from BACKUP (see backup --list)."
        )
    for act in actions:
        if act.action == "restored":
            print(f"Restored {act.file} from the backup copy {act.source}")
        elif act.action == "rebuilt":
            print(f"Rebuilt {act.file} from the athlete list.")
        else:
            print(
                f"{act.file} was damaged and no backup had a good copy of it (it was created after the "
                "newest backup); it was moved to the damaged folder, so what it held is missing."
            )
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the data commands on their own (``python -m recovery_planner.cli.data_commands``)."""
    parser = argparse.ArgumentParser(prog="recovery-planner")
    register(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
