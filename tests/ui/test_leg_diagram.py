"""Leg diagram: SVG geometry, colour scale, painter and the interactive widget (real Qt widgets)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from recovery_planner.domain.regions import BACK_REGIONS, FRONT_REGIONS, LEG_SIDES
from recovery_planner.ui.leg_diagram import LegDiagramWidget
from recovery_planner.ui.leg_diagram_geometry import (
    VIEWS,
    DiagramLayout,
    fit_transform,
    load_geometry,
    parse_path_data,
)
from recovery_planner.ui.leg_diagram_painter import (
    LegDiagramPainter,
    contrast_ratio,
    pain_color,
    pain_text_color,
    relative_luminance,
)

SAMPLE_SPOTS = [
    ("front", "quadriceps", "left"),
    ("front", "hip_flexors", "right"),
    ("front", "it_band", "left"),
    ("front", "knee", "right"),
    ("front", "shin", "left"),
    ("front", "foot", "right"),
    ("back", "glutes", "left"),
    ("back", "hamstrings", "right"),
    ("back", "adductors", "left"),
    ("back", "calf", "right"),
    ("back", "achilles", "left"),
    ("back", "ankle", "right"),
]


# ----------------------------------------------------------------------------- helpers
def inside_point(path: QPainterPath, near: QPointF, margin: int = 2) -> QPoint:
    """An integer point whose neighbourhood (± margin px) lies inside ``path``, close to ``near``."""
    cx, cy = round(near.x()), round(near.y())
    for radius in range(40):
        for dx in range(-radius, radius + 1):
            for dy in range(-radius, radius + 1):
                if max(abs(dx), abs(dy)) != radius:
                    continue
                p = QPoint(cx + dx, cy + dy)
                ring = [
                    QPointF(p.x() + ox, p.y() + oy)
                    for ox in range(-margin, margin + 1, margin)
                    for oy in range(-margin, margin + 1, margin)
                ]
                if all(path.contains(q) for q in ring):
                    return p
    raise AssertionError("no interior point found")


def just_outside_point(path: QPainterPath) -> QPoint:
    """A point inside the bounding box, clearly (≥ 1 px) outside the shape but within 4 px of it."""
    box = path.boundingRect().toAlignedRect()
    for y in range(box.top() + 1, box.bottom()):
        for x in range(box.left() + 1, box.right()):
            p = QPointF(x, y)
            if any(path.contains(p + QPointF(ox, oy)) for ox, oy in ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1))):
                continue
            if any(path.contains(p + QPointF(ox, oy)) for ox in (-4, 0, 4) for oy in (-4, 0, 4)):
                return QPoint(x, y)
    raise AssertionError("no point just outside the shape inside its bounding box")


def pixel_inside_away_from_label(widget: LegDiagramWidget, key: tuple[str, str, str]) -> QPoint:
    """A pixel well inside a spot and away from its label badge and seams."""
    path = widget.spot_path(key)
    anchor = widget.spot_center(key)
    box = path.boundingRect()
    best = None
    for y in range(int(box.top()), int(box.bottom())):
        for x in range(int(box.left()), int(box.right())):
            p = QPointF(x, y)
            far = abs(p.x() - anchor.x()) > 14 or abs(p.y() - anchor.y()) > 14
            if far and all(path.contains(p + QPointF(ox, oy)) for ox in (-4, 0, 4) for oy in (-4, 0, 4)):
                best = QPoint(x, y)
                break
        if best:
            break
    assert best is not None
    return best


def close(a: QColor, b: QColor, tol: int = 6) -> bool:
    return all(abs(u - v) <= tol for u, v in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.fixture
def diagram(qtbot) -> LegDiagramWidget:
    widget = LegDiagramWidget()
    qtbot.addWidget(widget)
    widget.resize(520, 480)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def form(qtbot) -> tuple[QWidget, QLineEdit, LegDiagramWidget, QLineEdit]:
    window = QWidget()
    before, after = QLineEdit(), QLineEdit()
    diagram = LegDiagramWidget()
    layout = QVBoxLayout(window)
    for w in (before, diagram, after):
        layout.addWidget(w)
    qtbot.addWidget(window)
    window.resize(560, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, before, diagram, after


def focus_diagram(qtbot, diagram: LegDiagramWidget) -> None:
    diagram.activateWindow()
    diagram.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(diagram.hasFocus)


# ----------------------------------------------------------------------------- geometry
def test_svg_has_every_spot_with_anchor_inside() -> None:
    geometry = load_geometry()
    keys = {s.key for s in geometry.spots}
    expected = {
        (v, r, s)
        for v, regions in (("front", FRONT_REGIONS), ("back", BACK_REGIONS))
        for r in regions
        for s in LEG_SIDES
    }
    assert keys == expected
    assert len(geometry.bodies) == len(VIEWS)
    for spot in geometry.spots:
        assert not spot.path.isEmpty()
        assert spot.path.contains(spot.anchor), spot.key
    assert load_geometry() is geometry  # parsed once per process


def test_views_and_sides_are_laid_out_as_seen() -> None:
    """Front: the runner's left leg is on the viewer's right; back: on the viewer's left."""
    geometry = load_geometry()
    x = {s.key: s.anchor.x() for s in geometry.spots}
    assert x[("front", "quadriceps", "left")] > x[("front", "quadriceps", "right")]
    assert x[("back", "hamstrings", "left")] < x[("back", "hamstrings", "right")]
    assert max(v for k, v in x.items() if k[0] == "front") < min(v for k, v in x.items() if k[0] == "back")
    texts = {(t.kind, t.text) for t in geometry.texts}
    assert {("title", "Front"), ("title", "Back"), ("side", "L"), ("side", "R")} <= texts


