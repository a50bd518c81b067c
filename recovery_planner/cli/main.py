"""The `recovery-planner` command: subcommands for scripts, or the desktop app with no subcommand."""

from __future__ import annotations

import argparse
import sys

from .. import __version__

COMMANDS = ("plan", "athletes", "checkin", "history", "backup", "restore", "export")


def _global_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recovery-planner",
        description="Recovery Planner: turn a runner's check-in into a safe day-by-day recovery plan. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", help="folder holding the app's data (default: your user data folder)")
    parser.add_argument(
        "--quit-after-first-paint",
        action="store_true",
        help="open the app, exit once the main window has painted (smoke tests)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand (imports the command modules)."""
    from . import plan_command

    parser = _global_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    plan_command.register(subparsers)
    try:
        from . import data_commands
    except ImportError:  # storage commands not installed in this build
        data_commands = None
    if data_commands is not None:
        data_commands.register(subparsers)
    from . import export_commands

    export_commands.register(subparsers)
    return parser


def _opens_app(argv: list[str]) -> bool:
    """No subcommand and no help: the desktop app starts without loading the command modules."""
    return not any(a in COMMANDS or a in ("-h", "--help", "--version") for a in argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = (_global_parser() if _opens_app(argv) else build_parser()).parse_args(argv)
    if getattr(args, "command", None) is None:
        from ..app import run_app

        return run_app(data_dir=args.data_dir, quit_after_first_paint=args.quit_after_first_paint)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
