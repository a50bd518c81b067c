"""One app per data folder: real lock files and QLocalServer/QLocalSocket pairs, in this process and across
processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from recovery_planner.ui.single_instance import SingleInstance, lock_path, server_name

ROOT = Path(__file__).resolve().parents[2]

# A separate process that claims a data folder, says so, then waits (and reports an activation).
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QTimer
    from recovery_planner.ui.single_instance import SingleInstance

    app = QCoreApplication([])
    instance = SingleInstance(sys.argv[1])
    claimed = instance.claim()
    if claimed and "--listen" in sys.argv:
        instance.listen()
    if claimed and "--listen-late" in sys.argv:  # as the app does once its window is up
        QTimer.singleShot(1000, instance.listen)
    print("claimed" if claimed else "handed-over", flush=True)
    instance.activated.connect(lambda: (print("activated", flush=True), app.quit()))
    QTimer.singleShot(20000, app.quit)
    app.exec()
    """
)


@pytest.fixture
def runtime_dir(tmp_path, monkeypatch):
    """Sockets in a private runtime folder, so parallel test runs never meet."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def _start_child(data: Path, env_runtime: Path, listen: str = "--listen") -> subprocess.Popen:
    env = dict(os.environ, XDG_RUNTIME_DIR=str(env_runtime), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    args = [sys.executable, "-c", CHILD, str(data), listen]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "claimed"
    return proc


def test_same_folder_gets_the_same_name_however_spelt(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    assert server_name(data) == server_name(tmp_path / "data" / ".." / "data")
    assert server_name(data) != server_name(tmp_path)


def test_second_start_on_the_same_folder_activates_the_first(qtbot, tmp_path, runtime_dir):
    first, second = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert first.claim() is True
    first.listen()
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert second.claim() is False
    assert second.handed_over
    second.listen()  # not the owner: nothing to listen for
    assert not second.listening
    first.close()


def test_a_start_while_the_first_is_still_opening_is_refused(tmp_path, runtime_dir):
    """The lock is taken at once; the socket comes with the window. A start in between exits without
    opening the folder a second time, and says it could not reach the window."""
    first, second = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert first.claim() is True
    assert not first.listening
    second._ask_running_instance = lambda: second._send_activate()  # type: ignore[method-assign]  # no retries
    assert second.claim() is False
    assert not second.handed_over
    first.close()


def test_the_folder_is_free_again_once_the_owner_closes(tmp_path, runtime_dir):
    first = SingleInstance(tmp_path)
    assert first.claim()
    first.listen()
    first.close()
    again = SingleInstance(tmp_path)
    assert again.claim() is True
    again.close()


def test_other_folders_run_side_by_side(qtbot, tmp_path, runtime_dir):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = SingleInstance(tmp_path / "a"), SingleInstance(tmp_path / "b")
    assert a.claim() and b.claim()
    a.listen()
    b.listen()
    assert a.listening and b.listening
    a.close()
    b.close()


def test_a_stranger_on_the_socket_does_not_activate(qtbot, tmp_path, runtime_dir):
    first = SingleInstance(tmp_path)
    assert first.claim()
    first.listen()
    activations = []
    first.activated.connect(lambda: activations.append(1))
    sock = QLocalSocket()
    sock.connectToServer(first.name)
    assert sock.waitForConnected(1000)
    sock.write(b"hello\n")
    sock.waitForBytesWritten(1000)
    qtbot.wait(200)
    assert activations == []
    sock.abort()
    first.close()


def test_second_process_is_handed_over_to_the_running_one(qtbot, tmp_path, runtime_dir):
    child = _start_child(tmp_path, runtime_dir)
    try:
        assert SingleInstance(tmp_path).claim() is False
        out, _ = child.communicate(timeout=10)
        assert "activated" in out
    finally:
        child.kill()


def test_a_second_start_waits_for_a_window_still_opening(qtbot, tmp_path, runtime_dir):
    child = _start_child(tmp_path, runtime_dir, listen="--listen-late")
    try:
        second = SingleInstance(tmp_path)
        assert second.claim() is False
        assert second.handed_over, "the second start should have reached the first once it listened"
        out, _ = child.communicate(timeout=10)
        assert "activated" in out
    finally:
        child.kill()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes vanish with their process; no stale socket")
def test_socket_left_by_a_killed_app_is_recovered(qtbot, tmp_path, runtime_dir):
    child = _start_child(tmp_path, runtime_dir)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    stale = Path(server_name(tmp_path))
    assert stale.exists(), "the killed app should leave its socket file behind"
    assert Path(lock_path(tmp_path)).exists(), "and its lock file"
    probe = QLocalSocket()
    probe.connectToServer(str(stale))
    assert not probe.waitForConnected(300), "nobody should answer on a dead app's socket"

    revived = SingleInstance(tmp_path)
    assert revived.claim() is True
    revived.listen()
    assert revived.listening
    with qtbot.waitSignal(revived.activated, timeout=3000):
        assert SingleInstance(tmp_path).claim() is False
    revived.close()


def test_socket_is_private_to_the_user(tmp_path, runtime_dir):
    instance = SingleInstance(tmp_path)
    assert instance.claim()
    instance.listen()
    if sys.platform != "win32":
        mode = Path(instance.name).stat().st_mode & 0o777
        assert mode & 0o077 == 0, oct(mode)
    instance.close()