def test_regions_tile_each_leg_without_overlaps_or_gaps() -> None:
    geometry = load_geometry()
    box = geometry.view_box
    overlaps = covered = in_leg = 0
    for row in range(300, 880, 6):  # below the pelvis: every point of a leg belongs to a region
        for col in range(int(box.left()), int(box.right()), 4):
            p = QPointF(col + 0.5, row + 0.5)
            hits = sum(1 for s in geometry.spots if s.path.contains(p))
            overlaps += hits > 1
            if any(body.contains(p) for body in geometry.bodies):
                in_leg += 1
                covered += hits > 0
    assert overlaps == 0
    assert covered / in_leg > 0.995


def test_parse_path_data_supports_authored_commands_only() -> None:
    path = parse_path_data("M0,0 L10,0 C10,5 10,10 5,10 Q0,10 0,5 Z")
    assert path.contains(QPointF(4, 4))
    assert not path.contains(QPointF(11, 11))
    with pytest.raises(ValueError):
        parse_path_data("M0,0 a5,5 0 0 1 10,0")
    with pytest.raises(ValueError):
        parse_path_data("M0,0 L10")


def test_fit_transform_keeps_aspect_and_centres() -> None:
    t = fit_transform(QRectF(0, 0, 100, 50), QRectF(0, 0, 300, 300))
    assert t.map(QPointF(0, 0)) == QPointF(0, 75)
    assert t.map(QPointF(100, 50)) == QPointF(300, 225)


# ----------------------------------------------------------------------------- colours
def test_pain_scale_endpoints_and_monotonic_lightness() -> None:
    lum = [relative_luminance(pain_color(p)) for p in range(11)]
    assert all(a > b for a, b in itertools.pairwise(lum))  # ordered for colour-blind viewers
    assert pain_color(-3) == pain_color(0) and pain_color(42) == pain_color(10)


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=0, max_value=10, allow_nan=False))
def test_pain_text_is_readable_on_every_pain_colour(pain: float) -> None:
    assert contrast_ratio(pain_color(pain), pain_text_color(pain)) >= 4.5


