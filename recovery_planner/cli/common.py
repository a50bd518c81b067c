"""What every command shares: the ``--data-dir`` option, opening the context, messages and exit codes.

Conventions (the README's table): standard output carries only what was asked for (an id, JSON, CSV, a
plan); every message goes to standard error. Exit codes: 0 done; 2 bad input or usage (nothing saved);
3 a data file is damaged (run ``restore``); 4 data written by a newer version; 5 the data folder cannot be
written now (read-only, permissions, disk full, lock held too long). Storage errors carry their own
``exit_code``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..services.context import AppContext

EXIT_OK = 0
EXIT_INTERNAL = 1  # a bug (details in the log), not a problem with the data or the input
EXIT_BAD_INPUT = 2
EXIT_DAMAGED = 3
EXIT_NEWER_VERSION = 4
EXIT_CANNOT_WRITE = 5

EXIT_CODES_HELP = (
    "exit codes: 0 done; 2 bad input or usage (nothing saved); 3 a data file is damaged (run "
    "`recovery-planner restore`); 4 the data was written by a newer version; 5 the data folder cannot be "
    "written now (read-only, permissions, disk full, busy too long); 1 an internal error (details in the log)"
)
DATA_DIR_HELP = "folder holding the app's data (default: $RECOVERY_PLANNER_HOME, else your user data folder)"

ContextHandler = Callable[[argparse.Namespace, "AppContext"], int]


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` after the command (the one before the command is kept unless this one is given)."""
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, help=DATA_DIR_HELP)


def add_command(subparsers: Any, name: str, handler: ContextHandler, **kw: Any) -> argparse.ArgumentParser:
    """A subcommand whose ``handler(args, ctx)`` runs on the opened data folder, errors mapped to exit codes."""
    kw.setdefault("epilog", EXIT_CODES_HELP)
    p: argparse.ArgumentParser = subparsers.add_parser(name, **kw)
    add_data_dir(p)
    p.set_defaults(handler=lambda args: with_context(handler, args))
    return p


def say(text: str) -> None:
    """A message for the person at the terminal (standard error, never mixed into the output)."""
    print(text, file=sys.stderr)


def exit_code_for(exc: BaseException) -> int | None:
    """The exit code of a known problem (a storage error's own ``exit_code``, bad input 2), else None."""
    from ..services.errors import exit_code
    from .io import InputError

    return EXIT_BAD_INPUT if isinstance(exc, InputError) else exit_code(exc)


def report(exc: BaseException) -> int:
    """Say what went wrong in plain words and return its exit code."""
    from ..domain.checkin import CheckInError

    say(f"Invalid check-in: {exc}" if isinstance(exc, CheckInError) else str(exc))
    return exit_code_for(exc) or EXIT_CANNOT_WRITE


def with_context(handler: ContextHandler, args: argparse.Namespace) -> int:
    """Open the data folder, run ``handler``, close; known problems become a message and an exit code."""
    from ..services.logs import setup_logging
    from ..services.session import close_context, open_context

    setup_logging(getattr(args, "data_dir", None), role="command")
    try:
        ctx = open_context(getattr(args, "data_dir", None))
    except Exception as exc:
        if exit_code_for(exc) is None:
            raise
        return report(exc)
    try:
        for warning in ctx.repo.warnings:
            say(f"Note: {warning}")
        return handler(args, ctx)
    except Exception as exc:
        if exit_code_for(exc) is None:
            raise
        return report(exc)
    finally:
        close_context(ctx)
