"""The rule reference page, generated from the rule records (docs/rules.md)."""

from __future__ import annotations

from collections.abc import Sequence

from secpat.patterns import BY_NUMBER
from secpat.rules.registry import Rule


def render(rules: Sequence[Rule]) -> str:
    lines = [
        "# Rule reference",
        "",
        "Generated from the rule records by `secpat rules --format markdown`; do not edit by hand.",
        "",
        "A rule's confidence is the most any of its findings carries; a finding on weaker evidence says less.",
        "A rule the real-code benchmark has measured is high only at a precision of 0.95 or more; a rule it",
        "has no findings of yet keeps what its evidence gives it. Figures: [precision.md](precision.md).",
        "",
        "| id | name | pattern | severity | confidence | CWE | title |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule in rules:
        pattern = BY_NUMBER[rule.pattern].name if rule.pattern in BY_NUMBER else "secpat"
        lines.append(
            f"| [{rule.id}](#{rule.id.lower()}) | `{rule.name}` | {pattern} | {rule.severity.value} "
            f"| {rule.confidence.value} | CWE-{rule.cwe} | {rule.title} |"
        )
    for rule in rules:
        lines += [
            "",
            f"## {rule.id}",
            "",
            f"**{rule.title}** (`{rule.name}`): severity {rule.severity.value}, confidence {rule.confidence.value}, "
            f"CWE-{rule.cwe}" + (f", {rule.owasp}" if rule.owasp else "") + ".",
            "",
            "### Why is this bad",
            "",
            rule.why,
            "",
            "### Example",
            "",
            "```python",
            rule.bad,
            "```",
            "",
            "### Use instead",
            "",
            "```python",
            rule.good,
            "```",
            "",
            "### Fix",
            "",
            rule.fix,
        ]
        if rule.references:
            lines += ["", "### References", "", *(f"- {ref}" for ref in rule.references)]
    return "\n".join(lines) + "\n"
