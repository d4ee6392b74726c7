"""The triage ledger of the real-code benchmark: reading it and matching findings to it.

A verdict is keyed by (project, path, rule, text), where text is the finding's snippet (the code at
the finding as secpat reports it, secrets masked) with runs of whitespace collapsed. Line numbers
are kept in the ledger for the reader but never used to match, so a verdict survives edits
elsewhere in the file. Two findings in one file with the same rule and text (a decorator line such
as `@csrf.exempt`) match the entry whose line is nearest their own, so each may carry its own verdict
and reason; entries sharing a key and a line must agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

VERDICTS = ("TP", "FP", "DEB")
REQUIRED_FIELDS = ("project", "version", "path", "rule", "code", "verdict", "cause", "reason")


class LedgerError(ValueError):
    """A ledger line that cannot be used."""


def normalise_text(text: str) -> str:
    return " ".join(text.split())


def key(project: str, path: str, rule: str, text: str) -> tuple[str, str, str, str]:
    return (project, path.replace("\\", "/"), rule, normalise_text(text))


def entry_key(entry: Mapping[str, Any]) -> tuple[str, str, str, str]:
    return key(entry["project"], entry["path"], entry["rule"], entry["code"])


def validate_entry(entry: Any, projects: Iterable[str] | None = None) -> list[str]:
    """What is wrong with one ledger entry (empty when it is usable)."""
    if not isinstance(entry, dict):
        return ["not a JSON object"]
    problems = [f"missing field {name!r}" for name in REQUIRED_FIELDS if name not in entry]
    for name in REQUIRED_FIELDS:
        if name in entry and not isinstance(entry[name], str):
            problems.append(f"field {name!r} is not a string")
    if problems:
        return problems
    if entry["verdict"] not in VERDICTS:
        problems.append(f"verdict {entry['verdict']!r} is not one of {', '.join(VERDICTS)}")
    for name in ("project", "version", "path", "rule", "code", "reason"):
        if not entry[name].strip():
            problems.append(f"field {name!r} is empty")
    if projects is not None and entry["project"] not in set(projects):
        problems.append(f"project {entry['project']!r} is not in projects.toml")
    return problems


def load(path: Path, projects: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Read a ledger file; raise LedgerError naming every bad line."""
    entries: list[dict[str, Any]] = []
    errors: list[str] = []
    known = list(projects) if projects is not None else None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            entry = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(f"{path}:{number}: not JSON ({exc.msg})")
            continue
        problems = validate_entry(entry, known)
        errors.extend(f"{path}:{number}: {problem}" for problem in problems)
        if not problems:
            entries.append(entry)
    if errors:
        raise LedgerError("\n".join(errors))
    return entries


Index = Mapping[tuple[str, str, str, str], list[Mapping[str, Any]]]


def index(entries: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str, str, str], list[Mapping[str, Any]]]:
    """Entries by key. Entries sharing a key and a line must agree on the verdict, or matching would
    depend on order."""
    by_key: dict[tuple[str, str, str, str], list[Mapping[str, Any]]] = {}
    for entry in entries:
        k = entry_key(entry)
        earlier = [e for e in by_key.get(k, []) if e.get("line", 0) == entry.get("line", 0)]
        if earlier and earlier[0]["verdict"] != entry["verdict"]:
            raise LedgerError(
                f"conflicting verdicts {earlier[0]['verdict']} and {entry['verdict']} for "
                f"{entry['project']} {entry['path']} {entry['rule']}: {normalise_text(entry['code'])}"
            )
        by_key.setdefault(k, []).append(entry)
    return by_key


def match(
    project: str,
    findings: Iterable[Mapping[str, Any]],
    ledger_index: Index,
) -> list[tuple[Mapping[str, Any], Mapping[str, Any] | None]]:
    """Pair each finding (secpat's JSON: path, rule_id, snippet, line) with its ledger entry, or None."""
    pairs: list[tuple[Mapping[str, Any], Mapping[str, Any] | None]] = []
    for f in findings:
        candidates = ledger_index.get(key(project, f["path"], f["rule_id"], f.get("snippet") or ""), [])
        line = f.get("line", 0)
        nearest = min(candidates, key=lambda e: abs(e.get("line", 0) - line), default=None)
        pairs.append((f, nearest))
    return pairs
