"""The rule registry: one metadata record per rule, declared next to its check.

The same record feeds the terminal, `secpat rules`, `secpat explain`, the docs
page, SARIF `rules[]` and the HTML report, so none of them can drift.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from secpat.findings import Confidence, Severity
from secpat.patterns import BY_NUMBER

_ID = re.compile(r"^(RND|PWD|JWT|SQL|XSS|CSRF|RATE|LOG|SECRET|CONF|SPT)\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str  # kebab-case; accepted wherever an id is (suppressions, config)
    pattern: int  # 1-10; 0 for secpat's own meta rules
    title: str
    severity: Severity
    confidence: Confidence
    cwe: int
    why: str
    bad: str
    good: str
    fix: str
    kind: str = "static"  # static | runtime | meta
    references: tuple[str, ...] = ()
    owasp_override: str | None = field(default=None, repr=False)
    supersedes: tuple[str, ...] = ()  # rules this one replaces at the same location (SQL002 over SQL001)

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError(f"bad rule id {self.id!r}")
        if not _NAME.match(self.name):
            raise ValueError(f"bad rule name {self.name!r}")
        for attr in ("why", "bad", "good", "fix"):
            object.__setattr__(self, attr, textwrap.dedent(getattr(self, attr)).strip())

    @property
    def owasp(self) -> str:
        if self.owasp_override is not None:
            return self.owasp_override
        pattern = BY_NUMBER.get(self.pattern)
        return pattern.owasp if pattern else ""

    @property
    def help_uri(self) -> str:
        return f"https://secpat.dev/rules/{self.id}"


_RULES: dict[str, Rule] = {}
_BY_NAME: dict[str, Rule] = {}


def define(rule: Rule) -> Rule:
    """Add a rule record to the registry; ids and names are unique for ever."""
    if rule.id in _RULES or rule.name in _BY_NAME:
        raise ValueError(f"rule {rule.id} / {rule.name} defined twice")
    _RULES[rule.id] = rule
    _BY_NAME[rule.name] = rule
    return rule


@dataclass(frozen=True, slots=True)
class Check:
    """A check function and the rules it may report."""

    func: Callable
    rules: tuple[Rule, ...]
    stage: str  # "file" or "project"
    kinds: tuple[str, ...] = ("python",)  # file kinds a file check reads (see discovery.classify)

    @property
    def rule_ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules)


FILE_CHECKS: list[Check] = []
PROJECT_CHECKS: list[Check] = []


def check(*rules: Rule, stage: str = "file", kinds: tuple[str, ...] = ("python",)) -> Callable[[Callable], Callable]:
    """Register a check function for the rules it reports.

    A file check receives a `FileContext` (Python) or a `TextContext` (other kinds) for
    one file; a project check receives a `ProjectContext` with the facts of every file.
    """

    def decorate(func: Callable) -> Callable:
        target = FILE_CHECKS if stage == "file" else PROJECT_CHECKS
        target.append(Check(func=func, rules=rules, stage=stage, kinds=kinds))
        return func

    return decorate


_INFRASTRUCTURE = {"registry", "context"}
_loaded = False


def _load() -> None:
    """Import every rule module of the package once; importing runs their `define` and `check` calls."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib
    import pkgutil

    import secpat.rules

    for info in sorted(pkgutil.iter_modules(secpat.rules.__path__), key=lambda i: i.name):
        if info.name not in _INFRASTRUCTURE and not info.name.startswith("_"):
            importlib.import_module(f"secpat.rules.{info.name}")


def all_rules() -> list[Rule]:
    _load()
    return sorted(_RULES.values(), key=lambda r: (r.pattern if r.pattern else 99, r.id))


def get(key: str) -> Rule | None:
    """Look a rule up by id (`RND001`) or name (`insecure-random-for-secret`)."""
    _load()
    key = key.strip()
    return _RULES.get(key.upper()) or _BY_NAME.get(key.lower())


def file_checks() -> list[Check]:
    _load()
    return FILE_CHECKS


def project_checks() -> list[Check]:
    _load()
    return PROJECT_CHECKS
