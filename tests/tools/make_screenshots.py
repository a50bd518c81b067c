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
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from recovery_planner.services import athletes, checkins, settings
from recovery_planner.services.context import AppContext
from recovery_planner.services.session import open_context, start_state
from recovery_planner.ui.main_window import MainWindow

TODAY = date(2026, 3, 2)


def context(folder: Path | str, day: date = TODAY) -> AppContext:
    from datetime import datetime, time

    return open_context(folder, clock=lambda: datetime.combine(day, time(12)).astimezone())


def window_for(ctx: AppContext) -> MainWindow:
    return MainWindow(ctx, start_state(ctx).value)


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#1e1f22"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#2b2d30"),
        (QPalette.ColorRole.AlternateBase, "#323438"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#2b2d30"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d6fb6"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
        (QPalette.ColorRole.ToolTipBase, "#2b2d30"),
        (QPalette.ColorRole.ToolTipText, "#e6e6e6"),
    ):
        p.setColor(role, QColor(colour))
    return p


def save(widget, path: Path, scale: float = 1.0) -> None:
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
    form.sleep.setValue(6.5)
    form.acute.setValue(48)
    form.chronic.setValue(40)
    form.last_min.setValue(95)


def squad_window(folder: Path) -> MainWindow:
    """A coach's data folder with a few athletes in different states."""
    from datetime import timedelta

    ctx = context(folder)
    settings.set_setting(ctx, "coach_mode", True)
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
            checkins.save_check_in(context(folder, day), athlete, data, 7)
    window = window_for(ctx)
    window.resize(1200, 700)
    window.show()
    window.tabs.setCurrentWidget(window.roster_view)
    return window


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    for theme in ("light", "dark"):
        app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
        with tempfile.TemporaryDirectory() as tmp:
            ctx = context(tmp)
            window = window_for(ctx)
            window.resize(1200, 800)
            window.show()
            fill_check_in(window)
            window.form.area_list.setCurrentRow(2)
            save(window, out / f"checkin-{theme}.png")
            if theme == "light":
                save(window, out / "checkin-light@2x.png", 2.0)
            window.form._try_continue()
            window._ask_questions()
            for q in window.questions._questions:
                window.questions.answer(q.key, 0)
            save(window, out / f"questions-{theme}.png")
            window.questions._submit()
            window.tasks.wait()
            QApplication.processEvents()
            window.plan_view.tree.setCurrentItem(window.plan_view.tree.topLevelItem(0).child(1))
            save(window, out / f"plan-{theme}.png")
            window.tabs.setCurrentWidget(window.history_view)
            window.tasks.wait()
            QApplication.processEvents()
            window.tasks.wait()
            QApplication.processEvents()
            save(window, out / f"history-{theme}.png")
            window.close()
            ctx.repo.close()
        with tempfile.TemporaryDirectory() as tmp:
            save(squad_window(Path(tmp)), out / f"squad-{theme}.png")
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots"))
