"""Convert a libcst tree into a stdlib ``ast.Module`` for the running interpreter.

secpat analyses stdlib ``ast`` trees only.  When the interpreter refuses a file
because it uses syntax newer than itself, the file is parsed with libcst (which
understands every grammar up to 3.14) and converted here into the node types the
*running* interpreter's ``ast`` module has, with ``lineno``/``col_offset``/
``end_lineno``/``end_col_offset`` on every node that carries them.

Conventions reproduced from CPython:

* ``col_offset``/``end_col_offset`` are UTF-8 byte offsets within the line
  (libcst reports code points; they are converted per line).
* A node's span excludes its own grouping parentheses but a parent's span
  includes the parentheses of its children; tuples (and generator expressions)
  include their innermost parentheses, and a generator expression that is the
  sole argument of a call borrows the call's parentheses.
* Compound statements end at the last token of their last statement
  (including a trailing ``;``).
* Implicitly concatenated literals become one ``Constant``/``JoinedStr``.  The
  positions of the parts of an f-string follow the running interpreter: before
  3.12 every literal part and ``FormattedValue`` carries the span of the whole
  string; from 3.12 on each part has its own span.

Constructs without a counterpart in older ``ast`` versions are lowered:

* PEP 750 template strings (``t"..."``) become ``JoinedStr`` nodes of the same
  shape (literal parts + ``FormattedValue``); the "template" nature is lost.
* PEP 695 type parameters are dropped before 3.12, and ``type X = ...`` becomes
  ``X = ...`` (an ``Assign``).  PEP 696 defaults are dropped before 3.13.
* PEP 758 ``except A, B:`` becomes a handler whose type is ``Tuple([A, B])``.
* ``except*`` becomes a plain ``Try`` on 3.10 (there is no ``TryStar``).
* PEP 810 ``lazy import`` becomes an ordinary ``Import``/``ImportFrom``.
* PEP 798 unpacking in comprehensions (``[*x for x in y]``) has no ast form and
  is reported as unsupported.
"""

from __future__ import annotations

import ast
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NoReturn, TypeVar, cast

import libcst as cst
from libcst import MaybeSentinel
from libcst._nodes.internal import CodegenState

__all__ = ["ConversionError", "convert_module"]

# Nesting limit for the converter itself; deeper trees are refused cleanly
# instead of exhausting the interpreter stack.
MAX_DEPTH = 5000

_PY = sys.version_info[:2]
_HAS_TYPE_PARAMS = _PY >= (3, 12)
_HAS_TYPE_DEFAULTS = _PY >= (3, 13)
_HAS_TRY_STAR = hasattr(ast, "TryStar")
# 3.12 moved f-strings into the grammar: parts got their own positions.
_FSTRING_PARTS_HAVE_POSITIONS = _PY >= (3, 12)

_NEWLINE_RE = re.compile(r"\r\n?|\n")

Pos = tuple[int, int, int, int]  # lineno, col (bytes), end_lineno, end_col (bytes)
CharPos = tuple[int, int]  # line, column in code points (libcst's unit)
CharRange = tuple[int, int, int, int]  # start line, start col, end line, end col (code points)

# Node classes that only some interpreter versions have are reached through
# this untyped alias so one source type-checks on all of them.
_ast: Any = ast

_LOAD = ast.Load()
_STORE = ast.Store()
_DEL = ast.Del()


