"""Leg diagram geometry: parse ``resources/leg_diagram.svg`` once and map it onto a widget rect.

The SVG holds one ``<path id="{view}-{side}-{region}">`` per region spot, a ``{view}-body``
silhouette per view, thin ``class="detail"`` drawing lines and ``<text>`` labels. Path data may
use the absolute commands M, L, C, Q and Z only (that is all the authored file uses).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QTransform

from recovery_planner.domain.regions import BACK_REGIONS, FRONT_REGIONS, LEG_SIDES, REGIONS
from recovery_planner.ui.resources import resource_path

VIEWS: tuple[str, ...] = ("front", "back")
VIEW_REGIONS: dict[str, tuple[str, ...]] = {"front": FRONT_REGIONS, "back": BACK_REGIONS}

SpotKey = tuple[str, str, str]
"""A drawn spot: (view, region, side), e.g. ("back", "calf", "left")."""

_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARITY = {"M": 2, "L": 2, "C": 6, "Q": 4, "Z": 0}


def parse_path_data(d: str) -> QPainterPath:
    """Turn SVG path data (absolute M, L, C, Q, Z) into a QPainterPath."""
    path = QPainterPath()
    tokens = _TOKEN.findall(d)
    if _TOKEN.sub("", d).strip(" ,\t\r\n"):
        raise ValueError(f"unparseable path data: {d[:40]!r}")
    command = ""
    i = 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command not in _ARITY:
                raise ValueError(f"unsupported path command {command!r} (use absolute M, L, C, Q, Z)")
            if command == "Z":
                path.closeSubpath()
                continue
        elif not command or command == "Z":
            raise ValueError(f"number without a command in path data near token {i}")
        n = _ARITY[command]
        try:
            v = [float(t) for t in tokens[i : i + n]]
        except ValueError as exc:
            raise ValueError(f"bad coordinates for {command!r} near token {i}") from exc
        if len(v) != n:
            raise ValueError(f"command {command!r} needs {n} numbers")
        i += n
        if command == "M":
            path.moveTo(v[0], v[1])
            command = "L"  # further pairs after M are implicit line-tos
        elif command == "L":
            path.lineTo(v[0], v[1])
        elif command == "C":
            path.cubicTo(v[0], v[1], v[2], v[3], v[4], v[5])
        else:
            path.quadTo(v[0], v[1], v[2], v[3])
    return path


@dataclass(frozen=True)
class Spot:
    """One clickable region shape in one view."""

    view: str
    region: str
    side: str
    path: QPainterPath
    anchor: QPointF

    @property
    def key(self) -> SpotKey:
        return (self.view, self.region, self.side)

    @property
    def mark_key(self) -> tuple[str, str]:
        return (self.region, self.side)


@dataclass(frozen=True)
class TextItem:
    """A label from the SVG, centred on ``pos``: kind is "title" or "side"."""

    kind: str
    text: str
    pos: QPointF


@dataclass(frozen=True)
class DiagramGeometry:
    """Everything drawn, in SVG user units."""

    view_box: QRectF
    spots: tuple[Spot, ...]
    bodies: tuple[QPainterPath, ...]
    details: tuple[QPainterPath, ...]
    texts: tuple[TextItem, ...]

    def spot(self, key: SpotKey) -> Spot:
        for spot in self.spots:
            if spot.key == key:
                return spot
        raise KeyError(key)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _iter(root: Element, name: str) -> Iterator[Element]:
    return (el for el in root.iter() if _local(el.tag) == name)


def _fallback_anchor(path: QPainterPath) -> QPointF:
    """A point inside the largest subpath, for paths without an authored ``data-anchor``."""
    polygons = path.toSubpathPolygons()
    biggest = max(polygons, key=lambda p: p.boundingRect().width() * p.boundingRect().height())
    box = biggest.boundingRect()
    centre = box.center()
    if path.contains(centre):
        return centre
    steps = 24
    for row in range(1, steps):
        for col in range(1, steps):
            pt = QPointF(box.left() + box.width() * col / steps, box.top() + box.height() * row / steps)
            if path.contains(pt):
                return pt
    return centre


def _spot_sort_key(spot: Spot, view_box: QRectF) -> tuple[int, int, int]:
    """Reading order: front view then back; viewer-left leg first; regions in the view's order."""
    view_index = VIEWS.index(spot.view)
    on_left = spot.anchor.x() < view_box.left() + view_box.width() * (view_index + 0.5) / len(VIEWS)
    return (view_index, 0 if on_left else 1, VIEW_REGIONS[spot.view].index(spot.region))


