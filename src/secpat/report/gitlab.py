"""The GitLab Code Quality report: a JSON array of issues that GitLab shows in merge requests.

Each finding is one issue: description, check_name (the rule id), a fingerprint unique within
the report, a severity GitLab knows (high → critical, medium → major, low → minor) and the file
and line. A finding about a whole file is placed on its line 1; a finding of `secpat probe` names
the URL it is about.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from typing import Any

from secpat.findings import Finding, ScanResult, Severity
from secpat.report.escape import encodable_data
from secpat.report.formats import reporter
from secpat.rules.registry import Rule

SEVERITY = {Severity.HIGH: "critical", Severity.MEDIUM: "major", Severity.LOW: "minor"}


@reporter("gitlab", "GitLab Code Quality JSON, for the merge request widget")
def render(
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
    fail_on: Severity = Severity.LOW,
    statistics: bool = False,
) -> str:
    # A probe's findings are about paths of the app it probed, not files: name the whole URL.
    base = result.root.rstrip("/") if result.command == "probe" else ""
    seen: Counter[str] = Counter()
    issues = []
    for finding in result.sorted_findings():
        # GitLab keeps one issue per fingerprint: a second finding with the same code in the same
        # function gets its own, numbered by its place in the file.
        seen[finding.fingerprint] += 1
        issues.append(_issue(finding, rules.get(finding.rule_id), seen[finding.fingerprint], base))
    return json.dumps(encodable_data(issues), indent=2) + "\n"


def _issue(finding: Finding, rule: Rule | None, occurrence: int, base: str) -> dict[str, Any]:
    fingerprint = finding.fingerprint
    if occurrence > 1:
        fingerprint = hashlib.sha256(f"{fingerprint}\x1f{occurrence}".encode()).hexdigest()[:32]
    title = f"{rule.name}: " if rule else ""
    issue: dict[str, Any] = {
        "type": "issue",
        "description": f"{finding.rule_id} {title}{finding.message}",
        "check_name": finding.rule_id,
        "fingerprint": fingerprint,
        "severity": SEVERITY[finding.severity],
        "location": {"path": _path(finding.location.path, base), "lines": _lines(finding)},
        "categories": ["Security"],
    }
    if rule is not None:
        issue["content"] = {"body": f"{rule.why}\n\nFix: {rule.fix}\n\n{rule.help_uri}"}
    return issue


def _path(path: str, base: str) -> str:
    return path if not base or "://" in path else base + path


def _lines(finding: Finding) -> dict[str, int]:
    loc = finding.location
    lines = {"begin": max(loc.line, 1)}
    if loc.end_line is not None and loc.end_line > lines["begin"]:
        lines["end"] = loc.end_line
    return lines