class ConversionError(Exception):
    """The libcst tree cannot be expressed as this interpreter's ``ast``."""

    def __init__(self, message: str, line: int | None = None, col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


class TooDeepError(ConversionError):
    """The tree nests deeper than the converter is willing to follow."""


def _format_spec_quirk() -> bool:
    """Whether this interpreter ends a format spec that ends in a replacement
    field with an empty ``Constant`` (CPython 3.12.0/3.12.1 do)."""
    if not _FSTRING_PARTS_HAVE_POSITIONS:
        return False
    # The first replacement field in walk order is the outer one, `{a:...}`.
    outer = next(n for n in ast.walk(ast.parse('f"{a:{b}}"')) if isinstance(n, ast.FormattedValue))
    spec = outer.format_spec
    return isinstance(spec, ast.JoinedStr) and len(spec.values) == 2


_SPEC_TRAILING_EMPTY = _format_spec_quirk()


# --------------------------------------------------------------------------
# literal decoding


_ESCAPE_RE = re.compile(
    r"\\(\n|\\|'|\"|a|b|f|n|r|t|v|[0-7]{1,3}|x[0-9a-fA-F]{2}|N\{[^}\n]*\}"
    r"|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})"
)
_SIMPLE_ESCAPES = {
    "\n": "",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}


def _escape_sub(match: re.Match[str]) -> str:
    body = match.group(1)
    simple = _SIMPLE_ESCAPES.get(body)
    if simple is not None:
        return simple
    head = body[0]
    if head in "xuU":
        return chr(int(body[1:], 16))
    if head == "N":
        try:
            return unicodedata.lookup(body[2:-1])
        except KeyError:
            raise ConversionError(f"unknown Unicode character name {body[2:-1]!r}") from None
    return chr(int(body, 8))


def _normalise_newlines(text: str) -> str:
    # The tokenizer turns every line ending into "\n" before literals are built.
    return _NEWLINE_RE.sub("\n", text) if "\r" in text else text


def decode_str_body(text: str, raw: bool) -> str:
    """Decode the body of a (non-bytes) string literal as CPython does."""
    text = _normalise_newlines(text)
    if raw or "\\" not in text:
        return text
    return _ESCAPE_RE.sub(_escape_sub, text)


def _split_prefix(token: str) -> tuple[str, str, str]:
    """Split a string token into (prefix, quote, body)."""
    i = 0
    while token[i] not in "'\"":
        i += 1
    prefix = token[:i]
    quote = token[i : i + 3] if token[i : i + 3] in ('"""', "'''") else token[i]
    return prefix, quote, token[i + len(quote) : len(token) - len(quote)]


def _simple_string_value(token: str) -> str | bytes:
    prefix, _quote, body = _split_prefix(token)
    lower = prefix.lower()
    if "b" in lower:
        if "\\" not in body:
            try:
                return _normalise_newlines(body).encode("ascii")
            except UnicodeEncodeError:
                raise ConversionError("bytes can only contain ASCII literal characters") from None
        with warnings.catch_warnings():
            # invalid escapes warn; the value is what matters here
            warnings.simplefilter("ignore")
            try:
                value = ast.literal_eval(token)
            except (SyntaxError, ValueError) as exc:
                raise ConversionError(f"invalid bytes literal: {exc}") from None
        return value
    return decode_str_body(body, raw="r" in lower)


def _string_kind(token: str) -> str | None:
    # CPython records kind="u" only for a lowercase "u" prefix.
    return "u" if token[:1] == "u" else None


def _number_value(token: str) -> Any:
    try:
        return ast.literal_eval(token)
    except (SyntaxError, ValueError) as exc:
        raise ConversionError(f"invalid numeric literal {token[:40]!r}: {exc}") from None


# --------------------------------------------------------------------------
# operator tables

_BINOPS: dict[type, type[ast.operator]] = {
    cst.Add: ast.Add,
    cst.Subtract: ast.Sub,
    cst.Multiply: ast.Mult,
    cst.MatrixMultiply: ast.MatMult,
    cst.Divide: ast.Div,
    cst.Modulo: ast.Mod,
    cst.Power: ast.Pow,
    cst.LeftShift: ast.LShift,
    cst.RightShift: ast.RShift,
    cst.BitOr: ast.BitOr,
    cst.BitXor: ast.BitXor,
    cst.BitAnd: ast.BitAnd,
    cst.FloorDivide: ast.FloorDiv,
}
_AUGOPS: dict[type, type[ast.operator]] = {
    cst.AddAssign: ast.Add,
    cst.SubtractAssign: ast.Sub,
    cst.MultiplyAssign: ast.Mult,
    cst.MatrixMultiplyAssign: ast.MatMult,
    cst.DivideAssign: ast.Div,
    cst.ModuloAssign: ast.Mod,
    cst.PowerAssign: ast.Pow,
    cst.LeftShiftAssign: ast.LShift,
    cst.RightShiftAssign: ast.RShift,
    cst.BitOrAssign: ast.BitOr,
    cst.BitXorAssign: ast.BitXor,
    cst.BitAndAssign: ast.BitAnd,
    cst.FloorDivideAssign: ast.FloorDiv,
}
_UNARYOPS: dict[type, type[ast.unaryop]] = {
    cst.Minus: ast.USub,
    cst.Plus: ast.UAdd,
    cst.BitInvert: ast.Invert,
    cst.Not: ast.Not,
}
_BOOLOPS: dict[type, type[ast.boolop]] = {cst.And: ast.And, cst.Or: ast.Or}
_CMPOPS: dict[type, type[ast.cmpop]] = {
    cst.Equal: ast.Eq,
    cst.NotEqual: ast.NotEq,
    cst.LessThan: ast.Lt,
    cst.LessThanEqual: ast.LtE,
    cst.GreaterThan: ast.Gt,
    cst.GreaterThanEqual: ast.GtE,
    cst.Is: ast.Is,
    cst.IsNot: ast.IsNot,
    cst.In: ast.In,
    cst.NotIn: ast.NotIn,
}
_SINGLETONS = {"True": True, "False": False, "None": None}
_CONVERSIONS = {"s": ord("s"), "r": ord("r"), "a": ord("a")}

# Node kinds that may appear in a Store/Del context; anything else there is an
# error CPython's parser reports ("cannot assign to ...").
_TARGET_TYPES = (
    cst.Name,
    cst.Attribute,
    cst.Subscript,
    cst.StarredElement,
    cst.Tuple,
    cst.List,
)

_Node = TypeVar("_Node", bound=ast.AST)
_ExprHandler = Callable[["Converter", Any, ast.expr_context], ast.expr]
_StmtHandler = Callable[["Converter", Any], ast.stmt]
_PatternHandler = Callable[["Converter", Any], ast.pattern]


class Converter:
    """One conversion of one module; holds the position table and source lines."""

    def __init__(self, text: str, positions: Mapping[cst.CSTNode, CharRange]) -> None:
        self._lines = _NEWLINE_RE.split(text)
        self._positions = positions
        self._depth = 0

    # ---------------------------------------------------------------- positions

    def _byte_col(self, line: int, col: int) -> int:
        if line - 1 >= len(self._lines):
            return col
        text = self._lines[line - 1]
        if text.isascii():
            return col
        return len(text[:col].encode("utf-8", "surrogatepass"))

    def start(self, node: cst.CSTNode) -> CharPos:
        rng = self._positions[node]
        return rng[0], rng[1]

    def end(self, node: cst.CSTNode) -> CharPos:
        rng = self._positions[node]
        return rng[2], rng[3]

    def pos(self, start: CharPos, end: CharPos) -> Pos:
        return (
            start[0],
            self._byte_col(*start),
            end[0],
            self._byte_col(*end),
        )

    def span(self, node: cst.CSTNode) -> Pos:
        line, col, end_line, end_col = self._positions[node]
        return line, self._byte_col(line, col), end_line, self._byte_col(end_line, end_col)

    @staticmethod
    def at(node: _Node, pos: Pos) -> _Node:
        # Every node placed here has these fields; typeshed declares them on its subclasses, not on ast.AST.
        node.lineno, node.col_offset, node.end_lineno, node.end_col_offset = pos  # type: ignore[attr-defined]
        return node

    def source_between(self, start: CharPos, end: CharPos) -> str:
        if start[0] == end[0]:
            return self._lines[start[0] - 1][start[1] : end[1]]
        parts = [self._lines[start[0] - 1][start[1] :]]
        parts.extend(self._lines[start[0] : end[0] - 1])
        parts.append(self._lines[end[0] - 1][: end[1]])
        return "\n".join(parts)

    def skip_to(self, p: CharPos, char: str) -> CharPos:
        """Scan forward from ``p`` over whitespace, comments and continuations to ``char``."""
        line, col = p
        while line - 1 < len(self._lines):
            text = self._lines[line - 1]
            while col < len(text):
                c = text[col]
                if c == char:
                    return line, col
                if c == "#":
                    break
                col += 1
            line, col = line + 1, 0
        raise ConversionError(f"could not locate {char!r}")

    def full_end(self, node: Any) -> CharPos:
        """End of ``node`` including its own closing parentheses."""
        rpar = getattr(node, "rpar", None)
        if rpar and not isinstance(rpar, MaybeSentinel):
            return self.end(rpar[-1])
        return self.end(node)

    def paren_span(self, node: Any) -> Pos:
        """Span including the innermost pair of the node's own parentheses."""
        if node.lpar:
            return self.pos(self.start(node.lpar[-1]), self.end(node.rpar[0]))
        return self.span(node)

    # ---------------------------------------------------------------- dispatch

    def _enter(self) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise TooDeepError("too deeply nested to analyse")

    def expr(self, node: cst.CSTNode, ctx: ast.expr_context = _LOAD) -> ast.expr:
        handler = _EXPR.get(type(node))
        if handler is None:
            self.unsupported(node)
        if ctx is not _LOAD and not isinstance(node, _TARGET_TYPES):
            self.invalid_target(node, ctx)
        self._enter()
        try:
            return handler(self, node, ctx)
        finally:
            self._depth -= 1

    def opt_expr(self, node: cst.CSTNode | None, ctx: ast.expr_context = _LOAD) -> ast.expr | None:
        return None if node is None else self.expr(node, ctx)

    def stmt(self, node: cst.CSTNode) -> ast.stmt:
        handler = _STMT.get(type(node))
        if handler is None:
            self.unsupported(node)
        self._enter()
        try:
            return handler(self, node)
        finally:
            self._depth -= 1

    def pattern(self, node: cst.CSTNode) -> ast.pattern:
        handler = _PATTERN.get(type(node))
        if handler is None:
            self.unsupported(node)
        self._enter()
        try:
            return handler(self, node)
        finally:
            self._depth -= 1

    def unsupported(self, node: cst.CSTNode) -> NoReturn:
        line, col = self.start(node) if node in self._positions else (None, None)
        raise ConversionError(f"unsupported syntax: {type(node).__name__}", line, col)

    def invalid_target(self, node: cst.CSTNode, ctx: ast.expr_context) -> NoReturn:
        line, col = self.start(node)
        verb = "delete" if isinstance(ctx, ast.Del) else "assign to"
        raise ConversionError(f"cannot {verb} {type(node).__name__}", line, col)

    # ---------------------------------------------------------------- statements

    def module(self, node: cst.Module) -> ast.Module:
        body = self.statements(node.body)
        return ast.Module(body=body, type_ignores=[])

    def statements(self, nodes: Sequence[cst.CSTNode]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for node in nodes:
            if isinstance(node, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                out.extend(self.stmt(small) for small in node.body)
            else:
                out.append(self.stmt(node))
        return out

    def suite(self, node: cst.BaseSuite) -> list[ast.stmt]:
        if isinstance(node, cst.SimpleStatementSuite):
            return [self.stmt(small) for small in node.body]
        return self.statements(node.body)

    def suite_end(self, suite: cst.BaseSuite) -> CharPos:
        """End of the last token of a suite, as CPython measures compound statements."""
        node: Any = suite
        while True:
            if isinstance(node, cst.IndentedBlock):
                node = node.body[-1]
                continue
            if isinstance(node, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                last = node.body[-1]
                if isinstance(last.semicolon, cst.Semicolon):
                    return self.end(last.semicolon)
                return self.end(last)
            node = _last_suite(node)

    def compound_pos(self, node: cst.CSTNode) -> Pos:
        """From the node's first keyword to the end of its last statement."""
        return self.pos(self.start(node), self.suite_end(_last_suite(node)))

    def orelse(self, node: cst.Else | None) -> list[ast.stmt]:
        return [] if node is None else self.suite(node.body)

    def decorators(self, node: cst.FunctionDef | cst.ClassDef) -> list[ast.expr]:
        return [self.expr(d.decorator) for d in node.decorators]

    def type_params(self, node: cst.TypeParameters | None) -> list[Any]:
        if node is None or not _HAS_TYPE_PARAMS:
            return []
        return [self.type_param(p) for p in node.params]

    def type_param(self, node: cst.TypeParam) -> Any:
        param = node.param
        name = _ident(param.name.value)
        end = self.end(param)
        extra: dict[str, Any] = {}
        if _HAS_TYPE_DEFAULTS:
            default = None
            if node.default is not None:
                default = self.expr(node.default)
                if node.star == "*":
                    star_start = self.skip_to(self.end(cast(cst.CSTNode, node.equal)), "*")
                    default = self.at(
                        ast.Starred(value=default, ctx=_LOAD),
                        self.pos(star_start, self.end(node.default)),
                    )
                end = self.full_end(node.default)
            extra["default_value"] = default
        if isinstance(param, cst.TypeVar):
            result = _ast.TypeVar(name=name, bound=self.opt_expr(param.bound), **extra)
        elif isinstance(param, cst.TypeVarTuple):
            result = _ast.TypeVarTuple(name=name, **extra)
        else:
            result = _ast.ParamSpec(name=name, **extra)
        return self.at(result, self.pos(self.start(param), end))

    def arguments(self, params: cst.Parameters) -> ast.arguments:
        posonly = [self.arg(p) for p in params.posonly_params]
        args = [self.arg(p) for p in params.params]
        defaults = [self.expr(p.default) for p in (*params.posonly_params, *params.params) if p.default is not None]
        vararg = self.arg(params.star_arg) if isinstance(params.star_arg, cst.Param) else None
        kwonly = [self.arg(p) for p in params.kwonly_params]
        kw_defaults = [self.opt_expr(p.default) for p in params.kwonly_params]
        kwarg = self.arg(params.star_kwarg) if params.star_kwarg is not None else None
        return ast.arguments(
            posonlyargs=posonly,
            args=args,
            vararg=vararg,
            kwonlyargs=kwonly,
            kw_defaults=kw_defaults,
            kwarg=kwarg,
            defaults=defaults,
        )

    def arg(self, param: cst.Param) -> ast.arg:
        annotation = None
        end = self.end(param.name)
        if param.annotation is not None:
            annotation = self.expr(param.annotation.annotation)
            end = self.end(param.annotation)
        node = ast.arg(arg=_ident(param.name.value), annotation=annotation, type_comment=None)
        return self.at(node, self.pos(self.start(param.name), end))

    def call_args(self, args: Sequence[cst.Arg]) -> tuple[list[ast.expr], list[ast.keyword]]:
        positional: list[ast.expr] = []
        keywords: list[ast.keyword] = []
        for arg in args:
            if arg.keyword is not None:
                kw = ast.keyword(arg=_ident(arg.keyword.value), value=self.expr(arg.value))
                keywords.append(self.at(kw, self.span(arg)))
            elif arg.star == "**":
                kw = ast.keyword(arg=None, value=self.expr(arg.value))
                keywords.append(self.at(kw, self.span(arg)))
            elif arg.star == "*":
                starred = ast.Starred(value=self.expr(arg.value), ctx=_LOAD)
                positional.append(self.at(starred, self.span(arg)))
            else:
                positional.append(self.expr(arg.value))
        return positional, keywords

    def alias(self, node: cst.ImportAlias) -> ast.alias:
        asname = None
        if node.asname is not None:
            asname = self.as_identifier(node.asname)
        name = _dotted_name(node.name)
        return self.at(ast.alias(name=name, asname=asname), self.span(node))

    def as_identifier(self, node: cst.AsName) -> str:
        """The name bound by ``as`` in an import or except clause."""
        if not isinstance(node.name, cst.Name):
            line, col = self.start(node.name)
            raise ConversionError("invalid syntax after 'as'", line, col)
        return _ident(node.name.value)

    def with_items(self, items: Sequence[cst.WithItem]) -> list[ast.withitem]:
        out = []
        for item in items:
            target = None
            if item.asname is not None:
                target = self.expr(item.asname.name, _STORE)
            out.append(ast.withitem(context_expr=self.expr(item.item), optional_vars=target))
        return out

    def handler(self, node: cst.ExceptHandler | cst.ExceptStarHandler) -> ast.ExceptHandler:
        name = None
        if node.name is not None:
            name = self.as_identifier(node.name)
        result = ast.ExceptHandler(type=self.opt_expr(node.type), name=name, body=self.suite(node.body))
        return self.at(result, self.pos(self.start(node), self.suite_end(node.body)))

    def comprehension(self, for_in: cst.CompFor) -> list[ast.comprehension]:
        out = []
        current: cst.CompFor | None = for_in
        while current is not None:
            out.append(
                ast.comprehension(
                    target=self.expr(current.target, _STORE),
                    iter=self.expr(current.iter),
                    ifs=[self.expr(c.test) for c in current.ifs],
                    is_async=1 if current.asynchronous is not None else 0,
                )
            )
            current = current.inner_for_in
        return out

    def elements(self, elements: Sequence[cst.BaseElement], ctx: ast.expr_context) -> list[ast.expr]:
        out: list[ast.expr] = []
        for element in elements:
            if isinstance(element, cst.StarredElement):
                out.append(self.expr(element, ctx))
            else:
                out.append(self.expr(element.value, ctx))
        return out

    # ---------------------------------------------------------------- strings

    def string(self, node: cst.BaseString) -> ast.expr:
        parts: list[Any] = []
        current: Any = node
        while isinstance(current, cst.ConcatenatedString):
            parts.append(current.left)
            current = current.right
        parts.append(current)
        whole = self.span(node)
        if not any(isinstance(p, (cst.FormattedString, cst.TemplatedString)) for p in parts):
            return self.plain_string(parts, whole)
        if _FSTRING_PARTS_HAVE_POSITIONS:
            values = self.fstring_values_modern(parts)
        else:
            values = self.fstring_values_legacy(parts, whole)
        return self.at(ast.JoinedStr(values=values), whole)

    def plain_string(self, parts: list[Any], whole: Pos) -> ast.Constant:
        values = [_simple_string_value(p.value) for p in parts]
        value: str | bytes
        if all(isinstance(v, str) for v in values):
            value = "".join(cast("list[str]", values))
        elif all(isinstance(v, bytes) for v in values):
            value = b"".join(cast("list[bytes]", values))
        else:
            raise ConversionError("cannot mix bytes and nonbytes literals", whole[0], whole[1])
        kind = _string_kind(parts[0].value)
        if isinstance(value, bytes):
            kind = None
        return self.at(ast.Constant(value=value, kind=kind), whole)

    # 3.12+: every literal part and replacement field has its own span.

    def fstring_values_modern(self, parts: list[Any]) -> list[ast.expr]:
        pieces: list[ast.expr] = []
        for part in parts:
            if isinstance(part, cst.SimpleString):
                value = _simple_string_value(part.value)
                if isinstance(value, bytes):
                    self._mixed_bytes(part)
                pieces.append(self.at(ast.Constant(value=value, kind=_string_kind(part.value)), self.span(part)))
            else:
                raw = "r" in _prefix_of(part).lower()
                pieces.extend(self.fstring_parts_modern(part.parts, raw))
        return _fold_constants(pieces)

    def fstring_parts_modern(self, parts: Sequence[cst.CSTNode], raw: bool) -> Iterator[ast.expr]:
        for part in parts:
            if isinstance(part, (cst.FormattedStringText, cst.TemplatedStringText)):
                value = decode_str_body(part.value.replace("{{", "{").replace("}}", "}"), raw)
                yield self.at(ast.Constant(value=value, kind=None), self.span(part))
            else:
                yield from self.replacement_field_modern(part, raw)

    def replacement_field_modern(self, part: Any, raw: bool) -> Iterator[ast.expr]:
        field_start = self.start(part)
        field_end = self.end(part)
        close = (field_end[0], field_end[1] - 1)  # the closing "}"
        colon = self._format_colon(part, close)
        conversion = _CONVERSIONS[part.conversion] if part.conversion else -1
        if part.equal is not None and part.conversion is None and part.format_spec is None:
            conversion = ord("r")
        if part.equal is not None:
            # The self-documenting text runs up to "!", ":" or "}".
            if part.conversion:
                debug_end = (close[0], (colon or close)[1] - len(part.conversion) - 1)
            else:
                debug_end = colon or close
            text_start = (field_start[0], field_start[1] + 1)
            text = self.source_between(text_start, debug_end)
            yield self.at(
                ast.Constant(value=decode_str_body(text, raw), kind=None),
                self.pos(text_start, debug_end),
            )
        spec = None
        if part.format_spec is not None:
            assert colon is not None
            values = [v for v in self.fstring_parts_modern(part.format_spec, raw) if not _empty_str(v)]
            if _SPEC_TRAILING_EMPTY and values and isinstance(values[-1], ast.FormattedValue):
                values.append(self.at(ast.Constant(value="", kind=None), self.pos(close, close)))
            else:
                values = _fold_constants(values)
            spec = self.at(ast.JoinedStr(values=values), self.pos(colon, close))
        value = ast.FormattedValue(value=self.expr(part.expression), conversion=conversion, format_spec=spec)
        yield self.at(value, self.pos(field_start, field_end))

    def _format_colon(self, part: Any, close: CharPos) -> CharPos | None:
        if part.format_spec is None:
            return None
        if part.format_spec:
            first = self.start(part.format_spec[0])
            return (first[0], first[1] - 1)
        return (close[0], close[1] - 1)

    # Before 3.12 the parts share the span of the whole (concatenated) string;
    # a format spec takes the span of the string token that contains it.

    def fstring_values_legacy(self, parts: list[Any], whole: Pos) -> list[ast.expr]:
        # Before 3.12 every literal part takes its kind from the first token.
        kind = _string_kind(parts[0].value) if isinstance(parts[0], cst.SimpleString) else None
        state = _LegacyState(self, whole, kind)
        for part in parts:
            if isinstance(part, cst.SimpleString):
                value = _simple_string_value(part.value)
                if isinstance(value, bytes):
                    self._mixed_bytes(part)
                state.literal(value)
            else:
                raw = "r" in _prefix_of(part).lower()
                token = self.span(part)
                self.fstring_parts_legacy(part.parts, raw, state, token)
        return state.finish(whole)

    def fstring_parts_legacy(self, parts: Sequence[cst.CSTNode], raw: bool, state: _LegacyState, token: Pos) -> None:
        for part in parts:
            if isinstance(part, (cst.FormattedStringText, cst.TemplatedStringText)):
                state.literal(decode_str_body(part.value.replace("{{", "{").replace("}}", "}"), raw))
                continue
            field: Any = part
            if field.equal is not None:
                field_start = self.start(field)
                close = (self.end(field)[0], self.end(field)[1] - 1)
                colon = self._format_colon(field, close)
                if field.conversion:
                    debug_end = (close[0], (colon or close)[1] - len(field.conversion) - 1)
                else:
                    debug_end = colon or close
                state.literal(self.source_between((field_start[0], field_start[1] + 1), debug_end))
            conversion = _CONVERSIONS[field.conversion] if field.conversion else -1
            if field.equal is not None and field.conversion is None and field.format_spec is None:
                conversion = ord("r")
            spec = None
            if field.format_spec is not None:
                inner = _LegacyState(self, state.whole, state.kind)
                self.fstring_parts_legacy(field.format_spec, raw, inner, token)
                spec = self.at(ast.JoinedStr(values=inner.finish(token)), token)
            state.flush()
            expression = self.expr(field.expression)
            if isinstance(field.expression, cst.Tuple) and not field.expression.lpar:
                # CPython <3.12 parses "(<expr>)" here, so a bare tuple spans the braces.
                self.at(expression, self.pos(self.start(field), self.end(field)))
            value = ast.FormattedValue(value=expression, conversion=conversion, format_spec=spec)
            state.values.append(self.at(value, state.whole))

    def _mixed_bytes(self, part: cst.CSTNode) -> NoReturn:
        line, col = self.start(part)
        raise ConversionError("cannot mix bytes and nonbytes literals", line, col)


class _LegacyState:
    """Accumulates f-string parts the way CPython 3.8-3.11 does."""

    def __init__(self, conv: Converter, whole: Pos, kind: str | None) -> None:
        self.conv = conv
        self.whole = whole
        self.kind = kind
        self.values: list[ast.expr] = []
        self.pending: list[str] = []

    def literal(self, text: str) -> None:
        if text:
            self.pending.append(text)

    def flush(self) -> None:
        if self.pending:
            constant = ast.Constant(value="".join(self.pending), kind=self.kind)
            self.values.append(self.conv.at(constant, self.whole))
            self.pending = []

    def finish(self, trailing: Pos) -> list[ast.expr]:
        # The literal left over at the end takes the span passed in here.
        if self.pending:
            constant = ast.Constant(value="".join(self.pending), kind=self.kind)
            self.values.append(self.conv.at(constant, trailing))
            self.pending = []
        return self.values


def _empty_str(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value == ""


def _fold_constants(pieces: list[ast.expr]) -> list[ast.expr]:
    """Merge runs of adjacent string constants and drop empty ones (3.12+ rules)."""
    out: list[ast.expr] = []
    run: list[ast.Constant] = []

    def close_run() -> None:
        if not run:
            return
        first, last = run[0], run[-1]
        merged = ast.Constant(value="".join(cast(str, c.value) for c in run), kind=first.kind)
        merged.lineno, merged.col_offset = first.lineno, first.col_offset
        merged.end_lineno, merged.end_col_offset = last.end_lineno, last.end_col_offset
        if merged.value != "":
            out.append(merged)
        run.clear()

    for piece in pieces:
        if isinstance(piece, ast.Constant):
            if piece.value == "":
                continue
            run.append(piece)
        else:
            close_run()
            out.append(piece)
    close_run()
    return out


def _prefix_of(node: Any) -> str:
    return node.start.rstrip("'\"")


def _dotted_name(node: cst.CSTNode) -> str:
    parts: list[str] = []
    current: Any = node
    while isinstance(current, cst.Attribute):
        parts.append(_ident(current.attr.value))
        current = current.value
    parts.append(_ident(current.value))
    return ".".join(reversed(parts))


def _ident(name: str) -> str:
    # CPython stores identifiers NFKC-normalised (PEP 3131).
    return name if name.isascii() else unicodedata.normalize("NFKC", name)


def _last_suite(node: Any) -> cst.BaseSuite:
    """The suite holding the textually last statement of a compound statement."""
    suite: cst.BaseSuite
    if isinstance(node, (cst.Try, cst.TryStar)):
        if node.finalbody is not None:
            suite = node.finalbody.body
        elif node.orelse is not None:
            suite = node.orelse.body
        elif node.handlers:
            suite = node.handlers[-1].body
        else:
            suite = node.body
    elif isinstance(node, cst.If):
        while isinstance(node.orelse, cst.If):
            node = node.orelse
        suite = node.orelse.body if node.orelse is not None else node.body
    elif isinstance(node, (cst.For, cst.While)):
        suite = node.orelse.body if node.orelse is not None else node.body
    elif isinstance(node, cst.Match):
        suite = node.cases[-1].body
    else:  # FunctionDef, ClassDef, With, handlers, Else, Finally
        suite = node.body
    return suite


# ------------------------------------------------------------------ statements


def _s_expr(c: Converter, n: cst.Expr) -> ast.stmt:
    return c.at(ast.Expr(value=c.expr(n.value)), c.span(n))


def _s_assign(c: Converter, n: cst.Assign) -> ast.stmt:
    targets = [c.expr(t.target, _STORE) for t in n.targets]
    node = ast.Assign(targets=targets, value=c.expr(n.value), type_comment=None)
    return c.at(node, c.span(n))


def _single_target(c: Converter, target: cst.CSTNode, what: str) -> ast.Name | ast.Attribute | ast.Subscript:
    # Annotated and augmented assignment take exactly one simple target.
    if not isinstance(target, (cst.Name, cst.Attribute, cst.Subscript)):
        line, col = c.start(target)
        raise ConversionError(f"illegal target for {what}", line, col)
    return cast("ast.Name | ast.Attribute | ast.Subscript", c.expr(target, _STORE))


def _s_ann_assign(c: Converter, n: cst.AnnAssign) -> ast.stmt:
    target = n.target
    simple = 1 if isinstance(target, cst.Name) and not target.lpar else 0
    node = ast.AnnAssign(
        target=_single_target(c, target, "annotation"),
        annotation=c.expr(n.annotation.annotation),
        value=c.opt_expr(n.value),
        simple=simple,
    )
    return c.at(node, c.span(n))


def _s_aug_assign(c: Converter, n: cst.AugAssign) -> ast.stmt:
    node = ast.AugAssign(
        target=_single_target(c, n.target, "augmented assignment"),
        op=_AUGOPS[type(n.operator)](),
        value=c.expr(n.value),
    )
    return c.at(node, c.span(n))


def _s_return(c: Converter, n: cst.Return) -> ast.stmt:
    return c.at(ast.Return(value=c.opt_expr(n.value)), c.span(n))


def _s_raise(c: Converter, n: cst.Raise) -> ast.stmt:
    cause = c.expr(n.cause.item) if n.cause is not None else None
    return c.at(ast.Raise(exc=c.opt_expr(n.exc), cause=cause), c.span(n))


def _s_assert(c: Converter, n: cst.Assert) -> ast.stmt:
    return c.at(ast.Assert(test=c.expr(n.test), msg=c.opt_expr(n.msg)), c.span(n))


def _s_delete(c: Converter, n: cst.Del) -> ast.stmt:
    target = n.target
    if isinstance(target, cst.Tuple) and not target.lpar:
        targets = c.elements(target.elements, _DEL)
    else:
        targets = [c.expr(target, _DEL)]
    return c.at(ast.Delete(targets=targets), c.span(n))


def _s_pass(c: Converter, n: cst.CSTNode) -> ast.stmt:
    return c.at(ast.Pass(), c.span(n))


def _s_break(c: Converter, n: cst.CSTNode) -> ast.stmt:
    return c.at(ast.Break(), c.span(n))


def _s_continue(c: Converter, n: cst.CSTNode) -> ast.stmt:
    return c.at(ast.Continue(), c.span(n))


def _s_global(c: Converter, n: cst.Global) -> ast.stmt:
    return c.at(ast.Global(names=[_ident(i.name.value) for i in n.names]), c.span(n))


def _s_nonlocal(c: Converter, n: cst.Nonlocal) -> ast.stmt:
    return c.at(ast.Nonlocal(names=[_ident(i.name.value) for i in n.names]), c.span(n))


def _s_import(c: Converter, n: cst.Import | cst.LazyImport) -> ast.stmt:
    return c.at(ast.Import(names=[c.alias(a) for a in n.names]), c.span(n))


def _s_import_from(c: Converter, n: cst.ImportFrom | cst.LazyImportFrom) -> ast.stmt:
    if isinstance(n.names, cst.ImportStar):
        names = [c.at(ast.alias(name="*", asname=None), c.span(n.names))]
    else:
        names = [c.alias(a) for a in n.names]
    module = _dotted_name(n.module) if n.module is not None else None
    level = 0
    for dot in n.relative:
        level += 1 if isinstance(dot, cst.Dot) else 0
    node = ast.ImportFrom(module=module, names=names, level=level)
    return c.at(node, c.span(n))


def _s_type_alias(c: Converter, n: cst.TypeAlias) -> ast.stmt:
    name = c.at(ast.Name(id=_ident(n.name.value), ctx=_STORE), c.span(n.name))
    if _HAS_TYPE_PARAMS:
        node: ast.stmt = _ast.TypeAlias(name=name, type_params=c.type_params(n.type_parameters), value=c.expr(n.value))
    else:
        node = ast.Assign(targets=[name], value=c.expr(n.value), type_comment=None)
    return c.at(node, c.span(n))


def _s_function(c: Converter, n: cst.FunctionDef) -> ast.stmt:
    cls = ast.AsyncFunctionDef if n.asynchronous is not None else ast.FunctionDef
    fields: dict[str, Any] = dict(
        name=_ident(n.name.value),
        args=c.arguments(n.params),
        body=c.suite(n.body),
        decorator_list=c.decorators(n),
        returns=c.expr(n.returns.annotation) if n.returns is not None else None,
        type_comment=None,
    )
    if _HAS_TYPE_PARAMS:
        fields["type_params"] = c.type_params(n.type_parameters)
    return c.at(cls(**fields), c.compound_pos(n))


def _s_class(c: Converter, n: cst.ClassDef) -> ast.stmt:
    bases, keywords = c.call_args([*n.bases, *n.keywords])
    fields: dict[str, Any] = dict(
        name=_ident(n.name.value),
        bases=bases,
        keywords=keywords,
        body=c.suite(n.body),
        decorator_list=c.decorators(n),
    )
    if _HAS_TYPE_PARAMS:
        fields["type_params"] = c.type_params(n.type_parameters)
    return c.at(ast.ClassDef(**fields), c.compound_pos(n))


def _s_if(c: Converter, n: cst.If) -> ast.stmt:
    # elif chains become nested If nodes in orelse; walk them iteratively.
    chain: list[cst.If] = [n]
    while isinstance(chain[-1].orelse, cst.If):
        chain.append(chain[-1].orelse)
    last_else = chain[-1].orelse
    orelse: list[ast.stmt] = c.orelse(last_else)
    end = c.suite_end(_last_suite(n))
    result: ast.stmt | None = None
    for node in reversed(chain):
        result = ast.If(test=c.expr(node.test), body=c.suite(node.body), orelse=orelse)
        c.at(result, c.pos(c.start(node), end))
        orelse = [result]
    assert result is not None
    return result


def _s_for(c: Converter, n: cst.For) -> ast.stmt:
    cls = ast.AsyncFor if n.asynchronous is not None else ast.For
    node = cls(
        target=c.expr(n.target, _STORE),
        iter=c.expr(n.iter),
        body=c.suite(n.body),
        orelse=c.orelse(n.orelse),
        type_comment=None,
    )
    return c.at(node, c.compound_pos(n))


def _s_while(c: Converter, n: cst.While) -> ast.stmt:
    node = ast.While(test=c.expr(n.test), body=c.suite(n.body), orelse=c.orelse(n.orelse))
    return c.at(node, c.compound_pos(n))


def _s_with(c: Converter, n: cst.With) -> ast.stmt:
    cls = ast.AsyncWith if n.asynchronous is not None else ast.With
    node = cls(items=c.with_items(n.items), body=c.suite(n.body), type_comment=None)
    return c.at(node, c.compound_pos(n))


def _s_try(c: Converter, n: cst.Try | cst.TryStar) -> ast.stmt:
    cls: Any = _ast.TryStar if isinstance(n, cst.TryStar) and _HAS_TRY_STAR else ast.Try
    node: ast.stmt = cls(
        body=c.suite(n.body),
        handlers=[c.handler(h) for h in n.handlers],
        orelse=c.orelse(n.orelse),
        finalbody=c.suite(n.finalbody.body) if n.finalbody is not None else [],
    )
    return c.at(node, c.compound_pos(n))


def _s_match(c: Converter, n: cst.Match) -> ast.stmt:
    cases = [
        ast.match_case(pattern=c.pattern(case.pattern), guard=c.opt_expr(case.guard), body=c.suite(case.body))
        for case in n.cases
    ]
    return c.at(ast.Match(subject=c.expr(n.subject), cases=cases), c.compound_pos(n))


_STMT: dict[type, _StmtHandler] = {
    cst.Expr: _s_expr,
    cst.Assign: _s_assign,
    cst.AnnAssign: _s_ann_assign,
    cst.AugAssign: _s_aug_assign,
    cst.Return: _s_return,
    cst.Raise: _s_raise,
    cst.Assert: _s_assert,
    cst.Del: _s_delete,
    cst.Pass: _s_pass,
    cst.Break: _s_break,
    cst.Continue: _s_continue,
    cst.Global: _s_global,
    cst.Nonlocal: _s_nonlocal,
    cst.Import: _s_import,
    cst.ImportFrom: _s_import_from,
    cst.LazyImport: _s_import,
    cst.LazyImportFrom: _s_import_from,
    cst.TypeAlias: _s_type_alias,
    cst.FunctionDef: _s_function,
    cst.ClassDef: _s_class,
    cst.If: _s_if,
    cst.For: _s_for,
    cst.While: _s_while,
    cst.With: _s_with,
    cst.Try: _s_try,
    cst.TryStar: _s_try,
    cst.Match: _s_match,
}


# ------------------------------------------------------------------ expressions


def _e_name(c: Converter, n: cst.Name, ctx: ast.expr_context) -> ast.expr:
    if n.value in _SINGLETONS:
        if ctx is not _LOAD:
            c.invalid_target(n, ctx)
        return c.at(ast.Constant(value=_SINGLETONS[n.value], kind=None), c.span(n))
    return c.at(ast.Name(id=_ident(n.value), ctx=ctx), c.span(n))


def _e_attribute(c: Converter, n: cst.Attribute, ctx: ast.expr_context) -> ast.expr:
    node = ast.Attribute(value=c.expr(n.value), attr=_ident(n.attr.value), ctx=ctx)
    return c.at(node, c.span(n))


def _e_subscript(c: Converter, n: cst.Subscript, ctx: ast.expr_context) -> ast.expr:
    elements = n.slice
    only = elements[0].slice if len(elements) == 1 else None
    if isinstance(only, cst.Index) and only.star is not None and not isinstance(elements[0].comma, cst.Comma):
        # x[*a] is a one-element tuple in ast
        starred = _slice(c, only)
        index: ast.expr = c.at(ast.Tuple(elts=[starred], ctx=_LOAD), c.span(elements[0]))
    elif only is not None and not isinstance(elements[0].comma, cst.Comma):
        index = _slice(c, only)
    else:
        last = elements[-1]
        end = c.end(last.comma) if isinstance(last.comma, cst.Comma) else c.end(last)
        index = c.at(
            ast.Tuple(elts=[_slice(c, e.slice) for e in elements], ctx=_LOAD),
            c.pos(c.start(elements[0]), end),
        )
    node = ast.Subscript(value=c.expr(n.value), slice=index, ctx=ctx)
    return c.at(node, c.span(n))


def _slice(c: Converter, s: cst.BaseSlice) -> ast.expr:
    if isinstance(s, cst.Index):
        value = c.expr(s.value)
        if s.star is not None:
            return c.at(ast.Starred(value=value, ctx=_LOAD), c.span(s))
        return value
    assert isinstance(s, cst.Slice)
    node = ast.Slice(lower=c.opt_expr(s.lower), upper=c.opt_expr(s.upper), step=c.opt_expr(s.step))
    return c.at(node, c.span(s))


def _e_call(c: Converter, n: cst.Call, ctx: ast.expr_context) -> ast.expr:
    args, keywords = c.call_args(n.args)
    if len(n.args) == 1 and isinstance(n.args[0].value, cst.GeneratorExp) and not n.args[0].value.lpar:
        # A lone generator argument borrows the call's parentheses.
        open_paren = c.skip_to(c.end(n.func), "(")
        c.at(args[0], c.pos(open_paren, c.end(n)))
    node = ast.Call(func=c.expr(n.func), args=args, keywords=keywords)
    return c.at(node, c.span(n))


def _e_binop(c: Converter, n: cst.BinaryOperation, ctx: ast.expr_context) -> ast.expr:
    node = ast.BinOp(left=c.expr(n.left), op=_BINOPS[type(n.operator)](), right=c.expr(n.right))
    return c.at(node, c.span(n))


def _e_boolop(c: Converter, n: cst.BooleanOperation, ctx: ast.expr_context) -> ast.expr:
    # ast flattens "a and b and c" into one BoolOp; libcst nests to the left.
    op_type = type(n.operator)
    operands: list[cst.CSTNode] = [n.right]
    left: cst.CSTNode = n.left
    while isinstance(left, cst.BooleanOperation) and type(left.operator) is op_type and not left.lpar:
        operands.append(left.right)
        left = left.left
    operands.append(left)
    values = [c.expr(o) for o in reversed(operands)]
    return c.at(ast.BoolOp(op=_BOOLOPS[op_type](), values=values), c.span(n))


def _e_unary(c: Converter, n: cst.UnaryOperation, ctx: ast.expr_context) -> ast.expr:
    node = ast.UnaryOp(op=_UNARYOPS[type(n.operator)](), operand=c.expr(n.expression))
    return c.at(node, c.span(n))


def _e_compare(c: Converter, n: cst.Comparison, ctx: ast.expr_context) -> ast.expr:
    node = ast.Compare(
        left=c.expr(n.left),
        ops=[_CMPOPS[type(t.operator)]() for t in n.comparisons],
        comparators=[c.expr(t.comparator) for t in n.comparisons],
    )
    return c.at(node, c.span(n))


def _e_ifexp(c: Converter, n: cst.IfExp, ctx: ast.expr_context) -> ast.expr:
    node = ast.IfExp(test=c.expr(n.test), body=c.expr(n.body), orelse=c.expr(n.orelse))
    return c.at(node, c.span(n))


def _e_lambda(c: Converter, n: cst.Lambda, ctx: ast.expr_context) -> ast.expr:
    return c.at(ast.Lambda(args=c.arguments(n.params), body=c.expr(n.body)), c.span(n))


def _e_named(c: Converter, n: cst.NamedExpr, ctx: ast.expr_context) -> ast.expr:
    if not isinstance(n.target, cst.Name):
        line, col = c.start(n.target)
        raise ConversionError("assignment expressions need a plain name", line, col)
    target = cast(ast.Name, c.expr(n.target, _STORE))
    node = ast.NamedExpr(target=target, value=c.expr(n.value))
    return c.at(node, c.span(n))


def _e_await(c: Converter, n: cst.Await, ctx: ast.expr_context) -> ast.expr:
    return c.at(ast.Await(value=c.expr(n.expression)), c.span(n))


def _e_yield(c: Converter, n: cst.Yield, ctx: ast.expr_context) -> ast.expr:
    if isinstance(n.value, cst.From):
        return c.at(ast.YieldFrom(value=c.expr(n.value.item)), c.span(n))
    return c.at(ast.Yield(value=c.opt_expr(n.value)), c.span(n))


def _e_tuple(c: Converter, n: cst.Tuple, ctx: ast.expr_context) -> ast.expr:
    return c.at(ast.Tuple(elts=c.elements(n.elements, ctx), ctx=ctx), c.paren_span(n))


def _e_list(c: Converter, n: cst.List, ctx: ast.expr_context) -> ast.expr:
    return c.at(ast.List(elts=c.elements(n.elements, ctx), ctx=ctx), c.span(n))


def _e_set(c: Converter, n: cst.Set, ctx: ast.expr_context) -> ast.expr:
    return c.at(ast.Set(elts=c.elements(n.elements, _LOAD)), c.span(n))


def _e_starred(c: Converter, n: cst.StarredElement, ctx: ast.expr_context) -> ast.expr:
    return c.at(ast.Starred(value=c.expr(n.value, ctx), ctx=ctx), c.span(n))


def _e_dict(c: Converter, n: cst.Dict, ctx: ast.expr_context) -> ast.expr:
    keys: list[ast.expr | None] = []
    values: list[ast.expr] = []
    for element in n.elements:
        if isinstance(element, cst.StarredDictElement):
            keys.append(None)
        else:
            keys.append(c.expr(cast(cst.DictElement, element).key))
        values.append(c.expr(element.value))
    return c.at(ast.Dict(keys=keys, values=values), c.span(n))


def _comp_element(c: Converter, elt: cst.CSTNode) -> ast.expr:
    if isinstance(elt, cst.StarredElement):  # PEP 798: no ast form before 3.15
        c.unsupported(elt)
    return c.expr(elt)


def _e_listcomp(c: Converter, n: cst.ListComp, ctx: ast.expr_context) -> ast.expr:
    node = ast.ListComp(elt=_comp_element(c, n.elt), generators=c.comprehension(n.for_in))
    return c.at(node, c.span(n))


def _e_setcomp(c: Converter, n: cst.SetComp, ctx: ast.expr_context) -> ast.expr:
    node = ast.SetComp(elt=_comp_element(c, n.elt), generators=c.comprehension(n.for_in))
    return c.at(node, c.span(n))


def _e_genexp(c: Converter, n: cst.GeneratorExp, ctx: ast.expr_context) -> ast.expr:
    node = ast.GeneratorExp(elt=_comp_element(c, n.elt), generators=c.comprehension(n.for_in))
    return c.at(node, c.paren_span(n))


def _e_dictcomp(c: Converter, n: cst.DictComp, ctx: ast.expr_context) -> ast.expr:
    node = ast.DictComp(key=c.expr(n.key), value=c.expr(n.value), generators=c.comprehension(n.for_in))
    return c.at(node, c.span(n))


def _e_number(c: Converter, n: cst.BaseNumber, ctx: ast.expr_context) -> ast.expr:
    token = cast(Any, n).value  # Integer, Float or Imaginary
    return c.at(ast.Constant(value=_number_value(token), kind=None), c.span(n))


def _e_ellipsis(c: Converter, n: cst.Ellipsis, ctx: ast.expr_context) -> ast.expr:
    return c.at(ast.Constant(value=..., kind=None), c.span(n))


def _e_string(c: Converter, n: cst.BaseString, ctx: ast.expr_context) -> ast.expr:
    return c.string(n)


_EXPR: dict[type, _ExprHandler] = {
    cst.Name: _e_name,
    cst.Attribute: _e_attribute,
    cst.Subscript: _e_subscript,
    cst.Call: _e_call,
    cst.BinaryOperation: _e_binop,
    cst.BooleanOperation: _e_boolop,
    cst.UnaryOperation: _e_unary,
    cst.Comparison: _e_compare,
    cst.IfExp: _e_ifexp,
    cst.Lambda: _e_lambda,
    cst.NamedExpr: _e_named,
    cst.Await: _e_await,
    cst.Yield: _e_yield,
    cst.Tuple: _e_tuple,
    cst.List: _e_list,
    cst.Set: _e_set,
    cst.StarredElement: _e_starred,
    cst.Dict: _e_dict,
    cst.ListComp: _e_listcomp,
    cst.SetComp: _e_setcomp,
    cst.GeneratorExp: _e_genexp,
    cst.DictComp: _e_dictcomp,
    cst.Integer: _e_number,
    cst.Float: _e_number,
    cst.Imaginary: _e_number,
    cst.Ellipsis: _e_ellipsis,
    cst.SimpleString: _e_string,
    cst.ConcatenatedString: _e_string,
    cst.FormattedString: _e_string,
    cst.TemplatedString: _e_string,
}


# ------------------------------------------------------------------ patterns


def _p_value(c: Converter, n: cst.MatchValue) -> ast.pattern:
    # "(1)" in a pattern is a group: libcst hangs the parentheses on the value.
    value = c.expr(n.value)
    return c.at(ast.MatchValue(value=value), c.span(n.value))


def _p_singleton(c: Converter, n: cst.MatchSingleton) -> ast.pattern:
    return c.at(ast.MatchSingleton(value=_SINGLETONS[n.value.value]), c.span(n.value))


def _sequence_items(c: Converter, items: Sequence[cst.CSTNode]) -> list[ast.pattern]:
    out: list[ast.pattern] = []
    for item in items:
        if isinstance(item, cst.MatchStar):
            out.append(c.pattern(item))
        else:
            out.append(c.pattern(cast(cst.MatchSequenceElement, item).value))
    return out


def _p_star(c: Converter, n: cst.MatchStar) -> ast.pattern:
    name = _ident(n.name.value) if n.name is not None else None
    start = c.start(n)
    if n.name is not None:
        end = c.end(n.name)
    else:  # "*_": libcst keeps no name node for the wildcard
        underscore = c.skip_to((start[0], start[1] + 1), "_")
        end = (underscore[0], underscore[1] + 1)
    if name == "_":
        name = None
    return c.at(ast.MatchStar(name=name), c.pos(start, end))


def _p_list(c: Converter, n: cst.MatchList) -> ast.pattern:
    return c.at(ast.MatchSequence(patterns=_sequence_items(c, n.patterns)), c.span(n))


def _p_tuple(c: Converter, n: cst.MatchTuple) -> ast.pattern:
    return c.at(ast.MatchSequence(patterns=_sequence_items(c, n.patterns)), c.paren_span(n))


def _p_mapping(c: Converter, n: cst.MatchMapping) -> ast.pattern:
    node = ast.MatchMapping(
        keys=[c.expr(e.key) for e in n.elements],
        patterns=[c.pattern(e.pattern) for e in n.elements],
        rest=_ident(n.rest.value) if n.rest is not None else None,
    )
    return c.at(node, c.span(n))


def _p_class(c: Converter, n: cst.MatchClass) -> ast.pattern:
    node = ast.MatchClass(
        cls=c.expr(n.cls),
        patterns=[c.pattern(p.value) for p in n.patterns],
        kwd_attrs=[_ident(k.key.value) for k in n.kwds],
        kwd_patterns=[c.pattern(k.pattern) for k in n.kwds],
    )
    return c.at(node, c.span(n))


def _p_as(c: Converter, n: cst.MatchAs) -> ast.pattern:
    pattern = c.pattern(n.pattern) if n.pattern is not None else None
    name = _ident(n.name.value) if n.name is not None else None
    if name == "_" and pattern is None:
        name = None
    return c.at(ast.MatchAs(pattern=pattern, name=name), c.span(n))


def _p_or(c: Converter, n: cst.MatchOr) -> ast.pattern:
    return c.at(ast.MatchOr(patterns=[c.pattern(e.pattern) for e in n.patterns]), c.span(n))


_PATTERN: dict[type, _PatternHandler] = {
    cst.MatchValue: _p_value,
    cst.MatchSingleton: _p_singleton,
    cst.MatchStar: _p_star,
    cst.MatchList: _p_list,
    cst.MatchTuple: _p_tuple,
    cst.MatchMapping: _p_mapping,
    cst.MatchClass: _p_class,
    cst.MatchAs: _p_as,
    cst.MatchOr: _p_or,
}


def convert_module(module: cst.Module, text: str) -> ast.Module:
    """Convert ``module`` (parsed from ``text``) into an ``ast.Module``."""
    return Converter(text, compute_positions(module)).module(module)


# ------------------------------------------------------------------ positions


class _PositionState(CodegenState):
    """Code generation that records every node's span, like libcst's
    ``PositionProvider`` but several times faster (plain tuples, no regex per
    token, no context-manager generators)."""

    __slots__ = ("line", "column", "stack", "ranges")

    def __init__(self, module: cst.Module) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.line = 1
        self.column = 0
        self.stack: list[CharPos] = []
        self.ranges: dict[cst.CSTNode, CharRange] = {}

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        if "\n" in value or "\r" in value:
            segments = _NEWLINE_RE.split(value)
            self.line += len(segments) - 1
            self.column = len(segments[-1])
        else:
            self.column += len(value)

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.add_token(token)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.stack.append((self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        line, column = self.stack.pop()
        if node not in self.ranges:  # keep a syntactic span recorded inside
            self.ranges[node] = (line, column, self.line, self.column)

    # libcst's is a @contextmanager generator; a slotted class does the same without a generator per node.
    def record_syntactic_position(  # type: ignore[override]
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> _SyntacticSpan:
        return _SyntacticSpan(self, node, start_node, end_node)


class _SyntacticSpan:
    __slots__ = ("state", "node", "start_node", "end_node", "start")

    def __init__(
        self,
        state: _PositionState,
        node: cst.CSTNode,
        start_node: cst.CSTNode | None,
        end_node: cst.CSTNode | None,
    ) -> None:
        self.state = state
        self.node = node
        self.start_node = start_node
        self.end_node = end_node

    def __enter__(self) -> None:
        self.start = (self.state.line, self.state.column)

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        state = self.state
        line, column = self.start
        end_line, end_column = state.line, state.column
        if self.start_node is not None:
            line, column = state.ranges[self.start_node][:2]
        if self.end_node is not None:
            end_line, end_column = state.ranges[self.end_node][2:]
        state.ranges[self.node] = (line, column, end_line, end_column)


def compute_positions(module: cst.Module) -> dict[cst.CSTNode, CharRange]:
    """Spans of every node of ``module`` with libcst's ``PositionProvider`` semantics."""
    state = _PositionState(module)
    module._codegen(state)
    return state.ranges
