"""The packages stack in one direction: the semantic model knows nothing of the data flow, the rules or the
frameworks built on it, so each can be read, typed and tested on its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "secpat"

#: package -> the packages above it, which it must never import (at module level or inside a function)
_BELOW = {
    "model": ("secpat.dataflow", "secpat.rules", "secpat.frameworks", "secpat.engine", "secpat.cli"),
    "parsing": ("secpat.model", "secpat.dataflow", "secpat.rules", "secpat.frameworks", "secpat.engine"),
}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("package", sorted(_BELOW))
def test_lower_packages_import_nothing_above_them(package: str) -> None:
    files = sorted((SRC / package).rglob("*.py"))
    assert files
    wrong = {
        (f.relative_to(SRC).as_posix(), name)
        for f in files
        for name in _imports(f)
        if any(name == above or name.startswith(above + ".") for above in _BELOW[package])
    }
    assert not wrong, sorted(wrong)
