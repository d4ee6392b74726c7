"""Findings, notices and scan results: the values every stage passes on."""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from secpat.levels import Confidence, Severity  # defined apart so that the secrets package can use them

if TYPE_CHECKING:
    from secpat.rules.registry import Rule


@dataclass(frozen=True, slots=True)
class Location:
    path: str  # POSIX path relative to the scan root (or a URL / git object for history and probe)
    line: int
    col: int = 0  # 0-based, as in `ast`
    end_line: int | None = None
    end_col: int | None = None


@dataclass(frozen=True, slots=True)
class FlowStep:
    """One hop of a data path: where a value was, and what happened to it there."""

    location: Location
    note: str


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    location: Location
    message: str
    severity: Severity
    confidence: Confidence
    snippet: str = ""  # the source line(s) of the statement, stripped
    flow: tuple[FlowStep, ...] = ()
    cwe: int | None = None  # overrides the rule's default CWE when more specific
    context: str = ""  # enclosing function qualname; part of the fingerprint
    extra: tuple[tuple[str, str], ...] = ()  # reporter-visible key/value details
    #: Rests on a name, an API being present or a template filter with no known data behind it,
    #: not on evidence: reported only in audit mode (`--audit`).
    audit: bool = False

    def __post_init__(self) -> None:
        # Whoever makes a finding, it never holds a secret whole nor a megabyte of minified code:
        # every report format, the baseline and the fingerprint see the same masked, clipped text.
        # Loaded on first use: compiling the secret formats costs a run that finds nothing.
        from secpat.secrets.redact import clip, redact

        loc = self.location
        end = loc.end_col if loc.end_line in (None, loc.line) else None
        object.__setattr__(self, "snippet", redact(clip(self.snippet, loc.col, end)))
        object.__setattr__(self, "message", redact(self.message))
        notes = [redact(step.note) for step in self.flow]
        if any(note is not step.note for note, step in zip(notes, self.flow)):
            object.__setattr__(self, "flow", tuple(replace(step, note=note) for note, step in zip(notes, self.flow)))
        if self.extra:
            object.__setattr__(self, "extra", tuple((key, redact(value)) for key, value in self.extra))

    @property
    def fingerprint(self) -> str:
        """A line-independent identity: rule, path, enclosing scope and normalised code."""
        code = normalise_code(self.snippet)
        raw = "\x1f".join((self.rule_id, self.location.path, self.context, code))
        return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    @property
    def source_key(self) -> tuple[str, str, int, int]:
        """The rule and where its data flow starts: one source reported at several sinks shares it."""
        source = self.flow[0].location
        return (self.rule_id, source.path, source.line, source.col)

    def with_confidence(self, confidence: Confidence) -> Finding:
        """A finding may lower its confidence, never raise it."""
        return replace(self, confidence=min(self.confidence, confidence))

    def for_audit(self, why: str) -> Finding:
        """The finding moved to audit mode, its message saying why (`"; nothing stores anything there"`)."""
        return replace(self, audit=True, message=f"{self.message}; {why}")

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.col, self.rule_id, self.message)


_WS = re.compile(r"\s+")
_COMMENT = re.compile(r"#\s*secpat:.*$", re.MULTILINE)
_TRAILING_COMMA = re.compile(r",([)\]}])")


def normalise_code(code: str) -> str:
    """The code with formatting removed: a formatter splitting a call over lines, or adding a
    trailing comma, or a suppression comment being added, leaves the fingerprint unchanged."""
    return _TRAILING_COMMA.sub(r"\1", _WS.sub("", _COMMENT.sub("", code)))


class NoticeKind(enum.Enum):
    SYNTAX_ERROR = "syntax-error"
    BINARY = "binary"
    TOO_LARGE = "too-large"
    UNREADABLE = "unreadable"
    ENCODING = "encoding"
    SYMLINK = "symlink"
    FALLBACK_PARSER = "fallback-parser"  # informational: parsed by the fallback parser
    TOO_COMPLEX = "too-complex"
    INTERNAL_ERROR = "internal-error"
    CONFIG = "config"
    INCOMPLETE_HISTORY = "incomplete-history"  # a shallow or partial clone: part of the history is not there
    VENDORED = "vendored"  # third-party or minified code, not read


#: Notices that mean a file was not (fully) analysed: they make the run exit 2 unless --keep-going.
BLOCKING_NOTICES = frozenset(
    {
        NoticeKind.SYNTAX_ERROR,
        NoticeKind.UNREADABLE,
        NoticeKind.TOO_COMPLEX,
        NoticeKind.INTERNAL_ERROR,
        NoticeKind.INCOMPLETE_HISTORY,
    }
)


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about a file that is not a finding."""

    path: str
    kind: NoticeKind
    message: str
    line: int | None = None

    def __post_init__(self) -> None:
        from secpat.secrets.redact import redact  # loaded on first use, as in `Finding`

        object.__setattr__(self, "message", redact(self.message))

    @property
    def blocking(self) -> bool:
        return self.kind in BLOCKING_NOTICES


@dataclass(slots=True)
class ScanResult:
    """Everything a reporter needs: findings, notices and what was looked at."""

    findings: list[Finding] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files_scanned: int = 0
    suppressed: int = 0  # findings silenced inline or by config
    baselined: int = 0  # findings matched by the baseline
    root: str = "."
    command: str = "check"
    #: Patterns (1-10) whose rules ran, so the checklist can say "not checked" for the rest.
    patterns_checked: frozenset[int] = frozenset()
    duration_s: float = 0.0
    #: What the scanned files were seen to use (secpat.uses), so the checklist can tell "passed" from
    #: "nothing to check"; None where that is not known (history, probe).
    uses: frozenset[str] | None = None
    #: (rule id, option) of each finding hidden by `min-confidence`, `report-level` or `audit`.
    hidden: tuple[tuple[str, str], ...] = ()
    #: Every rule's record, when the run came whole from the cache, so that reporting it imports no
    #: rule module; None means: ask the registry.
    rules: dict[str, Rule] | None = None

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)
