"""One running app per data folder: a second start asks the first to come forward, then exits.

Two parts, both named by a hash of the user and the resolved data folder (so two folders can be open at
once, one folder only once):

- a lock file (QLockFile, in the user's runtime or temp folder) decides who has the folder. A lock left by
  a killed app names a process that no longer runs; Qt sees that and the next start takes it over;
- a local socket (QLocalServer: a Unix domain socket on Linux/macOS, a named pipe on Windows; never a
  network port) on which the owner listens once its window is up (``listen``). A later start connects,
  sends ``activate`` and quits; the owner emits :attr:`SingleInstance.activated` and raises its window.

The socket waits for the window because loading Qt's network module costs start-up time; a second start
in that moment keeps asking for a few seconds.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

MESSAGE = b"activate\n"
CONNECT_TIMEOUT_MS = 500
WRITE_TIMEOUT_MS = 1000
ASK_FOR_S = 5.0  # how long a second start keeps asking an owner whose window is still opening
MAX_MESSAGE = 64  # bytes read from a connecting instance, at most


def _user() -> str:
    """Who runs the app: the numeric user id where there is one (POSIX), else the login name (Windows)."""
    return str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")


def _private_folder() -> str | None:
    """Linux's per-user runtime folder (mode 0700), where there is one; else None (Qt's default place)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform.startswith("linux") and runtime and os.path.isdir(runtime):
        return runtime
    return None


def _name(data_dir: str | Path) -> str:
    folder = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    digest = zlib.crc32(f"{_user()}\0{folder}".encode())  # a name, not a secret: a checksum keeps it short
    return f"recovery-planner-{digest:08x}"


def server_name(data_dir: str | Path) -> str:
    """The local socket name for this user and data folder (the same for every spelling of the path)."""
    runtime = _private_folder()
    return os.path.join(runtime, _name(data_dir)) if runtime else _name(data_dir)


def lock_path(data_dir: str | Path) -> str:
    """The lock file for this user and data folder (the runtime folder on Linux, else the user's temp folder)."""
    return os.path.join(_private_folder() or tempfile.gettempdir(), _name(data_dir) + ".lock")


class SingleInstance(QObject):
    """Claim the data folder for this process, or hand over to the process that has it.

    ``claim()`` returns True when this process is the one to open the window (it holds the folder until
    ``close()`` or exit; ``listen()`` then lets later starts reach it) and False when another process already
    has the folder open (it was asked to come forward; this process should exit).
    """

    activated = Signal()

    def __init__(self, data_dir: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._lock = QLockFile(lock_path(data_dir))
        self._lock.setStaleLockTime(0)  # held for as long as the app runs: stale only when its process is gone
        self._server: QLocalServer | None = None
        self.handed_over = False  # after a failed claim: the running app got our message

    def claim(self) -> bool:
        if self._lock.tryLock(0):
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            # The lock cannot be written (no writable folder): run without the protection rather than not at all.
            return True
        self.handed_over = self._ask_running_instance()
        return False

    def listen(self) -> None:
        """Answer later starts (call once the window is up). Any socket on our name is a dead app's leftover:
        this process holds the lock."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None or not self._lock.isLocked():
            return
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)
        if server.listen(self.name):  # else (e.g. no writable temp folder) later starts just exit
            server.newConnection.connect(self._on_connection)
            self._server = server

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _ask_running_instance(self, ask_for: float = ASK_FOR_S) -> bool:
        """True if the running instance accepted our ``activate`` message (it may still be opening: retry)."""
        deadline = time.monotonic() + ask_for
        while True:
            if self._send_activate():
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def _send_activate(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(MESSAGE)
        sent = socket.waitForBytesWritten(WRITE_TIMEOUT_MS) or socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(WRITE_TIMEOUT_MS)
        return sent

    def _on_connection(self) -> None:
        assert self._server is not None
        while (conn := self._server.nextPendingConnection()) is not None:
            conn.setReadBufferSize(MAX_MESSAGE)
            conn.readyRead.connect(self._on_ready_read)
            conn.disconnected.connect(conn.deleteLater)
            if conn.bytesAvailable():
                self._read(conn)

    def _on_ready_read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        conn = self.sender()
        if isinstance(conn, QLocalSocket):
            self._read(conn)

    def _read(self, conn: QLocalSocket) -> None:
        data = bytes(conn.read(MAX_MESSAGE).data())
        if data.startswith(MESSAGE.strip()):
            self.activated.emit()


def bring_to_front(window) -> None:
    """Show a window that may be minimised or behind others, and give it the focus (None: nothing shown yet)."""
    from PySide6.QtCore import Qt

    if window is None:
        return
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
