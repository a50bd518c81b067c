"""Run one data command: open the data folder, build the application context, map errors to exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..formats.output_files import ExportPathError
from ..services.context import AppContext
from ..storage import Repository, StorageError

ContextHandler = Callable[[argparse.Namespace, AppContext], int]


def run_with_context(args: argparse.Namespace, handler: ContextHandler) -> int:
    """``handler(args, ctx)``; a known problem becomes a message on standard error and its exit code."""
    try:
        repo = Repository.open(getattr(args, "data_dir", None))
    except StorageError as exc:
        print(str(exc), file=sys.stderr)
        return getattr(exc, "exit_code", 2)
    try:
        for warning in repo.warnings:
            print(f"Note: {warning}", file=sys.stderr)
        return handler(args, AppContext(repo))
    except (StorageError, ExportPathError, ValueError, LookupError) as exc:
        print(str(exc), file=sys.stderr)
        return getattr(exc, "exit_code", 2)
    except OSError as exc:
        print(f"{exc.filename or 'file'}: {exc.strerror}", file=sys.stderr)
        return 2
    finally:
        repo.close()
