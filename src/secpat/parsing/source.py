"""Decode and parse one Python source file without importing or running it.

``parse_python`` tries the running interpreter's own parser first.  Only when it
raises ``SyntaxError`` (typically: syntax newer than the interpreter) is the file
parsed again with libcst and converted to an equivalent ``ast.Module`` (see
``cst_to_ast``).  Every failure surfaces as ``ParseError``; nothing here lets a
hostile file crash the process.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import threading
import tokenize
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

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
# Long unbroken operator chains (``a + b + ... + z``, ``- - - x``) nest just as
# deeply inside a parser; this bounds them (CPython's own limits are similar).
MAX_OPERATOR_CHAIN = 1000
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
    declared: str | None = None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        if _has_cookie(data):
            declared = encoding
    except SyntaxError as exc:
        # Unknown or contradictory coding declaration: fall back to UTF-8.
        encoding = "utf-8"
        declared = None
        bad_cookie = str(exc)
    else:
        bad_cookie = None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        what = f"not valid {declared}" if declared else "not valid UTF-8 and no coding declaration"
        if bad_cookie:
            what = f"{bad_cookie}; not valid UTF-8"
        return SourceText(data.decode("latin-1"), "latin-1", f"{what}; decoded as latin-1")
    warning = f"{bad_cookie}; decoded as UTF-8" if bad_cookie else None
    return SourceText(text, encoding, warning)


_COOKIE_RE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+", re.ASCII)


def _has_cookie(data: bytes) -> bool:
    # detect_encoding does not say whether the encoding came from a cookie.
    lines = data.splitlines()[:2]
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    for index, line in enumerate(lines):
        if _COOKIE_RE.match(line):
            return True
        if index == 0 and line.strip() and not line.lstrip().startswith(b"#"):
            return False
    return False


# --------------------------------------------------------------------------- parsing


def parse_python(text: str, filename: str) -> Parsed:
    """Parse ``text`` into an ``ast.Module``, falling back to libcst for newer syntax."""
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

    line = primary.lineno
    col = primary.offset - 1 if primary.offset is not None and primary.offset > 0 else None
    message = primary.msg or "invalid syntax"
    try:
        tree = parse_with_libcst(text)
    except _Refused as exc:
        raise ParseError(f"{_TOO_DEEP} ({exc})", exc.line, None) from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ParseError(f"{_TOO_DEEP} ({type(exc).__name__})", line, col) from None
    except _FallbackFailed:
        # The interpreter's message is usually the more helpful one.
        raise ParseError(message, line, col) from None
    return Parsed(tree=tree, used_fallback=True, fallback_reason=str(primary))


class _FallbackFailed(Exception):
    """libcst could not parse or convert the file either."""


class _Refused(Exception):
    """The file nests too deeply to hand to libcst safely."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def parse_with_libcst(text: str) -> ast.Module:
    """Parse with libcst and convert to ``ast`` (the fallback path, exposed for tests).

    Raises ``_Refused`` for input nested beyond the safe limits,
    ``_FallbackFailed`` when libcst cannot parse or convert it, and
    ``RecursionError``/``MemoryError`` when the tree is too deep to walk.
    """
    check_nesting(text)
    return _run_with_big_stack(_parse_and_convert, text)


def _parse_and_convert(text: str) -> ast.Module:
    import libcst
    from libcst.metadata import MetadataWrapper, PositionProvider

    from secpat.parsing.cst_to_ast import ConversionError, TooDeepError, convert_module

    try:
        module = libcst.parse_module(text)
    except (RecursionError, MemoryError):
        raise
    except Exception as exc:  # ParserSyntaxError, or anything the native parser raises
        raise _FallbackFailed(str(exc)) from None
    with _recursion_headroom():
        try:
            # libcst computes positions by a recursive walk; long elif chains or
            # implicit string concatenations nest deeply in its tree.
            wrapper = MetadataWrapper(module, unsafe_skip_copy=True)  # we own the tree
            positions = wrapper.resolve(PositionProvider)
        except (RecursionError, MemoryError):
            raise
        except Exception as exc:
            # libcst can turn a RecursionError into a KeyError while unwinding.
            if _caused_by_recursion(exc):
                raise RecursionError("position computation recursed too deeply") from None
            raise _FallbackFailed(f"{type(exc).__name__}: {exc}") from None
        try:
            return convert_module(module, text, positions)
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
                sys.setrecursionlimit(max(_limit_saved, 1000))


def _run_with_big_stack(func: Callable[[str], _T], arg: str) -> _T:
    outcome: list[tuple[bool, object]] = []

    def target() -> None:
        _thread_state.big_stack = True
        try:
            outcome.append((True, func(arg)))
        except BaseException as exc:  # re-raised in the caller's thread
            outcome.append((False, exc))

    with _STACK_LOCK:
        try:
            previous = threading.stack_size(_PARSER_STACK_BYTES)
        except (ValueError, RuntimeError):  # platform refuses: use the current thread
            return func(arg)
        try:
            worker = threading.Thread(target=target, name="secpat-parse", daemon=True)
            worker.start()
        finally:
            threading.stack_size(previous)
    worker.join()
    ok, value = outcome[0]
    if ok:
        return value  # type: ignore[return-value]
    raise value  # type: ignore[misc]


_STACK_LOCK = threading.Lock()
_thread_state = threading.local()


# --------------------------------------------------------------------------- nesting guard

