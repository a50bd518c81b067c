"""What every operation needs: the repository and the clock, wired once by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..storage.repository import Repository


def local_now() -> datetime:
    """The computer's local time, with its time zone (the default clock)."""
    return datetime.now().astimezone()


@dataclass
class AppContext:
    """The repository, an injected clock (tests pass a fixed one) and renderers handed in by ``app.py``.

    ``renderers`` maps a name (for example ``"pdf"``) to a callable drawn by the Qt layer, so that
    services and the command line never import Qt.
    """

    repo: Repository
    clock: Callable[[], datetime] = local_now
    renderers: dict[str, Callable[..., Any]] = field(default_factory=dict)
    caches: dict[str, Any] = field(default_factory=dict)
    """Per-context caches of derived views (each checks its own freshness)."""

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today's date, read afresh on every call (an app left open past midnight moves on)."""
        return self.clock().date()
