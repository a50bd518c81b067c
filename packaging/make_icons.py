"""Render the platform icons from the one master SVG (recovery_planner/resources/icon.svg).

    python packaging/make_icons.py [--svg recovery_planner/resources/icon.svg] [--out packaging/build/icons]

Writes into the output folder (generated; never edit or commit these files):
    png/icon_<N>.png    N = 16, 20, 24, 32, 40, 48, 64, 128, 256, 512, 1024 (each rendered from the vector
                        source at its own size, not scaled down from a big bitmap)
    icon.png            the 256 px PNG (Linux / README use)
    recovery-planner.ico  Windows, multi-size 16-256 px (PNG-compressed 256 entry)
    recovery-planner.icns macOS, 32-1024 px via Pillow (16@2x ... 512@2x)
    recovery-planner.iconset/  the same PNGs named for macOS `iconutil -c icns` (adds the 16 px entry);
                        packaging/macos/build.sh uses it when run on a Mac

Rendering uses QtSvg offscreen (PySide6, already an app dependency); writing .ico/.icns uses Pillow
(the ``packaging`` extra). The app itself needs neither this script nor Pillow.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PNG_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
# Pillow writes the PNG-based entries ic07-ic14; there is no 1x 16 px PNG type (macOS uses 16@2x = 32 px).
ICNS_PIXELS = (32, 64, 128, 256, 512, 1024)
# macOS iconset names -> pixel size (for `iconutil -c icns`, which packaging/macos/build.sh prefers on a Mac).
ICONSET = {
    "icon_16x16.png": 16,
    "icon_16x16@2x.png": 32,
    "icon_32x32.png": 32,
    "icon_32x32@2x.png": 64,
    "icon_128x128.png": 128,
    "icon_128x128@2x.png": 256,
    "icon_256x256.png": 256,
    "icon_256x256@2x.png": 512,
    "icon_512x512.png": 512,
    "icon_512x512@2x.png": 1024,
}
ICO_NAME = "recovery-planner.ico"
ICNS_NAME = "recovery-planner.icns"


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """Render the SVG to a square, transparent PNG at each size; returns {size: png bytes}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - must stay alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG (QtSvg could not parse it)")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buf, "PNG"):
            raise SystemExit(f"make_icons: could not encode the {size} px PNG")
        buf.close()
        out[size] = bytes(data.data())
    return out


def write_ico(pngs: dict[int, bytes], path: Path) -> None:
    from PIL import Image

    images = [Image.open(io.BytesIO(pngs[s])).convert("RGBA") for s in ICO_SIZES]
    largest = images[-1]
    largest.save(path, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    with Image.open(path) as check:
        got = {size[0] for size in check.info.get("sizes", set())}
    missing = set(ICO_SIZES) - got
    if missing:
        raise SystemExit(f"make_icons: {path.name} lacks sizes {sorted(missing)}")


def write_icns(pngs: dict[int, bytes], path: Path) -> None:
    from PIL import Image

    images = [Image.open(io.BytesIO(pngs[s])).convert("RGBA") for s in ICNS_SIZES]
    largest = images[-1]
    largest.save(path, format="ICNS", append_images=images[:-1])
    with Image.open(path) as check:
        got = {s[0] * s[2] for s in check.info.get("sizes", [])}
    missing = set(ICNS_PIXELS) - got
    if missing:
        raise SystemExit(f"make_icons: {path.name} lacks sizes {sorted(missing)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--svg", type=Path, default=ROOT / "recovery_planner" / "resources" / "icon.svg")
    ap.add_argument("--out", type=Path, default=ROOT / "packaging" / "build" / "icons")
    args = ap.parse_args(argv)

    if not args.svg.is_file():
        raise SystemExit(f"make_icons: master icon {args.svg} not found")
    try:
        import PIL  # noqa: F401
    except ImportError:
        raise SystemExit("make_icons: Pillow is missing; pip install '.[packaging]'") from None

    pngs = render_pngs(args.svg, PNG_SIZES)
    png_dir = args.out / "png"
    png_dir.mkdir(parents=True, exist_ok=True)
    for size, data in pngs.items():
        (png_dir / f"icon_{size}.png").write_bytes(data)
    (args.out / "icon.png").write_bytes(pngs[256])
    iconset = args.out / "recovery-planner.iconset"
    iconset.mkdir(exist_ok=True)
    for name, size in ICONSET.items():
        (iconset / name).write_bytes(pngs[size])
    write_ico(pngs, args.out / ICO_NAME)
    write_icns(pngs, args.out / ICNS_NAME)
    print(f"make_icons: {len(pngs)} PNGs, {ICO_NAME}, {ICNS_NAME} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
