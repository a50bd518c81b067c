"""Reading JSON input from a file or standard input, with clear messages instead of tracebacks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..formats.bounded import read_problem

MAX_INPUT_BYTES = 64 * 1024 * 1024


class InputError(ValueError):
    """The input could not be read or is not JSON."""


def read_json_input(source: str) -> Any:
    """Decode JSON from a path, or from standard input when ``source`` is '-'."""
    name = "standard input" if source == "-" else source
    try:
        if source == "-":
            text = sys.stdin.read(MAX_INPUT_BYTES + 1)
        else:
            with open(Path(source), "rb") as fh:  # read up to the limit: a device or pipe has no size
                blob = fh.read(MAX_INPUT_BYTES + 1)
            if len(blob) > MAX_INPUT_BYTES:
                raise InputError(f"{name}: the file is larger than {MAX_INPUT_BYTES // 2**20} MB")
            text = blob.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: is not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{name}: {read_problem(exc)}") from None
    if len(text) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: the input is larger than {MAX_INPUT_BYTES // 2**20} MB")
    if not text.strip():
        raise InputError(f"{name}: is empty; expected a check-in in JSON")
    from ..domain.checkin import decode_json  # NaN, over-long numbers and deep nesting get a plain message

    try:
        return decode_json(text)
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None
