"""Light, dark or system appearance for the whole app, the diagram and the charts included.

Qt 6.8+ can ask the platform for a colour scheme (``QStyleHints.setColorScheme``); where the platform
does not honour it (many Linux desktops, older Qt, offscreen), the app switches to the Fusion style with
its own palette, so "Dark" is dark everywhere. The diagram and the charts read the palette.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")
_DARK_COLOURS = {
    QPalette.ColorRole.Window: "#1e1f22",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#2b2d30",
    QPalette.ColorRole.AlternateBase: "#323438",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#2f3136",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Highlight: "#3d6fb6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7fb2ff",
    QPalette.ColorRole.LinkVisited: "#c49bff",
    QPalette.ColorRole.PlaceholderText: "#9a9ea6",
    QPalette.ColorRole.ToolTipBase: "#2b2d30",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.Light: "#44474d",
    QPalette.ColorRole.Midlight: "#393c41",
    QPalette.ColorRole.Mid: "#2a2c30",
    QPalette.ColorRole.Dark: "#141518",
    QPalette.ColorRole.Shadow: "#000000",
}
_DISABLED = {
    QPalette.ColorRole.WindowText: "#7c8088",
    QPalette.ColorRole.Text: "#7c8088",
    QPalette.ColorRole.ButtonText: "#7c8088",
    QPalette.ColorRole.Base: "#26282b",
    QPalette.ColorRole.Button: "#26282b",
}
_state: dict[str, object] = {}


def dark_palette() -> QPalette:
    """The app's own dark palette (used with Fusion where the platform cannot switch)."""
    palette = QPalette()
    for role, colour in _DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    """Fusion's standard light palette."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the (application's) palette has a dark window background."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _remember_platform_look(app: QApplication) -> None:
    if "style" not in _state:
        _state["style"] = app.style().name()
        _state["palette"] = QPalette(app.palette())


def _scheme_request(theme: str) -> bool:
    """Ask the platform (Qt 6.8+) for the scheme; True when it now reports the one asked for."""
    hints = QGuiApplication.styleHints()
    if not hasattr(hints, "setColorScheme"):
        return theme == "system"
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(theme, Qt.ColorScheme.Unknown)
    hints.setColorScheme(wanted)
    return theme == "system" or hints.colorScheme() == wanted


def apply_theme(theme: str, app: QApplication | None = None) -> str:
    """Apply 'system', 'light' or 'dark' now; returns how: 'platform' or 'fusion'.

    Safe to call again when the preference changes: 'system' brings back the platform's own look.
    """
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        raise RuntimeError("apply_theme needs a QApplication")
    theme = theme if theme in THEMES else "system"
    if theme != "system":  # the platform's own look, to come back to (the first screen in "system" needs none)
        _remember_platform_look(app)
    honoured = _scheme_request(theme)
    if theme == "system" or (honoured and is_dark(QGuiApplication.palette()) == (theme == "dark")):
        if _state.get("overridden"):
            app.setStyle(str(_state["style"]))
            app.setPalette(_state["palette"])  # type: ignore[arg-type]
            _state["overridden"] = False
        return "platform"
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else light_palette())
    _state["overridden"] = True
    return "fusion"
