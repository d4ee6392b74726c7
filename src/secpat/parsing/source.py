"""Decode and parse one Python source file without importing or running it.

``parse_python`` tries the running interpreter's own parser first.  When it
raises ``SyntaxError`` (typically: syntax newer than the interpreter), a file
whose only newer syntax is PEP 701 f-strings is rewritten into the older
f-string grammar with every position kept and parsed again (``fstrings``);
anything else is parsed with libcst and converted to an equivalent
``ast.Module`` (see ``cst_to_ast``).  Every failure surfaces as ``ParseError``; nothing here lets a
hostile file crash the process:

* libcst's native parser recurses on the C stack, so input nested beyond what
  any CPython accepts (brackets, indentation, operator chains) is refused by a
  cheap lexical scan before libcst sees it;
* the fallback runs on a dedicated thread with a large stack, whatever thread
  the caller is on, and with a raised Python recursion limit (libcst computes
  positions recursively; long ``elif`` chains nest deeply in its tree);
* anything deeper still ends as ``RecursionError`` and becomes ``ParseError``.
"""

from __future__ import annotations

import ast
import codecs
import io
import re
import sys
import threading
import tokenize
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn, TypeVar

from secpat.parsing import fstrings

__all__ = [
    "ParseError",
    "Parsed",
    "SourceText",
    "decode_source",
    "parse_python",
]

_T = TypeVar("_T")

# Beyond these CPython itself refuses the file (MAXLEVEL / MAXINDENT), and
# libcst's native parser recurses on the C stack, so deeper input could crash
# the process rather than raise.  Refuse it up front.
MAX_BRACKET_DEPTH = 200
MAX_INDENT_LEVELS = 100
# Long operator chains (``a + b + ... + z``, ``- - - x``, ``a.b().c[d]...``)
# nest as deeply in a parse tree as brackets do, and libcst's parse time grows
# faster than linearly with that depth.  This bounds the estimated depth of one
# expression.  (CPython 3.11/3.12 give up near 3000; the deepest expression in
# ~13,000 files of stdlib and popular packages estimates at about 560.)
MAX_EXPRESSION_DEPTH = 1500
# libcst parses on a dedicated thread with a stack this large, so the limits
# above hold even when the caller runs on a small-stack worker thread.
_PARSER_STACK_BYTES = 256 * 1024 * 1024

_TOO_DEEP = "too deeply nested to analyse"


@dataclass(frozen=True)
class SourceText:
    """Decoded source text and how it was decoded."""

    text: str
    encoding: str
    warning: str | None


class ParseError(Exception):
    """A file could not be decoded or parsed.

    ``line`` is 1-based and ``col`` 0-based (in characters) when known.
    """

    def __init__(self, message: str, line: int | None = None, col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        if self.col is None:
            return f"line {self.line}: {self.message}"
        return f"line {self.line}, column {self.col}: {self.message}"


@dataclass(frozen=True)
class Parsed:
    """Result of ``parse_python``."""

    tree: ast.Module
    used_fallback: bool
    fallback_reason: str | None


# --------------------------------------------------------------------------- decoding


def decode_source(data: bytes) -> SourceText:
    """Decode raw file bytes following PEP 263 (coding cookie) and a UTF-8 BOM.

    Undecodable input is decoded as latin-1 (which never fails) and a warning is
    attached, so the file can still be scanned.  NUL bytes mean a binary file.
    """
    if b"\x00" in data:
        raise ParseError("binary file (contains NUL bytes)")
    problem: str | None = None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        # An unknown or contradictory coding declaration, or undecodable first
        # lines without one: try UTF-8, then latin-1.
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        if "invalid or missing encoding declaration" not in str(exc):
            problem = str(exc)
    declared = problem is None and _declared_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        pass
    else:
        return SourceText(text, encoding, f"{problem}; decoded as UTF-8" if problem else None)
    if problem:
        warning = f"{problem}; not valid UTF-8 either; decoded as latin-1"
    elif declared:
        warning = f"not valid {encoding} despite its coding declaration; decoded as latin-1"
    else:
        warning = "not valid UTF-8 and no coding declaration; decoded as latin-1"
    return SourceText(data.decode("latin-1"), "latin-1", warning)


_COOKIE_RE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+", re.ASCII)


def _declared_encoding(data: bytes) -> bool:
    """Whether the first two lines carry a PEP 263 coding declaration."""
    lines = data.split(b"\n", 2)[:2]
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    for index, line in enumerate(lines):
        if _COOKIE_RE.match(line):
            return True
        if index == 0 and line.strip() and not line.lstrip().startswith(b"#"):
            return False  # the cookie may only follow a comment or blank line
    return False


# --------------------------------------------------------------------------- parsing


def parse_python(text: str, filename: str) -> Parsed:
    """Parse ``text`` into an ``ast.Module``: the interpreter's parser, then the f-string rewrite, then libcst."""
    if "\x00" in text:
        raise ParseError("binary file (contains NUL bytes)")
    try:
        with warnings.catch_warnings():
            # Invalid escape sequences etc. are the scanned project's business.
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename=filename, type_comments=False)
        return Parsed(tree=tree, used_fallback=False, fallback_reason=None)
    except SyntaxError as exc:
        primary = exc
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ParseError(f"{_TOO_DEEP} ({type(exc).__name__}: {exc})") from None

    rewritten = parse_rewritten_fstrings(text, filename)
    if rewritten is not None:
        return Parsed(tree=rewritten, used_fallback=False, fallback_reason=None)
    line = primary.lineno
    col = primary.offset - 1 if primary.offset is not None and primary.offset > 0 else None
    message = primary.msg or "invalid syntax"
    try:
        tree = parse_with_libcst(text)
    except _Refused as exc:
        raise ParseError(f"{_TOO_DEEP} ({exc})", exc.line, None) from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ParseError(f"{_TOO_DEEP} ({type(exc).__name__})") from None
    except _FallbackFailed:
        # The interpreter's message is usually the more helpful one.
        raise ParseError(message, line, col) from None
    return Parsed(tree=tree, used_fallback=True, fallback_reason=str(primary))


