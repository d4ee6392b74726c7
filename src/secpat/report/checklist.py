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
from secpat.uses import APPLIES_WHEN

_PREFIX = re.compile(r"^[A-Z]+")


class CheckState(enum.Enum):
    PASSED = "passed"  # its rules ran over something they judge, and found nothing
    FAILED = "failed"
    NOT_CHECKED = "not checked"  # its rules did not run
    NOTHING_TO_CHECK = "nothing to check"  # its rules ran, but nothing they judge was found
    HIDDEN = "hidden"  # nothing shown, but findings were hidden by an option


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    pattern: Pattern
    state: CheckState
    findings: int  # findings of this pattern's rules; 0 unless failed
    reason: str = ""  # why it is not plainly passed or failed, for people


#: How each option that hides findings is named in a reason.
_HIDDEN_BY = {
    "min-confidence": "below --min-confidence",
    "report-level": "below --report-level",
    "audit": "shown only with --audit",
    "diff-base": "already present at the --diff-base revision",
    "whole-project": "outside the files checked",
    "baseline": "accepted by the baseline",
}


def pattern_of(finding: Finding, rules: Mapping[str, Rule]) -> int:
    """The pattern number of a finding's rule; 0 for meta rules and unknown ids."""
    return pattern_of_rule(finding.rule_id, rules)


def pattern_of_rule(rule_id: str, rules: Mapping[str, Rule]) -> int:
    rule = rules.get(rule_id)
    if rule is not None:
        return rule.pattern
    # A rule whose record was not passed in still belongs to the pattern its id names.
    match = _PREFIX.match(rule_id)
    pattern = BY_PREFIX.get(match.group(0)) if match else None
    return pattern.number if pattern else 0


def build(result: ScanResult, rules: Mapping[str, Rule]) -> list[ChecklistRow]:
    """One row per pattern, 1 to 10: failed (with its count), not checked, hidden, nothing to check or passed."""
    counts = Counter(pattern_of(f, rules) for f in result.findings)
    # Why a pattern was not checked, when the result says (probe runs do).
    not_checked: Mapping[int, str] = getattr(result, "not_checked_reasons", None) or {}
    hidden: dict[int, Counter[str]] = {}
    for rule_id, option in result.hidden:
        hidden.setdefault(pattern_of_rule(rule_id, rules), Counter())[option] += 1
    rows = []
    for pattern in PATTERNS:
        count = counts.get(pattern.number, 0)
        reason = ""
        if count:
            # Findings prove a failure even where the pattern was only partly run.
            state = CheckState.FAILED
        elif pattern.number not in result.patterns_checked:
            # No findings from rules that never ran proves nothing: never "passed".
            state = CheckState.NOT_CHECKED
            reason = not_checked.get(pattern.number, "")
        elif pattern.number in hidden:
            state = CheckState.HIDDEN
            reason = "; ".join(
                f"{n} finding{'' if n == 1 else 's'} {_HIDDEN_BY.get(option, option)}"
                for option, n in sorted(hidden[pattern.number].items())
            )
        elif result.uses is not None and not (APPLIES_WHEN[pattern.number][0] & result.uses):
            # Rules that had nothing to judge found nothing: that is not a pass.
            state, reason = CheckState.NOTHING_TO_CHECK, APPLIES_WHEN[pattern.number][1]
        else:
            state = CheckState.PASSED
        rows.append(ChecklistRow(pattern, state, count, reason))
    return rows
