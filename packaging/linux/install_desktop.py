"""Add Recovery Planner to the Linux desktop's application menu (after `pip install recovery-planner`).

    python packaging/linux/install_desktop.py [--prefix ~/.local] [--uninstall]

Copies into PREFIX/share (default: $XDG_DATA_HOME, else ~/.local/share):
    applications/org.recoveryplanner.RecoveryPlanner.desktop   the menu entry (runs `recovery-planner-gui`)
    metainfo/org.recoveryplanner.RecoveryPlanner.metainfo.xml   AppStream data for software centres
    icons/hicolor/<N>x<N>/apps/org.recoveryplanner.RecoveryPlanner.png (16-512 px) and scalable/…svg
The icons are rendered from the master SVG with QtSvg (PySide6, an app dependency; no Pillow needed).
The app sets the same id with QGuiApplication.setDesktopFileName, so Wayland and X11 docks match the
window to this entry. `--uninstall` removes exactly these files. The user's data folder is never touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
import make_icons  # noqa: E402

APP_ID = make_icons.APP_ID
LINUX_RESOURCES = ROOT / "recovery_planner" / "resources" / "linux"
DESKTOP = f"{APP_ID}.desktop"
METAINFO = f"{APP_ID}.metainfo.xml"


def master_svg() -> Path:
    for candidate in (ROOT / "recovery_planner" / "resources" / "icon.svg", ROOT / "resources" / "icon.svg"):
        if candidate.is_file():
            return candidate
    raise SystemExit("install_desktop: icon.svg not found")


def targets(share: Path) -> list[Path]:
    icons = share / "icons" / "hicolor"
    files = [share / "applications" / DESKTOP, share / "metainfo" / METAINFO]
    files += [icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in make_icons.HICOLOR_SIZES]
    files.append(icons / "scalable" / "apps" / f"{APP_ID}.svg")
    return files


def install(share: Path) -> list[Path]:
    svg = master_svg()
    pngs = make_icons.render_pngs(svg, make_icons.HICOLOR_SIZES)
    make_icons.write_hicolor(pngs, svg, share / "icons" / "hicolor")
    for name, sub in ((DESKTOP, "applications"), (METAINFO, "metainfo")):
        (share / sub).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LINUX_RESOURCES / name, share / sub / name)
    _refresh_caches(share)
    return targets(share)


def uninstall(share: Path) -> list[Path]:
    removed = [p for p in targets(share) if p.is_file()]
    for path in removed:
        path.unlink()
    _refresh_caches(share)
    return removed


def _refresh_caches(share: Path) -> None:
    """Menus pick the entry up by themselves on most desktops; refresh the caches where the tools exist."""
    for cmd in (
        ["update-desktop-database", "-q", str(share / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", str(share / "icons" / "hicolor")],
    ):
        if shutil.which(cmd[0]) and Path(cmd[-1]).is_dir():
            subprocess.run(cmd, check=False, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    ap.add_argument("--prefix", type=Path, help="install under PREFIX/share (default: %(default)s)")
    ap.add_argument("--uninstall", action="store_true")
    args = ap.parse_args(argv)
    share = args.prefix.expanduser() / "share" if args.prefix else default
    done = uninstall(share) if args.uninstall else install(share)
    print(f"install_desktop: {'removed' if args.uninstall else 'installed'} {len(done)} files under {share}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
