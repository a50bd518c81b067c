"""Help > User guide and Help > Glossary: the README's user guide and a short glossary, shown offline.

The guide ships as ``recovery_planner/resources/help/user-guide.md``, made from the README by
``tests/tools/make_help.py`` (a test checks the two agree); pictures are left out, links stay text.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

HELP_FOLDER = ("resources", "help")
GUIDE_FILE = "user-guide.md"
GLOSSARY_FILE = "glossary.md"
GUIDE_END = "## For developers"


def user_guide_markdown(readme: str) -> str:
    """The user-guide part of the README (everything before the developers' section), without pictures."""
    guide = readme.split(GUIDE_END, 1)[0]
    lines = [line for line in guide.splitlines() if not re.match(r"\s*!\[", line)]
    return "\n".join(lines).strip() + "\n"


def help_text(name: str) -> str:
    """A packaged help file's markdown."""
    return _package_folder(HELP_FOLDER).joinpath(name).read_text(encoding="utf-8")


def _browser(markdown: str, name: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenExternalLinks(False)
    browser.setOpenLinks(False)  # no network and no files: links are shown, not followed
    browser.setMarkdown(markdown)
    browser.setAccessibleName(name)
    return browser


class HelpWindow(QDialog):
    """A non-modal window with two tabs: the user guide and the glossary."""

    def __init__(self, parent: QWidget | None = None, start: str = "guide") -> None:
        super().__init__(parent)
        self.setWindowTitle("Recovery Planner help")
        self.setModal(False)
        self.tabs = QTabWidget()
        self.guide = _browser(help_text(GUIDE_FILE), "User guide")
        self.glossary = _browser(help_text(GLOSSARY_FILE), "Glossary")
        self.tabs.addTab(self.guide, "User guide")
        self.tabs.addTab(self.glossary, "Glossary")
        self.show_page(start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def show_page(self, page: str) -> None:
        """'guide' or 'glossary'."""
        self.tabs.setCurrentWidget(self.glossary if page == "glossary" else self.guide)


def _package_folder(parts: tuple[str, ...]) -> Any:
    """A folder inside the package's resources (one joinpath per part: some Pythons take only one)."""
    folder: Any = resources.files("recovery_planner")
    for part in parts:
        folder = folder.joinpath(part)
    return folder
