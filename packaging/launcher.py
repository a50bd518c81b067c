"""Entry script frozen by PyInstaller into both executables of the bundle.

``Recovery Planner`` (windowed) and ``recovery-planner`` (console) run this same script; the CLI decides
what to do from the arguments (no subcommand opens the GUI; see recovery_planner.app.main).
"""

import multiprocessing
import os
import sys


def _selftest() -> int:
    """RP_BUNDLE_SELFTEST=1 (smoke.py): import every app module and draw a chart, to catch anything the
    spec's excludes removed that some code path still needs (the GUI smoke start does not reach them all)."""
    import importlib
    import io
    import pkgutil

    import recovery_planner

    names = sorted(
        m.name
        for m in pkgutil.walk_packages(recovery_planner.__path__, "recovery_planner.")
        if not m.name.endswith("__main__")
    )
    for name in names:
        importlib.import_module(name)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(3, 2))
    FigureCanvasAgg(figure)
    ax = figure.subplots()
    ax.plot([0, 1, 2], [6, 4, 1], marker="o", label="calf")
    ax.set_title("Pain \u25b2\u25bc over time")
    ax.legend()
    out = io.BytesIO()
    figure.savefig(out, format="png", bbox_inches="tight")
    import PySide6.QtNetwork  # noqa: F401  (single instance)
    from PySide6.QtCore import QCollator, QLocale

    # Qt's collation comes from ICU (on Linux, the trimmed data): Unicode order puts a-umlaut before z, a plain
    # code-point comparison would not.
    if QCollator(QLocale("de_DE")).compare("\u00e4pfel", "zebra") >= 0:
        print("selftest: ICU collation is not working", flush=True)
        return 1

    print(f"selftest ok: {len(names)} app modules imported, chart PNG {len(out.getvalue())} bytes", flush=True)
    return 0


if __name__ == "__main__":
    # Frozen Windows builds re-run the executable for child processes; without this a child would
    # start a second app instead of the worker.
    multiprocessing.freeze_support()
    # A windowed Windows executable has no console: sys.stdout/stderr are None and any print() or
    # argparse message would raise. Send them nowhere instead.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

    if os.environ.get("RP_BUNDLE_SELFTEST") == "1":
        sys.exit(_selftest())

    from recovery_planner.app import main

    sys.exit(main())
