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
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import jinja2
from jinja2 import lexer as jl


@dataclass(frozen=True, slots=True)
class Token:
    line: int
    kind: str  # jinja2 token type: name, operator, string, data, variable_begin, block_begin, ...
    value: str
    spaced: bool = False  # whitespace before it: Django tags separate their arguments by spaces


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
    spaced = False
    for token in tokens:
        if token.kind in (jl.TOKEN_VARIABLE_BEGIN, jl.TOKEN_BLOCK_BEGIN):
            current = Block("variable" if token.kind == jl.TOKEN_VARIABLE_BEGIN else "block", token.line)
        elif token.kind in (jl.TOKEN_VARIABLE_END, jl.TOKEN_BLOCK_END):
            if current is not None:
                yield current
            current = None
        elif current is not None and token.kind != jl.TOKEN_WHITESPACE:
            current.tokens.append(Token(token.line, token.kind, token.value, spaced) if spaced else token)
        spaced = token.kind == jl.TOKEN_WHITESPACE


def _blocks_by_pattern(text: str) -> Iterator[Block]:
    """Fallback for templates the lexer refuses: each block is lexed on its own."""
    for match in _BLOCK.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        kind = "variable" if match.group("var") is not None else "block"
        body = match.group("var") if kind == "variable" else match.group("tag")
        block = Block(kind, line)
        try:
            spaced = False
            for sub_line, token_kind, value in _ENV.lex(
                "{{ " + body + " }}" if kind == "variable" else "{% " + body + " %}"
            ):
                if token_kind not in (
                    jl.TOKEN_VARIABLE_BEGIN,
                    jl.TOKEN_VARIABLE_END,
                    jl.TOKEN_BLOCK_BEGIN,
                    jl.TOKEN_BLOCK_END,
                    jl.TOKEN_WHITESPACE,
                ):
                    block.tokens.append(Token(line + sub_line - 1, token_kind, str(value), spaced))
                spaced = token_kind == jl.TOKEN_WHITESPACE
        except jinja2.TemplateSyntaxError:
            continue
        yield block


@dataclass(frozen=True, slots=True)
class FilterUse:
    line: int
    filter: str
    expression: str  # the expression the filter applies to, as written
    on_literal: bool  # `{{ "<b>"|safe }}`: a constant, nothing to escape
    chain: tuple[str, ...] = ()  # filters applied to the expression before this one (`x|tojson|safe`: tojson)
    roots: tuple[str, ...] = ()  # the template variables the expression reads (`note` in `note.body|add:x`, `x`)
    field: str = ""  # the last attribute or key read from the first variable (`body` in `note["body"]`)


# Words that end an expression inside a tag, or are constants rather than variables.
_KEYWORDS = frozenset(
    {
        "and",
        "or",
        "not",
        "if",
        "else",
        "elif",
        "in",
        "is",
        "as",
        "with",
        "trimmed",
        "only",
        "recursive",
        "true",
        "false",
        "none",
        "True",
        "False",
        "None",
        "context",
        "noop",
    }
)
_OPEN, _CLOSE = {"(": ")", "[": "]", "{": "}"}, {")": "(", "]": "[", "}": "{"}


def filter_uses(block: Block, names: AbstractSet[str]) -> Iterator[FilterUse]:
    """`x|safe` inside a block: the filter and what it applies to."""
    tokens = block.tokens
    for index, token in enumerate(tokens):
        if (
            token.kind == "operator"
            and token.value == "|"
            and index + 1 < len(tokens)
            and tokens[index + 1].kind == "name"
            and tokens[index + 1].value in names
        ):
            operand = tokens[_operand_start(block, index) : index]
            literal = bool(operand) and all(t.kind in ("string", "integer", "float") for t in operand)
            yield FilterUse(
                tokens[index + 1].line,
                tokens[index + 1].value,
                "".join(t.value for t in operand),
                literal,
                _chain(operand),
                roots(operand),
                _field(operand),
            )


