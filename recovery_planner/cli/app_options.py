"""What the command line says when it opens the desktop app: no command, perhaps ``--data-dir``.

Read with the standard library's ``getopt``, so starting the app does not build the full argparse parser;
anything getopt does not accept goes to that parser, which explains the mistake (exit 2).
"""

from __future__ import annotations

import getopt
from typing import NamedTuple

COMMANDS = ("plan", "athletes", "checkin", "history", "backup", "restore", "coach", "activities", "export", "clearance")
_APP_OPTIONS = ["data-dir=", "quit-after-first-paint"]


class AppOptions(NamedTuple):  # not a dataclass: making one costs about a millisecond at every start
    """``--data-dir`` and the hidden ``--quit-after-first-paint`` (smoke tests and the start-up benchmark)."""

    data_dir: str | None = None
    quit_after_first_paint: bool = False


def opens_app(argv: list[str]) -> bool:
    """No command and no help: the desktop app starts (app.main), without loading the command modules."""
    return not any(a in COMMANDS or a in ("-h", "--help", "--version") for a in argv)


def parse_app_options(argv: list[str]) -> AppOptions:
    """The app's options; bad usage is explained by the full parser, which exits with 2."""
    try:
        pairs, rest = getopt.getopt(argv, "", _APP_OPTIONS)  # long options, unique prefixes, --opt=value
    except getopt.GetoptError:
        pairs, rest = [], ["?"]
    if rest or any(value.startswith("-") for _, value in pairs):  # ("--data-dir --x": argparse refuses it)
        from .main import _global_parser

        _global_parser().parse_args(argv)  # prints what is wrong and exits 2
        raise SystemExit(2)  # (it always exits for arguments getopt refused)
    values = dict(pairs)
    return AppOptions(values.get("--data-dir"), "--quit-after-first-paint" in values)
