"""Baseline files: accepted findings, matched by rule, path and code fingerprint, never by line."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from secpat import safeio
from secpat.findings import Finding
from secpat.report.escape import encodable

__all__ = [
    "BASELINE_VERSION",
    "Baseline",
    "BaselineEntry",
    "BaselineError",
    "filter_new",
    "load_baseline",
    "line_free",
    "render_baseline",
    "update_findings",
    "write_baseline",
]

BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 64 << 20  # far above any real baseline; a FIFO or /dev/zero is refused before this

Key = tuple[str, str, str]  # (rule, path, fingerprint)
_KEY_FIELDS = ("rule", "path", "fingerprint")


class BaselineError(Exception):
    """A baseline file that is missing, unreadable or not a secpat baseline."""


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    rule: str
    path: str
    fingerprint: str
    count: int = 1
    message: str = ""  # for people reading the file; not used for matching

    @property
    def key(self) -> Key:
        return (self.rule, self.path, self.fingerprint)


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: tuple[BaselineEntry, ...] = ()
    source: Path | None = None

    def counts(self) -> Counter[Key]:
        """How many findings each (rule, path, fingerprint) key accepts."""
        counts: Counter[Key] = Counter()
        for entry in self.entries:
            counts[entry.key] += entry.count  # duplicates (e.g. after a merge) add up
        return counts

    def __len__(self) -> int:
        return sum(entry.count for entry in self.entries)

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Baseline:
        """A baseline that accepts exactly `findings` (those present at a git revision, for `--diff-base`)."""
        return cls(tuple(BaselineEntry(*_key(finding)) for finding in findings))


def _key(finding: Finding) -> Key:
    # A file name that is not UTF-8 is stored escaped (`bad\\xff.py`), and matched the same way.
    return (finding.rule_id, encodable(finding.location.path), finding.fingerprint)


_LINE_NOTE = re.compile(r"\s*\(lines? \d+(?:\s*[-–]\s*\d+)?\)")
_PATH_LINE = re.compile(r"(\.[A-Za-z0-9]+):\d+(?::\d+)?\b")
_LINE_WORD = re.compile(r"\b(lines?) \d+(?:\s*[-–]\s*\d+)?")


def line_free(message: str) -> str:
    """A message without the line numbers in it: `(line 53)` goes, `app/x.py:12` becomes `app/x.py`,
    `at line 12` becomes `at line` — so moving code does not change the stored text."""
    return _LINE_WORD.sub(r"\1", _PATH_LINE.sub(r"\1", _LINE_NOTE.sub("", message)))


def render_baseline(findings: Iterable[Finding], keep_order_of: Baseline | None = None) -> str:
    """The baseline file text: no lines or timestamps, so equal code gives equal bytes.

    Entries are sorted by (rule, path, fingerprint); with `keep_order_of` (an update), entries
    already in that baseline keep its order and new ones follow, sorted.
    """
    counts: Counter[Key] = Counter()
    messages: dict[Key, str] = {}
    for finding in findings:
        key = _key(finding)
        counts[key] += 1
        # The smallest message, so the choice does not depend on the order findings arrive in.
        message = line_free(encodable(finding.message))
        messages[key] = min(messages.get(key, message), message)
    order = sorted(counts)
    if keep_order_of is not None:
        earlier = {entry.key: i for i, entry in reversed(list(enumerate(keep_order_of.entries)))}
        order.sort(key=lambda key: (0, earlier[key]) if key in earlier else (1, 0))
    entries = [{**dict(zip(_KEY_FIELDS, key)), "count": counts[key], "message": messages[key]} for key in order]
    document = {"version": BASELINE_VERSION, "tool": "secpat", "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_baseline(findings: Iterable[Finding], path: Path, keep_order_of: Baseline | None = None) -> int:
    """Write the baseline for `findings` to `path`; return the number of findings it accepts."""
    findings = list(findings)
    text = render_baseline(findings, keep_order_of)
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all, never through a link, keeping the mode of the file it replaces.
        safeio.atomic_write(path, text)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline ({exc.strerror or exc})") from None
    return len(findings)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; raise BaselineError saying what is wrong with it."""
    path = Path(path)
    try:
        text = safeio.read_capped(path, MAX_BASELINE_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found; create it with `secpat baseline`") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: baseline file is not UTF-8 text") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = "; it has git conflict markers, regenerate it with `secpat baseline`" if "<<<<<<<" in text else ""
        raise BaselineError(f"{path}:{exc.lineno}:{exc.colno}: baseline is not valid JSON ({exc.msg}){hint}") from None
    except RecursionError:
        raise BaselineError(f"{path}: baseline is nested too deeply to be a secpat baseline") from None
    if not isinstance(document, dict) or document.get("tool") != "secpat":
        raise BaselineError(f'{path}: not a secpat baseline (expected a JSON object with "tool": "secpat")')
    version = document.get("version")
    if version != BASELINE_VERSION:
        raise BaselineError(
            f"{path}: baseline version {version!r} is not supported (expected {BASELINE_VERSION}); "
            "regenerate it with `secpat baseline`"
        )
    items = document.get("findings")
    if not isinstance(items, list):
        raise BaselineError(f'{path}: "findings" must be a list')
    return Baseline(tuple(_entry(path, index, item) for index, item in enumerate(items)), source=path)


def _entry(path: Path, index: int, item: object) -> BaselineEntry:
    where = f"{path}: findings[{index}]"
    if not isinstance(item, dict):
        raise BaselineError(f"{where}: expected an object")
    for field in _KEY_FIELDS:
        if not isinstance(item.get(field), str) or not item[field]:
            raise BaselineError(f'{where}: "{field}" must be a non-empty string')
    count = item.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise BaselineError(f'{where}: "count" must be a positive integer')
    message = item.get("message", "")
    if not isinstance(message, str):
        raise BaselineError(f'{where}: "message" must be a string')
    return BaselineEntry(item["rule"], item["path"], item["fingerprint"], count, message)


def update_findings(findings: Sequence[Finding], baseline: Baseline) -> list[Finding]:
    """For `baseline --update`: the current findings the baseline already accepts. Fixed ones drop
    out; new ones are not added (accepting those is a separate, deliberate `secpat baseline`)."""
    new, _ = filter_new(findings, baseline)
    fresh = {id(f) for f in new}
    return [f for f in findings if id(f) not in fresh]


def filter_new(findings: Sequence[Finding], baseline: Baseline) -> tuple[list[Finding], int]:
    """The findings the baseline does not accept, in input order, and how many it matched.

    Matching counts: a key accepted twice matches two identical findings; a third is new.
    When some of a key's findings are new, the later ones in the file are reported.
    """
    remaining = baseline.counts()
    new: set[int] = set()
    matched = 0
    for index in sorted(range(len(findings)), key=lambda i: findings[i].sort_key()):
        key = _key(findings[index])
        if remaining[key] > 0:
            remaining[key] -= 1
            matched += 1
        else:
            new.add(index)
    return [f for i, f in enumerate(findings) if i in new], matched