def test_pain_scale_stays_ordered_under_deuteranopia_and_protanopia() -> None:
    """Machado et al. (2009) simulation: simulated lightness must still fall step by step."""
    matrices = {
        "deuteranopia": (
            (0.367322, 0.860646, -0.227968),
            (0.280085, 0.672501, 0.047413),
            (-0.011820, 0.042940, 0.968881),
        ),
        "protanopia": (
            (0.152286, 1.052583, -0.204868),
            (0.114503, 0.786281, 0.099216),
            (-0.003882, -0.048116, 1.051998),
        ),
    }

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    for name, m in matrices.items():
        lightness = []
        for pain in range(11):
            c = pain_color(pain)
            v = (lin(c.redF()), lin(c.greenF()), lin(c.blueF()))
            sim = [min(1.0, max(0.0, sum(m[i][j] * v[j] for j in range(3)))) for i in range(3)]
            y = 0.2126 * sim[0] + 0.7152 * sim[1] + 0.0722 * sim[2]
            lightness.append(116 * y ** (1 / 3) - 16)
        steps = [a - b for a, b in itertools.pairwise(lightness)]
        assert min(steps) > 3.0, (name, steps)


# ----------------------------------------------------------------------------- mouse
@pytest.mark.parametrize("key", SAMPLE_SPOTS)
def test_click_inside_the_drawn_shape_selects_it(qtbot, diagram: LegDiagramWidget, key) -> None:
    point = inside_point(diagram.spot_path(key), diagram.spot_center(key))
    with qtbot.waitSignal(diagram.spot_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [key[1], key[2]]


@pytest.mark.parametrize("key", SAMPLE_SPOTS)
def test_click_just_outside_the_shape_does_not_select_it(qtbot, diagram: LegDiagramWidget, key) -> None:
    point = just_outside_point(diagram.spot_path(key))
    assert diagram.spot_path(key).boundingRect().contains(QPointF(point))
    clicked: list[tuple[str, str]] = []
    diagram.spot_clicked.connect(lambda region, side: clicked.append((region, side)))
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=point)
    assert (key[1], key[2]) not in clicked
    assert diagram.spot_at(QPointF(point)) != key


def test_press_and_release_on_different_spots_is_not_a_click(qtbot, diagram: LegDiagramWidget) -> None:
    a, b = ("front", "knee", "left"), ("front", "shin", "left")
    clicked: list[tuple[str, str]] = []
    diagram.spot_clicked.connect(lambda region, side: clicked.append((region, side)))
    qtbot.mousePress(diagram, Qt.MouseButton.LeftButton, pos=inside_point(diagram.spot_path(a), diagram.spot_center(a)))
    qtbot.mouseRelease(
        diagram, Qt.MouseButton.LeftButton, pos=inside_point(diagram.spot_path(b), diagram.spot_center(b))
    )
    assert clicked == []


def test_hover_names_the_spot_and_clears_on_leaving(qtbot, diagram: LegDiagramWidget) -> None:
    key = ("back", "calf", "left")
    point = inside_point(diagram.spot_path(key), diagram.spot_center(key))
    with qtbot.waitSignal(diagram.hover_changed, timeout=1000) as blocker:
        qtbot.mouseMove(diagram, point)
    assert blocker.args == ["calf", "left"]
    assert diagram.hovered_spot() == key
    assert diagram._caption()[0] == "Left calf, back view"
    with qtbot.waitSignal(diagram.hover_changed, timeout=1000) as blocker:
        qtbot.mouseMove(diagram, QPoint(3, 3))
    assert blocker.args == ["", ""]
    assert diagram.hovered_spot() is None


@pytest.mark.parametrize("size", [(900, 500), (300, 700), (1400, 1200)])
def test_hit_testing_follows_resize(qtbot, diagram: LegDiagramWidget, size) -> None:
    before = diagram.spot_center(("front", "shin", "right"))
    diagram.resize(*size)
    qtbot.waitUntil(lambda: diagram.size().width() == size[0])
    assert diagram.spot_center(("front", "shin", "right")) != before
    for key in SAMPLE_SPOTS[::3]:
        point = inside_point(diagram.spot_path(key), diagram.spot_center(key))
        assert diagram.diagram_rect().contains(QPointF(point))
        with qtbot.waitSignal(diagram.spot_clicked, timeout=1000) as blocker:
            qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=point)
        assert blocker.args == [key[1], key[2]]


