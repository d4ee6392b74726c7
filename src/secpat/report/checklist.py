"""The ten-box release checklist computed from a scan result."""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from secpat.findings import Finding, ScanResult
from secpat.patterns import BY_PREFIX, PATTERNS, Pattern
from secpat.rules.registry import Rule

_PREFIX = re.compile(r"^[A-Z]+")


class CheckState(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_CHECKED = "not checked"


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    pattern: Pattern
    state: CheckState
    findings: int  # findings of this pattern's rules; 0 unless failed
    reason: str = ""  # why the pattern was not checked, when the result says (probe runs do)


def pattern_of(finding: Finding, rules: Mapping[str, Rule]) -> int:
    """The pattern number of a finding's rule; 0 for meta rules and unknown ids."""
    rule = rules.get(finding.rule_id)
    if rule is not None:
        return rule.pattern
    # A finding whose rule record was not passed in still belongs to the pattern its id names.
    match = _PREFIX.match(finding.rule_id)
    pattern = BY_PREFIX.get(match.group(0)) if match else None
    return pattern.number if pattern else 0


def build(result: ScanResult, rules: Mapping[str, Rule]) -> list[ChecklistRow]:
    """One row per pattern, 1 to 10: passed, failed (with its count) or not checked."""
    counts = Counter(pattern_of(f, rules) for f in result.findings)
    reasons: Mapping[int, str] = getattr(result, "not_checked_reasons", None) or {}
    rows = []
    for pattern in PATTERNS:
        count = counts.get(pattern.number, 0)
        if count:
            # Findings prove a failure even where the pattern was only partly run.
            state = CheckState.FAILED
        elif pattern.number in result.patterns_checked:
            state = CheckState.PASSED
        else:
            # No findings from rules that never ran proves nothing: never "passed".
            state = CheckState.NOT_CHECKED
        reason = reasons.get(pattern.number, "") if state is CheckState.NOT_CHECKED else ""
        rows.append(ChecklistRow(pattern, state, count, reason))
    return rows
