"""Reporters: pure functions that turn a scan result into one report format each."""

from __future__ import annotations

from collections.abc import Mapping

from secpat.findings import ScanResult, Severity
from secpat.report import formats
# Each reporter module registers its formats when imported, in the order `--help` lists them:
# a new format is one module and one line here.
from secpat.report import text  # noqa: F401  text, concise
from secpat.report import json  # noqa: F401
from secpat.report import sarif  # noqa: F401
from secpat.report import junit  # noqa: F401
from secpat.report import gitlab  # noqa: F401
from secpat.report import html  # noqa: F401
from secpat.rules.registry import Rule

#: Every format's name.
FORMATS = tuple(formats.FORMATS)


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
    try:
        reporter = formats.FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})") from None
    return reporter.render(result, rules, color=color, fail_on=fail_on, statistics=statistics)


def is_terminal_format(fmt: str) -> bool:
    """Whether `fmt` is written for a person at a terminal (coloured there), not read by a program."""
    return formats.FORMATS[fmt].terminal


__all__ = ["FORMATS", "is_terminal_format", "render"]
