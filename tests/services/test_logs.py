"""The log: a private file under the data-folder override, exceptions logged without their message."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

SECRET = "Ana Lopez sore left knee 7/10"


def run(code: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "RECOVERY_PLANNER_HOME": str(data_dir), "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=environ)


def test_uncaught_exception_is_logged_with_its_stack_but_not_its_message(tmp_path: Path) -> None:
    code = (
        "from recovery_planner.services.logs import setup_logging\n"
        "setup_logging()\n"
        "def save_the_check_in():\n"
        f"    raise ValueError({SECRET!r})\n"
        "save_the_check_in()\n"
    )
    p = run(code, tmp_path / "data")
    assert p.returncode == 1 and SECRET in p.stderr  # the terminal still shows the usual traceback
    log = tmp_path / "data" / "logs" / "recovery-planner.log"
    text = log.read_text(encoding="utf-8")
    assert "uncaught ValueError" in text and "save_the_check_in" in text
    assert SECRET not in text and "Ana" not in text
    if sys.platform != "win32":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
        assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_the_app_logs_its_start_into_the_overridden_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "elsewhere"
    p = subprocess.run(
        [sys.executable, "-m", "recovery_planner", "--data-dir", str(data), "--quit-after-first-paint"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "RECOVERY_PLANNER_HOME": str(tmp_path / "not-this")},
    )
    assert p.returncode == 0, p.stderr
    assert "app " in (data / "logs" / "recovery-planner.log").read_text(encoding="utf-8")
    assert (data / "logs" / "crashes.log").exists()  # faulthandler's file
    assert not (tmp_path / "not-this").exists()


def test_a_failed_task_logs_the_stack_and_shows_a_plain_message(qtbot, tmp_path: Path) -> None:
    import logging

    from recovery_planner.ui.tasks import TaskRunner

    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("recovery_planner").addHandler(handler)
    try:
        runner = TaskRunner()
        errors: list[Exception] = []

        def plan_the_week() -> None:
            raise RuntimeError(SECRET)

        runner.run(plan_the_week, lambda _: None, errors.append)
        qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    finally:
        logging.getLogger("recovery_planner").removeHandler(handler)
    text = "\n".join(r.getMessage() for r in records)
    assert "RuntimeError" in text and "plan_the_week" in text and SECRET not in text
    from recovery_planner.ui.main_window import plain_message

    assert SECRET not in plain_message(errors[0]) and "log" in plain_message(errors[0])
