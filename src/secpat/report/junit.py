"""The JUnit XML report, for CI systems that show test results (Jenkins, GitLab, Azure DevOps).

One test suite per pattern: each finding is a failed test case; a pattern without findings is one
test case for its checklist box, passed or skipped with the reason it is not a plain pass. Files
that could not be analysed are test cases in error, in a suite of their own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from secpat.findings import Finding, Notice, ScanResult, Severity
from secpat.patterns import BY_NUMBER
from secpat.report import checklist
from secpat.report.checklist import CheckState
from secpat.report.escape import printable
from secpat.report.formats import reporter
from secpat.rules.registry import Rule

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# Characters XML 1.0 forbids that `printable` leaves as they are.
_NOT_XML = re.compile("[\ufffe\uffff]")


@reporter("junit", "JUnit XML: a test suite per pattern, a failed test case per finding")
def render(
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
    fail_on: Severity = Severity.LOW,
    statistics: bool = False,
) -> str:
    import xml.etree.ElementTree as ET  # here: loaded only when a junit report is written

    # Every finding is a failure, whatever `--fail-on` says, as in the other reports.
    suites = ET.Element("testsuites", name="secpat")
    by_pattern: dict[int, list[Finding]] = {}
    for finding in result.sorted_findings():
        by_pattern.setdefault(checklist.pattern_of(finding, rules), []).append(finding)
    for row in checklist.build(result, rules):
        suite = _suite(suites, f"{row.pattern.number}. {row.pattern.name}")
        findings = by_pattern.pop(row.pattern.number, [])
        for finding in findings:
            _finding_case(suite, finding, rules.get(finding.rule_id))
        if not findings:
            _checklist_case(suite, row)
    for number, findings in sorted(by_pattern.items()):  # secpat's own findings (pattern 0)
        pattern = BY_NUMBER.get(number)
        suite = _suite(suites, f"{number}. {pattern.name}" if pattern else "secpat checks")
        for finding in findings:
            _finding_case(suite, finding, rules.get(finding.rule_id))
    blocking = sorted((n for n in result.notices if n.blocking), key=lambda n: (n.path, n.line or 0, n.message))
    if blocking:
        suite = _suite(suites, "Files not analysed")
        for notice in blocking:
            _notice_case(suite, notice)
    _count(suites, suites.findall("testsuite"))
    suites.set("time", f"{result.duration_s:.3f}")
    ET.indent(suites)
    return _DECLARATION + ET.tostring(suites, encoding="unicode") + "\n"


def _child(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    """`ET.SubElement` through the parent's own methods: ElementTree is loaded only by `render`."""
    child = parent.makeelement(tag, attributes)
    parent.append(child)
    return child


def _suite(parent: ET.Element, name: str) -> ET.Element:
    return _child(parent, "testsuite", name=_attribute(name))


def _finding_case(suite: ET.Element, finding: Finding, rule: Rule | None) -> None:
    loc = finding.location
    where = printable(loc.path) + (f":{loc.line}" if loc.line > 0 else "")
    case = _child(
        suite,
        "testcase",
        name=_attribute(f"{where} {finding.message}"),
        classname=f"secpat.{finding.rule_id}",
        file=_attribute(loc.path),
    )
    if loc.line > 0:
        case.set("line", str(loc.line))
    kind = f"{finding.rule_id} {rule.name}" if rule else finding.rule_id
    failure = _child(case, "failure", message=_attribute(finding.message), type=kind)
    failure.text = _text(_details(finding, rule))


def _details(finding: Finding, rule: Rule | None) -> str:
    """What a person needs to act on the finding, as the text report shows it."""
    loc = finding.location
    where = loc.path + (f":{loc.line}:{loc.col + 1}" if loc.line > 0 else "")
    audit = ", audit" if finding.audit else ""
    lines = [
        f"{where}  {finding.rule_id}  [{finding.severity.value} severity, "
        f"{finding.confidence.value} confidence{audit}]",
        finding.message,
    ]
    if finding.snippet:
        lines += ["", *finding.snippet.split("\n")]
    for i, step in enumerate(finding.flow):
        label = "data path: " if i == 0 else "        -> "
        lines.append(f"{label}{step.location.path}:{step.location.line} {step.note}")
    if rule is not None:
        lines += ["", f"why: {rule.why}", f"fix: {rule.fix}", rule.help_uri]
    return "\n".join(lines)


def _checklist_case(suite: ET.Element, row: checklist.ChecklistRow) -> None:
    case = _child(suite, "testcase", name=_attribute(row.pattern.checklist), classname="secpat.checklist")
    if row.state is not CheckState.PASSED:
        reason = row.state.value + (f": {row.reason}" if row.reason else "")
        _child(case, "skipped", message=_attribute(reason))


def _notice_case(suite: ET.Element, notice: Notice) -> None:
    where = printable(notice.path) + (f":{notice.line}" if notice.line else "")
    case = _child(suite, "testcase", name=_attribute(where), classname="secpat.files", file=_attribute(notice.path))
    if notice.line:
        case.set("line", str(notice.line))
    _child(case, "error", message=_attribute(notice.message), type=notice.kind.value)


def _count(parent: ET.Element, suites: list[ET.Element]) -> None:
    """The counts JUnit readers show, on each suite and on the whole report."""
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in suites:
        cases = suite.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key in ("tests", "failures", "errors"):  # `skipped` is not an attribute of <testsuites>
        parent.set(key, str(totals[key]))


def _attribute(text: str) -> str:
    """One line of text any XML reader accepts: names and messages come from the scanned files."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", printable(text))


def _text(text: str) -> str:
    return "\n".join(_attribute(line) for line in text.split("\n"))