# ----------------------------------------------------------------------------- keyboard
def test_tab_and_shift_tab_walk_the_spots_then_leave(qtbot, form) -> None:
    _, before, diagram, after = form
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(diagram.hasFocus)
    order = diagram.spots()
    assert diagram.focused_spot() == order[0] == ("front", "hip_flexors", "right")
    qtbot.keyClick(diagram, Qt.Key.Key_Tab)
    assert diagram.focused_spot() == order[1]
    qtbot.keyClick(diagram, Qt.Key.Key_Backtab)
    assert diagram.focused_spot() == order[0]
    qtbot.keyClick(diagram, Qt.Key.Key_End)
    assert diagram.focused_spot() == order[-1]
    qtbot.keyClick(diagram, Qt.Key.Key_Tab)  # past the last spot: focus moves on, no keyboard trap
    qtbot.waitUntil(after.hasFocus)
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    qtbot.waitUntil(diagram.hasFocus)
    assert diagram.focused_spot() == order[-1]


def test_arrow_keys_move_spatially(qtbot, diagram: LegDiagramWidget) -> None:
    focus_diagram(qtbot, diagram)
    diagram.set_focused_spot(("front", "quadriceps", "right"))
    qtbot.keyClick(diagram, Qt.Key.Key_Down)
    assert diagram.focused_spot() == ("front", "knee", "right")
    qtbot.keyClick(diagram, Qt.Key.Key_Down)
    assert diagram.focused_spot() == ("front", "shin", "right")
    qtbot.keyClick(diagram, Qt.Key.Key_Right)  # the runner's left leg is on the viewer's right
    assert diagram.focused_spot() == ("front", "shin", "left")
    qtbot.keyClick(diagram, Qt.Key.Key_Up)
    assert diagram.focused_spot() == ("front", "knee", "left")
    diagram.set_focused_spot(("back", "calf", "left"))
    qtbot.keyClick(diagram, Qt.Key.Key_Down)
    assert diagram.focused_spot() == ("back", "achilles", "left")
    qtbot.keyClick(diagram, Qt.Key.Key_Up)
    qtbot.keyClick(diagram, Qt.Key.Key_Up)
    assert diagram.focused_spot() == ("back", "hamstrings", "left")
    for _ in range(20):  # arrows stop at the edge instead of wrapping
        qtbot.keyClick(diagram, Qt.Key.Key_Left)
    assert diagram.focused_spot() is not None


