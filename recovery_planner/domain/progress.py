"""Recovery over time: pain series, the usual soreness course, 'not settling' warnings, 'did it help?'.

Inputs are typed check-ins (``CheckIn``) and plans (``Plan``) in ``HistoryEntry``s; nothing reads a clock
(pass ``today`` in)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .checkin import Area, CheckIn, StoredCheckIn
from .plan import Plan
from .regions import LEG_SIDES, MUSCLE_REGIONS, REGIONS, region_label
from .urgency import URGENCIES

AreaKey = tuple[str, str]
"""(region, side) exactly as the check-in marks it; side is "left", "right" or "both"."""

MIN_CHANGE = 1.0  # a change of pain smaller than this (on 0-10) counts as 'the same'
NOT_SETTLING_DAYS = 7  # guidance P5: ordinary muscle soreness is gone within 5-7 days
DOMS_RISE_DAYS = 3  # muscle soreness rises for up to 72 h: rises then do not count as getting worse
MAX_GAP_DAYS = 10  # check-ins further apart than this start a new episode of the same area
_SORE = ("soreness", "aching")
# Each message is (finding, advice): the planner shows the advice only when it sets the plan's urgency.
_WORSE_TWICE = (
    "{name}: the pain has got worse on two check-ins in a row ({shown} out of 10).",
    "Please stop running and see a physiotherapist or sports doctor in the next 1-3 days, before you run again.",
)
_NOT_SETTLING_PROMPT = (
    "{name}: {days} days on and not getting better. Ordinary muscle soreness is gone within about a week.",
    "This needs a check by a physiotherapist or sports doctor in the next 1-3 days. Please do not run until then.",
)
_NOT_SETTLING_ROUTINE = (
    "{name}: {days} days on and not clearly better.",
    "It is mild ({pain:g}/10), so you may keep to your plan, but book a check with a physiotherapist in the "
    "next 1-2 weeks.",
)

DID_IT_HELP_CAPTION = (
    "This shows what you did, not what caused the change. Pain goes up and down for many reasons "
    "(sleep, stress, how hard you ran), and a few weeks of your own notes cannot prove that anything works."
)

# The usual course of delayed-onset muscle soreness as a share of its peak, by days since the run:
# it rises within the first 24 h, peaks between 24 and 72 h and is gone by about day 7 (guidance s. 5).
_DOMS_SHAPE: tuple[tuple[float, float], ...] = (
    (0.0, 0.1),
    (0.5, 0.45),
    (1.0, 0.8),
    (1.5, 0.95),
    (2.0, 1.0),
    (2.5, 0.97),
    (3.0, 0.85),
    (4.0, 0.5),
    (5.0, 0.25),
    (6.0, 0.08),
    (7.0, 0.0),
)


@dataclass(frozen=True)
class HistoryEntry:
    """One saved check-in with its plan (None when not loaded yet) and the plan items ticked done.

    ``source`` is the check-in, or for one read from storage a ``StoredCheckIn``, read on first use: a long
    history is listed (and a save's not-settling report made) without reading every stored check-in, and
    the pain series, the usual course and the warnings read only the marked ``areas``."""

    id: str
    date: date
    source: CheckIn | StoredCheckIn = field(repr=False)
    plan: Plan | None = None
    done_item_ids: frozenset[str] = field(default_factory=frozenset)
    running_day1: str | None = None  # from the stored summary, so lists need not load plans
    urgency: str | None = None

    @property
    def check_in(self) -> CheckIn:
        return self.source if isinstance(self.source, CheckIn) else self.source.check_in

    @property
    def areas(self) -> tuple[Area, ...]:
        return self.source.areas

    def plan_summary(self) -> tuple[str | None, str] | None:
        """(day-1 running, referral urgency) of the loaded plan, else of the stored summary (None: unknown).

        Day-1 running is None for a plan with no days (an emergency plan)."""
        if self.plan is not None:
            return (self.plan.days[0].running if self.plan.days else None), self.plan.referral.urgency
        if self.urgency is not None:
            return self.running_day1, self.urgency
        return None


@dataclass(frozen=True)
class PainSeries:
    """Pain of one area over the check-ins; None breaks the line (the area was already gone)."""

    region: str
    side: str
    dates: tuple[date, ...]
    pains: tuple[float | None, ...]

    @property
    def key(self) -> AreaKey:
        return (self.region, self.side)

    @property
    def label(self) -> str:
        return region_label(self.region, self.side)


@dataclass(frozen=True)
class ExpectedCourse:
    """The usual muscle-soreness course for one area, anchored at the day the soreness began."""

    region: str
    side: str
    onset: date
    days: tuple[float, ...]
    pains: tuple[float, ...]


def area_pains(check_in: CheckIn) -> dict[AreaKey, float]:
    """Highest pain per marked (region, side) of one check-in."""
    return _pains(check_in.areas)


def _pains(areas: Iterable[Area]) -> dict[AreaKey, float]:
    out: dict[AreaKey, float] = {}
    for a in areas:
        key = (a.region, a.side)
        out[key] = max(float(a.pain), out.get(key, 0.0))
    return out


def leg_pains(check_in: CheckIn) -> dict[AreaKey, float]:
    """Like ``area_pains`` but per leg: a "both" mark counts for the left and the right leg."""
    out: dict[AreaKey, float] = {}
    for (region, side), pain in area_pains(check_in).items():
        for leg in LEG_SIDES if side == "both" else (side,):
            out[(region, leg)] = max(pain, out.get((region, leg), 0.0))
    return out


def _area_field(areas: Iterable[Area], key: AreaKey, name: str) -> Any:
    for a in areas:
        if (a.region, a.side) == key and (value := getattr(a, name)) is not None:
            return value
    return None


def _by_day(history: Sequence[HistoryEntry]) -> list[HistoryEntry]:
    """One entry per date (the later one wins when a day was re-planned), oldest first."""
    days: dict[date, HistoryEntry] = {}
    for entry in history:
        days[entry.date] = entry
    return [days[d] for d in sorted(days)]


def _sort_key(key: AreaKey) -> tuple[int, str]:
    return (REGIONS.index(key[0]) if key[0] in REGIONS else len(REGIONS), key[1])


def pain_series(history: Sequence[HistoryEntry]) -> list[PainSeries]:
    """Pain over time per (region, side), in region order, from the area's first mark on.

    A check-in without the area gives 0 once (it cleared up), then one None that breaks the line."""
    points: dict[AreaKey, list[tuple[date, float | None]]] = {}
    for entry in _by_day(history):
        pains = _pains(entry.areas)
        for key, pts in points.items():
            if key not in pains and pts[-1][1] is not None:
                pts.append((entry.date, 0.0 if pts[-1][1] > 0 else None))
        for key, pain in pains.items():
            points.setdefault(key, []).append((entry.date, pain))
    return [
        PainSeries(k[0], k[1], tuple(d for d, _ in pts), tuple(p for _, p in pts))
        for k, pts in sorted(points.items(), key=lambda kv: _sort_key(kv[0]))
    ]


def expected_doms_curve(start_pain: float, onset_day: float = 0.0) -> list[tuple[float, float]]:
    """(day, pain) points of the usual muscle-soreness course peaking at ``start_pain``: days count from
    ``onset_day`` (the run); it rises in the first 24 h, peaks at 24-72 h and is 0 by about day 7."""
    peak = min(max(float(start_pain), 0.0), 10.0)
    return [(onset_day + d, round(peak * share, 2)) for d, share in _DOMS_SHAPE]


def _episode(days: list[HistoryEntry], key: AreaKey) -> list[HistoryEntry]:
    """The latest unbroken run of check-ins (oldest first) in which ``key`` is marked with pain > 0."""
    run: list[HistoryEntry] = []
    for entry in reversed(days):
        if _pains(entry.areas).get(key, 0.0) <= 0:
            if run:
                break
            continue
        if run and (run[-1].date - entry.date).days > MAX_GAP_DAYS:
            break
        run.append(entry)
    return run[::-1]


def _onset(episode: list[HistoryEntry], key: AreaKey) -> date:
    """When the episode began: the earliest date its check-ins give (days since onset, or since the run)."""

    def days(c: tuple[Area, ...]) -> float:
        given = _area_field(c, key, "days_since_onset")
        return given if given is not None else (_area_field(c, key, "hours_since_run") or 0) / 24.0

    return min(e.date - timedelta(days=int(days(e.areas))) for e in episode)


def expected_course(history: Sequence[HistoryEntry], key: AreaKey | None = None) -> ExpectedCourse | None:
    """The usual soreness course for the latest episode of ``key`` (default: the worst area now),
    scaled to the worst pain rated in the first 3 days after onset (or to the first rating)."""
    days = _by_day(history)
    worst = _worst(_pains(days[-1].areas)) if days else None
    key = key or (worst[:2] if worst else None)
    episode = _episode(days, key) if key else []
    if not episode or key is None:
        return None
    onset = _onset(episode, key)
    early = [_pains(e.areas)[key] for e in episode if (e.date - onset).days <= DOMS_RISE_DAYS]
    peak = max(early) if early else _pains(episode[0].areas)[key]
    pts = expected_doms_curve(peak)
    return ExpectedCourse(key[0], key[1], onset, tuple(d for d, _ in pts), tuple(p for _, p in pts))


def pain_trend(before: float | None, after: float | None) -> str | None:
    """'better', 'same' or 'worse' between two ratings (None when either is missing)."""
    if before is None or after is None:
        return None
    if after <= before - MIN_CHANGE:
        return "better"
    if after >= before + MIN_CHANGE:
        return "worse"
    return "same"


def change_by_region(first: CheckIn, latest: CheckIn) -> dict[AreaKey, str]:
    """Per leg (side "left"/"right"): 'better', 'same', 'worse', 'new' or 'resolved' from first to latest."""
    a, b = leg_pains(first), leg_pains(latest)
    out: dict[AreaKey, str] = {}
    for key in sorted(set(a) | set(b), key=_sort_key):
        before, after = a.get(key, 0.0), b.get(key, 0.0)
        if before <= 0 and after <= 0:
            continue
        if before <= 0:
            out[key] = "new"
        elif after <= 0:
            out[key] = "resolved"
        else:
            out[key] = pain_trend(before, after) or "same"
    return out


def worst_area(check_in: CheckIn) -> tuple[str, str, float] | None:
    """(region, side, pain) of the most painful marked area, or None when nothing is marked."""
    return _worst(area_pains(check_in))


def _worst(pains: dict[AreaKey, float]) -> tuple[str, str, float] | None:
    if not pains:
        return None
    key = min(pains, key=lambda k: (-pains[k], _sort_key(k)))
    return key[0], key[1], pains[key]


# --------------------------------------------------------------------------- not settling (P5, P5b)
# The one definition of "not settling": a single check-in (P5, from days_since_onset and trend) is a
# history of one entry; the stored history (P5b) adds the check-ins before it. build_plan uses this.


@dataclass(frozen=True)
class SettlingConcern:
    """One area that is not following the usual course; ``reason`` is 'not_settling' or 'worse_twice'."""

    region: str
    side: str
    reason: str
    days_since_onset: int
    pains: tuple[float, ...]
    urgency: str
    finding: str
    advice: str
    rule: str = "P5"  # "P5" when read from one check-in, "P5b" when the stored history shows it

    @property
    def message(self) -> str:
        return f"{self.finding} {self.advice}"


@dataclass(frozen=True)
class SettlingReport:
    """Every concern, the referral the app should raise, and one plain message (None when all is well)."""

    concerns: tuple[SettlingConcern, ...]
    urgency: str
    no_running_until_cleared: bool
    message: str | None
    stale_note: str = ""  # "(This is from your last check-in, N days ago.)" when the latest is old

    @property
    def rule(self) -> str:
        return "P5b" if any(c.rule == "P5b" for c in self.concerns) else "P5"


def _concern_for(episode: list[HistoryEntry], key: AreaKey) -> SettlingConcern | None:
    pains = [_pains(e.areas)[key] for e in episode]
    latest, onset = episode[-1], _onset(episode, key)
    days = (latest.date - onset).days
    name = region_label(*key)
    muscle = key[0] in MUSCLE_REGIONS and _area_field(latest.areas, key, "kind") in (None, *_SORE)

    def counts(e: HistoryEntry) -> bool:  # not within the normal rise of muscle soreness
        return not (muscle and (e.date - onset).days <= DOMS_RISE_DAYS)

    n = len(episode)
    rule = "P5b" if n > 1 else "P5"
    rises = [i for i in range(1, n) if pains[i] >= pains[i - 1] + MIN_CHANGE and counts(episode[i])]
    reported_worse = [_area_field(e.areas, key, "trend") == "worse" and counts(e) for e in episode[-2:]]
    if (n >= 3 and rises[-2:] == [n - 2, n - 1]) or (n >= 2 and all(reported_worse)):
        shown = ", then ".join(f"{p:g}" for p in pains[-3:])
        finding, advice = (t.format(name=name, shown=shown) for t in _WORSE_TWICE)
        return SettlingConcern(*key, "worse_twice", days, tuple(pains), "prompt", finding, advice, rule)
    if days < NOT_SETTLING_DAYS or pains[-1] < 1:
        return None
    week_ago = [i for i, e in enumerate(episode) if (latest.date - e.date).days >= NOT_SETTLING_DAYS]
    ref = week_ago[-1] if week_ago else 0
    if ref == n - 1:
        trend = _area_field(latest.areas, key, "trend")
        if trend == "better":  # an unanswered trend does not cancel a week of pain (safe reading)
            return None
        worsening = trend == "worse"
    else:
        if pains[-1] <= pains[ref] - MIN_CHANGE:
            return None
        worsening = pains[-1] >= pains[ref] + MIN_CHANGE
    urgency = "prompt" if pains[-1] >= 4 or worsening else "routine"
    texts = _NOT_SETTLING_PROMPT if urgency == "prompt" else _NOT_SETTLING_ROUTINE
    finding, advice = (t.format(name=name, days=days, pain=pains[-1]) for t in texts)
    return SettlingConcern(*key, "not_settling", days, tuple(pains), urgency, finding, advice, rule)


def settling_report(history: Sequence[HistoryEntry], today: date) -> SettlingReport:
    """Guidance P5 on the history up to ``today``: sore 7+ days without improving, or worse twice."""
    days = [e for e in _by_day(history) if e.date <= today]
    concerns: list[SettlingConcern] = []
    if days:
        for key in sorted(_pains(days[-1].areas), key=_sort_key):
            episode = _episode(days, key)
            concern = _concern_for(episode, key) if episode and episode[-1] is days[-1] else None
            if concern is not None:
                concerns.append(concern)
    concerns.sort(key=lambda c: -URGENCIES.index(c.urgency))
    urgency = concerns[0].urgency if concerns else "none"
    message, note = None, ""
    if concerns:
        message = " ".join(c.message for c in concerns)
        stale = (today - days[-1].date).days
        if stale > 3:
            note = f"(This is from your last check-in, {stale} days ago.)"
            message += " " + note
    return SettlingReport(tuple(concerns), urgency, urgency == "prompt", message, note)


def check_in_settling(check_in: CheckIn, day: date) -> SettlingReport:
    """P5 from one check-in alone: its days since onset and trend, no history."""
    return settling_report([HistoryEntry("", day, check_in)], day)


def settling_warning(history: Sequence[HistoryEntry], today: date) -> str | None:
    """The plain-language 'not settling' warning, or None when every area follows the usual course."""
    return settling_report(history, today).message


# --------------------------------------------------------------------------- re-planning and ticks


def parse_item_id(item_id: str) -> tuple[date, str, str | None, str | None] | None:
    """(day, kind, region, side) of a plan item id like '2026-03-02:foam_rolling:quadriceps:both'."""
    parts = item_id.split(":")
    try:
        day = date.fromisoformat(parts[0]) if len(parts) == 4 else None
    except ValueError:
        day = None
    region, side = (None if p == "-" else p for p in parts[2:]) if day is not None else (None, None)
    return None if day is None else (day, parts[1], region, side)


def plan_item_ids(plan: Plan) -> frozenset[str]:
    """Every item id of a plan."""
    return frozenset(i.item_id(d.date) for d in plan.days for i in d.items)


def kept_done_ids(done_ids: Iterable[str], new_plan: Plan) -> frozenset[str]:
    """The ticked ids that stay ticked after re-planning: days before the new plan's start keep theirs;
    from the start on, a tick stays when the new plan still has the item (same day/kind/region/side)."""
    start, ids = new_plan.start, plan_item_ids(new_plan)
    return frozenset(i for i in done_ids if i in ids or ((p := parse_item_id(i)) is not None and p[0] < start))


# --------------------------------------------------------------------------- did it help?


@dataclass(frozen=True)
class HelpRow:
    """In how many of the area's pain drops (rises) this kind of item was done in the days before."""

    kind: str
    before_drop: int
    before_rise: int


@dataclass(frozen=True)
class AreaHelp:
    """The drops and rises of one area's pain and what was done before them."""

    region: str
    side: str
    drops: int
    rises: int
    rows: tuple[HelpRow, ...]


def did_it_help(history: Sequence[HistoryEntry], window_days: int = 2) -> dict[AreaKey, AreaHelp]:
    """Per area: which item kinds were ticked done in the ``window_days`` before each pain drop or rise.

    Each drop or rise counts a kind at most once; items for that region and general items (runs, rest,
    sleep...) count. Simple counting of the athlete's own data, not proof of anything."""
    done: dict[date, list[tuple[str, str | None]]] = {}
    for entry in history:
        for item_id in entry.done_item_ids:
            parsed = parse_item_id(item_id)
            if parsed is not None:
                done.setdefault(parsed[0], []).append((parsed[1], parsed[2]))
    out: dict[AreaKey, AreaHelp] = {}
    for s in pain_series(history):
        counts: dict[str, list[int]] = {}
        drops = rises = 0
        for i in range(1, len(s.pains)):
            trend = pain_trend(s.pains[i - 1], s.pains[i])
            if trend not in ("better", "worse"):
                continue
            drops, rises = drops + (trend == "better"), rises + (trend == "worse")
            kinds = {
                kind
                for d in range(1, window_days + 1)
                for kind, region in done.get(s.dates[i] - timedelta(days=d), ())
                if region in (None, s.region)
            }
            for kind in kinds:
                counts.setdefault(kind, [0, 0])[0 if trend == "better" else 1] += 1
        if drops or rises:
            order = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1], kv[0]))
            out[s.key] = AreaHelp(*s.key, drops, rises, tuple(HelpRow(k, c[0], c[1]) for k, c in order))
    return out
