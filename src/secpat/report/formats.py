"""The registry of report formats: a reporter module registers its render function under a name,
and the command line offers every registered name."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from secpat.findings import ScanResult, Severity
from secpat.rules.registry import Rule


class Renderer(Protocol):
    """Every reporter takes the same options, using those that mean something to its format."""

    def __call__(
        self,
        result: ScanResult,
        rules: Mapping[str, Rule],
        *,
        color: bool = False,
        fail_on: Severity = Severity.LOW,
        statistics: bool = False,
    ) -> str: ...


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    render: Renderer
    summary: str  # one line for `--help` and the docs
    #: Written for a person at a terminal: coloured when shown on one. Every other format is read by
    #: a program (or a browser), so nothing else may be mixed into it.
    terminal: bool = False


FORMATS: dict[str, Format] = {}


def reporter(name: str, summary: str, *, terminal: bool = False) -> Callable[[Renderer], Renderer]:
    """Register the decorated render function as the format `name`."""

    def register(render: Renderer) -> Renderer:
        if name in FORMATS:
            raise ValueError(f"report format {name!r} is registered twice")
        FORMATS[name] = Format(name, render, summary, terminal)
        return render

    return register
