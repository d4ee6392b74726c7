"""The terminal report: findings by pattern and rule (why and fix once per rule), notices, a summary
and the checklist; and the concise one-line-per-finding form."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from io import StringIO

from rich.console import Console
from rich.text import Text

from secpat.findings import Finding, Notice, ScanResult, Severity
from secpat.patterns import BY_NUMBER, PATTERNS
from secpat.report import checklist
from secpat.report.checklist import CheckState
from secpat.report.escape import printable
from secpat.report.formats import reporter
from secpat.report.statistics import rows as statistics_rows
from secpat.rules.registry import Rule

_SEVERITY_STYLE = {Severity.HIGH: "bold red", Severity.MEDIUM: "yellow", Severity.LOW: "cyan"}
# ASCII glyphs so the boxes read the same in any terminal, font or log file.
_BOX = {
    CheckState.PASSED: "[x]",
    CheckState.FAILED: "[ ]",
    CheckState.NOT_CHECKED: "[-]",
    CheckState.NOTHING_TO_CHECK: "[-]",
    CheckState.HIDDEN: "[!]",
}
_BOX_STYLE = {
    CheckState.PASSED: "green",
    CheckState.FAILED: "bold red",
    CheckState.NOT_CHECKED: "dim",
    CheckState.NOTHING_TO_CHECK: "dim",
    CheckState.HIDDEN: "yellow",
}
_INDENT = "    "
_NAME_WIDTH = max(len(p.name) for p in PATTERNS) + len("10. ")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`\"'(])")


def _console(out: StringIO, color: bool) -> Console:
    return Console(
        file=out,
        force_terminal=color,
        color_system="standard" if color else None,
        width=100,  # only a default: soft wrap leaves long lines to the terminal
        soft_wrap=True,  # never hard-wrap: paths and code stay on one line, greppable
        highlight=False,
        markup=False,  # messages and code may contain [brackets]
        emoji=False,
    )


def _plain(out: StringIO) -> str:
    # Rich pads some lines; plain text must carry no trailing spaces.
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


@reporter("text", "findings by pattern and rule, why and fix once per rule, then the checklist", terminal=True)
def render(
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
    fail_on: Severity = Severity.LOW,
    statistics: bool = False,
) -> str:
    out = StringIO()
    console = _console(out, color)
    for number, findings in _groups(result, rules):
        console.print(_group_heading(number, len(findings)))
        console.print()
        for rule_id, of_rule in _by_rule(findings):
            rule = rules.get(rule_id)
            for line in _rule_lines(rule_id, rule, len(of_rule)):
                console.print(line)
            console.print()
            for finding in of_rule:
                for line in _finding_lines(finding):
                    console.print(line)
                console.print()
    if result.notices:
        console.print(Text(f"Notices ({len(result.notices)})", style="bold"))
        for notice in sorted(result.notices, key=_notice_key):
            console.print(_notice_line(notice))
        console.print()
    console.print(_summary(result))
    console.print()
    console.print(Text("Release checklist", style="bold"))
    for row in checklist.build(result, rules):
        console.print(_checklist_line(row))
    if statistics:
        console.print()
        _print_statistics(console, result, rules)
    return _plain(out)


@reporter("concise", "one line per finding: path:line:col: RULE [severity] message", terminal=True)
def render_concise(
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
    fail_on: Severity = Severity.LOW,
    statistics: bool = False,
) -> str:
    """One line per finding, `path:line:col: RULE [severity] message`, then notices and the summary."""
    out = StringIO()
    console = _console(out, color)
    for finding in result.sorted_findings():
        line = Text()
        line.append(_where(finding.location.path, finding.location.line, finding.location.col) + ":", style="bold")
        line.append(" ")
        line.append(finding.rule_id, style="bold magenta")
        line.append(" [")
        line.append(finding.severity.value, style=_SEVERITY_STYLE[finding.severity])
        line.append("] ")
        if finding.audit:
            line.append("[audit] ", style="dim")
        line.append(printable(finding.message))
        console.print(line)
    for notice in sorted(result.notices, key=_notice_key):
        where = _where(notice.path, notice.line or 0, None)
        style = "bold red" if notice.blocking else "yellow"
        console.print(
            Text.assemble(
                (where + ":", "bold"), " ", (f"notice {notice.kind.value}", style), " ", printable(notice.message)
            )
        )
    console.print(_summary(result))
    if statistics:
        console.print()
        _print_statistics(console, result, rules)
    return _plain(out)


def _where(path: str, line: int, col: int | None) -> str:
    # Paths are escaped: a file name with a newline must not forge a line of the report (or a CI
    # log command), nor an escape code drive the terminal. Columns are shown 1-based, as editors do.
    shown = printable(path)
    if line <= 0:  # a finding about a whole file or URL
        return shown
    return f"{shown}:{line}" if col is None else f"{shown}:{line}:{col + 1}"


def _print_statistics(console: Console, result: ScanResult, rules: Mapping[str, Rule]) -> None:
    rows = statistics_rows(result, rules)
    console.print(Text("Statistics", style="bold"))
    if not rows:
        console.print("no findings")
        return
    width = max(len(str(row["count"])) for row in rows)
    id_width = max(len(row["rule_id"]) for row in rows)
    name_width = max(len(row["rule_name"] or "") for row in rows)
    for row in rows:
        console.print(
            Text.assemble(
                f"{row['count']:>{width}}  ",
                (f"{row['rule_id']:<{id_width}}", "bold magenta"),
                f"  {row['rule_name'] or '':<{name_width}}  ",
                (row["severity"], _SEVERITY_STYLE[Severity(row["severity"])]),
            )
        )


def _groups(result: ScanResult, rules: Mapping[str, Rule]) -> list[tuple[int, list[Finding]]]:
    groups: dict[int, list[Finding]] = {}
    for finding in result.sorted_findings():
        groups.setdefault(checklist.pattern_of(finding, rules), []).append(finding)
    # Patterns in checklist order; secpat's own meta findings (pattern 0) last.
    return sorted(groups.items(), key=lambda item: item[0] or 99)


def _group_heading(number: int, count: int) -> Text:
    pattern = BY_NUMBER.get(number)
    title = f"Pattern {number}: {pattern.name}" if pattern else "secpat checks"
    noun = "finding" if count == 1 else "findings"
    return Text.assemble((title, "bold underline"), f" ({count} {noun})")


def _by_rule(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """A pattern's findings by rule id, each rule's in file order."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule_id, []).append(finding)
    return sorted(by_rule.items())


