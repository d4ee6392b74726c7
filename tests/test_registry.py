"""Rule metadata: unique, complete, documented, and each rule's own examples behave."""

from __future__ import annotations

from pathlib import Path

import pytest

from secpat.config import load_config
from secpat.engine import ScanOptions, scan
from secpat.patterns import BY_NUMBER
from secpat.report import rules_doc
from secpat.rules import registry

RULES = registry.all_rules()
STATIC = [r for r in RULES if r.kind == "static"]
DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_ids_and_names_are_unique_and_well_formed() -> None:
    assert len({r.id for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        if rule.pattern:
            assert rule.id.startswith(BY_NUMBER[rule.pattern].prefix), rule.id
            assert rule.owasp.startswith("A")
        assert registry.get(rule.id) is rule and registry.get(rule.name) is rule


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_fully_described(rule: registry.Rule) -> None:
    for text in (rule.title, rule.why, rule.bad, rule.good, rule.fix):
        assert text.strip(), rule.id
    assert rule.cwe > 0
    assert len(rule.why) > 80, "the why should explain, not name"


def test_docs_page_is_generated_from_the_records() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules_doc.render(RULES), (
        "docs/rules.md is stale: run `secpat rules --format markdown > docs/rules.md`"
    )


def _example_name(rule: registry.Rule) -> str:
    """Examples of template rules are templates when they read as one."""
    kinds = {kind for check in registry.file_checks() if rule in check.rules for kind in check.kinds}
    return "example.html" if "template" in kinds and "python" not in kinds else "example.py"


def _found(directory: Path, code: str, name: str = "example.py", audit: bool = False) -> set[str]:
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(code + "\n", encoding="utf-8")
    config = load_config(directory, overrides={"min-confidence": "low", "audit": audit})
    result = scan([directory], config, ScanOptions(use_cache=False, jobs=1))
    assert not [n for n in result.notices if n.blocking]
    return {f.rule_id for f in result.findings}


@pytest.mark.parametrize("rule", STATIC, ids=lambda r: r.id)
def test_bad_example_is_reported_and_good_example_is_silent(rule: registry.Rule, tmp_path: Path) -> None:
    name = _example_name(rule)
    assert rule.id in _found(tmp_path / "bad", rule.bad, name, audit=rule.id in AUDIT_ONLY)
    assert rule.id not in _found(tmp_path / "good", rule.good, name)
    assert rule.id not in _found(tmp_path / "good", rule.good, name, audit=True)


#: Rules whose findings are all audit findings by definition: their bad example is reported in audit mode.
AUDIT_ONLY = {"SQL001", "RATE004"}
