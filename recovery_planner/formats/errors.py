"""Why a file could not be read, in words for the runner (each message names the file)."""

from __future__ import annotations


class FormatError(ValueError):
    """A file cannot be used. ``refused`` files stop an import; the others are skipped with a note."""

    refused = True

    def __init__(self, name: str, problem: str):
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}")


class TooLargeError(FormatError):
    """The file (or the data in an archive) is larger than the limit."""


class DamagedError(FormatError):
    """The file is cut off, fails its checksum, or is not valid XML/FIT."""


class UnsafeError(FormatError):
    """The XML declares entities or external references (billion laughs, XXE): never expanded."""


class NotAnActivityError(FormatError):
    """A readable file that holds no activity to import (a route, a settings file, no times)."""

    refused = False
