"""Help > Third-party notices and About Qt (ui/about.py), from a bundle and from a Python install."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QPlainTextEdit

from recovery_planner.ui import about


def _viewer_text(qtbot) -> str:
    dialog = about.notices_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QPlainTextEdit, "noticesText")
    assert view is not None and view.isReadOnly()
    return view.toPlainText()


def test_bundle_shows_the_bundled_notices_file(qtbot, tmp_path, monkeypatch):
    (tmp_path / about.NOTICES_NAME).write_text("Recovery Planner notices\nGNU LESSER GENERAL PUBLIC LICENSE\n")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert about.notices_path() == tmp_path / about.NOTICES_NAME
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in _viewer_text(qtbot)


def test_python_install_lists_the_installed_packages_and_their_licences(qtbot, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert about.notices_path() is None
    text = _viewer_text(qtbot)
    from importlib.metadata import version

    assert f"PySide6_Essentials {version('PySide6-Essentials')}: LGPL-3.0" in text
    assert f"matplotlib {version('matplotlib')}" in text
    assert "pytest" not in text  # only what the app needs at run time


def test_about_qt_opens_qt_s_own_box(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(about.QMessageBox, "aboutQt", lambda parent, title: shown.append(title))
    about.show_about_qt(None)
    assert shown == ["About Qt"]