def test_digits_set_pain_and_enter_space_select(qtbot, diagram: LegDiagramWidget) -> None:
    focus_diagram(qtbot, diagram)
    key = ("back", "hamstrings", "left")
    diagram.set_focused_spot(key)
    with qtbot.waitSignal(diagram.pain_entered, timeout=1000) as blocker:
        qtbot.keyClick(diagram, Qt.Key.Key_7)
    assert blocker.args == ["hamstrings", "left", 7]
    entered: list[int] = []
    diagram.pain_entered.connect(lambda region, side, pain: entered.append(pain))
    qtbot.keyClick(diagram, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # shortcuts are not ratings
    qtbot.keyClick(diagram, Qt.Key.Key_4, Qt.KeyboardModifier.KeypadModifier)  # the number pad works
    assert entered == [4]
    for k in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
        with qtbot.waitSignal(diagram.spot_clicked, timeout=1000) as blocker:
            qtbot.keyClick(diagram, k)
        assert blocker.args == ["hamstrings", "left"]


def test_ten_by_typing_one_zero_quickly_or_plus(qtbot, diagram: LegDiagramWidget) -> None:
    focus_diagram(qtbot, diagram)
    diagram.set_focused_spot(("front", "shin", "left"))
    entered: list[int] = []
    diagram.pain_entered.connect(lambda region, side, pain: entered.append(pain))
    qtbot.keyClicks(diagram, "10")
    assert entered == [1, 10]
    qtbot.keyClicks(diagram, "0")  # a lone 0 after a 10 is 0 again
    assert entered[-1] == 0
    diagram.set_marks({("shin", "left"): 9})
    qtbot.keyClick(diagram, Qt.Key.Key_Plus)
    assert entered[-1] == 10
    diagram.set_marks({("shin", "left"): 10})
    qtbot.keyClick(diagram, Qt.Key.Key_Plus)
    assert entered[-1] == 10
    qtbot.keyClick(diagram, Qt.Key.Key_Minus)
    assert entered[-1] == 9


def test_slow_one_then_zero_is_zero(qtbot, diagram: LegDiagramWidget, monkeypatch) -> None:
    from recovery_planner.ui import leg_diagram

    focus_diagram(qtbot, diagram)
    clock = iter([100.0, 105.0])
    monkeypatch.setattr(leg_diagram.time, "monotonic", lambda: next(clock))
    entered: list[int] = []
    diagram.pain_entered.connect(lambda region, side, pain: entered.append(pain))
    qtbot.keyClicks(diagram, "10")
    assert entered == [1, 0]


def test_accessible_name_follows_focus_and_marks(qtbot, diagram: LegDiagramWidget) -> None:
    focus_diagram(qtbot, diagram)
    diagram.set_marks({("quadriceps", "left"): 3})
    diagram.set_focused_spot(("front", "quadriceps", "left"))
    assert diagram.accessibleName() == "Left quadriceps, front view, pain 3 of 10"
    qtbot.keyClick(diagram, Qt.Key.Key_Down)
    assert diagram.accessibleName() == "Left knee, front view, not marked"
    assert "Tab" in diagram.accessibleDescription()


def test_click_moves_keyboard_focus_to_the_spot(qtbot, diagram: LegDiagramWidget) -> None:
    key = ("back", "glutes", "right")
    qtbot.mouseClick(
        diagram, Qt.MouseButton.LeftButton, pos=inside_point(diagram.spot_path(key), diagram.spot_center(key))
    )
    assert diagram.focused_spot() == key


# ----------------------------------------------------------------------------- marks and painting
def test_set_marks_expands_both_and_rejects_unknown(diagram: LegDiagramWidget) -> None:
    diagram.set_marks({("calf", "both"): 4, ("calf", "left"): 6})
    assert diagram.marks() == {("calf", "left"): 6.0, ("calf", "right"): 4.0}
    with pytest.raises(ValueError):
        diagram.set_marks({("elbow", "left"): 2})
    with pytest.raises(ValueError):
        diagram.set_focused_spot(("front", "calf", "left"))  # the calf is drawn in the back view only


@pytest.mark.parametrize(
    "key,pain",
    [
        (("front", "quadriceps", "left"), 3),
        (("back", "calf", "right"), 8),
        (("back", "it_band", "left"), 10),
        (("front", "it_band", "left"), 10),
    ],
)
def test_marks_render_in_pain_colour(qtbot, diagram: LegDiagramWidget, key, pain) -> None:
    diagram.set_marks({(key[1], key[2]): pain})
    point = pixel_inside_away_from_label(diagram, key)
    image = diagram.grab().toImage()
    assert close(image.pixelColor(point), pain_color(pain))
    other = ("front", "shin", "right")
    assert not close(image.pixelColor(pixel_inside_away_from_label(diagram, other)), pain_color(pain))


def test_renders_crisply_at_device_pixel_ratio_two(qtbot, diagram: LegDiagramWidget) -> None:
    key = ("back", "hamstrings", "right")
    diagram.set_marks({(key[1], key[2]): 6})
    image = QImage(diagram.width() * 2, diagram.height() * 2, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2)
    image.fill(0)
    diagram.render(image)
    point = pixel_inside_away_from_label(diagram, key)
    assert close(image.pixelColor(point * 2), pain_color(6))
    # Drawn at full resolution, not a 1x picture scaled up: along a row crossing the outlines, some
    # device pixels differ from their 2x2-block partner (an upscaled image never does).
    y = round(diagram.spot_center(key).y() * 2)
    split_pairs = sum(1 for x in range(0, image.width() - 1, 2) if image.pixelColor(x, y) != image.pixelColor(x + 1, y))
    assert split_pairs >= 4


def test_dark_palette_draws_a_dark_body(qtbot, diagram: LegDiagramWidget) -> None:
    light = diagram.grab().toImage()
    palette = QPalette(diagram.palette())
    for role, color in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1b1c1f"),
        (QPalette.ColorRole.Text, "#e8eaed"),
    ):
        palette.setColor(role, QColor(color))
    diagram.setPalette(palette)
    dark = diagram.grab().toImage()
    point = pixel_inside_away_from_label(diagram, ("front", "shin", "left"))
    assert light.pixelColor(point).lightness() > 180
    assert dark.pixelColor(point).lightness() < 90
    assert dark.pixelColor(QPoint(2, 2)).lightness() < 40


