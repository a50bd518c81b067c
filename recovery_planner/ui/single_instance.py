"""One running app per data folder: a second start asks the first to come forward, then exits.

The first start listens on a local socket (QLocalServer: a Unix domain socket on Linux/macOS, a named pipe
on Windows; never a network port) whose name is a hash of the user and the resolved data folder, so two
folders can be open at once but one folder only once. A later start connects, sends ``activate`` and
quits; the first emits :attr:`SingleInstance.activated` and the app raises its window. A socket left behind
by a killed app answers nobody: it is removed and taken over.
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

MESSAGE = b"activate\n"
CONNECT_TIMEOUT_MS = 500
WRITE_TIMEOUT_MS = 1000
MAX_MESSAGE = 64  # bytes read from a connecting instance, at most


def _user() -> str:
    """Who runs the app: the numeric user id where there is one (POSIX), else the login name (Windows)."""
    return str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")


def server_name(data_dir: str | Path) -> str:
    """The local socket name for this user and data folder (the same for every spelling of the path)."""
    folder = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    digest = zlib.crc32(f"{_user()}\0{folder}".encode())  # a name, not a secret: a checksum keeps it short
    name = f"recovery-planner-{digest:08x}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform.startswith("linux") and runtime and os.path.isdir(runtime):
        return os.path.join(runtime, name)  # per-user, mode 0700; Qt would otherwise use the shared /tmp
    return name


class SingleInstance(QObject):
    """Claim the data folder for this process, or hand over to the process that has it.

    ``claim()`` returns True when this process is the one to open the window (it keeps listening until
    ``close()`` or exit) and False when another one already has the folder open (it was asked to come
    forward; this process should exit).
    """

    activated = Signal()

    def __init__(self, data_dir: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        if self._ask_running_instance():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Someone may have started listening since we asked, or the socket is a dead app's leftover.
            if server.serverError() == QAbstractSocket.SocketError.AddressInUseError and self._ask_running_instance():
                return False
            QLocalServer.removeServer(self.name)  # stale: nobody answered on it
            if not server.listen(self.name):
                # Cannot listen (e.g. no writable temp folder): run without single-instance protection
                # rather than not at all.
                return True
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _ask_running_instance(self) -> bool:
        """True if a running instance accepted our ``activate`` message."""
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
