"""Write THIRD-PARTY-NOTICES.txt from the installed distributions' own metadata.

    python packaging/make_notices.py [--out packaging/build/notices/THIRD-PARTY-NOTICES.txt]
                                     [--root recovery-planner] [--check]

Walks the runtime requirements of the `recovery-planner` distribution (extras left out, environment markers
evaluated for this machine), so the list is exactly what `pip install recovery-planner` brings in and what
PyInstaller bundles. For each distribution: name, version, licence (the SPDX `License-Expression`, else the
`License` field, else the classifiers), home page, and the licence files the distribution ships (PEP 639
`License-File`, else any LICENSE/COPYING/NOTICE file in its RECORD). Distributions that ship no licence text
get it from packaging/licenses/ (PySide6 and shiboken6: the LGPL-3.0 text plus the GPL-3.0 it builds on).
The Python interpreter's own licence is added too (the bundle carries the interpreter).

`--check` exits 1 if a distribution has no licence text at all, so a new dependency cannot slip in silently.
Standard library only; run it with the Python whose packages get bundled.
"""

from __future__ import annotations

import argparse
import re
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LICENSES = HERE / "licenses"
NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
DEFAULT_OUT = HERE / "build" / "notices" / NOTICES_NAME
# Distributions whose wheels ship no licence file: the texts they are used under, from packaging/licenses/.
# PySide6/shiboken6 are LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only; we use them under the LGPL-3.0, which
# is a set of additional permissions on top of the GPL-3.0, so both texts must accompany the library.
EXTRA_TEXTS = {
    "pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "pyside6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
}
USED_UNDER = {
    "pyside6-essentials": "LGPL-3.0-only",
    "pyside6": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
}
QT_NOTE = """\
Qt and Qt for Python (PySide6, shiboken6) are used under the GNU Lesser General Public License version 3
(LGPL-3.0). They are linked dynamically and ship as separate, unmodified library files in the program
folder (_internal/PySide6 on Windows and Linux, Contents/Frameworks/PySide6 on macOS); you may replace them
with your own build of the same version. The source code of Qt is at https://download.qt.io/official_releases/qt/
and of Qt for Python at https://code.qt.io/cgit/pyside/pyside-setup.git/ . Qt itself contains third-party
code under permissive licences; Qt lists them at https://doc.qt.io/qt-6/licenses-used-in-qt.html ."""
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)


@dataclass
class Notice:
    name: str
    version: str
    licence: str
    homepage: str = ""
    texts: list[tuple[str, str]] = field(default_factory=list)  # (file name, text)


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str) -> list[Distribution]:
    """The root distribution's runtime requirements, recursively (no extras, markers for this machine)."""
    from_marker = _marker_evaluator()
    seen: dict[str, Distribution] = {}
    queue = [root]
    while queue:
        name = queue.pop()
        key = _canon(name)
        if key in seen:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            raise SystemExit(f"make_notices: {name} is required but not installed") from None
        seen[key] = dist
        for req in dist.requires or []:
            parsed = _split_requirement(req)
            if parsed and from_marker(parsed[1]):
                queue.append(parsed[0])
    return [d for k, d in sorted(seen.items()) if k != _canon(root)]


def _split_requirement(req: str) -> tuple[str, str] | None:
    """('numpy', 'python_version >= "3.10"') from 'numpy>=1.23; python_version >= "3.10"'."""
    spec, _, marker = req.partition(";")
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    return (match.group(1), marker.strip()) if match else None


def _marker_evaluator():
    """A function marker-string -> bool: `packaging` when installed (it is, with pip/setuptools), else a
    fallback that drops every requirement behind an `extra` marker and keeps the rest."""
    try:
        from packaging.markers import Marker
    except ImportError:  # pragma: no cover - packaging ships with every build environment we use
        return lambda marker: "extra" not in marker

    def evaluate(marker: str) -> bool:
        if not marker:
            return True
        return Marker(marker).evaluate({"extra": ""})

    return evaluate


def licence_of(dist: Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    licence = (meta.get("License") or "").strip()
    if licence and "\n" not in licence and len(licence) < 120:
        return licence
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    return licence.splitlines()[0] if licence else "unknown"


def homepage_of(dist: Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return meta["Home-page"]
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "source code"):
            return url.strip()
    return ""


def licence_texts(dist: Distribution) -> list[tuple[str, str]]:
    """The licence files this distribution ships, read from its installed files."""
    wanted = [f"licenses/{name}" for name in dist.metadata.get_all("License-File") or []]
    texts: list[tuple[str, str]] = []
    for file in dist.files or []:
        path = str(file).replace("\\", "/")
        in_dist_info = ".dist-info/" in path
        declared = in_dist_info and any(path.endswith(w) for w in wanted)
        if declared or (in_dist_info and LICENCE_FILE.search(path)):
            located = Path(str(file.locate()))
            if located.is_file():
                texts.append((path.split(".dist-info/", 1)[1], located.read_text(encoding="utf-8", errors="replace")))
    return texts


def python_notice() -> Notice:
    """The interpreter the bundle carries: CPython's LICENSE.txt (PSF-2.0 and its history)."""
    candidates = [Path(sysconfig.get_path("stdlib")) / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"]
    found = next((p for p in candidates if p.is_file()), None)
    texts = [("LICENSE.txt", found.read_text(encoding="utf-8"))] if found else []
    version = ".".join(map(str, sys.version_info[:3]))
    return Notice("Python", version, "PSF-2.0", "https://www.python.org/", texts)


def collect(root: str = "recovery-planner") -> list[Notice]:
    notices = [python_notice()]
    for dist in runtime_closure(root):
        name = dist.metadata["Name"]
        key = _canon(name)
        licence = licence_of(dist)
        if key in USED_UNDER:
            licence = f"{licence} (used here under {USED_UNDER[key]})"
        texts = licence_texts(dist)
        for extra in EXTRA_TEXTS.get(key, ()):
            texts.append((extra, (LICENSES / extra).read_text(encoding="utf-8")))
        notices.append(Notice(name, dist.version, licence, homepage_of(dist), texts))
    return notices


def render(notices: list[Notice], app_version: str) -> str:
    rule = "=" * 100
    out = [
        f"Recovery Planner {app_version}: third-party software notices",
        "",
        "Recovery Planner itself is distributed under the MIT licence (the LICENSE file next to this one).",
        "It includes the following software, each under its own licence, reproduced below.",
        "",
        QT_NOTE,
        "",
        "Summary:",
    ]
    out += [f"  {n.name} {n.version}: {n.licence}" for n in notices]
    for n in notices:
        out += ["", rule, f"{n.name} {n.version}", f"Licence: {n.licence}"]
        if n.homepage:
            out.append(f"Home page: {n.homepage}")
        out.append(rule)
        for file_name, text in n.texts:
            out += ["", f"--- {file_name} ---", "", text.rstrip()]
    return "\n".join(out) + "\n"


def app_version() -> str:
    sys.path.insert(0, str(HERE))
    import appinfo

    return appinfo.version()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--root", default="recovery-planner", help="the distribution whose dependencies to list")
    ap.add_argument("--check", action="store_true", help="fail if a distribution ships no licence text")
    args = ap.parse_args(argv)
    notices = collect(args.root)
    missing = [n.name for n in notices if not n.texts]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(notices, app_version()), encoding="utf-8")
    print(f"make_notices: {len(notices)} components -> {args.out}")
    if missing:
        print(f"make_notices: no licence text found for: {', '.join(missing)}", file=sys.stderr)
        if args.check:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
