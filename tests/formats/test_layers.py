"""formats/ imports the domain and its parsing libraries only: no Qt, no database, no plotting, no services."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

FORMATS = Path(__file__).parents[2] / "recovery_planner" / "formats"
ALLOWED_THIRD_PARTY = {"gpxpy", "fitdecode", "defusedxml"}
ALLOWED_OWN = {"domain"}


def imports(path: Path) -> list[tuple[int, str]]:
    """(relative level, module) of every import in the file."""
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out += [(0, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append((node.level, node.module or ""))
    return out


def test_formats_imports_only_the_domain_and_parsers():
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    bad = []
    for path in sorted(FORMATS.glob("*.py")):
        for level, module in imports(path):
            top = module.split(".")[0]
            if level == 0 and top not in stdlib | ALLOWED_THIRD_PARTY:
                bad.append(f"{path.name}: {module}")
            elif level == 2 and top not in ALLOWED_OWN:  # from ..x import
                bad.append(f"{path.name}: ..{module}")
            elif level > 2:
                bad.append(f"{path.name}: {'.' * level}{module}")
    assert bad == []
