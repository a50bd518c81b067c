"""Write the packaged user guide from the README: .venv/bin/python tests/tools/make_help.py"""

from __future__ import annotations

from pathlib import Path

from recovery_planner.ui.help_window import GUIDE_FILE, user_guide_markdown

ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    target = ROOT / "recovery_planner" / "resources" / "help" / GUIDE_FILE
    target.write_text(user_guide_markdown((ROOT / "README.md").read_text(encoding="utf-8")), encoding="utf-8")
    print(target)
