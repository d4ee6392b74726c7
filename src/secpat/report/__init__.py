"""Reporters: pure functions that turn a scan result into one report format each."""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from secpat.findings import ScanResult, Severity
from secpat.report import formats
from secpat.rules.registry import Rule

# Each format's reporter module, in the order `--help` lists them. A module registers its formats
# when imported, and is imported only when one of them is asked for: a new format is one module
# and one line here.
_MODULES = {
    "text": "text",
    "concise": "text",
    "json": "json",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
    "html": "html",
}

#: Every format's name.
FORMATS = tuple(_MODULES)


def _format(fmt: str) -> formats.Format:
    if fmt not in _MODULES:
        raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    importlib.import_module(f"secpat.report.{_MODULES[fmt]}")
    return formats.FORMATS[fmt]


def render(
    fmt: str,
    result: ScanResult,
    rules: Mapping[str, Rule],
    *,
    color: bool = False,
    fail_on: Severity = Severity.LOW,
    statistics: bool = False,
) -> str:
    """Render `result` in one of FORMATS.

    `statistics` adds per-rule counts: a table after a text report, a "statistics" key in JSON,
    a run property in SARIF.
    """
    return _format(fmt).render(result, rules, color=color, fail_on=fail_on, statistics=statistics)


def is_terminal_format(fmt: str) -> bool:
    """Whether `fmt` is written for a person at a terminal (coloured there), not read by a program."""
    return _format(fmt).terminal


__all__ = ["FORMATS", "is_terminal_format", "render"]
