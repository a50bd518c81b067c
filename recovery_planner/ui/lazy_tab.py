"""A tab whose page is built the first time it is shown or asked for.

Start-up builds only what the first screen shows; a tab that is not on it holds an empty placeholder until
the runner opens it (or the window needs the page, for example to show a new plan). The built page then
takes the placeholder's place, so ``tabs.indexOf(page)`` and ``tabs.setCurrentWidget(page)`` work as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QTabWidget, QWidget

PageT = TypeVar("PageT", bound=QWidget)


class LazyTab(Generic[PageT]):
    """One tab of ``tabs``, titled ``title``, whose page ``build()`` makes on first use."""

    def __init__(self, tabs: QTabWidget, title: str, build: Callable[[], PageT]) -> None:
        self._tabs = tabs
        self._title = title
        self._build = build
        self._page: PageT | None = None
        self.placeholder = QWidget()
        self.placeholder.setAccessibleName(title)
        tabs.addTab(self.placeholder, title)

    @property
    def built(self) -> bool:
        return self._page is not None

    def widget(self) -> QWidget:
        """What the tab holds now: the page once built, else the placeholder."""
        return self._page if self._page is not None else self.placeholder

    def page(self) -> PageT:
        """The page, built now if it was not yet (it replaces the placeholder in the same place)."""
        if self._page is None:
            page = self._build()
            index = self._tabs.indexOf(self.placeholder)
            was_current = self._tabs.currentIndex() == index
            blocked = self._tabs.blockSignals(True)  # the swap is not a change of tab
            try:
                self._tabs.insertTab(index, page, self._title)
                self._tabs.removeTab(index + 1)
                if was_current:
                    self._tabs.setCurrentIndex(index)
            finally:
                self._tabs.blockSignals(blocked)
            self.placeholder.deleteLater()
            self._page = page
        return self._page
