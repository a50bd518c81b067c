"""app.main is the one entry point: the desktop app without a command, else the command line with the
Qt renderers handed in (loaded only when a command draws something)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_planner.cli.app_options import AppOptions, opens_app, parse_app_options
from recovery_planner.cli.common import with_context


def test_only_a_command_or_help_skips_the_app() -> None:
    assert opens_app([]) and opens_app(["--data-dir", "x"]) and opens_app(["--quit-after-first-paint"])
    assert not opens_app(["history", "--athlete", "A"]) and not opens_app(["--help"])


def test_renderers_load_qt_only_when_called() -> None:
    code = (
        "import sys\n"
        "from recovery_planner.app import ensure_gui_application, renderers\n"
        "found = renderers()\n"
        "assert {'pdf', 'squad_pdf'} <= set(found) and 'PySide6' not in sys.modules\n"
        "ensure_gui_application()\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "assert QGuiApplication.instance() is not None\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "QT_QPA_PLATFORM"}
    env.pop("DISPLAY", None)
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert p.returncode == 0, p.stderr  # no screen needed: an offscreen application is made


def test_commands_get_the_renderers_in_their_context(tmp_path: Path) -> None:
    seen = []

    def draw(*args: object) -> str:
        return "drawn"

    def handler(args: argparse.Namespace, ctx) -> int:
        seen.append(ctx.renderers["pdf"]())
        return 0

    args = argparse.Namespace(data_dir=str(tmp_path / "data"), renderers={"pdf": draw})
    assert with_context(handler, args) == 0 and seen == ["drawn"]


def test_a_command_without_the_entry_point_still_runs_and_no_command_is_usage(tmp_path: Path) -> None:
    from recovery_planner.cli.main import main

    assert main(["athletes", "list", "--data-dir", str(tmp_path / "d")]) == 0
    assert main(["--data-dir", str(tmp_path / "d")]) == 2


def test_app_options_are_read_like_the_full_parser_reads_them():
    """getopt reads the app's options (fast); anything it refuses goes to argparse, which exits 2."""
    assert parse_app_options([]) == AppOptions(None, False)
    assert parse_app_options(["--data-dir", "/d", "--quit-after-first-paint"]) == AppOptions("/d", True)
    assert parse_app_options(["--data-dir=/d"]) == AppOptions("/d", False)
    assert parse_app_options(["--data", "/d"]) == AppOptions("/d", False)  # a unique prefix, as argparse allows
    for bad in (["--data-dir"], ["--data-dir", "--quit-after-first-paint"], ["stray"], ["--bogus"]):
        with pytest.raises(SystemExit) as exc:
            parse_app_options(bad)
        assert exc.value.code == 2, bad


def test_the_garbage_collector_is_off_only_while_the_app_starts(tmp_path: Path) -> None:
    """Start-up turns the cyclic collector off (it only costs time then); a command, and the app once
    ready, run with it on."""
    code = (
        "import gc, sys\n"
        "from recovery_planner import app\n"
        "import recovery_planner.cli.main as cli\n"
        "seen = []\n"
        "real = cli.main\n"
        "def spy(argv, renderers=None):\n"
        "    seen.append(gc.isenabled())\n"
        "    return real(argv, renderers=renderers)\n"
        "cli.main = spy\n"
        "assert app.main(['athletes', 'list', '--data-dir', sys.argv[1]]) == 0\n"
        "assert seen == [True] and gc.isenabled()\n"
        "assert app.main(['--data-dir', sys.argv[1], '--quit-after-first-paint']) == 0\n"
        "assert gc.isenabled()\n"
    )
    env = dict(__import__("os").environ, QT_QPA_PLATFORM="offscreen")
    p = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data")], capture_output=True, text=True, timeout=120, env=env
    )
    assert p.returncode == 0, p.stderr
