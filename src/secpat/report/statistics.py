"""Per-rule finding counts, most frequent first: what `--statistics` adds to every format."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from secpat.findings import ScanResult
from secpat.report import checklist
from secpat.rules.registry import Rule


def rows(result: ScanResult, rules: Mapping[str, Rule]) -> list[dict[str, Any]]:
    """One row per rule with findings: count, id, name, pattern and severity; by count, then id."""
    counts = Counter(f.rule_id for f in result.findings)
    severity = {f.rule_id: f.severity for f in result.findings}  # the rule's, or the finding's if unknown
    out = []
    for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = rules.get(rule_id)
        out.append(
            {
                "rule_id": rule_id,
                "rule_name": rule.name if rule else None,
                "pattern": checklist.pattern_of_rule(rule_id, rules),
                "severity": (rule.severity if rule else severity[rule_id]).value,
                "count": count,
            }
        )
    return out
