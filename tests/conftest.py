"""Test-wide set-up: Qt runs offscreen and nothing touches the real user data folder."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = tempfile.mkdtemp(prefix="recovery-planner-tests-")
os.environ["RECOVERY_PLANNER_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "xdg-data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "xdg-config")
os.environ["HOME"] = os.path.join(_SANDBOX, "home")
os.makedirs(os.environ["HOME"], exist_ok=True)
