"""Entry script frozen by PyInstaller into both executables of the bundle.

``Recovery Planner`` (windowed) and ``recovery-planner`` (console) run this same script; the CLI decides
what to do from the arguments (no subcommand opens the GUI; see recovery_planner.app.main).
"""

import multiprocessing
import os
import sys

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

    from recovery_planner.app import main

    sys.exit(main())
