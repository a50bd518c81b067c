"""The app's data files (SVGs, icon) shipped inside the package: ``recovery_planner/resources/``.

Read through ``importlib.resources``, so they are found from a source checkout, an installed wheel, a
pipx install and the PyInstaller bundle (which keeps them at ``recovery_planner/resources``) alike.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

PACKAGE = "recovery_planner"
RESOURCES_DIRNAME = "resources"
_extracted = ExitStack()
atexit.register(_extracted.close)


def resource(*parts: str) -> Traversable:
    """A resource file, e.g. ``resource("leg_diagram.svg")``."""
    return resources.files(PACKAGE).joinpath(RESOURCES_DIRNAME, *parts)


def resource_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()


@cache
def resource_path(*parts: str) -> Path:
    """A real file path of a resource (for Qt, which opens files by name); extracted once if zipped."""
    found = resource(*parts)
    if isinstance(found, Path):
        return found
    return _extracted.enter_context(resources.as_file(found))


def resources_dir() -> Path:
    """The folder of the resources, where they are plain files (always, except in a zipped install)."""
    return resource_path("leg_diagram.svg").parent