def filter_argument_roots(block: Block, use: FilterUse) -> tuple[str, ...]:
    """The variables the arguments of a filter read: `q` in `row.email|highlight(q)`, `x` in `v|add:x`."""
    tokens = block.tokens
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if not (token.kind == "operator" and token.value == "|" and following.value == use.filter):
            continue
        if following.line != use.line:
            continue
        rest = tokens[index + 2 :]
        if rest and rest[0].kind == "operator" and rest[0].value == ":":
            return roots(rest[1:2])  # Django's `|filter:arg`
        if not rest or rest[0].value != "(":
            return ()
        depth, inside = 0, []
        for part in rest:
            if part.kind == "operator" and part.value in _OPEN:
                depth += 1
            elif part.kind == "operator" and part.value in _CLOSE:
                depth -= 1
                if depth == 0:
                    break
            inside.append(part)
        return roots(inside[1:])
    return ()


def _operand_start(block: Block, end: int) -> int:
    """Index of the first token of the expression that ends before `end`."""
    tokens = block.tokens
    depth = 0
    first = 1 if block.kind == "block" else 0  # the tag's own name
    for i in range(end - 1, first - 1, -1):
        token = tokens[i]
        if token.kind == "operator" and token.value in _CLOSE:
            depth += 1
        elif token.kind == "operator" and token.value in _OPEN:
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0:
            if token.kind == "operator" and token.value in {",", "=", "~", "+", "==", "!="}:
                return i + 1
            if token.kind == "name" and token.value in _KEYWORDS and not _accessed(tokens, i):
                return i + 1
            # Django separates tag arguments by spaces: `with a=x|safe b=y`, `firstof a b|safe`.
            if token.spaced and i > first and tokens[i - 1].kind != "operator" and token.kind != "operator":
                return i
    return first


