"""Finding an exercise's illustration for the printed cards, tolerant of what is installed.

The illustrations are SVG files under ``recovery_planner/resources/exercises/``. A file is found by the
exercise's name (``standing-quad-stretch.svg``) or by kind and region (``stretching-quadriceps.svg``,
``stretching.svg``). No file: the card is text only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .resources import resource, resource_path


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@functools.lru_cache(maxsize=1)
def _svg_files() -> dict[str, Path]:
    """Every exercise SVG installed, by its name without the suffix (lower case, - and _ alike)."""
    folder = resource("exercises")
    if not folder.is_dir():
        return {}
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.lower().endswith(".svg"))
    return {_slug(name[: -len(".svg")]): resource_path("exercises", name) for name in names}


def art_candidates(item: Mapping[str, Any]) -> list[str]:
    """The file names (slugs) that would illustrate this plan item, best first."""
    kind, region, title = item.get("kind") or "", item.get("region") or "", item.get("title") or ""
    names = [_slug(str(title))]
    if region:
        names += [_slug(f"{kind}-{region}"), _slug(f"{region}-{kind}")]
    names.append(_slug(str(kind)))
    return [n for n in names if n]


def exercise_art(item: Mapping[str, Any]) -> Path | None:
    """The SVG illustrating a plan item, or None when none is installed."""
    files = _svg_files()
    return next((files[n] for n in art_candidates(item) if n in files), None)
