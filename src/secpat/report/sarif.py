"""The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from secpat import __version__
from secpat.findings import Confidence, Finding, Location, Notice, NoticeKind, ScanResult, Severity
from secpat.patterns import BY_NUMBER
from secpat.report import checklist
from secpat.report import statistics as stats
from secpat.report.escape import encodable_data, uri_path
from secpat.report.formats import reporter
from secpat.rules.registry import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://secpat.dev"
FINGERPRINT_KEY = "secpat/v1"
SRCROOT = "%SRCROOT%"

_LEVEL = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}
# GitHub maps security-severity > 7 to high, 4-7 to medium, below 4 to low; it must be a string.
_SECURITY_SEVERITY = {Severity.HIGH: "8.0", Severity.MEDIUM: "5.5", Severity.LOW: "3.0"}
_PRECISION = {Confidence.HIGH: "high", Confidence.MEDIUM: "medium", Confidence.LOW: "low"}
_CWE = {"name": "CWE", "index": 0}  # reference to run.taxonomies[0]


@reporter("sarif", "SARIF 2.1.0, for GitHub code scanning (docs/sarif.md)")
def render(
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
    fail_on: Severity = Severity.LOW,
    statistics: bool = False,
) -> str:
    # `color` and `fail_on` are accepted so every reporter takes the same options; SARIF has no use for them.
    return json.dumps(encodable_data(document(result, rules, statistics=statistics)), indent=2) + "\n"


def document(result: ScanResult, rules: Mapping[str, Rule], *, statistics: bool = False) -> dict[str, Any]:
    """The SARIF log as plain data, before serialisation; per-rule counts in the run's properties if asked."""
    ordered = sorted(rules.values(), key=lambda r: (r.pattern or 99, r.id))
    rule_index = {rule.id: i for i, rule in enumerate(ordered)}
    findings = result.sorted_findings()
    cwes = sorted({r.cwe for r in ordered if r.cwe} | {f.cwe for f in findings if f.cwe})
    taxon_index = {cwe: i for i, cwe in enumerate(cwes)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "secpat",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule, taxon_index) for rule in ordered],
                "supportedTaxonomies": [_CWE],
            }
        },
        "taxonomies": [_taxonomy(cwes)],
        "originalUriBaseIds": {SRCROOT: _root(result.root)},
        "invocations": [_invocation(result)],
        "results": [
            _result(f, rules.get(f.rule_id), rule_index, taxon_index, print_)
            for f, print_ in zip(findings, _fingerprints(findings))
        ],
        "properties": {"checklist": [_checklist_row(row) for row in checklist.build(result, rules)]},
    }
    if statistics:
        run["properties"]["statistics"] = stats.rows(result, rules)
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule(rule: Rule, taxon_index: Mapping[int, int]) -> dict[str, Any]:
    pattern = BY_NUMBER.get(rule.pattern)
    tags = ["security"] + ([f"CWE-{rule.cwe}"] if rule.cwe else [])
    if rule.owasp:
        tags.append(f"OWASP {rule.owasp.split()[0]}")  # "A03:2021 Injection" -> "OWASP A03:2021"
    if pattern:
        tags.append(pattern.name)
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.why},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "relationships": [{"target": _taxon_ref(rule.cwe, taxon_index), "kinds": ["relevant"]}] if rule.cwe else [],
        "properties": {
            "tags": tags,
            "security-severity": _SECURITY_SEVERITY[rule.severity],
            "precision": _PRECISION[rule.confidence],
        },
    }


def _help_text(rule: Rule) -> str:
    return f"{rule.why}\n\nBad:\n{rule.bad}\n\nGood:\n{rule.good}\n\nFix: {rule.fix}\n\n{rule.help_uri}"


def _help_markdown(rule: Rule) -> str:
    # Examples may be Python or template code, so the fences carry no language.
    return (
        f"{rule.why}\n\n**Bad**\n\n```\n{rule.bad}\n```\n\n**Good**\n\n```\n{rule.good}\n```\n\n"
        f"**Fix:** {rule.fix}\n\n[{rule.id} reference]({rule.help_uri})"
    )


