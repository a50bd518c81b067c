"""The check-in exchange file: one check-in carried between a runner's and a coach's computer.

A JSON object, UTF-8::

    {"format": "recovery-planner-checkin", "version": 1, "app_version": "0.1.0",
     "exported_at": "2026-03-02T08:15:00+00:00", "athlete_name": "Ana Lopez",
     "check_in": { ...check-in format v1... }, "checksum": "sha256:<64 hex digits>"}

The checksum is the SHA-256 of every other member written as compact JSON (keys sorted, separators
"," and ":", non-ASCII characters as UTF-8). Reading is bounded to 1 MB; a malformed file, another
format, an unknown version or a wrong checksum is refused with a message saying which; the check-in
inside is validated exactly as a check-in given to the command line.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..domain.checkin import CheckIn, parse_check_in

FORMAT_NAME = "recovery-planner-checkin"
FORMAT_VERSION = 1
MAX_BYTES = 1024 * 1024
FILE_SUFFIX = ".rpcheckin"
MAX_NAME_CHARS = 200


class ExchangeError(ValueError):
    """The file is not a check-in exchange file this version can read; the message says why."""

    exit_code = 2  # bad input: the command line exits with 2 and nothing is written


@dataclass(frozen=True)
class ExchangeFile:
    """What an exchange file holds, once read and checked."""

    check_in: CheckIn
    athlete_name: str | None
    app_version: str
    exported_at: str | None


def checksum(payload: Mapping[str, Any]) -> str:
    """``sha256:<hex>`` of the members other than ``checksum``, as compact sorted JSON."""
    body = {k: v for k, v in payload.items() if k != "checksum"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_exchange(
    check_in: Mapping[str, Any], *, athlete_name: str | None, app_version: str, exported_at: datetime
) -> bytes:
    """The exchange file for a check-in (check-in format v1 dict), as UTF-8 bytes."""
    payload: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": app_version,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "athlete_name": athlete_name,
        "check_in": dict(check_in),
    }
    payload["checksum"] = checksum(payload)
    return (json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


def _no_constants(name: str) -> Any:
    raise ExchangeError(f"the file is not valid JSON ({name} is not a number JSON allows)")


def _decode(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_BYTES:
        raise ExchangeError(f"the file is larger than {MAX_BYTES // 1024 // 1024} MB; a check-in file is far smaller")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeError("the file is not UTF-8 text; it is not a check-in file") from None
    if not text.strip():
        raise ExchangeError("the file is empty")
    try:
        payload = json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ExchangeError("the file's JSON is nested too deeply") from None
    if not isinstance(payload, dict):
        raise ExchangeError("the file does not hold a check-in exchange object")
    return payload


def _check_header(payload: Mapping[str, Any]) -> None:
    if payload.get("format") != FORMAT_NAME:
        raise ExchangeError(f'this is not a Recovery Planner check-in file (its "format" is not "{FORMAT_NAME}")')
    version = payload.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ExchangeError('the file has no valid "version" number')
    if version > FORMAT_VERSION:
        raise ExchangeError(
            f"the file was made by a newer Recovery Planner (exchange version {version}; this version reads "
            f"version {FORMAT_VERSION}). Please update Recovery Planner to import it."
        )
    if version != FORMAT_VERSION:
        raise ExchangeError(f"unknown exchange version {version}; this version reads version {FORMAT_VERSION}")


def _check_checksum(payload: Mapping[str, Any]) -> None:
    given = payload.get("checksum")
    if not isinstance(given, str):
        raise ExchangeError("the file has no checksum, so it cannot be trusted to be complete")
    try:
        expected = checksum(payload)
    except ValueError:
        raise ExchangeError("the file holds a number JSON does not allow") from None
    if given.lower() != expected:
        raise ExchangeError("the checksum does not match: the file was changed or damaged after it was exported")


def _text(payload: Mapping[str, Any], key: str) -> str | None:
    value = payload.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_NAME_CHARS:
        raise ExchangeError(f'"{key}" must be text of at most {MAX_NAME_CHARS} characters')
    return value


def read_exchange(data: bytes, today: date) -> ExchangeFile:
    """Check and read an exchange file's bytes.

    Raises ExchangeError for a file that is not a readable exchange file, and CheckInError (fields named
    ``check_in.…``) when the check-in inside is invalid.
    """
    payload = _decode(data)
    _check_header(payload)
    _check_checksum(payload)
    if "check_in" not in payload:
        raise ExchangeError('the file holds no "check_in"')
    check_in = parse_check_in(payload["check_in"], today, path="check_in")
    return ExchangeFile(
        check_in=check_in,
        athlete_name=_text(payload, "athlete_name"),
        app_version=_text(payload, "app_version") or "",
        exported_at=_text(payload, "exported_at"),
    )


def read_bounded(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, reading at most ``limit`` + 1 bytes (so pipes and devices cannot run away).

    Raises ExchangeError for a file over ``limit`` and OSError when it cannot be read.
    """
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ExchangeError(f"the file is larger than {limit // 1024 // 1024} MB; a check-in file is far smaller")
    return data


def read_exchange_file(path: str | os.PathLike[str], today: date) -> ExchangeFile:
    """Read and check an exchange file from disk (see ``read_exchange``)."""
    return read_exchange(read_bounded(path), today)
