"""The JSON report: a versioned document described field by field in docs/json-output.md."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from typing import Any

from secpat import __version__
from secpat.findings import Finding, FlowStep, Location, Notice, ScanResult, Severity
from secpat.report import checklist
from secpat.report import statistics as stats
from secpat.report.escape import encodable_data
from secpat.report.formats import reporter
from secpat.rules.registry import Rule

#: Bumped only when a field is removed or changes meaning; new fields keep the version.
SCHEMA_VERSION = 1


@reporter("json", "a versioned document (docs/json-output.md)")
def render(
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,  # accepted so every reporter takes the same options; JSON has no colour
    fail_on: Severity = Severity.LOW,
    statistics: bool = False,
) -> str:
    # A file name that is not UTF-8 is shown escaped (`bad\\xff.py`): lone surrogates are not JSON text.
    doc = document(result, rules, fail_on=fail_on, statistics=statistics)
    return json.dumps(encodable_data(doc), indent=2) + "\n"


def document(
    result: ScanResult, rules: Mapping[str, Rule], *, fail_on: Severity = Severity.LOW, statistics: bool = False
) -> dict[str, Any]:
    """The report as plain data, before serialisation; "statistics" only when asked for."""
    doc = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "secpat", "version": __version__},
        "command": result.command,
        "root": result.root,
        "summary": _summary(result, fail_on),
        "findings": [_finding(f, rules.get(f.rule_id), rules) for f in result.sorted_findings()],
        "notices": [_notice(n) for n in sorted(result.notices, key=_notice_key)],
        "checklist": [_row(row) for row in checklist.build(result, rules)],
    }
    if statistics:
        doc["statistics"] = stats.rows(result, rules)
    return doc


def _summary(result: ScanResult, fail_on: Severity) -> dict[str, Any]:
    by_severity = Counter(f.severity for f in result.findings)
    return {
        "findings": len(result.findings),
        "by_severity": {s.value: by_severity[s] for s in sorted(Severity, reverse=True)},
        "fail_on": fail_on.value,
        "failing": sum(1 for f in result.findings if f.severity >= fail_on),
        "files_scanned": result.files_scanned,
        "suppressed": result.suppressed,
        "baselined": result.baselined,
        "notices": len(result.notices),
        "blocking_notices": sum(1 for n in result.notices if n.blocking),
        "duration_s": round(result.duration_s, 3),
    }


def _finding(finding: Finding, rule: Rule | None, rules: Mapping[str, Rule]) -> dict[str, Any]:
    loc = finding.location
    return {
        "rule_id": finding.rule_id,
        "rule_name": rule.name if rule else None,
        "pattern": checklist.pattern_of(finding, rules),
        "title": rule.title if rule else None,
        "severity": finding.severity.value,
        "confidence": finding.confidence.value,
        "audit": finding.audit,
        "cwe": finding.cwe or (rule.cwe if rule else None) or None,  # meta rules carry CWE 0
        "owasp": (rule.owasp or None) if rule else None,
        "message": finding.message,
        "path": loc.path,
        **_position(loc),
        "snippet": finding.snippet,
        "fingerprint": finding.fingerprint,
        "flow": [_step(step) for step in finding.flow],
        "fix": rule.fix if rule else None,
        "extra": dict(finding.extra),
    }


def _position(loc: Location) -> dict[str, int | None]:
    # 1-based columns, like the text report and SARIF; the end column is exclusive.
    return {
        "line": loc.line,
        "col": loc.col + 1,
        "end_line": loc.end_line,
        "end_col": loc.end_col + 1 if loc.end_col is not None else None,
    }


def _step(step: FlowStep) -> dict[str, Any]:
    loc = step.location
    return {"path": loc.path, "line": loc.line, "col": loc.col + 1, "note": step.note}


def _notice_key(notice: Notice) -> tuple[str, int, str, str]:
    return (notice.path, notice.line or 0, notice.kind.value, notice.message)


def _notice(notice: Notice) -> dict[str, Any]:
    return {
        "path": notice.path,
        "line": notice.line,
        "kind": notice.kind.value,
        "blocking": notice.blocking,
        "message": notice.message,
    }


def _row(row: checklist.ChecklistRow) -> dict[str, Any]:
    doc = {
        "pattern": row.pattern.number,
        "name": row.pattern.name,
        "question": row.pattern.checklist,
        "state": row.state.value,
        "findings": row.findings,
        "reason": row.reason or None,
    }
    return doc
