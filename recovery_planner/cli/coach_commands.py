"""Coach commands: `coach squad|summary|note|notes|edit|changes` and `athletes export|delete`.

Exit codes as for every command (see the README): 0 done; 2 bad input or a refused change (the message
says why; nothing saved); 3 a damaged data file; 4 a newer version's data; 5 the folder cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from ..domain.coach_edits import ACTIONS, EditError, editable_options
from ..domain.regions import region_label
from ..domain.roster import Completion
from ..services import coach, queries
from ..services.context import AppContext
from .common import add_command, say


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-03-02, got {text!r}") from None


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `coach` command group."""
    group = subparsers.add_parser("coach", help="the coach's squad overview, notes and plan changes")
    sub = group.add_subparsers(dest="coach_command", metavar="ACTION", required=True)

    def add(name: str, handler: Any, **kw: Any) -> argparse.ArgumentParser:
        return add_command(sub, name, handler, **kw)

    p = add("squad", _squad, help="every athlete, who needs attention first")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p = add("summary", _summary, help="write the weekly squad summary (PDF or CSV, by --format or the file name)")
    p.add_argument("--to", required=True, metavar="FILE")
    p.add_argument("--format", choices=("pdf", "csv"), help="default: from the file name, else pdf")
    p = add("note", _note, help="add a note on an athlete (--pin) or on one of their check-ins")
    p.add_argument("--athlete", required=True, help="the athlete's name or id")
    p.add_argument("--by", required=True, help="who writes the note")
    p.add_argument("--text", required=True)
    p.add_argument("--checkin", metavar="ID", help="the check-in the note is about")
    p.add_argument("--pin", action="store_true", help="pin the note to the athlete")
    p = add("notes", _notes, help="list an athlete's notes")
    p.add_argument("--athlete", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = add("edit", _edit, help="change the athlete's plan within the safety rules")
    p.add_argument("--athlete", required=True)
    p.add_argument("--by", required=True, help="who makes the change")
    p.add_argument("--day", required=True, type=_day, help="the plan day to change (YYYY-MM-DD)")
    p.add_argument("--action", required=True, choices=ACTIONS)
    p.add_argument("--item", metavar="ITEM_ID", help="the item to remove or swap (see `coach changes`)")
    p.add_argument("--to", dest="option", metavar="EXERCISE", help="for swap_exercise: the exercise to use")
    p.add_argument("--note", help="for day_note: the note")
    p = add("changes", _changes, help="show today's plan with the coach's changes, item ids and swap choices")
    p.add_argument("--athlete", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")


def register_athlete_actions(athletes_sub: argparse._SubParsersAction) -> None:
    """Add `athletes export` and `athletes delete` to the existing `athletes` group."""
    p = add_command(athletes_sub, "export", _export, help="write one athlete's whole record to a JSON file")
    p.add_argument("name", help="the athlete's name or id")
    p.add_argument("--to", required=True, metavar="FILE.json")
    p = add_command(athletes_sub, "delete", _delete, help="delete an athlete and all their data for good")
    p.add_argument("name", help="the athlete's name or id")
    p.add_argument("--confirm", required=True, metavar="NAME", help="repeat the athlete's name to confirm")


def _squad(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = coach.squad_rows(ctx)
    today = ctx.today()
    if args.format == "csv":
        from ..formats.squad_summary import squad_csv

        sys.stdout.write(squad_csv(rows, today).decode("utf-8").lstrip("\ufeff"))
        return 0
    if args.format == "json":
        out = [
            {
                "athlete_id": r.athlete_id,
                "name": r.name,
                "last_check_in": r.last_check_in.isoformat() if r.last_check_in else None,
                "days_since_check_in": r.days_since_check_in(today),
                "overdue": r.overdue(today, coach.overdue_days(ctx)),
                "urgency": r.referral_urgency,
                "hold_open": r.hold_open,
                "hold_reason": r.hold_reason,
                "worst_region": r.worst_region,
                "worst_side": r.worst_side,
                "worst_pain": r.worst_pain,
                "trend": r.trend,
                "completion_7d": _completion_json(r.completion),
            }
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        area = f"{region_label(r.worst_region, r.worst_side)} {r.worst_pain:g}/10" if r.worst_region else "-"
        since = r.days_since_check_in(today)
        last = "never checked in" if since is None else f"{since} d since check-in"
        flag = "REFER" if r.needs_referral() else "     "
        done = r.completion.text() if r.completion else ""
        print(f"{flag}  {r.name:<24} {area:<28} {r.trend or '-':<6} {last:<22} {done}")
    return 0


def _completion_json(c: Completion | None) -> dict[str, int] | None:
    return None if c is None else {"done": c.done, "scheduled": c.scheduled}


def _summary(args: argparse.Namespace, ctx: AppContext) -> int:
    fmt = args.format or ("csv" if str(args.to).lower().endswith(".csv") else "pdf")
    make = coach.squad_summary_csv if fmt == "csv" else coach.squad_summary_pdf
    path = make(ctx, args.to).value
    say(f"Saved the squad summary to {path}.")
    return 0


def _note(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.athlete)
    note = coach.add_note(ctx, athlete.id, args.text, args.by, checkin_id=args.checkin, pinned=args.pin).value
    print(note["id"])
    return 0


def _notes(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.athlete)
    notes = coach.notes(ctx, athlete.id)
    if args.format == "json":
        print(json.dumps(notes, ensure_ascii=False, indent=1))
        return 0
    for n in notes:
        pin = "[pinned] " if n.get("pinned") else ""
        about = f" (check-in {n['checkin_id']})" if n.get("checkin_id") else ""
        print(f"{n['created_at'][:10]}  {n['author']}{about}: {pin}{n['text']}")
    return 0


def _edit(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.athlete)
    try:
        edit = coach.edit_plan(
            ctx, athlete.id, args.action, args.day, args.by, item_id=args.item, option=args.option, note=args.note
        ).value
    except EditError as exc:
        say(f"Change refused: {exc} Nothing was saved.")
        return 2
    say(f"Saved: {edit.describe()}.")
    return 0


def _changes(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.athlete)
    current = coach.effective_plan(ctx, athlete.id)
    if current is None:
        say(f"{athlete.name} has no plan yet.")
        return 0
    plan = current.outcome.plan
    if args.format == "json":
        print(json.dumps(plan, ensure_ascii=False, indent=1))
        return 0
    for change in plan.get("coach_changes", []):
        print(f"Changed by {change['author']}: {change['text']}")
    for d in plan["days"]:
        print(f"{d['date']}  running: {d['running']}" + (f"  note: {d['coach_note']}" if d.get("coach_note") else ""))
        for item in d["items"]:
            day = date.fromisoformat(d["date"])
            choices = ", ".join(o.key for o in editable_options(plan, day, item["id"]))
            extra = "  (optional)" if item.get("optional") else ""
            extra += f"  swap to: {choices}" if choices else ""
            print(f"    {item['id']}  {item['title']}{extra}")
    return 0


def _export(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.name)
    path = coach.export_athlete(ctx, athlete.id, args.to).value
    say(f"Saved {athlete.name}'s whole record to {path}.")
    return 0


def _delete(args: argparse.Namespace, ctx: AppContext) -> int:
    athlete = queries.find_athlete(ctx, args.name)
    try:
        coach.delete_athlete(ctx, athlete.id, args.confirm)
    except coach.DeleteNotConfirmed as exc:
        say(f"{exc} Nothing was deleted.")
        return 2
    say(
        f"{athlete.name} and all their data were deleted. Copies in automatic backups are removed as those "
        "backups rotate out (after the number of daily backups kept, 14 by default); manual backups keep "
        "them until you delete those backups."
    )
    return 0