# A small lexer that understands strings (including PEP 701 f-strings with
# nested quotes), comments and brackets well enough to measure nesting.
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
_OPERATOR_WORDS = frozenset({"and", "or", "not", "in", "is", "if", "else", "lambda", "await"})
_RESET_WORDS = frozenset({"for", "return", "yield", "from", "import", "as", "del", "assert", "raise"})


class _Frame:
    __slots__ = ("chain", "fstring", "fstring_depth", "in_spec")

    def __init__(self, fstring: tuple[str, bool] | None = None) -> None:
        self.chain = 0
        # For a replacement field: the enclosing f-string's quote and rawness,
        # the bracket depth inside the field, and whether we are in its format spec.
        self.fstring = fstring
        self.fstring_depth = 0
        self.in_spec = False


def check_nesting(text: str) -> None:
    """Raise ``_Refused`` when ``text`` nests beyond what is safe to parse."""
    lexer = _NestingLexer(text)
    lexer.run()


class _NestingLexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.frames: list[_Frame] = [_Frame()]
        self.chain_total = 0
        self.indents: list[int] = [0]
        self.at_line_start = True
        self.prev_operand = False

    def refuse(self, what: str) -> None:
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
                continue
            if kind == "nl":
                self.line += 1
                if len(self.frames) == 1:
                    self.at_line_start = True
                    self.reset_chain()
                continue
            if kind == "string":
                self.string(value)
                self.prev_operand = True
            elif kind == "name":
                if value in _OPERATOR_WORDS:
                    self.bump()
                    self.prev_operand = False
                elif value in _RESET_WORDS:
                    self.reset_chain()
                    self.prev_operand = False
                else:
                    self.prev_operand = True
            elif kind == "open":
                if self.prev_operand:
                    self.bump()  # call or subscript trailer
                self.open(value)
            elif kind == "close":
                if self.close(value):
                    return_to_string = self.frames.pop()
                    self.resume_fstring(return_to_string)
                self.prev_operand = True
            elif kind == "sep":
                frame = self.frames[-1]
                if value[0] == ":" and frame.fstring is not None and frame.fstring_depth == 0:
                    self.pos = match.start() + 1
                    frame.in_spec = True
                    self.format_spec(frame)
                    continue
                self.reset_chain()
                self.prev_operand = False
            elif kind == "op":
                if value == "!" and self.frames[-1].fstring is not None:
                    continue  # conversion marker in a replacement field
                self.bump()
                self.prev_operand = False
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

    # -- chains and brackets

    def bump(self) -> None:
        self.frames[-1].chain += 1
        self.chain_total += 1
        if self.chain_total > MAX_OPERATOR_CHAIN:
            self.refuse(f"an expression chains more than {MAX_OPERATOR_CHAIN} operators")

    def reset_chain(self) -> None:
        frame = self.frames[-1]
        self.chain_total -= frame.chain
        frame.chain = 0

    def open(self, value: str) -> None:
        frame = self.frames[-1]
        if frame.fstring is not None:
            frame.fstring_depth += 1
        self.frames.append(_Frame())
        self.chain_total += 1
        if len(self.frames) - 1 > MAX_BRACKET_DEPTH:
            self.refuse(f"brackets nested more than {MAX_BRACKET_DEPTH} deep")
        self.prev_operand = False

    def close(self, value: str) -> bool:
        """Close a bracket; True when it closes an f-string replacement field."""
        frame = self.frames[-1]
        if frame.fstring is not None and frame.fstring_depth == 0 and value == "}":
            return True
        if len(self.frames) == 1:
            return False  # unbalanced; the parser will report it
        self.chain_total -= frame.chain + 1
        self.frames.pop()
        outer = self.frames[-1]
        if outer.fstring is not None and outer.fstring_depth > 0:
            outer.fstring_depth -= 1
            if outer.in_spec and outer.fstring_depth == 0:
                self.format_spec(outer)  # back to the literal text of the spec
        return False

    # -- strings

    def string(self, opener: str) -> None:
        quote = opener.lstrip("rRbBuUfFtT")
        prefix = opener[: len(opener) - len(quote)].lower()
        raw = "r" in prefix
        if "f" in prefix or "t" in prefix:
            self.scan_fstring(quote, raw)
        else:
            self.skip_string(quote, raw)

    def skip_string(self, quote: str, raw: bool) -> None:
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
                    self.frames.append(_Frame((quote, raw)))
                    self.chain_total += 1
                    if len(self.frames) - 1 > MAX_BRACKET_DEPTH:
                        self.refuse(f"brackets nested more than {MAX_BRACKET_DEPTH} deep")
                    self.prev_operand = False
                    return
                pos += 1
                continue
            if text.startswith(quote, pos):
                self.pos = pos + len(quote)
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
                self.frames.append(_Frame())
                self.chain_total += 1
                if len(self.frames) - 1 > MAX_BRACKET_DEPTH:
                    self.refuse(f"brackets nested more than {MAX_BRACKET_DEPTH} deep")
                self.prev_operand = False
                return
            if c == "}":
                self.pos = pos  # the code loop closes the field
                return
            if c == "\n":
                self.line += 1
            pos += 1
        self.pos = pos

    def resume_fstring(self, field: _Frame) -> None:
        self.chain_total -= field.chain + 1
        assert field.fstring is not None
        quote, raw = field.fstring
        self.scan_fstring(quote, raw)
        self.prev_operand = True
