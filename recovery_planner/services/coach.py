"""The coach's operations: notes, plan changes within the safety rules, the squad overview, leaving athletes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .changes import Changes, OpResult
from .context import AppContext
from .settings import COACH_NAME_SETTING

if TYPE_CHECKING:  # the planner and the domain load on first use, off the app's first-paint path
    from ..domain.checkin import CheckIn
    from ..domain.coach_edits import CoachEdit, EditOutcome
    from ..domain.plan import Plan
    from ..domain.roster import Completion, RosterEntry

DEFAULT_OVERDUE_DAYS = 3  # as domain.roster.DEFAULT_OVERDUE_DAYS (checked by a test)

OVERDUE_SETTING = "squad_overdue_days"


@dataclass(frozen=True)
class EffectivePlan:
    """A plan and the check-in it was made for, and the plan as shown: ``outcome.plan`` is its document
    (plan format v1) with the coach's changes applied and marked.

    ``source`` is the check-in or a function reading the stored one: ``check_in`` reads it on first use
    (the plan on the first screen needs it only when a coach changed the plan)."""

    checkin_id: str
    source: CheckIn | Callable[[], CheckIn] = field(repr=False)
    plan: Plan
    outcome: EditOutcome

    @cached_property
    def check_in(self) -> CheckIn:
        return self.source() if callable(self.source) else self.source


def _bans(check_in: CheckIn) -> Any:
    """The planner's own ban check for a check-in (deterministic: same check-in, same bans)."""
    from ..domain.planner import assess

    return assess(check_in).is_banned


def _edits(ctx: AppContext, athlete_id: str) -> list[CoachEdit]:
    from ..domain.coach_edits import CoachEdit

    return [CoachEdit.from_dict(d) for d in ctx.repo.plan_edits(athlete_id)]


def effective_plan(ctx: AppContext, athlete_id: str, day: date | None = None) -> EffectivePlan | None:
    """The plan in force on ``day`` (today by default) with every coach change that still fits applied."""
    from .queries import read_check_in, read_plan

    found = ctx.repo.active_plan(athlete_id, day or ctx.today())
    if found is None:
        return None
    record, stored = found
    return with_edits(ctx, athlete_id, record.id, partial(read_check_in, record), read_plan(stored), stored)


def with_edits(
    ctx: AppContext,
    athlete_id: str,
    checkin_id: str,
    check_in: CheckIn | Callable[[], CheckIn],
    plan: Plan,
    document: dict[str, Any] | None = None,
) -> EffectivePlan:
    """``plan`` (stored with ``checkin_id``) with the coach's changes for its days applied to its document:
    ``document`` is the plan as stored (a stored plan is shown as it was written), by default ``plan.to_dict()``.
    ``check_in`` (or a function reading it) gives the planner's bans the changes are checked against.
    """
    from ..domain.coach_edits import EditOutcome, apply_edits

    shown = plan.to_dict() if document is None else document
    days = {d.date for d in plan.days}
    relevant = [e for e in _edits(ctx, athlete_id) if e.day in days]
    found = EffectivePlan(checkin_id, check_in, plan, EditOutcome(shown, (), ()))
    if not relevant:  # nothing to check against the planner's bans (which load the whole planner)
        return found
    typed = found.check_in
    return replace(found, source=typed, outcome=apply_edits(shown, relevant, _bans(typed)))


def edit_plan(
    ctx: AppContext,
    athlete_id: str,
    action: str,
    day: date,
    author: str,
    *,
    item_id: str | None = None,
    option: str | None = None,
    note: str | None = None,
) -> OpResult[CoachEdit]:
    """Record one change to the plan in force on ``day``; raises EditError (with the reason) if it is unsafe."""
    from ..domain.coach_edits import CoachEdit, EditError, check_edit

    current = effective_plan(ctx, athlete_id, day)
    if current is None:
        raise EditError("There is no plan for that day yet: the athlete has not checked in.")
    edit = CoachEdit(
        action=action,
        day=day,
        author=" ".join(author.split()),
        made_at=ctx.now().isoformat(timespec="seconds"),
        item_id=item_id,
        option=option,
        note=note,
    )
    check_edit(current.outcome.plan, edit, _bans(current.check_in))
    ctx.repo.add_plan_edit(athlete_id, edit.to_dict())
    return OpResult(edit, Changes(plans=True, athlete_id=athlete_id))


