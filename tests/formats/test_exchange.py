"""The check-in exchange file: written, read back, and hostile files refused with a clear message."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from recovery_planner.domain.checkin import CheckInError, parse_check_in
from recovery_planner.formats.exchange import (
    FORMAT_NAME,
    MAX_BYTES,
    ExchangeError,
    checksum,
    read_bounded,
    read_exchange,
    write_exchange,
)

from .plans import vignette_check_in

TODAY = date(2026, 3, 2)
WHEN = datetime(2026, 3, 2, 8, 15, tzinfo=timezone.utc)


def exchange_bytes(**changes: Any) -> bytes:
    """A well-formed exchange file with some members changed and the checksum made to match again."""
    data = write_exchange(vignette_check_in("V03"), athlete_name="Ana", app_version="9", exported_at=WHEN)
    payload = json.loads(data)
    payload.update(changes)
    payload["checksum"] = checksum(payload)
    return json.dumps(payload).encode()


def test_round_trip() -> None:
    original = {**vignette_check_in("V03"), "date": "2026-02-27"}
    data = write_exchange(original, athlete_name="Ana López", app_version="0.1.0", exported_at=WHEN)
    read = read_exchange(data, TODAY)
    assert read.check_in == parse_check_in(original, TODAY)
    assert read.athlete_name == "Ana López" and read.app_version == "0.1.0"
    assert read.exported_at == "2026-03-02T08:15:00+00:00"
    payload = json.loads(data)
    assert payload["format"] == FORMAT_NAME and payload["version"] == 1
    assert payload["checksum"].startswith("sha256:") and len(payload["checksum"]) == 7 + 64


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"{" * 10 + b"not json", "not valid JSON"),
        (b"", "empty"),
        (b"\xff\xfe\x00junk", "not UTF-8"),
        (b"[1, 2]", "does not hold a check-in exchange"),
        (json.dumps({"format": "something-else", "version": 1}).encode(), "not a Recovery Planner check-in file"),
        (exchange_bytes(version=2), "newer Recovery Planner"),
        (exchange_bytes(version=0), "unknown exchange version 0"),
        (exchange_bytes(version="1"), 'no valid "version"'),
        (b'{"format": "recovery-planner-checkin", "version": 1, "check_in": {"date": NaN}}', "not valid JSON"),
    ],
)
def test_malformed_files_are_refused_with_a_reason(data: bytes, words: str) -> None:
    with pytest.raises(ExchangeError, match=words):
        read_exchange(data, TODAY)


def test_a_file_over_1_mb_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(ExchangeError, match="larger than 1 MB"):
        read_exchange(b" " * (2 * MAX_BYTES), TODAY)


def test_a_changed_check_in_breaks_the_checksum() -> None:
    payload = json.loads(exchange_bytes())
    payload["check_in"]["areas"][0]["pain"] = 1  # someone "improved" the pain after export
    with pytest.raises(ExchangeError, match="checksum does not match"):
        read_exchange(json.dumps(payload).encode(), TODAY)
    del payload["checksum"]
    with pytest.raises(ExchangeError, match="no checksum"):
        read_exchange(json.dumps(payload).encode(), TODAY)


def test_the_check_in_inside_is_validated_like_command_line_input() -> None:
    bad = vignette_check_in("V03")
    bad["areas"] = [{**bad["areas"][0], "pain": 14}]
    with pytest.raises(CheckInError) as caught:
        read_exchange(exchange_bytes(check_in=bad), TODAY)
    assert str(caught.value) == "check_in.areas[0].pain: must be 0-10, got 14"
    with pytest.raises(CheckInError, match="check_in: a check-in must be a JSON object"):
        read_exchange(exchange_bytes(check_in=[1]), TODAY)


def test_reading_is_bounded_even_from_an_endless_device(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_BYTES + 1))
    with pytest.raises(ExchangeError, match="larger than 1 MB"):
        read_bounded(big)
    if sys.platform.startswith("linux"):
        with pytest.raises(ExchangeError, match="larger than 1 MB"):
            read_bounded("/dev/zero")
