"""Keep raw operating-system errors inside storage: every public Repository method raises StorageErrors only."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import from_os_error

C = TypeVar("C", bound=type)


def _guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except OSError as exc:
            raise from_os_error(exc) from exc

    return call


def os_errors_as_storage_errors(cls: C) -> C:
    """Class decorator: wrap each public method (methods added later in the class body included)."""
    for name, member in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(member, classmethod):
            setattr(cls, name, classmethod(_guarded(member.__func__)))
        elif isinstance(member, staticmethod):
            setattr(cls, name, staticmethod(_guarded(member.__func__)))
        elif inspect.isfunction(member):
            setattr(cls, name, _guarded(member))
    return cls
