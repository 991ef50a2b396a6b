"""No module binds a top-level name twice: the second binding silently replaces the first
for every reader, so a pattern written for one rule changes another (it happened twice in
the understanding rules: ``_CLAUSE_BREAK_RE``, ``_BACK_LATER_RE``)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(p for d in ("bot", "scheduler") for p in (ROOT / d).rglob("*.py"))


def _top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            read = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            # "PROTECTED = PROTECTED | {...}": an extension of the name, not a second one
            names += [t.id for t in node.targets if isinstance(t, ast.Name) and t.id not in read]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_top_level_name_is_bound_twice(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    twice = [name for name, n in Counter(_top_level_names(tree)).items() if n > 1]
    assert not twice, f"{path.name} binds {twice} more than once"
