"""Render the app's screens to PNG (light and dark, 1x and 2x) by driving the real widgets offscreen.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/tools/make_screenshots.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from recovery_planner.services import athletes, checkins, settings
from recovery_planner.services.context import AppContext
from recovery_planner.services.session import open_context, start_state
from recovery_planner.ui.main_window import MainWindow
from recovery_planner.ui.theme import apply_theme

TODAY = date(2026, 3, 2)


def context(folder: Path | str, day: date = TODAY) -> AppContext:
    from datetime import datetime, time

    ctx = open_context(folder, clock=lambda: datetime.combine(day, time(12)).astimezone())
    ctx.repo.set_setting("welcomed", True)
    return ctx


def window_for(ctx: AppContext) -> MainWindow:
    return MainWindow(ctx, start_state(ctx).value)


def save(widget, path: Path, scale: float = 1.0) -> None:
    for _ in range(4):  # layouts of freshly built pages settle over a few event-loop turns
        QApplication.processEvents()
    if scale == 1.0:
        widget.grab().save(str(path))
        return
    image = QImage(widget.size() * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    widget.render(image)
    image.save(str(path))


def fill_check_in(window: MainWindow) -> None:
    form = window.form
    for region, side, pain in (("quadriceps", "left", 3), ("quadriceps", "right", 3), ("calf", "right", 5)):
        form._on_pain_entered(region, side, pain)
        form.editor.kind.setCurrentIndex(form.editor.kind.findData("soreness"))
    form.sleep.setValue(6.5)
    form.acute.setValue(48)
    form.chronic.setValue(40)
    form.last_min.setValue(95)


def squad_window(folder: Path, theme: str) -> MainWindow:
    """A coach's data folder with a few athletes in different states."""
    from datetime import timedelta

    ctx = context(folder)
    settings.set_setting(ctx, "coach_mode", True)
    settings.set_setting(ctx, "theme", theme)
    squad = {
        "Ana Ruiz": [("quadriceps", "both", 3, "soreness"), ("quadriceps", "both", 2, "soreness")],
        "Ben Okafor": [("shin", "left", 3, "aching"), ("shin", "left", 5, "aching")],
        "Chloe Martin": [],
        "Dev Patel": [("achilles", "right", 2, "aching"), ("achilles", "right", 3, "aching")],
        "Emma Larsen": [("calf", "right", 6, "sharp")],
    }
    for name, days in squad.items():
        athlete = athletes.add_athlete(ctx, name, experience="intermediate", body_mass_kg=65).value.id
        for i, (region, side, pain, kind) in enumerate(days):
            day = TODAY - timedelta(days=len(days) - 1 - i)
            data = {"date": day.isoformat(), "areas": [{"region": region, "side": side, "pain": pain, "kind": kind}]}
            saved = checkins.save_check_in(context(folder, day), athlete, data, 7).value
            for item in saved.plan["days"][0]["items"][: 2 + len(name) % 4]:  # some of each day's plan done
                checkins.set_done(ctx, athlete, item["id"], True)
        if name == "Dev Patel":
            from recovery_planner.services import coach

            coach.add_note(
                ctx, athlete, "Heel pain after hill repeats in 2025; prefers grass loops.", "Kim", pinned=True
            )
            athletes.switch_athlete(ctx, athlete)
    window = window_for(ctx)
    window.resize(1280, 720)
    window.show()
    window.tabs.setCurrentWidget(window.roster_view)
    for _ in range(6):  # the squad's completion and the notes load in the background
        window.tasks.wait()
        QApplication.processEvents()
    return window


def select_exercise(window: MainWindow) -> None:
    """Select the first stretch or exercise of the plan, so its card shows."""
    tree = window.plan_view.tree
    for i in range(tree.topLevelItemCount()):
        day = tree.topLevelItem(i)
        for j in range(day.childCount()):
            if "stretch" in day.child(j).text(0).lower():
                tree.setCurrentItem(day.child(j))
                return


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    for theme in ("light", "dark"):
        apply_theme(theme, app)
        sizes = [("", (1280, 720), 1.0)] + ([("@2x", (800, 460), 2.0)] if theme == "light" else [])
        for suffix, size, scale in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                ctx = context(tmp)
                settings.set_setting(ctx, "theme", theme)  # the window applies the stored appearance
                window = window_for(ctx)
                window.resize(*size)
                window.show()
                fill_check_in(window)
                window.form.area_list.setCurrentRow(2)
                save(window, out / f"checkin-{theme}{suffix}.png", scale)
                window.form._try_continue()
                window._ask_questions()
                for q in window.questions._questions:
                    window.questions.answer(q.key, 0)
                save(window, out / f"questions-{theme}{suffix}.png", scale)
                window.questions._submit()
                window.tasks.wait()
                QApplication.processEvents()
                select_exercise(window)
                save(window, out / f"plan-{theme}{suffix}.png", scale)
                window.tabs.setCurrentWidget(window.history_view)
                for _ in range(3):
                    window.tasks.wait()
                    QApplication.processEvents()
                save(window, out / f"history-{theme}{suffix}.png", scale)
                window.close()
                ctx.repo.close()
        with tempfile.TemporaryDirectory() as tmp:
            save(squad_window(Path(tmp), theme), out / f"squad-{theme}.png")
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots"))
