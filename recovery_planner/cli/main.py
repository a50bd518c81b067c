"""The `recovery-planner` command: subcommands for scripts, or the desktop app with no subcommand.

``--data-dir`` may come before or after the command. Standard output carries only what was asked for;
messages go to standard error. Exit codes: see ``common.EXIT_CODES_HELP`` (and the README).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from .. import __version__
from .common import DATA_DIR_HELP, EXIT_BAD_INPUT, EXIT_CODES_HELP, EXIT_INTERNAL, EXIT_OK, say


def _global_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recovery-planner",
        description="Recovery Planner: turn a runner's check-in into a safe day-by-day recovery plan. "
        "With no command, opens the desktop app.",
        epilog=EXIT_CODES_HELP + ". --data-dir may be given before or after the command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", help=DATA_DIR_HELP)
    # Smoke tests and the start-up benchmark: quit with 0 once the window is painted and ready.
    parser.add_argument("--quit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand (imports the command modules)."""
    from . import activities_commands, clearance_commands, coach_commands, data_commands, export_commands, plan_command

    parser = _global_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    plan_command.register(subparsers)
    data_commands.register(subparsers)
    coach_commands.register(subparsers)
    activities_commands.register(subparsers)
    export_commands.register(subparsers)
    clearance_commands.register(subparsers)
    return parser


def main(argv: list[str] | None = None, renderers: dict[str, Callable[..., Any]] | None = None) -> int:
    """Run one command; ``renderers`` are what Qt draws for the services (handed in by app.py)."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "command", None) is None:
        parser.print_usage(sys.stderr)
        say("Give a command (see --help); `recovery-planner` without one opens the desktop app.")
        return EXIT_BAD_INPUT
    args.renderers = renderers or {}
    try:
        code: int = args.handler(args)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: where it happened goes to the log, a plain sentence to the terminal
        from ..services.logs import log_dir, log_failure, setup_logging

        setup_logging(getattr(args, "data_dir", None), role="command")
        log_failure(exc, f"command {args.command}")
        say(f"Recovery Planner hit an internal problem; nothing more was saved. Details: {log_dir(args.data_dir)}")
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())  # commands only; the entry points go through recovery_planner.app.main