def _taxonomy(cwes: list[int]) -> dict[str, Any]:
    return {
        "name": "CWE",
        "organization": "MITRE",
        "informationUri": "https://cwe.mitre.org/",
        "shortDescription": {"text": "The MITRE Common Weakness Enumeration"},
        "taxa": [{"id": str(cwe), "helpUri": f"https://cwe.mitre.org/data/definitions/{cwe}.html"} for cwe in cwes],
    }


def _taxon_ref(cwe: int, taxon_index: Mapping[int, int]) -> dict[str, Any]:
    return {"id": str(cwe), "index": taxon_index[cwe], "toolComponent": _CWE}


def _root(root: str) -> dict[str, Any]:
    path = Path(root)
    if path.is_absolute():
        return {"uri": path.as_uri().rstrip("/") + "/"}
    # A base URI must be absolute; a relative root is left for the viewer to resolve.
    return {"description": {"text": f"The scanned directory ({root})."}}


def _artifact(path: str) -> dict[str, Any]:
    if "://" in path:  # a URL reported by `secpat probe`
        return {"uri": path}
    return {"uri": uri_path(path), "uriBaseId": SRCROOT}


def _region(loc: Location, snippet: str = "") -> dict[str, Any] | None:
    if loc.line < 1:  # a finding about a whole file or URL has no region
        return None
    # SARIF columns are 1-based, Location.col is 0-based; endColumn is exclusive in both.
    region: dict[str, Any] = {"startLine": loc.line, "startColumn": loc.col + 1}
    if loc.end_line is not None:
        region["endLine"] = loc.end_line
    if loc.end_col is not None:
        region["endColumn"] = loc.end_col + 1
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _location(loc: Location, snippet: str = "") -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(loc.path)}
    region = _region(loc, snippet)
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _fingerprints(findings: Sequence[Finding]) -> list[str]:
    """Each finding's fingerprint, made unique: findings of one rule on the same code (`{{ a|safe }} {{ b|safe
    }}` on one line) share one, and code scanning would keep only the first. The second and later, in the
    order of the report, get `:2`, `:3`, as GitHub's own line hashes do."""
    seen: Counter[str] = Counter()
    out = []
    for finding in findings:
        print_ = finding.fingerprint
        seen[print_] += 1
        out.append(print_ if seen[print_] == 1 else f"{print_}:{seen[print_]}")
    return out


def _result(
    finding: Finding,
    rule: Rule | None,
    rule_index: Mapping[str, int],
    taxon_index: Mapping[int, int],
    fingerprint: str,
) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.rule_id}
    if finding.rule_id in rule_index:
        result["ruleIndex"] = rule_index[finding.rule_id]
    result |= {
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.location, finding.snippet)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.flow:
        steps = [{"location": _location(s.location) | {"message": {"text": s.note}}} for s in finding.flow]
        result["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
    properties: dict[str, Any] = {"confidence": finding.confidence.value}
    if finding.audit:
        properties["audit"] = True
        properties["tags"] = ["audit"]
    if finding.cwe and (rule is None or finding.cwe != rule.cwe):
        # A more specific weakness than the rule's default: say so on the result itself.
        result["taxa"] = [_taxon_ref(finding.cwe, taxon_index)]
        properties["cwe"] = f"CWE-{finding.cwe}"
    if finding.extra:
        properties["extra"] = dict(finding.extra)
    result["properties"] = properties
    return result


def _invocation(result: ScanResult) -> dict[str, Any]:
    notices = sorted(result.notices, key=lambda n: (n.path, n.line or 0, n.kind.value, n.message))
    return {
        # A file that could not be analysed means the run is incomplete.
        "executionSuccessful": not any(n.blocking for n in notices),
        "toolExecutionNotifications": [_notification(n) for n in notices],
    }


def _notification(notice: Notice) -> dict[str, Any]:
    if notice.blocking:
        level = "error"
    elif notice.kind is NoticeKind.FALLBACK_PARSER:
        level = "note"  # the file was analysed, only by the fallback parser
    else:
        level = "warning"
    location = _location(Location(notice.path, notice.line or 0))
    return {
        "level": level,
        "message": {"text": notice.message},
        "locations": [location],
        "properties": {"kind": notice.kind.value},
    }


def _checklist_row(row: checklist.ChecklistRow) -> dict[str, Any]:
    row_data = {
        "pattern": row.pattern.number,
        "name": row.pattern.name,
        "state": row.state.value,
        "findings": row.findings,
    }
    if row.reason:
        row_data["reason"] = row.reason
    return row_data
