"""Which failures are known problems with a plain message of their own (bad input, storage trouble)."""

from __future__ import annotations


def is_known_problem(exc: BaseException) -> bool:
    """True for bad input and storage problems, whose ``str()`` is written for the user."""
    from ..domain.checkin import CheckInError
    from ..storage.errors import StorageError

    return isinstance(exc, (StorageError, CheckInError, OSError))


def exit_code(exc: BaseException) -> int | None:
    """A known problem's exit code (see the README's table), or None for anything else (a bug)."""
    from ..domain.checkin import CheckInError

    if isinstance(exc, CheckInError):
        return 2
    code = getattr(exc, "exit_code", None)
    return code if isinstance(code, int) else None