def test_painter_draws_a_thumbnail_into_an_image() -> None:
    painter = LegDiagramPainter()
    image = QImage(160, 150, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    better = QColor("#1a9850")
    rect = QRectF(0, 0, 160, 150)
    qp = QPainter(image)
    painter.paint(qp, rect, {("calf", "right"): better}, {("calf", "right"): "↓"})
    qp.end()
    layout = DiagramLayout(painter.geometry, rect)
    path = layout.spot_paths[("back", "calf", "right")]
    centre = layout.anchors[("back", "calf", "right")]
    point = inside_point(path, QPointF(centre.x(), centre.y() - 7), margin=1)
    assert close(image.pixelColor(point), better, tol=20)
    assert painter.spot_at(rect, QPointF(point)) == ("back", "calf", "right")


def test_vector_targets_get_the_same_picture_without_bitmap_layers(tmp_path) -> None:
    """PDF/SVG/print painters are drawn path by path; the result matches the cached raster drawing."""
    from PySide6.QtGui import QPdfWriter, QPicture

    painter = LegDiagramPainter()
    rect = QRectF(0, 0, 400, 380)
    fills = {("knee", "left"): pain_color(6), ("achilles", "right"): pain_color(9)}
    labels = {("knee", "left"): "6", ("achilles", "right"): "9"}
    raster = QImage(400, 380, QImage.Format.Format_ARGB32_Premultiplied)
    raster.fill(QColor("white"))
    qp = QPainter(raster)
    painter.paint(qp, rect, fills, labels)
    qp.end()
    picture = QPicture()
    qp = QPainter(picture)
    painter.paint(qp, rect, fills, labels)
    qp.end()
    replayed = QImage(400, 380, QImage.Format.Format_ARGB32_Premultiplied)
    replayed.fill(QColor("white"))
    qp = QPainter(replayed)
    qp.drawPicture(0, 0, picture)
    qp.end()
    differing = sum(
        1
        for y in range(0, 380, 3)
        for x in range(0, 400, 3)
        if not close(raster.pixelColor(x, y), replayed.pixelColor(x, y), tol=40)
    )
    assert differing < 0.02 * (400 // 3) * (380 // 3)
    pdf = tmp_path / "diagram.pdf"
    writer = QPdfWriter(str(pdf))
    qp = QPainter(writer)
    painter.paint(qp, QRectF(0, 0, writer.width(), writer.height()), fills, labels)
    qp.end()
    assert pdf.stat().st_size > 2000


def test_tooltip_names_the_spot_under_the_mouse(qtbot, diagram: LegDiagramWidget) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    key = ("front", "adductors", "right")
    diagram.set_marks({("adductors", "right"): 2})
    point = inside_point(diagram.spot_path(key), diagram.spot_center(key))
    QApplication.sendEvent(diagram, QHelpEvent(QEvent.Type.ToolTip, point, diagram.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "Right adductors, front view, pain 2/10"
    QToolTip.hideText()


def test_svg_is_a_valid_standalone_drawing() -> None:
    from PySide6.QtSvg import QSvgRenderer

    from recovery_planner.ui.resources import resource_path

    renderer = QSvgRenderer(str(resource_path("leg_diagram.svg")))
    assert renderer.isValid()
    assert renderer.elementExists("front-left-quadriceps") and renderer.elementExists("back-right-calf")


def test_resources_are_package_data() -> None:
    from recovery_planner.ui import resources

    path = resources.resource_path("leg_diagram.svg")
    assert path.is_file() and path.parent.parent.name == "recovery_planner"
    assert resources.resource_bytes("icon.svg").lstrip().startswith(b"<")