def _accessed(tokens: list[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].kind == "operator" and tokens[i - 1].value in {".", "|"}


def _chain(operand: list[Token]) -> tuple[str, ...]:
    depth = 0
    found = []
    for i, token in enumerate(operand):
        if token.kind == "operator" and token.value in _OPEN:
            depth += 1
        elif token.kind == "operator" and token.value in _CLOSE:
            depth -= 1
        elif depth == 0 and token.kind == "operator" and token.value == "|" and i + 1 < len(operand):
            found.append(operand[i + 1].value)
    return tuple(found)


def filter_names(block: Block) -> set[str]:
    """`{{ x|urlencode|safe }}` → {"urlencode", "safe"}: the filters a variable block applies."""
    tokens = block.tokens
    return {t.value for i, t in enumerate(tokens[1:], 1) if t.kind == "name" and tokens[i - 1].value == "|"}


def roots(tokens: list[Token]) -> tuple[str, ...]:
    """The variables an expression reads: names that are not attributes, filters, keyword names or keywords."""
    found: list[str] = []
    for i, token in enumerate(tokens):
        if token.kind != "name" or token.value in _KEYWORDS or _accessed(tokens, i):
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and following.kind == "operator" and following.value == "=":
            continue  # a keyword argument's name
        if token.value not in found:
            found.append(token.value)
    return tuple(found)


def field_of(tokens: list[Token]) -> str:
    """The field a variable block shows: `note.body|markdown` -> body."""
    operand = []
    for token in tokens:
        if token.kind == "operator" and token.value == "|":
            break
        operand.append(token)
    return _field(operand)


def _field(operand: list[Token]) -> str:
    """`note.body` -> body, `note["body"]` -> body, `body` -> body; "" when the value is a call's result."""
    if not operand or operand[0].kind != "name":
        return ""
    field = operand[0].value
    i = 1
    while i < len(operand):
        token = operand[i]
        if token.kind == "operator" and token.value == "." and i + 1 < len(operand) and operand[i + 1].kind == "name":
            field = operand[i + 1].value
            i += 2
        elif (
            token.kind == "operator"
            and token.value == "["
            and i + 2 < len(operand)
            and operand[i + 1].kind == "string"
            and operand[i + 2].value == "]"
        ):
            field = operand[i + 1].value.strip("'\"")
            i += 3
        elif token.kind == "operator" and token.value in ("(", "["):
            return ""
        else:
            break
    return field


# Filters whose output holds no markup: escapers, JSON encoders, and formatters of dates and numbers.
SAFE_OUTPUT_FILTERS = frozenset(
    {
        "tojson",
        "escape",
        "e",
        "force_escape",
        "forceescape",
        "escapejs",
        "json_script",
        "urlencode",
        "date",
        "time",
        "length",
        "floatformat",
        "intcomma",
        "filesizeformat",
        "timesince",
        "timeuntil",
        "wordcount",
        "count",
        "int",
        "float",
    }
)

# Tags that name a local value: `{% url ... as v %}` is a reversed URL, `{% trans "x" as v %}` a translation.
# `{% fragment as v %}...{% endfragment %}` captures template output, escaped as it was rendered.
_SAFE_AS_TAGS = frozenset({"url", "trans", "translate", "static", "now", "fragment"})


def aliases(blocks_: list[Block]) -> dict[str, set[str]]:
    """Template-local names and the variables they come from (`{% for note in notes %}`: note -> {notes}).

    A name that holds a reversed URL or a translation maps to the empty set (nothing from the view)."""
    found: dict[str, set[str]] = {}
    for block in blocks_:
        tokens = block.tokens
        if block.kind != "block" or not tokens or tokens[0].kind != "name":
            continue
        tag = tokens[0].value
        values = [t.value for t in tokens]
        if tag == "for" and "in" in values:
            split = values.index("in")
            source = tokens[split + 1 :]
            stop = next(
                (i for i, t in enumerate(source) if t.kind == "name" and t.value in ("if", "recursive")), len(source)
            )
            for target in roots(tokens[1:split]):
                found.setdefault(target, set()).update(roots(source[:stop]))
        elif tag in ("set", "with", "blocktrans", "blocktranslate") or tag == "macro":
            if tag == "macro":
                continue  # macro parameters: whatever the caller passes
            for name, source in _assignments(tokens[1:]):
                found.setdefault(name, set()).update(() if set(_chain(source)) & SAFE_OUTPUT_FILTERS else roots(source))
        if "as" in values and values.index("as") + 1 < len(values):
            name = values[values.index("as") + 1]
            # Another tag's result is unknown unless it reads variables: the name stands for itself then.
            found.setdefault(name, set()).update(
                () if tag in _SAFE_AS_TAGS else roots(tokens[1 : values.index("as")]) or {name}
            )
    return found


def _assignments(tokens: list[Token]) -> Iterator[tuple[str, list[Token]]]:
    """`a=x b=y` (Django) or `a = x` (Jinja): each name and the tokens of its value."""
    starts = [i for i in range(len(tokens) - 1) if tokens[i].kind == "name" and tokens[i + 1].value == "="]
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(tokens)
        yield tokens[i].value, tokens[i + 2 : end]


def autoescape_off(block: Block) -> bool:
    """`{% autoescape off %}` (Django), `{% autoescape false %}` (Jinja2) or `{% autoescape None %}` (Tornado)."""
    words = [t.value.lower() for t in block.tokens if t.kind == "name"]
    return (
        block.kind == "block" and len(words) >= 2 and words[0] == "autoescape" and words[1] in {"off", "false", "none"}
    )


def raw_output(block: Block) -> list[Token] | None:
    """The expression of Tornado's `{% raw name %}`, which writes it unescaped; None for anything else
    (Jinja2's bare `{% raw %}` only quotes template syntax), and for a call's result
    (`{% raw format_value(x) %}`): what the function writes is the function's business."""
    if block.kind != "block" or len(block.tokens) < 2 or block.tokens[0].value != "raw":
        return None
    expression = block.tokens[1:]
    if any(t.kind == "operator" and t.value == "(" for t in expression):
        return None
    return expression


def is_rendered_as(path: str, name: str) -> bool:
    """Whether the template file at `path` is the one a view renders by `name`. Loaders look a name up
    below a template directory: `rate/form.html` is any `.../rate/form.html`, but a bare `form.html` is a
    file directly in a template directory (`templates/form.html`), not `templates/rate/form.html`."""
    name = name.lstrip("/")
    if path == name:
        return True
    if not path.endswith("/" + name):
        return False
    if "/" in name:
        return True
    directory = path[: -len(name) - 1].rsplit("/", 1)[-1].lower()
    return "templat" in directory or "jinja" in directory
