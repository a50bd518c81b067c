"""Hostile activity files, generated in the tests."""

from __future__ import annotations

_TRACK = (
    '<trk><name>{name}</name><trkseg><trkpt lat="46.0" lon="14.5"><time>2024-05-01T07:00:00Z</time></trkpt>'
    '<trkpt lat="46.01" lon="14.5"><time>2024-05-01T07:05:00Z</time></trkpt></trkseg></trk>'
)


def billion_laughs_gpx(levels: int = 9) -> bytes:
    """The classic entity-expansion bomb: 10**levels copies of "lol" from a few hundred bytes."""
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE gpx [\n' + "\n".join(entities) + "\n]>\n"
        '<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">'
        + _TRACK.format(name=f"&lol{levels};")
        + "</gpx>"
    ).encode()


def external_entity_gpx(target: str = "file:///etc/passwd") -> bytes:
    """An XXE attempt: an external entity that would pull a local file into the track name."""
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY xxe SYSTEM "{target}">]>\n'
        '<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">'
        + _TRACK.format(name="&xxe;")
        + "</gpx>"
    ).encode()


def external_dtd_gpx(target: str = "http://127.0.0.1:9/evil.dtd") -> bytes:
    """A parameter entity fetching an external DTD (never fetched: no network, and refused anyway)."""
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY % ext SYSTEM "{target}"> %ext;]>\n'
        '<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">' + _TRACK.format(name="x") + "</gpx>"
    ).encode()
