"""Run the CLI and end the process abruptly at the Nth fsync or rename (fault injection, in-process, portable).

Usage: python faulty_cli.py {fsync|rename} N ARGS...   (exit status 86 when the fault fired)

The hook wraps ``os.fsync`` and ``os.replace``/``os.rename`` for the whole process; at the Nth call of the
chosen kind it calls ``os._exit`` before the call happens, as a power cut or ``kill -9`` at that moment would
(without the power cut's loss of unsynced data). Every earlier call runs normally.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

FAULT_EXIT = 86


def install(kind: str, n: int) -> None:
    names = {"fsync": ("fsync",), "rename": ("replace", "rename")}[kind]
    calls = 0

    def wrap(real):
        def faulty(*args, **kwargs):
            nonlocal calls
            calls += 1
            if calls == n:
                os._exit(FAULT_EXIT)
            return real(*args, **kwargs)

        return faulty

    for name in names:
        setattr(os, name, wrap(getattr(os, name)))


def main() -> int:
    kind, n, argv = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    install(kind, n)
    from recovery_planner.cli.main import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
