"""FIT activities with fitdecode: CRCs checked, a cut-off file refused, one activity per session."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import fitdecode

from ..domain.activities import Activity, normalise_sport
from .errors import DamagedError, NotAnActivityError


@dataclass
class _Records:
    """What the record messages say, for files that carry no session message."""

    first: datetime | None = None
    last: datetime | None = None
    distance_m: float | None = None


def read_fit(data: bytes, name: str, file_hash: str = "") -> list[Activity]:
    """The sessions of a FIT activity file (a multi-sport file gives several activities).

    Distance and duration are the session's own ``total_distance`` and ``total_elapsed_time``; without a
    session message they come from the records (the last distance, first to last timestamp).
    """
    file_type: Any = None
    sessions: list[dict[str, Any]] = []
    sport: Any = None
    records = _Records()
    try:
        with warnings.catch_warnings():
            # Some watches (e.g. COROS) write field sizes that do not match the profile; fitdecode reads
            # them as raw bytes and warns. Checksums and cut-off files still raise.
            warnings.simplefilter("ignore")
            reader = fitdecode.FitReader(
                io.BytesIO(data),
                check_crc=fitdecode.CrcCheck.RAISE,
                error_handling=fitdecode.ErrorHandling.WARN,
                keep_raw_chunks=False,
            )
            with reader:
                for frame in reader:
                    if not isinstance(frame, fitdecode.FitDataMessage):
                        continue
                    if frame.name == "file_id" and file_type is None:
                        file_type = _value(frame, "type")
                    elif frame.name == "session":
                        sessions.append({f.name: f.value for f in frame.fields})
                    elif frame.name == "sport" and sport is None:
                        sport = _value(frame, "sport")
                    elif frame.name == "record":
                        _see_record(records, frame)
    except fitdecode.FitCRCError:
        raise DamagedError(name, "fails its FIT checksum (CRC): the file is damaged") from None
    except fitdecode.FitEOFError:
        raise DamagedError(name, "is cut off (the FIT data ends early): the file is incomplete") from None
    except fitdecode.FitHeaderError:
        raise DamagedError(name, "is not a FIT file (its header is not valid)") from None
    except (fitdecode.FitError, ValueError, KeyError, IndexError, TypeError, OverflowError) as exc:
        raise DamagedError(name, f"is not a readable FIT file ({exc})") from None
    if file_type not in (None, "activity"):
        raise NotAnActivityError(name, f"is a FIT {file_type} file, not an activity")
    activities = [a for i, s in enumerate(sessions) if (a := _from_session(s, i, name, file_hash)) is not None]
    if not activities and records.first is not None and records.last is not None:
        activities = [_from_records(records, sport, name, file_hash)]
    if not activities:
        raise NotAnActivityError(name, "holds no recorded activity with times")
    return activities


def _value(frame: fitdecode.FitDataMessage, field: str) -> Any:
    return frame.get_value(field, fallback=None)


def _utc(t: Any) -> datetime | None:
    if not isinstance(t, datetime):
        return None
    return t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t.astimezone(timezone.utc)


def _number(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and v >= 0 else None


def _see_record(r: _Records, frame: fitdecode.FitDataMessage) -> None:
    t = _utc(_value(frame, "timestamp"))
    if t is not None:
        r.first = t if r.first is None or t < r.first else r.first
        r.last = t if r.last is None or t > r.last else r.last
    d = _number(_value(frame, "distance"))
    if d is not None:
        r.distance_m = d if r.distance_m is None else max(r.distance_m, d)


def _from_session(s: dict[str, Any], index: int, name: str, file_hash: str) -> Activity | None:
    start = _utc(s.get("start_time"))
    elapsed = _number(s.get("total_elapsed_time"))
    if elapsed is None:
        end = _utc(s.get("timestamp"))
        elapsed = (end - start).total_seconds() if start and end and end >= start else None
    if start is None or elapsed is None:
        return None
    return Activity(
        start=start,
        sport=normalise_sport(str(s.get("sport") or "")),
        distance_km=(_number(s.get("total_distance")) or 0.0) / 1000,
        duration_s=elapsed,
        source=name,
        file_hash=file_hash,
        part=index,
        fmt="fit",
    )


def _from_records(r: _Records, sport: Any, name: str, file_hash: str) -> Activity:
    assert r.first is not None and r.last is not None
    return Activity(
        start=r.first,
        sport=normalise_sport(str(sport or "")),
        distance_km=(r.distance_m or 0.0) / 1000,
        duration_s=(r.last - r.first) / timedelta(seconds=1),
        source=name,
        file_hash=file_hash,
        fmt="fit",
    )
