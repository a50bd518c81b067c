"""Locate the bundled ``resources/`` folder, from a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES_DIRNAME = "resources"


def resources_dir() -> Path:
    """The folder holding the app's data files (SVGs, icons, ...).

    Frozen (PyInstaller): ``sys._MEIPASS/resources``, falling back to ``resources/`` next to
    the executable. From source: ``resources/`` at the repository root, next to the package.
    """
    if getattr(sys, "frozen", False):
        candidates = []
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle:
            candidates.append(Path(bundle) / RESOURCES_DIRNAME)
        candidates.append(Path(sys.executable).resolve().parent / RESOURCES_DIRNAME)
        for candidate in candidates:
            if candidate.is_dir():
                return candidate
        return candidates[0]
    return Path(__file__).resolve().parents[2] / RESOURCES_DIRNAME


def resource_path(*parts: str) -> Path:
    """Path of a file inside the resources folder, e.g. ``resource_path("leg_diagram.svg")``."""
    return resources_dir().joinpath(*parts)
