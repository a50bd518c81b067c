"""Help menu pieces: About Qt and the third-party notices viewer; the app's desktop id.

The notices file (THIRD-PARTY-NOTICES.txt) is made at build time by packaging/make_notices.py and ships in
the bundle; an app run from a Python install shows a summary from the installed packages' metadata instead.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from .app_id import DESKTOP_ID as DESKTOP_ID  # re-exported: the id of the .desktop file, metainfo, icons, bundle

NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
DISTRIBUTION = "recovery-planner"


def notices_path() -> Path | None:
    """The bundled notices file, or None when running from a Python install."""
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    for folder in (getattr(sys, "_MEIPASS", None), exe_dir, exe_dir / "_internal"):
        if folder and (Path(folder) / NOTICES_NAME).is_file():
            return Path(folder) / NOTICES_NAME
    return None


def _licence(meta: dict) -> str:
    """SPDX expression, else a one-line License field, else the licence classifiers."""
    if meta.get("license_expression"):
        return str(meta["license_expression"])
    text = str(meta.get("license") or "").strip()
    if text and "\n" not in text and len(text) < 80:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get("classifier", []) if c.startswith("License ::")]
    return " / ".join(classifiers) or "see the package's licence file"


def installed_summary() -> str:
    """One line per runtime dependency (recursively): name, version, licence, from the installed metadata."""
    seen: dict[str, str] = {}
    queue = [DISTRIBUTION]
    while queue:
        name = queue.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            seen[key] = f"{name}: not installed"
            continue
        meta = dist.metadata.json  # lower-case keys: "name", "license_expression", "license", "classifier"
        seen[key] = f"{meta.get('name', name)} {dist.version}: {_licence(meta)}"
        for req in dist.requires or []:
            spec, _, marker = req.partition(";")
            if "extra" not in marker:
                match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
                if match:
                    queue.append(match.group(1))
    lines = [line for key, line in sorted(seen.items()) if key != DISTRIBUTION]
    return (
        "Recovery Planner is MIT-licensed and uses these packages, each under its own licence "
        "(their licence files are installed with them):\n\n" + "\n".join(lines) + "\n\n"
        "Qt and PySide6 are used under the GNU Lesser General Public License v3 (LGPL-3.0).\n"
    )


def notices_text() -> str:
    path = notices_path()
    if path is not None:
        return path.read_text(encoding="utf-8", errors="replace")
    return installed_summary()


def show_about_qt(parent: QWidget | None) -> None:
    QMessageBox.aboutQt(parent, "About Qt")


def notices_dialog(parent: QWidget | None) -> QDialog:
    """A read-only viewer of the third-party notices (returned unshown, for tests and `show_notices`)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Third-party notices")
    dialog.resize(820, 600)
    layout = QVBoxLayout(dialog)
    intro = QLabel("Recovery Planner is free software under the MIT licence. It is built on the following software:")
    intro.setWordWrap(True)
    layout.addWidget(intro)
    text = QPlainTextEdit(dialog)
    text.setObjectName("noticesText")
    text.setReadOnly(True)
    text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    text.setPlainText(notices_text())
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog


def show_notices(parent: QWidget | None) -> None:
    notices_dialog(parent).exec()
