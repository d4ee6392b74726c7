"""Inline suppressions: `# secpat: ignore[ID] reason` comments and the findings they silence.

With `respect-nosec = true`, Bandit's `# nosec` and Ruff's `# noqa: S...` comments count too,
their rule ids mapped to secpat's by `FOREIGN_IDS` (the table in docs/configuration.md).
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from secpat.findings import Finding, Location
from secpat.patterns import BY_PREFIX
from secpat.rules import registry
from secpat.rules.registry import Rule
from secpat.rules.suppression import SPT001, SPT002

__all__ = ["FOREIGN_IDS", "Suppression", "apply_suppressions", "parse_suppressions"]

#: Bandit test ids and Ruff flake8-bandit codes, and the secpat rules that mean the same.
#: Ids not listed here have no secpat counterpart and suppress nothing.
FOREIGN_IDS: dict[str, tuple[str, ...]] = {
    **{code: ("SECRET001",) for code in ("B105", "B106", "B107", "S105", "S106", "S107")},
    **{code: ("RND001",) for code in ("B311", "S311")},
    **{code: ("SQL001", "SQL002") for code in ("B608", "S608", "B610", "S610", "B611", "S611")},
    **{code: ("PWD002", "PWD005") for code in ("B303", "S303", "B324", "S324")},
    **{code: ("CONF001",) for code in ("B201", "S201")},
    **{code: ("CONF006",) for code in ("B104", "S104")},
    **{code: ("XSS003",) for code in ("B701", "S701", "B702", "S702")},
    **{code: ("XSS002",) for code in ("B308", "S308", "B703", "B704", "S704")},
}


@dataclass(frozen=True, slots=True)
class Suppression:
    line: int  # 1-based line of the comment
    rule_keys: tuple[str, ...]  # as written: ids or names
    reason: str
    file_level: bool
    raw: str  # the directive as written, for messages and meta-finding fingerprints
    col: int = 0  # 0-based column of the comment
    own_line: bool = True  # nothing but the comment on its line (may then cover the next statement)
    #: "bandit" for `# nosec`, "ruff" for `# noqa: S...`; "" for secpat's own. A foreign suppression with
    #: no rule keys silences every rule on its line (a bare `# nosec`).
    foreign: str = ""


# `#` also opens Jinja's `{# ... #}` and `{#- ... -#}` comments.
_DIRECTIVE = re.compile(
    r"#-?\s*secpat:\s*(?P<kind>ignore-file|ignore)(?![\w-])\s*(?:\[(?P<keys>[^\]]*)\])?(?P<rest>.*)$"
)
_TEMPLATE_CLOSE = re.compile(r"\s*-?#\}.*$")
# Bandit: `# nosec`, `# nosec B105`, `# nosec: B105, B106`; test names (`assert_used`) are read and ignored.
_NOSEC = re.compile(r"#\s*nosec\b:?(?P<ids>[^#]*)", re.IGNORECASE)
# Ruff: `# noqa: S105, E501`; a bare `# noqa` is about every linter rule and is not read as a security waiver.
_NOQA = re.compile(r"#\s*noqa\s*:\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)", re.IGNORECASE)
_FOREIGN_ID = re.compile(r"\b[A-Z]+[0-9]+\b")
_KEY_SPLIT = re.compile(r"[,\s]+")


def parse_suppressions(text: str, *, python: bool, foreign: bool = False) -> list[Suppression]:
    """Every suppression comment in a file; never raises.

    Python files are read with `tokenize`, so `# secpat:` inside a string is not a comment.
    Other text files (templates, .env, YAML, TOML, INI, Dockerfile) are read line by line,
    as is Python source that does not tokenize. `foreign` also reads Bandit's and Ruff's
    comments, in Python files only, as those tools do.
    """
    if python:
        try:
            return _from_tokens(text, foreign)
        except Exception:  # tokenize raises several error types on broken source
            pass
    return _from_lines(text)


def _from_tokens(text: str, foreign: bool = False) -> list[Suppression]:
    found = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type != tokenize.COMMENT:
            continue
        line, col = token.start
        own_line = not token.line[:col].strip()
        suppression = _parse_comment(token.string, line, col, own_line)
        if suppression is not None:
            found.append(suppression)
        if foreign:
            found.extend(_foreign(token.string, line, col))
    return found


def _foreign(comment: str, line: int, col: int) -> list[Suppression]:
    """Bandit's `# nosec` and Ruff's `# noqa: S...` in one comment, with their ids mapped to secpat's."""
    found = []
    nosec = _NOSEC.search(comment)
    if nosec is not None:
        ids = [i.upper() for i in _FOREIGN_ID.findall(nosec.group("ids").upper())]
        names = [w for w in re.split(r"[\s,]+", nosec.group("ids")) if w and not _FOREIGN_ID.fullmatch(w.upper())]
        mapped = [i for i in ids if i in FOREIGN_IDS]
        # `# nosec B101` or `# nosec assert_used` names only Bandit tests secpat does not have: nothing of ours.
        if mapped or not (ids or names):
            found.append(_foreign_suppression("bandit", mapped, nosec.group(0).strip(), line, col + nosec.start()))
    noqa = _NOQA.search(comment)
    if noqa is not None:
        codes = [c for c in _FOREIGN_ID.findall(noqa.group("codes").upper()) if c in FOREIGN_IDS]
        if codes:  # mapped flake8-bandit codes only; `# noqa: E501` is not about security
            found.append(_foreign_suppression("ruff", codes, noqa.group(0).strip(), line, col + noqa.start()))
    return found