def add_note(
    ctx: AppContext,
    athlete_id: str,
    text: str,
    author: str,
    *,
    checkin_id: str | None = None,
    pinned: bool = False,
) -> OpResult[dict[str, Any]]:
    """A coach's note on the athlete (``pinned``) or on one of their check-ins."""
    doc: dict[str, Any] = {
        "text": text.strip(),
        "author": " ".join(author.split()),
        "created_at": ctx.now().isoformat(timespec="seconds"),
        "pinned": bool(pinned),
    }
    if checkin_id is not None:
        ctx.repo.get_check_in(athlete_id, checkin_id)  # NotFoundError for an unknown check-in
        doc["checkin_id"] = checkin_id
    return OpResult(ctx.repo.add_note(athlete_id, doc), Changes(notes=True, athlete_id=athlete_id))


def remove_note(ctx: AppContext, athlete_id: str, note_id: str) -> OpResult[None]:
    ctx.repo.remove_note(athlete_id, note_id)
    return OpResult(None, Changes(notes=True, athlete_id=athlete_id))


def notes(ctx: AppContext, athlete_id: str) -> list[dict[str, Any]]:
    """Pinned notes first, then the newest first."""
    docs = ctx.repo.notes(athlete_id)
    return sorted(docs, key=lambda d: (not d.get("pinned"), _neg(d.get("created_at", ""))))


