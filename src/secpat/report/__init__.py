"""Reporters: pure functions that turn a scan result into text, JSON or SARIF."""

from __future__ import annotations

from collections.abc import Mapping

from secpat.findings import ScanResult, Severity
from secpat.report import json, sarif, text
from secpat.rules.registry import Rule

FORMATS = ("text", "json", "sarif")


def render(
    fmt: str,
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
    fail_on: Severity = Severity.LOW,
) -> str:
    """Render `result` in one of FORMATS, passing each reporter the options it uses."""
    if fmt == "text":
        return text.render(result, rules, color=color)
    if fmt == "json":
        return json.render(result, rules, fail_on=fail_on)
    if fmt == "sarif":
        return sarif.render(result, rules)
    raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")


__all__ = ["FORMATS", "render"]
