"""The HTML report: one self-contained page with the checklist at the top, then the findings by
pattern and rule, each with the code around it and its data path drawn step by step, and filters
by pattern, severity and file.

The page loads nothing: its style and script are inline and allowed by hash in a Content Security
Policy that forbids every other source. The code around a finding is read when the report is
written, only for `check` (history and probe findings are about other places than the work
tree), only from regular files inside the scanned root, and only when the finding's own line still
reads as it did in the scan. Every secret in it is masked as in the findings themselves, and in
the lines around them every literal that looks like a key or token is masked too: a check may have
known a value for a secret (a signing key bound to any name) that nothing else in the file says is.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from secpat import __version__, safeio
from secpat.findings import Finding, FlowStep, Notice, ScanResult, Severity
from secpat.patterns import BY_NUMBER
from secpat.report import checklist
from secpat.report import statistics as stats
from secpat.report.checklist import CheckState
from secpat.report.escape import printable
from secpat.report.formats import reporter
from secpat.rules.registry import Rule

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

#: Lines of code shown above and below a finding, and around each step of its data path.
CONTEXT_LINES = 3
STEP_CONTEXT_LINES = 1
#: Files larger than this are not read for context.
MAX_SOURCE_BYTES = 4 * 1024 * 1024
# Bidirectional controls reorder what is shown ("Trojan Source"); printable() leaves them.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as Python counts lines, so numbers match the findings'
# A one-line string literal, or a bare value after `=` or `:` at the end of a line (env and ini
# files); not a format template (`f"{base}?token={token}"`), which no key looks like.
_LITERAL = re.compile(
    r"""(?P<quote>["'])(?P<value>[^"'\\\n{}]{8,})(?P=quote)"""
    r"""|[=:][ \t]*(?P<bare>[^\s"'#;,()\[\]{}]{8,})[ \t]*$"""
)
ELLIPSIS = "…"  # what masking puts in place of a secret's hidden part (secpat.secrets.masking)
_GLYPH = {
    CheckState.PASSED: "✓",
    CheckState.FAILED: "✗",
    CheckState.HIDDEN: "!",
    CheckState.NOT_CHECKED: "–",
    CheckState.NOTHING_TO_CHECK: "–",
}


@reporter("html", "one self-contained page: checklist, filters, each data path with its code")
def render(
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
    fail_on: Severity = Severity.LOW,
    statistics: bool = False,
) -> str:
    from markupsafe import Markup  # here: the page's libraries are loaded only when a page is written

    css, js = _asset("page.css"), _asset("page.js")
    sources = _Sources(result)
    findings = result.sorted_findings()
    by_severity = Counter(f.severity for f in findings)
    page = _template().render(
        csp=_policy(css, js),
        css=Markup(css),
        js=Markup(js),
        title=_shown(Path(result.root).name or result.root),
        root=_shown(result.root),
        total=len(findings),
        by_severity=[(s.value, by_severity[s]) for s in sorted(Severity, reverse=True)],
        looked_at=_looked_at(result),
        suppressed=result.suppressed,
        baselined=result.baselined,
        duration=f"{result.duration_s:.2f}s",
        checklist=[_checklist_row(row) for row in checklist.build(result, rules)],
        groups=_groups(findings, rules, sources),
        pattern_options=_pattern_options(findings, rules),
        severity_options=[
            (str(s.rank), "high" if s is Severity.HIGH else f"{s.value} and above")
            for s in sorted(Severity, reverse=True)
            if s is not Severity.LOW
        ],
        files=sorted({_shown(f.location.path) for f in findings}),
        notices=[_notice(n) for n in sorted(result.notices, key=lambda n: (n.path, n.line or 0, n.message))],
        statistics=stats.rows(result, rules) if statistics else None,
        version=__version__,
        command=result.command,
    )
    return page


# -- the page ---------------------------------------------------------------------------------------


@cache
def _template() -> jinja2.Template:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["code_spans"] = _code_spans
    return env.from_string(_asset("page.html.j2"))


def _code_spans(text: str) -> Markup:
    """secpat's own prose with its `code` in code type; everything else escaped."""
    from markupsafe import Markup, escape

    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: nothing to pair it with
        return escape(text)
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if i % 2 else escape(part) for i, part in enumerate(parts)
    )


