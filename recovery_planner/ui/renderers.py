"""The Qt renderers the application layer is handed (``AppContext.renderers``), loaded on first use.

Importing this module loads no Qt; calling a renderer does (and makes an offscreen QGuiApplication
when the command line has none).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _render_handout_pdf(*args: Any, **kwargs: Any) -> int:
    from .handout import render_handout_pdf

    return render_handout_pdf(*args, **kwargs)


def _render_handouts_pdf(*args: Any, **kwargs: Any) -> int | None:
    from .handout import render_handouts_pdf

    return render_handouts_pdf(*args, **kwargs)


def pdf_renderers() -> dict[str, Callable[..., Any]]:
    """``{"pdf": one handout to a file, "pdf_combined": several handouts into one file}``."""
    return {"pdf": _render_handout_pdf, "pdf_combined": _render_handouts_pdf}
