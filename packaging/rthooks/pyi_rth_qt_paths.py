"""Runtime hook replacing PyInstaller's pyi_rth_pyside6: set Qt's plugin path without importing QtCore.

PyInstaller's hook imports PySide6.QtCore at every start (to register a qt.conf that PyPI wheels do not
need), which loads Qt and ICU before the first line of the app, and makes every CLI command as slow to start as
the GUI. The PyPI wheels' Qt finds its prefix relative to its own library; the plugin path is all it needs.
"""

import os
import sys


def _qt_paths() -> None:
    base = sys._MEIPASS  # type: ignore[attr-defined]  # set by the PyInstaller bootloader
    qt = os.path.join(base, "PySide6") if sys.platform == "win32" else os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    if sys.platform == "win32":  # the Qt DLLs sit in PySide6/ next to the extension modules
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")


_qt_paths()
del _qt_paths
