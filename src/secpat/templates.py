"""Jinja2 and Django templates, read with Jinja2's lexer (never rendered).

Both syntaxes share `{{ }}`, `{% %}` and `{# #}`; the lexer turns a template
into tokens with line numbers, so a tag or expression spread over many lines
is one unit, and text inside comments or string literals is never mistaken
for markup. Django-only syntax (`{{ x|date:"Y" }}`) lexes fine; a template
the lexer refuses is read block by block instead, so it is still checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import jinja2
from jinja2 import lexer as jl


@dataclass(frozen=True, slots=True)
class Token:
    line: int
    kind: str  # jinja2 token type: name, operator, string, data, variable_begin, block_begin, ...
    value: str


@dataclass
class Block:
    """One `{{ ... }}` or `{% ... %}` unit, as tokens."""

    kind: str  # "variable" or "block"
    line: int
    tokens: list[Token] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return [t.value for t in self.tokens if t.kind == "name"]


_ENV = jinja2.Environment(autoescape=True)
_BLOCK = re.compile(r"\{\{(?P<var>.*?)\}\}|\{%-?(?P<tag>.*?)-?%\}", re.DOTALL)


def blocks(text: str) -> Iterator[Block]:
    """Every variable and tag block of a template, in order."""
    try:
        tokens = [Token(line, kind, str(value)) for line, kind, value in _ENV.lex(text)]
    except jinja2.TemplateSyntaxError:
        yield from _blocks_by_pattern(text)
        return
    current: Block | None = None
    for token in tokens:
        if token.kind in (jl.TOKEN_VARIABLE_BEGIN, jl.TOKEN_BLOCK_BEGIN):
            current = Block("variable" if token.kind == jl.TOKEN_VARIABLE_BEGIN else "block", token.line)
        elif token.kind in (jl.TOKEN_VARIABLE_END, jl.TOKEN_BLOCK_END):
            if current is not None:
                yield current
            current = None
        elif current is not None and token.kind != jl.TOKEN_WHITESPACE:
            current.tokens.append(token)


def _blocks_by_pattern(text: str) -> Iterator[Block]:
    """Fallback for templates the lexer refuses: each block is lexed on its own."""
    for match in _BLOCK.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        kind = "variable" if match.group("var") is not None else "block"
        body = match.group("var") if kind == "variable" else match.group("tag")
        block = Block(kind, line)
        try:
            for sub_line, token_kind, value in _ENV.lex("{{ " + body + " }}" if kind == "variable" else
                                                        "{% " + body + " %}"):
                if token_kind not in (jl.TOKEN_VARIABLE_BEGIN, jl.TOKEN_VARIABLE_END, jl.TOKEN_BLOCK_BEGIN,
                                      jl.TOKEN_BLOCK_END, jl.TOKEN_WHITESPACE):
                    block.tokens.append(Token(line + sub_line - 1, token_kind, str(value)))
        except jinja2.TemplateSyntaxError:
            continue
        yield block


@dataclass(frozen=True, slots=True)
class FilterUse:
    line: int
    filter: str
    expression: str  # the expression the filter applies to, as written
    on_literal: bool  # `{{ "<b>"|safe }}`: a constant, nothing to escape


def filter_uses(block: Block, names: set[str]) -> Iterator[FilterUse]:
    """`x|safe` inside a block: the filter and what it applies to."""
    tokens = block.tokens
    for index, token in enumerate(tokens):
        if token.kind == "operator" and token.value == "|" and index + 1 < len(tokens) \
                and tokens[index + 1].kind == "name" and tokens[index + 1].value in names:
            before = tokens[:index]
            # The operand is everything since the last top-level separator.
            start = max((i + 1 for i, t in enumerate(before) if t.kind == "operator" and t.value in {"(", ",", "="}),
                        default=0)
            operand = before[start:]
            literal = bool(operand) and all(t.kind in ("string", "integer", "float") for t in operand)
            yield FilterUse(tokens[index + 1].line, tokens[index + 1].value, "".join(t.value for t in operand),
                            literal)


def autoescape_off(block: Block) -> bool:
    """`{% autoescape off %}` (Django) or `{% autoescape false %}` (Jinja2)."""
    words = [t.value.lower() for t in block.tokens if t.kind == "name"]
    return block.kind == "block" and len(words) >= 2 and words[0] == "autoescape" and words[1] in {"off", "false"}
