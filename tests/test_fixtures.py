"""Annotated fixtures: the single source of truth for rule behaviour.

Every line that must be reported ends with `# expect: RULE[, RULE]`; every
other line must produce nothing. `# ok: RULE` marks a look-alike that must
stay silent (it is also checked by the "no extra finding" rule, and counted by
the meta-test). `# todo-expect: RULE` records a known miss honestly: the test
passes while it is missed and fails once it is found, so the note gets removed.
`# audit: RULE` marks a finding that must be reported only in audit mode
(`--audit`): it rests on a name or an API alone, not on evidence. Each fixture
is scanned once in audit mode, and the findings marked audit must be exactly
the `audit:` lines, the others exactly the `expect:` lines.

Fixtures live under `tests/fixtures/<pattern>/`, and each is checked for the
rules of its own pattern only: a Flask app written to test XSS would otherwise
also have to carry rate-limit and CSRF annotations. Whole applications, checked
for every rule, are the projects under `tests/projects/`.

A top-level fixture file is scanned alone; a fixture directory is scanned as
one project (for flows across modules). Templates are annotated the same way
inside a Jinja2 / Django comment: `{# expect: XSS004 #}`; env and config files
(`.env*`, YAML, TOML, INI, CFG, Dockerfile) in their own `#` comments.

JSON has no comments, and some findings are about a whole file (line 0): a
fixture directory may hold an `EXPECT` file with one `path:line RULE` line per
expected finding, `path:line ok RULE` per look-alike that must stay silent and `path:line audit RULE`
per finding of audit mode only.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from secpat.config import load_config
from secpat.discovery import classify
from secpat.engine import ScanOptions, scan
from secpat.rules import registry

FIXTURES = Path(__file__).parent / "fixtures"
_ANNOTATION = re.compile(r"#\s*(expect|audit|ok|todo-expect|todo-ok):\s*([A-Z]+\d{3}(?:[\s,]+[A-Z]+\d{3})*)")


_ANNOTATED_SUFFIXES = {".py", ".html", ".htm", ".jinja", ".jinja2", ".j2", ".djhtml"}


def _annotated(path: Path) -> bool:
    return path.suffix in _ANNOTATED_SUFFIXES or classify(path.name) in ("env", "config")


def fixture_cases() -> list[Path]:
    cases = []
    for pattern_dir in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for entry in sorted(pattern_dir.iterdir()):
            if _annotated(entry) or entry.is_dir():
                cases.append(entry)
    return cases


def annotations(path: Path) -> dict[str, set[tuple[str, int]]]:
    found: dict[str, set[tuple[str, int]]] = {
        "expect": set(),
        "audit": set(),
        "ok": set(),
        "todo-expect": set(),
        "todo-ok": set(),
    }
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if _annotated(p))
    for file in files:
        rel = file.name if path.is_file() else file.relative_to(path).as_posix()
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            for match in _ANNOTATION.finditer(line):
                for rule_id in re.split(r"[\s,]+", match.group(2).strip()):
                    found[match.group(1)].add((f"{rel}:{rule_id}", number))
    sidecar = path / "EXPECT"
    if path.is_dir() and sidecar.is_file():
        for entry in sidecar.read_text(encoding="utf-8").splitlines():
            if entry.strip() and not entry.lstrip().startswith("#"):
                where, *flags, rule_id = entry.split()
                rel, _, number = where.rpartition(":")
                found[flags[0] if flags in (["ok"], ["audit"]) else "expect"].add((f"{rel}:{rule_id}", int(number)))
    return found


PATTERN_DIRS = {
    "random": "RND",
    "passwords": "PWD",
    "jwt": "JWT",
    "sql": "SQL",
    "xss": "XSS",
    "csrf": "CSRF",
    "ratelimit": "RATE",
    "logs": "LOG",
    "secrets": "SECRET",
    "config": "CONF",
}


def _prefix(path: Path) -> str:
    return PATTERN_DIRS[path.relative_to(FIXTURES).parts[0]]


def run(path: Path) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """(findings of the default mode, findings shown only in audit mode) as (path:rule, line)."""
    root = path.parent if path.is_file() else path
    config = load_config(
        root, overrides={"test-ignore": [], "min-confidence": "low", "select": [_prefix(path)], "audit": True}
    )
    result = scan([path], config, ScanOptions(use_cache=False, jobs=1))
    blocking = [n for n in result.notices if n.blocking]
    assert not blocking, blocking
    default = {(f"{f.location.path}:{f.rule_id}", f.location.line) for f in result.findings if not f.audit}
    audit = {(f"{f.location.path}:{f.rule_id}", f.location.line) for f in result.findings if f.audit}
    return default, audit


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_fixture(case: Path) -> None:
    notes = annotations(case)
    got, got_audit = run(case)
    wrong_mode = notes["audit"] ^ got_audit
    assert not wrong_mode, (
        f"audit-only findings differ: missed {sorted(notes['audit'] - got_audit)}, "
        f"extra {sorted(got_audit - notes['audit'])}"
    )
    expected = notes["expect"] | notes["todo-ok"]
    missed = expected - got
    extra = got - expected - notes["todo-expect"]
    assert not missed and not extra, f"missed: {sorted(missed)}\nextra: {sorted(extra)}"
    fixed = notes["todo-expect"] & got
    assert not fixed, f"now found, turn todo-expect into expect: {sorted(fixed)}"


def test_every_rule_has_positive_and_negative_fixtures() -> None:
    positives: Counter[str] = Counter()
    negatives: Counter[str] = Counter()
    projects = FIXTURES.parent / "projects"
    cases = fixture_cases() + (sorted(p for p in projects.iterdir() if p.is_dir()) if projects.is_dir() else [])
    for case in cases:
        notes = annotations(case)
        positives.update(key.split(":")[-1] for key, _ in notes["expect"] | notes["audit"])
        negatives.update(key.split(":")[-1] for key, _ in notes["ok"])
    checked = {
        rule.id
        for check in registry.file_checks() + registry.project_checks()
        for rule in check.rules
        if rule.kind == "static"
    }
    missing = sorted(r for r in checked if not positives[r] or not negatives[r])
    assert not missing, f"rules without both positive and negative fixture lines: {missing}"