def _foreign_suppression(tool: str, ids: list[str], raw: str, line: int, col: int) -> Suppression:
    keys = tuple(dict.fromkeys(rule for i in ids for rule in FOREIGN_IDS.get(i, ())))
    return Suppression(
        line=line, rule_keys=keys, reason="", file_level=False, raw=raw, col=col, own_line=False, foreign=tool
    )


def _from_lines(text: str) -> list[Suppression]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _DIRECTIVE.search(line)
        if match is None:
            continue
        before = line[: match.start()]
        own_line = not before.removesuffix("{").strip()
        suppression = _parse_comment(line[match.start() :], number, match.start(), own_line)
        if suppression is not None:
            found.append(suppression)
    return found


def _parse_comment(comment: str, line: int, col: int, own_line: bool) -> Suppression | None:
    match = _DIRECTIVE.search(comment)
    if match is None:
        return None
    rest = _TEMPLATE_CLOSE.sub("", match.group("rest"))
    keys = tuple(k for k in _KEY_SPLIT.split(match.group("keys") or "") if k)
    # Allow `ignore[X] -- reason` and `ignore[X]: reason`.
    reason = rest.strip().lstrip("-–—:").strip()
    raw = _TEMPLATE_CLOSE.sub("", comment[match.start() :]).strip()
    return Suppression(
        line=line,
        rule_keys=keys,
        reason=reason,
        file_level=match.group("kind") == "ignore-file",
        raw=raw,
        col=col + match.start(),
        own_line=own_line,
    )


@dataclass(slots=True)
class _Entry:
    """One rule listed by one suppression, and whether it silenced anything."""

    suppression: Suppression
    rule: Rule | None  # None: every rule but secpat's own (a bare `# nosec`)
    used: bool = False
    silenced: set[str] = field(default_factory=set)  # the rule ids it silenced

    def covers(self, rule_id: str) -> bool:
        if self.rule is None:
            return not rule_id.startswith("SPT")
        return self.rule.id == rule_id