@cache
def _asset(name: str) -> str:
    from importlib import resources

    return (resources.files("secpat.report") / "html_page" / name).read_text(encoding="utf-8")


def _policy(css: str, js: str) -> str:
    """Nothing but the page's own style and script, allowed by their hashes; no request anywhere."""

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"

    return (
        f"default-src 'none'; style-src {digest(css)}; script-src {digest(js)}; img-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def _shown(text: str) -> str:
    """One line of text from the scanned files, safe to show: control characters and bidirectional
    overrides written as escapes (HTML escaping is the template's)."""
    return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", printable(text))


def _shown_lines(text: str) -> str:
    return "\n".join(_shown(line) for line in text.split("\n"))


def _looked_at(result: ScanResult) -> str:
    if result.command == "probe":
        sent = sum(getattr(log, "requests", 0) for log in getattr(result, "probes", ()))
        return f"{sent} request{'' if sent == 1 else 's'} sent"
    return f"{result.files_scanned} file{'' if result.files_scanned == 1 else 's'} scanned"


@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    name: str
    question: str
    state: str
    css: str
    glyph: str
    findings: int
    reason: str


def _checklist_row(row: checklist.ChecklistRow) -> _Row:
    return _Row(
        row.pattern.number,
        row.pattern.name,
        row.pattern.checklist,
        row.state.value,
        row.state.value.replace(" ", "-"),
        _GLYPH[row.state],
        row.findings,
        _shown(row.reason),
    )


def _pattern_title(number: int) -> str:
    pattern = BY_NUMBER.get(number)
    return f"Pattern {number}: {pattern.name}" if pattern else "secpat checks"


def _pattern_options(findings: Sequence[Finding], rules: Mapping[str, Rule]) -> list[tuple[str, str]]:
    numbers = sorted({checklist.pattern_of(f, rules) for f in findings}, key=lambda n: n or 99)
    return [(str(n), _pattern_title(n).removeprefix("Pattern ")) for n in numbers]


@dataclass(frozen=True, slots=True)
class _Notice:
    where: str
    kind: str
    blocking: bool
    message: str


def _notice(notice: Notice) -> _Notice:
    where = _shown(notice.path) + (f":{notice.line}" if notice.line else "")
    return _Notice(where, notice.kind.value, notice.blocking, _shown(notice.message))


# -- findings ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str
    mark: bool


@dataclass(frozen=True, slots=True)
class _Code:
    path: str  # shown above the lines when it is not the finding's own file
    lines: tuple[_Line, ...]


@dataclass(frozen=True, slots=True)
class _Step:
    note: str
    where: str
    role: str  # "source", "sink" or ""
    code: _Code | None


@dataclass(frozen=True, slots=True)
class _FindingView:
    anchor: str
    rule_id: str
    pattern: int
    severity: str
    rank: int
    confidence: str
    audit: bool
    path: str
    where: str
    message: str
    extra: tuple[tuple[str, str], ...]
    code: _Code | None
    steps: tuple[_Step, ...]


@dataclass(frozen=True, slots=True)
class _RuleView:
    id: str
    name: str
    title: str
    why: str
    fix: str
    bad: str
    good: str
    help_uri: str
    findings: tuple[_FindingView, ...]


@dataclass(frozen=True, slots=True)
class _Group:
    number: int
    title: str
    count: int
    rules: tuple[_RuleView, ...]


def _groups(findings: Sequence[Finding], rules: Mapping[str, Rule], sources: _Sources) -> list[_Group]:
    by_pattern: dict[int, dict[str, list[Finding]]] = {}
    for finding in findings:
        by_pattern.setdefault(checklist.pattern_of(finding, rules), {}).setdefault(finding.rule_id, []).append(finding)
    groups = []
    index = 0
    for number in sorted(by_pattern, key=lambda n: n or 99):  # secpat's own findings last
        views = []
        for rule_id, of_rule in sorted(by_pattern[number].items()):
            shown = []
            for finding in of_rule:
                index += 1
                shown.append(_finding_view(finding, number, f"finding-{index}", sources))
            views.append(_rule_view(rule_id, rules.get(rule_id), tuple(shown)))
        groups.append(_Group(number, _pattern_title(number), sum(len(v.findings) for v in views), tuple(views)))
    return groups


def _rule_view(rule_id: str, rule: Rule | None, findings: tuple[_FindingView, ...]) -> _RuleView:
    if rule is None:
        return _RuleView(rule_id, "", "", "", "", "", "", "", findings)
    return _RuleView(
        rule.id,
        rule.name,
        rule.title,
        " ".join(rule.why.split()),
        rule.fix,
        rule.bad,
        rule.good,
        rule.help_uri,
        findings,
    )


def _finding_view(finding: Finding, pattern: int, anchor: str, sources: _Sources) -> _FindingView:
    loc = finding.location
    where = _shown(loc.path) + (f":{loc.line}:{loc.col + 1}" if loc.line > 0 else "")
    last = loc.end_line if loc.end_line and loc.end_line >= loc.line else loc.line
    code = sources.code(loc.path, loc.line, last, CONTEXT_LINES) if loc.line > 0 else None
    if code is None and finding.snippet:
        # No file to read (a URL, a commit, a changed file): the code the scan saw, numbered when
        # it has a line (0: no number, for a finding about a whole file or URL).
        code = _Code(
            "",
            tuple(
                _Line(loc.line + i if loc.line > 0 else 0, _shown(text), True)
                for i, text in enumerate(finding.snippet.split("\n"))
            ),
        )
    steps = tuple(_step(step, i, len(finding.flow), loc.path, sources) for i, step in enumerate(finding.flow))
    return _FindingView(
        anchor=anchor,
        rule_id=finding.rule_id,
        pattern=pattern,
        severity=finding.severity.value,
        rank=finding.severity.rank,
        confidence=finding.confidence.value,
        audit=finding.audit,
        path=_shown(loc.path),
        where=where,
        message=_shown(finding.message),
        extra=tuple((_shown(key), _shown(value)) for key, value in finding.extra),
        code=code,
        steps=steps,
    )


def _step(step: FlowStep, index: int, count: int, path: str, sources: _Sources) -> _Step:
    loc = step.location
    role = "source" if index == 0 and count > 1 else "sink" if index == count - 1 and count > 1 else ""
    code = sources.code(loc.path, loc.line, loc.line, STEP_CONTEXT_LINES) if loc.line > 0 else None
    if code is not None and loc.path != path:
        code = _Code(_shown(loc.path), code.lines)
    where = _shown(loc.path) + (f":{loc.line}" if loc.line > 0 else "")
    return _Step(_shown(step.note), where, role, code)


# -- the code around a finding ----------------------------------------------------------------------


class _Sources:
    """The scanned files' lines as they may be shown: read once each, every secret masked, and the
    lines of each finding as its own (masked) snippet shows them."""

    def __init__(self, result: ScanResult) -> None:
        self._root = Path(result.root).resolve() if result.command == "check" else None
        self._findings: dict[str, list[Finding]] = {}
        for finding in result.findings:
            self._findings.setdefault(finding.location.path, []).append(finding)
        self._lines: dict[str, list[str] | None] = {}

    def code(self, path: str, first: int, last: int, around: int) -> _Code | None:
        lines = self._file(path)
        if lines is None or not 0 < first <= last <= len(lines):
            return None
        start, end = max(1, first - around), min(len(lines), last + around)
        from secpat.secrets.redact import clip

        shown = tuple(_Line(n, _shown(clip(lines[n - 1])), first <= n <= last) for n in range(start, end + 1))
        return _Code("", shown)

    def _file(self, path: str) -> list[str] | None:
        if path not in self._lines:
            self._lines[path] = self._read(path)
        return self._lines[path]

    def _read(self, path: str) -> list[str] | None:
        from secpat.secrets.redact import redact

        if self._root is None or "://" in path:
            return None
        try:
            file = (self._root / path).resolve()
            file.relative_to(self._root)  # never a file outside the scanned root
            data = safeio.read_capped(file, MAX_SOURCE_BYTES)
        except (OSError, ValueError):
            return None
        text = data.decode("utf-8", "replace").removeprefix("\ufeff")
        raw = _split_lines(text)
        findings = self._findings.get(path, [])
        if not all(_still_reads(finding, raw) for finding in findings):
            return None  # the file changed since the scan: its lines would not be the findings'
        known = [pair for finding in findings for pair in _masked_pairs(finding, raw)]
        lines = _split_lines(redact(text, known))
        if len(lines) != len(raw):  # masking never joins or splits lines; if it did, show nothing
            return None
        own = {}
        for finding in findings:
            for number, snippet_line in _snippet_lines(finding):
                if 0 < number <= len(lines):
                    own[number] = snippet_line
        for number, line in enumerate(lines, start=1):
            if number not in own:
                lines[number - 1] = _mask_keys(line)
            elif ELLIPSIS in own[number]:  # the finding's line as its masked snippet shows it
                indent = raw[number - 1][: len(raw[number - 1]) - len(raw[number - 1].lstrip())]
                lines[number - 1] = (indent if own[number] == own[number].lstrip() else "") + own[number]
        return lines


def _mask_keys(line: str) -> str:
    """The line with every literal that looks like a key or token masked, whatever it is bound to."""
    from secpat.names import NameKind
    from secpat.secrets.entropy import judge_value
    from secpat.secrets.masking import mask

    def masked(match: re.Match[str]) -> str:
        group = "value" if match.group("value") is not None else "bare"
        value = match.group(group)
        if judge_value(value, NameKind.SECRET, "") is None:
            return match.group()
        start, end = match.start(group) - match.start(), match.end(group) - match.start()
        return match.group()[:start] + mask(value) + match.group()[end:]

    return _LITERAL.sub(masked, line) if len(line) >= 10 else line


def _split_lines(text: str) -> list[str]:
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if len(lines) > 1 and lines[-1] == "" else lines  # a final line break ends a line


def _snippet_lines(finding: Finding) -> list[tuple[int, str]]:
    """(line number, text) of the finding's snippet, which holds its statement's first lines."""
    if finding.location.line <= 0 or not finding.snippet:
        return []
    return [(finding.location.line + i, text) for i, text in enumerate(finding.snippet.split("\n"))]


def _still_reads(finding: Finding, raw: Sequence[str]) -> bool:
    """Whether the file's line still holds what the finding's snippet showed (masked parts aside)."""
    for number, shown in _snippet_lines(finding)[:1]:
        if not 0 < number <= len(raw) or not _contains_in_order(raw[number - 1], shown.strip().split(ELLIPSIS)):
            return False
    return True


def _contains_in_order(text: str, pieces: Sequence[str]) -> bool:
    position = 0
    for piece in pieces:
        found = text.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def _masked_pairs(finding: Finding, raw: Sequence[str]) -> list[tuple[str, str]]:
    """(secret, masked form) for each part of the file that the finding's snippet shows masked, so
    the same secret is masked wherever else it appears in the file."""
    import difflib

    pairs = []
    for number, shown in _snippet_lines(finding):
        if ELLIPSIS not in shown or not 0 < number <= len(raw):
            continue
        source = raw[number - 1].strip()
        matcher = difflib.SequenceMatcher(None, source, shown.strip(), autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            hidden, masked = source[i1:i2], shown.strip()[j1:j2]
            # Short pieces are left to the snippet lines themselves: masking every copy of a
            # few characters would hide ordinary code.
            if tag == "replace" and ELLIPSIS in masked and len(hidden.strip()) >= 6:
                pairs.append((hidden, masked))
    return pairs