def parse_diagram_svg(text: str) -> DiagramGeometry:
    """Parse the diagram SVG text into geometry (validates that every expected spot is present)."""
    root = ElementTree.fromstring(text)
    box = [float(v) for v in root.get("viewBox", "").replace(",", " ").split()]
    if len(box) != 4:
        raise ValueError("leg diagram SVG needs a viewBox")
    view_box = QRectF(*box)
    spots: list[Spot] = []
    bodies: list[QPainterPath] = []
    details: list[QPainterPath] = []
    for el in _iter(root, "path"):
        ident = el.get("id", "")
        path = parse_path_data(el.get("d", ""))
        parts = ident.split("-")
        if "detail" in (el.get("class") or "").split():
            details.append(path)
        elif len(parts) == 2 and parts[0] in VIEWS and parts[1] == "body":
            bodies.append(path)
        elif len(parts) == 3 and parts[0] in VIEWS and parts[1] in LEG_SIDES and parts[2] in REGIONS:
            anchor_attr = el.get("data-anchor")
            if anchor_attr:
                ax, ay = (float(v) for v in anchor_attr.replace(",", " ").split())
                anchor = QPointF(ax, ay)
            else:
                anchor = _fallback_anchor(path)
            spots.append(Spot(parts[0], parts[2], parts[1], path, anchor))
    texts = []
    for el in _iter(root, "text"):
        ident = el.get("id", "")
        kind = "title" if ident.endswith("-title") else "side"
        pos = QPointF(float(el.get("x", 0)), float(el.get("y", 0)))
        texts.append(TextItem(kind, "".join(el.itertext()).strip(), pos))
    expected = {(v, r, s) for v in VIEWS for r in VIEW_REGIONS[v] for s in LEG_SIDES}
    found = {s.key for s in spots}
    if found != expected:
        raise ValueError(
            f"leg diagram SVG spots mismatch: missing {sorted(expected - found)}, unexpected {sorted(found - expected)}"
        )
    spots.sort(key=lambda s: _spot_sort_key(s, view_box))
    return DiagramGeometry(view_box, tuple(spots), tuple(bodies), tuple(details), tuple(texts))


@functools.lru_cache(maxsize=4)
def load_geometry(svg_path: Path | None = None) -> DiagramGeometry:
    """Parse the diagram SVG (default: ``resources/leg_diagram.svg``); cached per process."""
    path = svg_path or resource_path("leg_diagram.svg")
    return parse_diagram_svg(path.read_text(encoding="utf-8"))


def fit_transform(view_box: QRectF, rect: QRectF) -> QTransform:
    """Map ``view_box`` into ``rect``, keeping the aspect ratio, centred."""
    if view_box.isEmpty() or rect.isEmpty():
        return QTransform()
    scale = min(rect.width() / view_box.width(), rect.height() / view_box.height())
    dx = rect.left() + (rect.width() - view_box.width() * scale) / 2 - view_box.left() * scale
    dy = rect.top() + (rect.height() - view_box.height() * scale) / 2 - view_box.top() * scale
    return QTransform(scale, 0, 0, scale, dx, dy)


class DiagramLayout:
    """The geometry mapped onto one target rect: transformed paths and a fast hit test."""

    def __init__(self, geometry: DiagramGeometry, rect: QRectF) -> None:
        self.geometry = geometry
        self.rect = QRectF(rect)
        self.transform = fit_transform(geometry.view_box, rect)
        self.scale = self.transform.m11()
        t = self.transform
        self.spot_paths: dict[SpotKey, QPainterPath] = {s.key: t.map(s.path) for s in geometry.spots}
        self.anchors: dict[SpotKey, QPointF] = {s.key: t.map(s.anchor) for s in geometry.spots}
        self.bodies = tuple(t.map(p) for p in geometry.bodies)
        self.details = tuple(t.map(p) for p in geometry.details)
        self.texts = tuple(TextItem(i.kind, i.text, t.map(i.pos)) for i in geometry.texts)
        self._hit_list = [
            (s.key, self.spot_paths[s.key].boundingRect(), self.spot_paths[s.key]) for s in geometry.spots
        ]

    def spot_at(self, point: QPointF) -> SpotKey | None:
        """The spot whose real shape contains ``point`` (bounding boxes only pre-filter)."""
        for key, bounds, path in self._hit_list:
            if bounds.contains(point) and path.contains(point):
                return key
        return None