def parse_rewritten_fstrings(text: str, filename: str) -> ast.Module | None:
    """The interpreter's own parse of ``text`` with its PEP 701 f-strings rewritten (see ``fstrings``).

    None when the file has no such f-string, cannot be rewritten keeping its
    positions, or still does not parse (other newer syntax): then the
    version-independent parser takes over.
    """
    rewritten = fstrings.rewrite(text)
    if rewritten is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(rewritten.text, filename=filename, type_comments=False)
        fstrings.restore(tree, rewritten)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return tree


class _FallbackFailed(Exception):
    """libcst could not parse or convert the file either."""


class _Refused(Exception):
    """The file nests too deeply to hand to libcst safely."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def parse_with_libcst(text: str) -> ast.Module:
    """Parse with libcst and convert to ``ast``: the fallback path on its own.

    ``parse_python`` uses it only after the interpreter's parser failed; tests
    call it directly to compare both parsers on the same source.

    Raises ``_Refused`` for input nested beyond the safe limits,
    ``_FallbackFailed`` when libcst cannot parse or convert it, and
    ``RecursionError``/``MemoryError`` when the tree is too deep to walk.
    """
    check_nesting(text)
    return _run_with_big_stack(_parse_and_convert, text)


def _parse_and_convert(text: str) -> ast.Module:
    import libcst

    from secpat.parsing.cst_to_ast import (
        ConversionError,
        Converter,
        TooDeepError,
        compute_positions,
    )

    try:
        module = libcst.parse_module(text)
    except (RecursionError, MemoryError):
        raise
    except Exception as exc:  # ParserSyntaxError, or anything the native parser raises
        raise _FallbackFailed(str(exc)) from None
    with _recursion_headroom():
        try:
            # Positions come from a recursive code generation pass; long elif
            # chains or implicit string concatenations nest deeply in libcst.
            positions = compute_positions(module)
        except (RecursionError, MemoryError):
            raise
        except Exception as exc:
            if _caused_by_recursion(exc):
                raise RecursionError("position computation recursed too deeply") from None
            raise _FallbackFailed(f"{type(exc).__name__}: {exc}") from None
        try:
            return Converter(text, positions).module(module)
        except TooDeepError as exc:
            raise RecursionError(str(exc)) from None
        except ConversionError as exc:
            raise _FallbackFailed(exc.message) from None


def _caused_by_recursion(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, RecursionError):
            return True
        seen.add(id(current))
        current = current.__context__ or current.__cause__
    return False


# The fallback runs on a thread with a 256 MiB stack, so it can afford a much
# higher Python recursion limit than the default 1000.  The limit is global to
# the interpreter: it is raised while any fallback parse runs and restored
# when the last one finishes.
_FALLBACK_RECURSION_LIMIT = 20_000
_limit_lock = threading.Lock()
_limit_users = 0
_limit_saved = 0


class _recursion_headroom:
    """Raise the recursion limit while a fallback parse runs on a big-stack thread."""

    active = False

    def __enter__(self) -> None:
        global _limit_users, _limit_saved
        self.active = getattr(_thread_state, "big_stack", False)
        if not self.active:
            return  # only a thread with a big stack can afford a higher limit
        with _limit_lock:
            if _limit_users == 0:
                _limit_saved = sys.getrecursionlimit()
                if _limit_saved < _FALLBACK_RECURSION_LIMIT:
                    sys.setrecursionlimit(_FALLBACK_RECURSION_LIMIT)
            _limit_users += 1

    def __exit__(self, *exc_info: object) -> None:
        global _limit_users
        if not self.active:
            return
        with _limit_lock:
            _limit_users -= 1
            if _limit_users == 0 and sys.getrecursionlimit() == _FALLBACK_RECURSION_LIMIT:
                sys.setrecursionlimit(_limit_saved)


def _run_with_big_stack(func: Callable[[str], _T], arg: str) -> _T:
    results: list[_T] = []
    errors: list[BaseException] = []

    def target() -> None:
        _thread_state.big_stack = True
        try:
            results.append(func(arg))
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    # stack_size() is process-wide: set it just for this thread's creation.
    with _STACK_LOCK:
        try:
            previous = threading.stack_size(_PARSER_STACK_BYTES)
        except (ValueError, RuntimeError):
            worker = None  # the platform refuses the size
        else:
            try:
                worker = threading.Thread(target=target, name="secpat-parse", daemon=True)
                worker.start()
            except RuntimeError:  # cannot start a thread
                worker = None
            finally:
                threading.stack_size(previous)
    if worker is None:
        return func(arg)  # on the current thread, under the default recursion limit
    worker.join()
    if errors:
        raise errors[0]
    return results[0]


_STACK_LOCK = threading.Lock()
_thread_state = threading.local()


# --------------------------------------------------------------------------- nesting guard

# A small lexer that understands strings (including PEP 701 f-strings with
# nested quotes), comments and brackets well enough to estimate how deeply a
# parser would nest: bracket depth plus, inside each bracket level, the depth
# an operator-precedence parse of the operators seen so far would reach.
_CODE_RE = re.compile(
    r"""
    (?P<ws>[ \t\f]+|\\\r?\n|\\\r)
  | (?P<comment>\#[^\r\n]*)
  | (?P<nl>\r\n?|\n)
  | (?P<string>(?i:[rbuft]{0,2})(?:'''|\"\"\"|'|\"))
  | (?P<name>\w+)
  | (?P<number>\.\d[\w.]*)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<sep>,|;|:=|(?:\*\*|//|>>|<<|[-+*/%@&|^])?=(?!=)|:)
  | (?P<op>\*\*|//|<<|>>|<=|>=|==|!=|->|[-+*/%@&|^~<>.!])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

# Precedence levels (low to high) used for the depth estimate.
_LAMBDA, _IFELSE, _OR, _AND, _NOT, _CMP, _BOR, _BXOR, _BAND, _SHIFT, _ADD, _MUL = range(12)
_UNARY, _POW, _AWAIT, _TRAILER = range(12, 16)
_LEVELS = 16
_BINARY_OPS = {
    "|": _BOR, "^": _BXOR, "&": _BAND, "<<": _SHIFT, ">>": _SHIFT,
    "+": _ADD, "-": _ADD, "*": _MUL, "/": _MUL, "//": _MUL, "%": _MUL, "@": _MUL,
    "**": _POW, "<": _CMP, ">": _CMP, "<=": _CMP, ">=": _CMP, "==": _CMP, "!=": _CMP,
    "->": _LAMBDA,
}  # fmt: skip
_BINARY_WORDS = {"or": _OR, "and": _AND, "in": _CMP, "is": _CMP, "if": _IFELSE, "else": _IFELSE}
_PREFIX_WORDS = {"not": _NOT, "lambda": _LAMBDA, "await": _AWAIT}
# Words that begin a new expression (the chain before them is complete).
_RESET_WORDS = frozenset({"for", "return", "yield", "from", "import", "as", "del", "assert", "raise", "with", "async"})


class _Frame:
    """One bracket level (or f-string replacement field)."""

    __slots__ = ("counts", "depth", "fstring", "fstring_depth", "in_spec")

    def __init__(self, fstring: tuple[str, bool] | None = None) -> None:
        self.counts = [0] * _LEVELS  # operators seen per precedence level
        self.depth = 0  # sum(counts): estimated nesting of this level's expression
        # For a replacement field: the enclosing f-string's quote and rawness,
        # the bracket depth inside the field, and whether we are in its format spec.
        self.fstring = fstring
        self.fstring_depth = 0
        self.in_spec = False


def check_nesting(text: str) -> None:
    """Raise ``_Refused`` when ``text`` nests beyond what is safe to parse."""
    _NestingLexer(text).run()


class _NestingLexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.frames: list[_Frame] = [_Frame()]
        self.total = 0  # bracket depth + the depth estimates of all open levels
        self.indents: list[int] = [0]
        self.at_line_start = True
        self.prev_operand = False

    def refuse(self, what: str) -> NoReturn:
        raise _Refused(what, self.line)

    def run(self) -> None:
        text = self.text
        n = len(text)
        while self.pos < n:
            if self.at_line_start and len(self.frames) == 1:
                self.indentation()
                if self.pos >= n:
                    break
            match = _CODE_RE.match(text, self.pos)
            assert match is not None
            kind = match.lastgroup
            value = match.group()
            self.pos = match.end()
            if kind == "ws" or kind == "comment":
                if value.startswith("\\"):
                    self.line += 1
            elif kind == "nl":
                self.line += 1
                if len(self.frames) == 1:
                    self.at_line_start = True
                    self.reset()
            elif kind == "string":
                self.string(value)
                self.prev_operand = True
            elif kind == "name":
                if value in _BINARY_WORDS:
                    self.binary(_BINARY_WORDS[value])
                elif value in _PREFIX_WORDS:
                    self.prefix(_PREFIX_WORDS[value])
                elif value in _RESET_WORDS:
                    self.reset()
                    self.prev_operand = False
                else:
                    self.prev_operand = True
            elif kind == "number":
                self.prev_operand = True
            elif kind == "open":
                if self.prev_operand:
                    self.prefix(_TRAILER)  # call or subscript
                self.open()
            elif kind == "close":
                self.close(value)
                self.prev_operand = True
            elif kind == "sep":
                frame = self.frames[-1]
                if value[0] == ":" and frame.fstring is not None and frame.fstring_depth == 0:
                    self.pos = match.start() + 1
                    frame.in_spec = True
                    self.format_spec(frame)
                    continue
                self.reset()
                self.prev_operand = False
            elif kind == "op":
                if value == "!" and self.frames[-1].fstring is not None:
                    continue  # conversion marker in a replacement field
                if value == ".":
                    self.prefix(_TRAILER)
                elif value == "~" or (value in "+-" and not self.prev_operand):
                    self.prefix(_UNARY)
                else:
                    self.binary(_BINARY_OPS.get(value, _MUL))
            else:
                self.prev_operand = True

    # -- indentation

    def indentation(self) -> None:
        self.at_line_start = False
        text = self.text
        width = 0
        while self.pos < len(text) and text[self.pos] in " \t\f":
            width = width + 8 - width % 8 if text[self.pos] == "\t" else width + 1
            self.pos += 1
        if self.pos >= len(text) or text[self.pos] in "#\r\n":
            return  # blank or comment-only line
        while width < self.indents[-1]:
            self.indents.pop()
        if width > self.indents[-1]:
            self.indents.append(width)
            if len(self.indents) - 1 > MAX_INDENT_LEVELS:
                self.refuse(f"more than {MAX_INDENT_LEVELS} levels of indentation")

    # -- expression depth

    def binary(self, level: int) -> None:
        # A binary operator closes the operands of every tighter-binding level.
        frame = self.frames[-1]
        counts = frame.counts
        dropped = 0
        for higher in range(level + 1, _LEVELS):
            dropped += counts[higher]
            counts[higher] = 0
        counts[level] += 1
        frame.depth += 1 - dropped
        self.total += 1 - dropped
        self.prev_operand = False
        self.check_total()

    def prefix(self, level: int) -> None:
        frame = self.frames[-1]
        frame.counts[level] += 1
        frame.depth += 1
        self.total += 1
        self.prev_operand = False
        self.check_total()

    def reset(self) -> None:
        frame = self.frames[-1]
        self.total -= frame.depth
        frame.counts = [0] * _LEVELS
        frame.depth = 0

    def check_total(self) -> None:
        if self.total > MAX_EXPRESSION_DEPTH:
            self.refuse(f"an expression nests more than {MAX_EXPRESSION_DEPTH} levels deep")

    def push(self, frame: _Frame) -> None:
        self.frames.append(frame)
        self.total += 1
        if len(self.frames) - 1 > MAX_BRACKET_DEPTH:
            self.refuse(f"brackets nested more than {MAX_BRACKET_DEPTH} deep")
        self.check_total()
        self.prev_operand = False

    def pop(self) -> _Frame:
        frame = self.frames.pop()
        self.total -= frame.depth + 1
        return frame

    def open(self) -> None:
        frame = self.frames[-1]
        if frame.fstring is not None:
            frame.fstring_depth += 1
        self.push(_Frame())

    def close(self, value: str) -> None:
        frame = self.frames[-1]
        if frame.fstring is not None and frame.fstring_depth == 0:
            if value == "}":
                self.pop()  # end of a replacement field: back to literal text
                quote, raw = frame.fstring
                self.scan_fstring(quote, raw)
            return  # a stray closer inside a field; the parser will report it
        if len(self.frames) == 1:
            return  # unbalanced; the parser will report it
        self.pop()
        outer = self.frames[-1]
        if outer.fstring is not None and outer.fstring_depth > 0:
            outer.fstring_depth -= 1
            if outer.in_spec and outer.fstring_depth == 0:
                self.format_spec(outer)  # back to the literal text of the spec

    # -- strings

    def string(self, opener: str) -> None:
        quote = opener.lstrip("rRbBuUfFtT")
        prefix = opener[: len(opener) - len(quote)].lower()
        raw = "r" in prefix
        if "f" in prefix or "t" in prefix:
            self.scan_fstring(quote, raw)
        else:
            self.skip_string(quote)

    def skip_string(self, quote: str) -> None:
        text = self.text
        pos = self.pos
        while pos < len(text):
            c = text[pos]
            if c == "\\":
                if text.startswith("\r\n", pos + 1):
                    self.line += 1
                    pos += 3
                    continue
                if pos + 1 < len(text) and text[pos + 1] in "\r\n":
                    self.line += 1
                pos += 2
                continue
            if text.startswith(quote, pos):
                self.pos = pos + len(quote)
                return
            if c in "\r\n":
                if len(quote) == 1:
                    break  # unterminated; let the parser report it
                if not (c == "\r" and text.startswith("\n", pos + 1)):
                    self.line += 1
            pos += 1
        self.pos = pos

    def scan_fstring(self, quote: str, raw: bool) -> None:
        """Scan literal text; stop at a replacement field (push a frame) or the end."""
        text = self.text
        pos = self.pos
        while pos < len(text):
            c = text[pos]
            if c == "\\":
                following = text[pos + 1 : pos + 2]
                if following in ("{", "}"):
                    pos += 1  # "\{" does not escape the brace
                elif not raw and following == "N" and text.startswith("{", pos + 2):
                    close = text.find("}", pos)
                    pos = close + 1 if close != -1 else len(text)
                else:
                    pos += 2
                continue
            if c in "{}":
                if text.startswith(c * 2, pos):
                    pos += 2
                    continue
                if c == "{":
                    self.pos = pos + 1
                    self.push(_Frame((quote, raw)))
                    return
                pos += 1
                continue
            if text.startswith(quote, pos):
                self.pos = pos + len(quote)
                self.prev_operand = True
                return
            if c == "\n" or (c == "\r" and not text.startswith("\n", pos + 1)):
                self.line += 1
                if len(quote) == 1:
                    break
            pos += 1
        self.pos = pos

    def format_spec(self, frame: _Frame) -> None:
        """After ``:`` in a replacement field: literal text until ``{`` or ``}``."""
        text = self.text
        pos = self.pos
        while pos < len(text):
            c = text[pos]
            if c == "{":
                self.pos = pos + 1
                frame.fstring_depth += 1
                self.push(_Frame())
                return
            if c == "}":
                self.pos = pos  # the main loop closes the field
                return
            if c == "\n":
                self.line += 1
            pos += 1
        self.pos = pos
