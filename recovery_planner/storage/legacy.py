"""Files older versions left in the data folder, read once and then removed."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

WINDOW_INI = "window.ini"  # Qt INI file of window geometry and theme, written by versions before settings held them
THEMES = ("system", "light", "dark")


def take_window_theme(root: Path) -> str | None:
    """The theme kept in an old ``window.ini`` (None if there is none); the file is removed afterwards."""
    path = Path(root) / WINDOW_INI
    if not path.is_file():
        return None
    import configparser  # only for the rare folder that still has the file

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
        theme = parser.get("window", "theme", fallback=None)
    except (configparser.Error, OSError, UnicodeDecodeError):
        theme = None
    with contextlib.suppress(OSError):
        os.unlink(path)
    return theme if theme in THEMES else None