def _rule_lines(rule_id: str, rule: Rule | None, count: int) -> list[Text]:
    """The rule's header: its id, name and title, then why and how to fix, said once for all its findings."""
    noun = "finding" if count == 1 else "findings"
    head = Text.assemble((rule_id, "bold magenta"))
    if rule is not None:
        head.append(f" {rule.name}", style="bold")
        head.append(f": {rule.title}")
    head.append(f" ({count} {noun})")
    lines = [head]
    if rule is not None:
        lines.append(Text.assemble(_INDENT, ("why: ", "bold"), first_sentence(rule.why)))
        fix, *more = rule.fix.splitlines() or [""]
        lines.append(Text.assemble(_INDENT, ("fix: ", "bold green"), fix))
        lines += [Text(_INDENT + "     " + line) for line in more]
    return lines


def _finding_lines(finding: Finding) -> list[Text]:
    loc = finding.location
    head = Text()
    head.append(_where(loc.path, loc.line, loc.col), style="bold")
    head.append("  ")
    head.append(finding.rule_id, style="bold magenta")
    head.append("  [")
    head.append(f"{finding.severity.value} severity", style=_SEVERITY_STYLE[finding.severity])
    head.append(f", {finding.confidence.value} confidence]  ")
    if finding.audit:
        head.append("[audit] ", style="dim")
    # Messages and code are escaped like paths: they come from the scanned files.
    head.append(printable(finding.message))
    lines = [head]
    if finding.snippet:
        lines += [Text(_INDENT + printable(code), style="dim") for code in finding.snippet.split("\n")]
    for i, step in enumerate(finding.flow):
        label = "data path: " if i == 0 else "        -> "
        lines.append(
            Text(f"{_INDENT}{label}{printable(step.location.path)}:{step.location.line} {printable(step.note)}")
        )
    return lines


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph, on one line."""
    flat = " ".join(text.split())
    # A sentence ends at . ! or ? before a capital; "e.g. Django" is cut short, a known limit.
    return _SENTENCE_END.split(flat, maxsplit=1)[0]


def _notice_key(notice: Notice) -> tuple[str, int, str, str]:
    return (notice.path, notice.line or 0, notice.kind.value, notice.message)


def _notice_line(notice: Notice) -> Text:
    path = printable(notice.path)
    where = f"{path}:{notice.line}" if notice.line else path
    style = "bold red" if notice.blocking else "yellow"
    return Text.assemble((where, "bold"), "  ", (notice.kind.value, style), "  ", printable(notice.message))


def _summary(result: ScanResult) -> Text:
    by_severity = Counter(f.severity for f in result.findings)
    total = len(result.findings)
    text = Text()
    text.append(f"{total} finding{'' if total == 1 else 's'}", style="bold")
    text.append(": ")
    for i, severity in enumerate(sorted(Severity, reverse=True)):
        text.append(", " if i else "")
        text.append(f"{by_severity[severity]} {severity.value}", style=_SEVERITY_STYLE[severity])
    files = result.files_scanned
    looked_at = f"{files} file{'' if files == 1 else 's'} scanned"
    if result.command == "probe":  # a probe reads no files: say how many requests it sent
        sent = sum(getattr(log, "requests", 0) for log in getattr(result, "probes", ()))
        looked_at = f"{sent} request{'' if sent == 1 else 's'} sent"
    text.append(
        f"; {looked_at}; {result.suppressed} suppressed; {result.baselined} baselined; {result.duration_s:.2f}s"
    )
    return text


def _checklist_line(row: checklist.ChecklistRow) -> Text:
    if row.state is CheckState.FAILED:
        state = f"failed ({row.findings} finding{'' if row.findings == 1 else 's'})"
    elif row.reason:
        state = f"{row.state.value} ({printable(row.reason)})"
    else:
        state = row.state.value
    name = f"{row.pattern.number:>2}. {row.pattern.name}"
    style = _BOX_STYLE[row.state]
    return Text.assemble((_BOX[row.state], style), f" {name:<{_NAME_WIDTH}}  ", (state, style))
