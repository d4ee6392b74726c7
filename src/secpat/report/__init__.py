"""Reporters: pure functions that turn a scan result into text, concise text, JSON or SARIF."""

from __future__ import annotations

from collections.abc import Mapping

from secpat.findings import ScanResult, Severity
from secpat.report import json, sarif, text
from secpat.rules.registry import Rule

FORMATS = ("text", "concise", "json", "sarif")


def render(
    fmt: str,
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
    fail_on: Severity = Severity.LOW,
    statistics: bool = False,
) -> str:
    """Render `result` in one of FORMATS, passing each reporter the options it uses.

    `statistics` adds per-rule counts: a table after a text report, a "statistics" key in JSON,
    a run property in SARIF.
    """
    if fmt == "text":
        return text.render(result, rules, color=color, statistics=statistics)
    if fmt == "concise":
        return text.render_concise(result, rules, color=color, statistics=statistics)
    if fmt == "json":
        return json.render(result, rules, fail_on=fail_on, statistics=statistics)
    if fmt == "sarif":
        return sarif.render(result, rules, statistics=statistics)
    raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")


__all__ = ["FORMATS", "render"]
