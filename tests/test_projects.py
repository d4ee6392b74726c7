"""Whole small projects, scanned as one: the exact set of (file, rule, line) they must produce.

Each project under `tests/projects/` marks every expected finding on its line
with `# expect: RULE` (`{# expect: RULE #}` in templates), in Python files and
templates alike; `# audit: RULE` marks a finding reported only in audit mode.
The `*_secure` variants must produce nothing at all, in either mode.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from secpat.config import load_config
from secpat.discovery import TEMPLATE_SUFFIXES
from secpat.engine import ScanOptions, scan

PROJECTS = Path(__file__).parent / "projects"
_ANNOTATION = re.compile(r"#\s*(expect|audit):\s*([A-Z]+\d{3}(?:[\s,]+[A-Z]+\d{3})*)")


def projects() -> list[Path]:
    return sorted(p for p in PROJECTS.iterdir() if p.is_dir())


def expected(project: Path) -> set[tuple[str, str, int, bool]]:
    found = set()
    for file in sorted(project.rglob("*")):
        if file.suffix != ".py" and file.suffix not in TEMPLATE_SUFFIXES:
            continue
        rel = file.relative_to(project).as_posix()
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            for match in _ANNOTATION.finditer(line):
                for rule_id in re.split(r"[\s,]+", match.group(2).strip()):
                    found.add((rel, rule_id, number, match.group(1) == "audit"))
    return found


def found(project: Path) -> set[tuple[str, str, int, bool]]:
    """(path, rule, line, shown only in audit mode) for every finding of an audit-mode scan."""
    config = load_config(project, overrides={"min-confidence": "low", "audit": True})
    result = scan([project], config, ScanOptions(use_cache=False, jobs=1))
    assert not [n for n in result.notices if n.blocking], result.notices
    return {(f.location.path, f.rule_id, f.location.line, f.audit) for f in result.findings}


@pytest.mark.parametrize("project", projects(), ids=lambda p: p.name)
def test_project_findings_are_exactly_the_annotated_ones(project: Path) -> None:
    want, got = expected(project), found(project)
    assert got == want, f"missed: {sorted(want - got)}\nextra: {sorted(got - want)}"


@pytest.mark.parametrize("project", [p for p in projects() if p.name.endswith("_secure")], ids=lambda p: p.name)
def test_secure_variant_is_silent(project: Path) -> None:
    assert not expected(project), "a secure variant carries no expectations"
    assert found(project) == set()


def test_every_framework_has_both_variants() -> None:
    names = {p.name for p in projects()}
    for framework in (
        "django",
        "django_legacy",
        "flask",
        "quart",
        "fastapi",
        "starlette",
        "litestar",
        "aiohttp",
        "pyramid",
        "httpserver",
        "lambda",
    ):
        assert {f"{framework}_vulnerable", f"{framework}_secure"} <= names
