"""Coach operations over a real data folder: notes, plan changes kept within the rules, the squad overview."""

from datetime import date, datetime, timedelta, timezone

import pytest

from recovery_planner.domain.checkin import parse_check_in
from recovery_planner.domain.coach_edits import EditError
from recovery_planner.domain.planner import build_plan
from recovery_planner.services import coach
from recovery_planner.services.context import AppContext
from recovery_planner.storage.repository import Repository

TODAY = date(2026, 3, 4)


def _clock():
    return datetime(2026, 3, 4, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def ctx(tmp_path):
    repo = Repository.open(tmp_path / "data", auto_backup=False)
    yield AppContext(repo, clock=_clock)
    repo.close()


def _check_in(day, pain=2, region="achilles"):
    return {
        "date": day.isoformat(),
        "athlete": {"experience": "intermediate", "body_mass_kg": 60},
        "areas": [
            {
                "region": region,
                "side": "left",
                "pain": pain,
                "kind": "aching",
                "hours_since_run": 20,
                "days_since_onset": 10,
                "trend": "same",
            }
        ],
        "symptoms": {"morning_stiffness_min": 10, "warms_up_during_run": True},
    }


def _save(ctx, athlete_id, data):
    ci = parse_check_in(data, TODAY)
    return ctx.repo.add_check_in(athlete_id, ci, build_plan(ci, 7))


def test_a_rest_day_set_by_the_coach_is_stored_shown_and_survives_reopening(ctx, tmp_path):
    ana = ctx.repo.add_athlete("Ana Lopez", experience="intermediate", body_mass_kg=58)
    _save(ctx, ana.id, _check_in(TODAY))
    plan = coach.effective_plan(ctx, ana.id).outcome.plan
    run_day = next(d for d in plan["days"] if d["running"] != "none")
    coach.edit_plan(ctx, ana.id, "rest_day", date.fromisoformat(run_day["date"]), "Coach Kim")
    reopened = AppContext(Repository.open(tmp_path / "data", auto_backup=False), clock=_clock)
    after = coach.effective_plan(reopened, ana.id).outcome.plan
    day = next(d for d in after["days"] if d["date"] == run_day["date"])
    assert day["running"] == "none" and day["changed_by_coach"][0]["by"] == "Coach Kim"


def test_an_unsafe_change_is_refused_with_the_reason_and_nothing_is_stored(ctx):
    ana = ctx.repo.add_athlete("Ana Lopez")
    _save(ctx, ana.id, _check_in(TODAY))
    plan = coach.effective_plan(ctx, ana.id).outcome.plan
    sleep = next(i for i in plan["days"][0]["items"] if i["kind"] == "sleep")
    with pytest.raises(EditError, match="part of the safe plan"):
        coach.edit_plan(ctx, ana.id, "remove_item", TODAY, "Coach Kim", item_id=sleep["id"])
    assert ctx.repo.plan_edits(ana.id) == []


def test_a_new_check_in_keeps_the_coach_changes_that_still_apply(ctx):
    ana = ctx.repo.add_athlete("Ana Lopez")
    _save(ctx, ana.id, _check_in(TODAY))
    coach.edit_plan(ctx, ana.id, "day_note", TODAY + timedelta(days=2), "Coach Kim", note="Grass loop")
    _save(ctx, ana.id, _check_in(TODAY + timedelta(days=1), pain=1))
    plan = coach.effective_plan(ctx, ana.id, TODAY + timedelta(days=1)).outcome.plan
    note_day = next(d for d in plan["days"] if d["date"] == (TODAY + timedelta(days=2)).isoformat())
    assert note_day["coach_note"] == "Grass loop"


def test_notes_pinned_first_and_searchable_in_the_squad(ctx):
    ana = ctx.repo.add_athlete("Ana Lopez")
    ben = ctx.repo.add_athlete("Ben Okafor")
    coach.add_note(ctx, ana.id, "Moves to trail races in May", "Coach Kim")
    coach.add_note(ctx, ana.id, "Left knee surgery 2024", "Coach Kim", pinned=True)
    assert next(n["text"] for n in coach.notes(ctx, ana.id)) == "Left knee surgery 2024"
    rows = coach.squad_rows(ctx)
    assert {r.name for r in rows} == {"Ana Lopez", "Ben Okafor"}
    assert [r.name for r in rows if "trail" in r.note_text.casefold()] == ["Ana Lopez"]
    with pytest.raises(Exception, match="empty"):
        coach.add_note(ctx, ben.id, "   ", "Coach Kim")


def test_squad_completion_counts_ticks_over_scheduled_items(ctx):
    ana = ctx.repo.add_athlete("Ana Lopez")
    rec = _save(ctx, ana.id, _check_in(TODAY - timedelta(days=1)))
    plan = ctx.repo.get_plan(ana.id, rec.id)
    first_two_days = [i["id"] for d in plan["days"][:2] for i in d["items"]]
    ctx.repo.set_item_done(ana.id, first_two_days[0], True)
    (row,) = coach.squad_rows(ctx)
    assert row.completion.scheduled == len(first_two_days)
    assert row.completion.done == 1


def test_overdue_default_is_the_domain_one_and_the_setting_is_bounded(ctx):
    from recovery_planner.domain.roster import DEFAULT_OVERDUE_DAYS

    assert coach.DEFAULT_OVERDUE_DAYS == DEFAULT_OVERDUE_DAYS == coach.overdue_days(ctx)
    ctx.repo.set_setting(coach.OVERDUE_SETTING, 5)
    assert coach.overdue_days(ctx) == 5
    ctx.repo.set_setting(coach.OVERDUE_SETTING, 500)
    assert coach.overdue_days(ctx) == DEFAULT_OVERDUE_DAYS


def test_the_plan_shown_after_saving_and_today_carries_the_coach_changes(ctx):
    from recovery_planner.services import checkins, queries

    ana = ctx.repo.add_athlete("Ana Lopez")
    checkins.save_check_in(ctx, ana.id, _check_in(TODAY), 7)
    coach.edit_plan(ctx, ana.id, "day_note", TODAY, "Coach Kim", note="Easy on the hills")
    assert queries.current_plan(ctx, ana.id).plan["days"][0]["coach_note"] == "Easy on the hills"
    saved = checkins.save_check_in(ctx, ana.id, _check_in(TODAY, pain=1), 7).value
    assert saved.plan["days"][0]["coach_note"] == "Easy on the hills"  # the re-plan keeps the note
    assert ctx.repo.get_plan(ana.id, saved.record.id).get("coach_changes") is None  # stored plan stays pure
