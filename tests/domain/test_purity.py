"""The domain package stays pure Python: standard library only, no Qt, storage or plotting."""

import ast
import sys
from pathlib import Path

DOMAIN = Path(__file__).parents[2] / "recovery_planner" / "domain"


def test_domain_imports_only_the_standard_library_and_itself():
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    bad = []
    for path in DOMAIN.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            bad += [f"{path.name}: {n}" for n in names if n.split(".")[0] not in stdlib]
    assert bad == []


def test_domain_reads_no_clock():
    offenders = [
        p.name for p in DOMAIN.glob("*.py") if "date.today" in p.read_text() or "datetime.now" in p.read_text()
    ]
    assert offenders == []