def _neg(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


def overdue_days(ctx: AppContext) -> int:
    """The setting "no check-in for N days" (default 3, 1-60)."""
    value = ctx.repo.get_setting(OVERDUE_SETTING, DEFAULT_OVERDUE_DAYS)
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 60
    return value if ok else DEFAULT_OVERDUE_DAYS


@dataclass(frozen=True)
class _Extras:
    completion: Completion
    note_text: str


_EXTRAS_CACHE = "coach.squad_extras"


def squad_rows(ctx: AppContext, include_archived: bool = False) -> list[RosterEntry]:
    """Every athlete, who needs the coach first (``domain.roster``), with plan completion over the last
    7 days and the coach's notes (for the search). The roster index gives the rest.

    Completion and notes read the athlete's own files; they are cached per athlete until one of that
    athlete's files changes, so only the first overview after a change reads files.
    """
    from ..domain.roster import roster_order
    from .queries import roster_entries

    today = ctx.today()
    cache: dict[str, tuple[Any, _Extras]] = ctx.caches.setdefault(_EXTRAS_CACHE, {})
    rows = []
    for entry in roster_entries(ctx, include_archived=include_archived):
        stamp = (today, ctx.repo.athlete_stamp(entry.athlete_id))
        hit = cache.get(entry.athlete_id)
        if hit is None or stamp[1] is None or hit[0] != stamp:
            hit = (stamp, _extras(ctx, entry.athlete_id, entry.last_check_in is not None, today))
            cache[entry.athlete_id] = hit
        rows.append(replace(entry, completion=hit[1].completion, note_text=hit[1].note_text))
    return roster_order(rows, today, overdue_days(ctx))


def _extras(ctx: AppContext, athlete_id: str, checked_in: bool, today: date) -> _Extras:
    from ..domain.limits import MAX_DAYS
    from ..domain.roster import COMPLETION_WINDOW_DAYS, Completion, completion

    notes_text = " ".join(n.get("text", "") for n in ctx.repo.notes(athlete_id))
    if not checked_in:
        return _Extras(Completion(0, 0), notes_text)
    first = today - timedelta(days=COMPLETION_WINDOW_DAYS - 1)
    lookback = first - timedelta(days=MAX_DAYS)
    records = [r for r in ctx.repo.history(athlete_id, lookback, today) if r.date <= today]
    scheduled: dict[date, set[str]] = {}
    for record in reversed(records):  # newest first: a day's items come from the newest plan covering it
        days_left = [d for d in _dates(first, today) if d >= record.date and d not in scheduled]
        if not days_left:
            continue
        plan = ctx.repo.get_plan(athlete_id, record.id) or {}
        for d in plan.get("days") or []:
            when = date.fromisoformat(d["date"])
            if when in days_left:
                scheduled[when] = {i["id"] for i in d.get("items") or [] if i.get("id")}
        for when in days_left:
            scheduled.setdefault(when, set())  # an emergency or shorter plan: nothing scheduled that day
    done = ctx.repo.done_items(athlete_id, first, today)
    return _Extras(completion(scheduled, done, today), notes_text)


def _dates(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


ATHLETE_RECORD_FORMAT = "recovery-planner-athlete-record"
ATHLETE_RECORD_VERSION = 1


def athlete_record(ctx: AppContext, athlete_id: str) -> dict[str, Any]:
    """Everything stored about one athlete, as one JSON-ready document (for the athlete to take away)."""
    from .. import __version__

    repo = ctx.repo
    athlete = repo.get_athlete(athlete_id)
    profile = {k: v for k, v in athlete.to_dict().items() if k != "latest"}
    check_ins = [
        {
            "id": r.id,
            "date": r.date.isoformat(),
            "saved_at": r.saved_at,
            "check_in": r.check_in,
            "plan": repo.get_plan(athlete_id, r.id),
        }
        for r in repo.history(athlete_id)
    ]
    return {
        "format": ATHLETE_RECORD_FORMAT,
        "version": ATHLETE_RECORD_VERSION,
        "app_version": __version__,
        "exported_at": ctx.now().isoformat(timespec="seconds"),
        "athlete": profile,
        "check_ins": check_ins,
        "done_items": sorted(repo.done_items(athlete_id)),
        "notes": repo.notes(athlete_id),
        "plan_changes": repo.plan_edits(athlete_id),
        "activities": [a.to_dict() for a in repo.activities(athlete_id)],
    }


def export_athlete(ctx: AppContext, athlete_id: str, dest: str) -> OpResult[Path]:
    """Write the athlete's whole record to ``dest`` (JSON); the data folder is not changed."""
    import json

    from ..formats.output_files import write_export

    blob = json.dumps(athlete_record(ctx, athlete_id), ensure_ascii=False, indent=1).encode("utf-8")
    return OpResult(write_export(dest, blob))


def delete_athlete(ctx: AppContext, athlete_id: str, confirm_name: str) -> OpResult[str]:
    """Delete an athlete for good and switch to another one; returns the new current athlete's id.

    ``confirm_name`` must repeat their name exactly (case aside); one athlete must stay. Copies in the
    backups stay until those backups are rotated out or deleted.
    """
    from ..storage.errors import InvalidRecordError
    from .athletes import switch_athlete

    athlete = ctx.repo.get_athlete(athlete_id)
    if " ".join(confirm_name.split()).casefold() != athlete.name.casefold():
        raise DeleteNotConfirmed(f"To delete {athlete.name} for good, type their name exactly to confirm.")
    others = [a for a in ctx.repo.list_athletes() if a.id != athlete_id]
    if not others:
        raise InvalidRecordError(["Add another athlete first: one must stay."])
    ctx.repo.delete_athlete(athlete_id)
    switched = switch_athlete(ctx, others[0].id)
    gone = Changes(athletes=True, check_ins=True, plans=True, notes=True, athlete_id=athlete_id)
    return OpResult(switched.value, gone | switched.changes)


class DeleteNotConfirmed(ValueError):
    """The confirmation did not match the athlete's name; nothing was deleted."""

    exit_code = 2


def squad_summary_csv(ctx: AppContext, dest: str) -> OpResult[Path]:
    """The weekly squad summary (worst area, trend, completion, open referrals) as a CSV file."""
    from ..formats.output_files import write_export
    from ..formats.squad_summary import squad_csv

    return OpResult(write_export(dest, squad_csv(squad_rows(ctx), ctx.today())))


def squad_summary_pdf(ctx: AppContext, dest: str) -> OpResult[Path]:
    """The weekly squad summary as a PDF, drawn by the renderer the composition root handed in."""
    render = ctx.renderers.get("squad_pdf")
    if render is None:
        raise RuntimeError("PDF output is not available in this build.")
    coach_name = ctx.repo.get_setting(COACH_NAME_SETTING, "") or ""
    return OpResult(Path(render(dest, squad_rows(ctx), ctx.today(), str(coach_name), overdue_days(ctx))))
