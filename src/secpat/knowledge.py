"""What a project declares about its own code: request wrappers, database and HTML helpers, escapers.

secpat knows the common libraries; a team's own wrappers it cannot know. Declared in the config,
they join the data flow like the built-in ones:

    [tool.secpat.sources]
    "shop.http.params" = "request"                  # what the call returns is request input

    [tool.secpat.sinks]
    "shop.db.run" = "sql"                           # its first argument is executed as SQL
    ".query_raw" = { kind = "sql", argument = "statement" }   # any method of that name; a keyword
    "shop.pages.page" = { kind = "html", argument = 1 }       # the second argument is sent as HTML

    [tool.secpat.sanitizers]
    "shop.text.clean_html" = "html"                 # its result is safe inside HTML
    "shop.db.quote_name" = "sql"                    # its result is safe inside SQL text

A name is the function's qualified name as the scanned code imports it (`package.module.function`,
`package.module.Class.method`), or `.method` for a method of that name on any object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SOURCE_KINDS = ("request",)
SINK_KINDS = ("sql", "html")
SANITIZER_KINDS = ("sql", "html")
TABLES = {"sources": SOURCE_KINDS, "sinks": SINK_KINDS, "sanitizers": SANITIZER_KINDS}

_NAME = re.compile(r"(?:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|\.[A-Za-z_]\w*)")
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


@dataclass(frozen=True)
class Declared:
    """One declared function or method."""

    name: str  # `shop.db.run`, or `.run` for any method named `run`
    kind: str  # request | sql | html
    argument: int | str = 0  # sinks: the position or keyword of the argument that reaches the sink

    def matches(self, callee: str | None, method: str | None) -> bool:
        if self.name.startswith("."):
            return method is not None and method == self.name[1:]
        return callee == self.name


@dataclass(frozen=True)
class Knowledge:
    """Everything one config declares."""

    sources: tuple[Declared, ...] = ()
    sinks: tuple[Declared, ...] = ()
    sanitizers: tuple[Declared, ...] = ()


NOTHING = Knowledge()


def find(
    declared: tuple[Declared, ...], callee: str | None, method: str | None, kind: str | None = None
) -> Declared | None:
    """The first declaration a call matches (of `kind`, if given)."""
    for item in declared:
        if (kind is None or item.kind == kind) and item.matches(callee, method):
            return item
    return None


class DeclarationError(ValueError):
    """A declaration the config gets wrong: `name` is "" when the whole table is wrong."""

    def __init__(self, name: str, problem: str):
        super().__init__(problem)
        self.name = name


def parse(table: str, value: object) -> tuple[Declared, ...]:
    """The declarations of one config table; DeclarationError says what is wrong."""
    kinds = TABLES[table]
    if not isinstance(value, dict):
        raise DeclarationError("", f'expected a table of name = kind, like "shop.db.run" = "{kinds[0]}"')
    found = []
    for name, spec in value.items():
        if not _NAME.fullmatch(name):
            raise DeclarationError(name, "not a qualified name (`package.module.function`) or `.method`")
        argument: int | str = 0
        if isinstance(spec, dict):
            unknown = sorted(set(spec) - ({"kind", "argument"} if table == "sinks" else {"kind"}))
            if unknown:
                takes = "kind and argument" if table == "sinks" else "kind"
                raise DeclarationError(name, f"unknown key {unknown[0]!r} (a declaration here takes {takes})")
            kind = spec.get("kind")
            argument = spec.get("argument", 0)
            if isinstance(argument, bool) or not (
                isinstance(argument, int)
                and argument >= 0
                or isinstance(argument, str)
                and _IDENTIFIER.fullmatch(argument)
            ):
                raise DeclarationError(
                    name, f"argument must be a position (0, 1, ...) or a keyword name, got {argument!r}"
                )
        else:
            kind = spec
        if kind not in kinds:
            raise DeclarationError(name, f"kind must be {' or '.join(repr(k) for k in kinds)}, got {kind!r}")
        found.append(Declared(name, kind, argument))
    return tuple(found)