def apply_suppressions(
    findings: Sequence[Finding],
    suppressions: Sequence[Suppression],
    statement_span: Callable[[int], tuple[int, int]],
    path: str,
    *,
    enabled: Callable[[str], bool] | None = None,
) -> tuple[list[Finding], int, list[Finding]]:
    """Silence the findings of one file; return (kept, number suppressed, meta findings).

    A line suppression applies to a finding when the comment sits on any line of the
    finding's statement (`statement_span(line)` gives its first and last line; pass
    `lambda l: (l, l)` for non-Python files), or alone on the line just above it, so it
    survives a formatter splitting the statement. File-level ones apply everywhere.

    Meta findings: SPT001 for a suppression without a reason (it still works), SPT002 for
    each listed rule that silenced nothing, is unknown, or for a suppression listing no rule.
    A meta finding is never silenced by the comment it is about. Pass `enabled` (is this
    rule on for this file?) so suppressions of rules switched off by config are not called
    unused; pass every finding of the file before confidence or severity filtering.
    """
    entries: list[_Entry] = []
    for suppression in suppressions:
        if suppression.foreign and not suppression.rule_keys:
            entries.append(_Entry(suppression, None))
            continue
        seen: set[str] = set()
        for key in suppression.rule_keys:
            rule = registry.get(key)
            if rule is not None and rule.id not in seen:
                seen.add(rule.id)
                entries.append(_Entry(suppression, rule))

    spans: dict[int, tuple[int, int]] = {}

    def reaches(suppression: Suppression, finding: Finding) -> bool:
        line = finding.location.line
        if suppression.file_level:
            return True
        if suppression.foreign:
            # Bandit and Ruff read the comment on the lines of the reported node only.
            return line <= suppression.line <= max(line, finding.location.end_line or line)
        if line not in spans:
            spans[line] = statement_span(line)
        first, last = spans[line]
        return first <= suppression.line <= last or (suppression.own_line and suppression.line == first - 1)

    def silenced(finding: Finding, about: Suppression | None = None) -> bool:
        hit = False
        for entry in entries:
            if entry.covers(finding.rule_id) and entry.suppression is not about and reaches(entry.suppression, finding):
                entry.used = True  # every matching suppression counts as used, not just the first
                entry.silenced.add(finding.rule_id)
                hit = True
        return hit

    kept: list[Finding] = []
    suppressed = 0
    for finding in findings:
        if silenced(finding):
            suppressed += 1
        else:
            kept.append(finding)

    meta: list[Finding] = []

    def emit(rule: Rule, suppression: Suppression, message: str) -> None:
        nonlocal suppressed
        finding = _meta_finding(rule, suppression, message, path)
        if silenced(finding, about=suppression):
            suppressed += 1
        else:
            meta.append(finding)

    for suppression in suppressions:
        if suppression.foreign:
            continue  # listed below, once it is known what it silenced
        if not suppression.reason:
            emit(SPT001, suppression, _no_reason_message(suppression))
        if not suppression.rule_keys:
            emit(SPT002, suppression, "suppression names no rule; write `# secpat: ignore[RULE] reason`")
        for key in suppression.rule_keys:
            if registry.get(key) is None:
                emit(SPT002, suppression, _unknown_key_message(key))

    def report_unused(about_spt002: bool) -> None:
        for entry in entries:
            if (
                entry.used
                or entry.rule is None
                or entry.suppression.foreign
                or (entry.rule.id == SPT002.id) != about_spt002
            ):
                continue
            if enabled is not None and not enabled(entry.rule.id):
                continue
            emit(SPT002, entry.suppression, _unused_message(entry.rule, entry.suppression))

    # Another tool's waiver that silenced something is listed until someone writes down why;
    # one that silenced nothing belongs to that tool alone and is left alone.
    for suppression in suppressions:
        if suppression.foreign:
            used = sorted({rule_id for e in entries if e.suppression is suppression for rule_id in e.silenced})
            if used:
                emit(SPT001, suppression, _foreign_message(suppression, used))

    # Unused SPT002 suppressions last: reporting the other unused ones may be what uses them.
    report_unused(about_spt002=False)
    report_unused(about_spt002=True)
    return kept, suppressed, meta


def _meta_finding(rule: Rule, suppression: Suppression, message: str, path: str) -> Finding:
    return Finding(
        rule_id=rule.id,
        location=Location(path, suppression.line, suppression.col),
        message=message,
        severity=rule.severity,
        confidence=rule.confidence,
        snippet=suppression.raw,
    )


def _no_reason_message(suppression: Suppression) -> str:
    keys = ", ".join(suppression.rule_keys) or "RULE"
    directive = "ignore-file" if suppression.file_level else "ignore"
    return f"suppression gives no reason; say why after the bracket: `# secpat: {directive}[{keys}] <reason>`"


def _foreign_message(suppression: Suppression, rule_ids: list[str]) -> str:
    tool = "Bandit" if suppression.foreign == "bandit" else "Ruff"
    keys = ", ".join(rule_ids or suppression.rule_keys) or "RULE"
    return (
        f"{tool} `{suppression.raw}` honoured (respect-nosec) but gives no reason; "
        f"write `# secpat: ignore[{keys}] <reason>`"
    )


def _unknown_key_message(key: str) -> str:
    # Blanket suppressions are refused on purpose: each one must name the rule it silences.
    if key.upper() in ("ALL", "SPT", *BY_PREFIX):
        return f"{key!r} is not a single rule, so it suppresses nothing; list rule ids or names (e.g. RND001)"
    return f"unknown rule {key!r} in suppression, so it suppresses nothing (`secpat rules` lists them)"


def _unused_message(rule: Rule, suppression: Suppression) -> str:
    where = "in this file" if suppression.file_level else "here"
    return f"suppression of {rule.id} ({rule.name}) matches no finding {where}; remove it"
