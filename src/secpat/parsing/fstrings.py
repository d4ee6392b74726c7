"""Rewrite PEP 701 f-strings into the older f-string grammar, keeping every position.

Python 3.12 lets a replacement field reuse the f-string's own quotes
(``f"{user["name"]}"``), hold a backslash (``f"{'\\n'.join(lines)}"``) or a
comment.  An older interpreter's parser refuses the whole file for that.  This
module rewrites just those fields, so the running interpreter's own parser can
read the file, and the tree it returns is the one a newer interpreter builds:

* a string nested in a replacement field swaps ``'`` for ``"`` (or ``'''`` for
  ``\"\"\"``), when its text holds neither the new quote nor a backslash: same
  value, same length;
* a comment in a replacement field becomes spaces;
* a nested string that cannot swap (a backslash, or both quote characters in
  its text) becomes a placeholder name of the same UTF-8 length, which is
  replaced by the string's constant after parsing (``restore``).

Everything else (a replacement field over several lines of a one-line
f-string, nesting deeper than the quote characters allow, a self-documenting
``{expr=}`` whose text would change, template strings) is refused
(``rewrite`` returns None) and left to the version-independent parser.
"""

from __future__ import annotations

import ast
import bisect
import re
import warnings
from dataclasses import dataclass

__all__ = ["Rewritten", "restore", "rewrite"]

_PREFIXES = frozenset({"", "r", "u", "b", "br", "rb", "f", "fr", "rf"})
_TEMPLATE_PREFIXES = frozenset({"t", "tr", "rt"})
_PREFIX_LETTERS = frozenset("rRbBuUfFtT")
# A comment, or the quote that opens a string literal.
_START = re.compile(r"""\#[^\r\n]*|['"]""")
# The rest of a plain string literal after its opening quote.
_BODY = {
    quote: re.compile(
        rf"(?:[^{quote[0]}\\\r\n]|\\(?:\r\n|.))*{quote}"
        if len(quote) == 1
        else rf"(?:[^{quote[0]}\\]|\\(?:\r\n|.)|{quote[0]}(?!{quote[0]}{quote[0]}))*{quote}",
        re.DOTALL,
    )
    for quote in ("'", '"', "'''", '"""')
}
# Where a literal part of an f-string can change state.
_LITERAL_STOP = {
    quote: re.compile(rf"[{{}}\\\r\n]|{quote}" if len(quote) == 1 else rf"[{{}}\\]|{quote}")
    for quote in ("'", '"', "'''", '"""')
}
# Where a replacement field can change state.
_FIELD_STOP = re.compile(r"""[][(){}'"#\\\r\n!:]""")
_SWAP = {"'": '"', '"': "'", "'''": '"""', '"""': "'''"}
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


class _Refuse(Exception):
    """The file needs more than a position-keeping rewrite."""


@dataclass(frozen=True)
class Rewritten:
    """Source text the running interpreter can parse, and the constants to put back."""

    text: str
    placeholders: dict[str, ast.Constant]


def rewrite(text: str) -> Rewritten | None:
    """Rewrite the PEP 701 f-strings of ``text``; None when nothing changed or a rewrite cannot keep positions."""
    scanner = _Scanner(text)
    try:
        scanner.run()
    except _Refuse:
        return None
    if not scanner.edits:
        return None
    parts: list[str] = []
    last = 0
    for start, end, replacement in sorted(scanner.edits):
        parts.append(text[last:start])
        parts.append(replacement)
        last = end
    parts.append(text[last:])
    return Rewritten("".join(parts), scanner.placeholders)


def restore(tree: ast.Module, rewritten: Rewritten) -> None:
    """Put the placeholders' constants back into ``tree`` (parsed from ``rewritten.text``)."""
    if not rewritten.placeholders:
        return
    lines = sorted(node.lineno for node in rewritten.placeholders.values())
    pending = len(lines)
    stack: list[ast.AST] = [tree]
    while stack and pending:
        node = stack.pop()
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, ast.AST):
                        if isinstance(item, ast.Name) and item.id in rewritten.placeholders:
                            value[index] = rewritten.placeholders[item.id]
                            pending -= 1
                        elif _may_hold(item, lines):
                            stack.append(item)
            elif isinstance(value, ast.AST):
                if isinstance(value, ast.Name) and value.id in rewritten.placeholders:
                    setattr(node, field, rewritten.placeholders[value.id])
                    pending -= 1
                elif _may_hold(value, lines):
                    stack.append(value)
    if pending:
        raise ValueError("a placeholder was not found in the parsed tree")


def _may_hold(node: ast.AST, lines: list[int]) -> bool:
    """Whether ``node`` spans one of ``lines`` (nodes without a position may hold anything)."""
    first = getattr(node, "lineno", None)
    if first is None:
        return True
    last = getattr(node, "end_lineno", None) or first
    index = bisect.bisect_left(lines, first)
    return index < len(lines) and lines[index] <= last


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1 if "\r" not in text else len(re.findall(r"\r\n?|\n", text[:index])) + 1


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.edits: list[tuple[int, int, str]] = []
        self.placeholders: dict[str, ast.Constant] = {}
        self.next_name = 0

    def run(self) -> None:
        text = self.text
        pos = 0
        while True:
            match = _START.search(text, pos)
            if match is None:
                return
            index = match.start()
            char = match.group()
            if char[0] == "#":
                pos = match.end()
                continue
            quote = text[index : index + 3] if text.startswith(char * 3, index) else char
            start, prefix = _prefix(text, index)
            if "f" in prefix:
                pos = self.fstring(index + len(quote), quote, "r" in prefix, [quote], None)
            else:
                body = _BODY[quote].match(text, index + len(quote))
                if body is None:
                    raise _Refuse  # unterminated: a genuine syntax error
                pos = body.end()

    def fstring(self, pos: int, quote: str, raw: bool, stack: list[str], forbid: str | None) -> int:
        """Scan an f-string from just after its opening quote; return the index after its closing quote.

        ``stack`` holds the quotes it and its enclosing f-strings will have in
        the rewritten text (its own last); ``forbid`` is a character its
        literal text must not hold (the quote it swaps to).
        """
        text = self.text
        nested = len(stack) > 1
        stop = _LITERAL_STOP[quote]
        while True:
            match = stop.search(text, pos)
            if match is None:
                raise _Refuse
            index = match.start()
            if forbid is not None and forbid in text[pos:index]:
                raise _Refuse
            char = match.group()
            if char == "\\":
                if nested:
                    raise _Refuse  # a backslash inside an enclosing replacement field
                pos = self.escape(index, raw)
            elif char in "\r\n":
                raise _Refuse  # a line break in a one-line f-string: a syntax error
            elif char == "{":
                if text.startswith("{", index + 1):
                    pos = index + 2
                else:
                    pos = self.field(index + 1, stack, raw)
            elif char == "}":
                if not text.startswith("}", index + 1):
                    raise _Refuse  # a single '}': a syntax error
                pos = index + 2
            else:
                return match.end()

    def escape(self, index: int, raw: bool) -> int:
        text = self.text
        following = text[index + 1 : index + 2]
        if following in ("{", "}"):
            return index + 1  # the brace still opens or closes a field
        if not raw and following == "N" and text.startswith("{", index + 2):
            close = text.find("}", index + 3)
            if close < 0:
                raise _Refuse
            return close + 1
        if text.startswith("\r\n", index + 1):
            return index + 3
        return index + 2

    def field(self, pos: int, stack: list[str], raw: bool) -> int:
        """Scan a replacement field from just after its ``{``; return the index after its ``}``."""
        text = self.text
        start = pos
        edits_before = len(self.edits)
        one_line = any(len(quote) == 1 for quote in stack)
        depth = 0
        while True:
            match = _FIELD_STOP.search(text, pos)
            if match is None:
                raise _Refuse
            index = match.start()
            char = match.group()
            if char in "([{":
                depth += 1
                pos = index + 1
            elif char in ")]":
                depth -= 1
                pos = index + 1
            elif char == "}" and depth > 0:
                depth -= 1
                pos = index + 1
            elif char in "'\"":
                pos = self.nested_string(index, stack)
            elif char == "#":
                end = index
                while end < len(text) and text[end] not in "\r\n":
                    end += 1
                self.edits.append((index, end, " " * len(text[index:end].encode("utf-8"))))
                pos = end
            elif char in "\r\n":
                if one_line:
                    raise _Refuse
                pos = index + 1
            elif char == "\\":
                raise _Refuse  # a line continuation inside a replacement field
            elif char == "!" and text.startswith("=", index + 1):
                pos = index + 2
            elif depth > 0 and char in "!:":
                pos = index + 1
            else:  # the end of the expression: '}', a conversion '!' or a format spec ':'
                if len(self.edits) > edits_before and _self_documenting(text[start:index]):
                    raise _Refuse  # the '=' text would show the rewritten expression
                if char == "!":
                    conversion = re.compile(r"!\s*\w+\s*").match(text, index)
                    pos = conversion.end() if conversion else index + 1
                    if text.startswith("}", pos):
                        return pos + 1
                    if not text.startswith(":", pos):
                        raise _Refuse
                    index = pos
                if text[index] == ":":
                    return self.format_spec(index + 1, stack, raw)
                return index + 1

    def format_spec(self, pos: int, stack: list[str], raw: bool) -> int:
        """Scan a format spec from just after its ``:``; return the index after the field's ``}``."""
        text = self.text
        quote = stack[-1]
        stop = _LITERAL_STOP[quote]
        while True:
            match = stop.search(text, pos)
            if match is None:
                raise _Refuse
            index = match.start()
            if len(stack) > 1 and ("'" in text[pos:index] or '"' in text[pos:index]):
                raise _Refuse  # a quote in a nested format spec may be the one its f-string swaps to
            char = match.group()
            if char == "{":
                pos = self.field(index + 1, stack, raw)
            elif char == "}":
                return index + 1
            elif char == "\\":
                if len(stack) > 1:
                    raise _Refuse
                pos = self.escape(index, raw)
            else:  # the closing quote or a line break inside a format spec
                raise _Refuse

    def nested_string(self, index: int, stack: list[str]) -> int:
        """A string literal inside a replacement field; return the index after it."""
        text = self.text
        quote = text[index : index + 3] if text.startswith(text[index] * 3, index) else text[index]
        start, prefix = _prefix(text, index)
        body_start = index + len(quote)
        allowed = _allowed(quote, stack)
        if "f" in prefix:
            new_quote = quote if allowed else _SWAP[quote]
            if not _allowed(new_quote, stack):
                raise _Refuse  # nested deeper than the quote characters allow
            forbid = None if new_quote == quote else new_quote[0]
            end = self.fstring(body_start, quote, "r" in prefix, [*stack, new_quote], forbid)
            if forbid is not None:
                self.edits.append((index, body_start, new_quote))
                self.edits.append((end - len(quote), end, new_quote))
            return end
        body = _BODY[quote].match(text, body_start)
        if body is None:
            raise _Refuse
        end = body.end()
        content = text[body_start : end - len(quote)]
        if allowed and "\\" not in content:
            return end
        swapped = _SWAP[quote]
        if "\\" not in content and swapped[0] not in content and _allowed(swapped, stack):
            self.edits.append((index, body_start, swapped))
            self.edits.append((end - len(quote), end, swapped))
            return end
        self.placeholder(start, end, prefix)
        return end

    def placeholder(self, start: int, end: int, prefix: str) -> None:
        """Replace the string literal text[start:end] by a name of the same UTF-8 length."""
        text = self.text
        literal = text[start:end]
        if "\n" in literal or "\r" in literal:
            raise _Refuse
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            raise _Refuse  # the name would run into the word before it
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            raise _Refuse
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                value = ast.literal_eval(literal)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            raise _Refuse from None
        size = len(literal.encode("utf-8"))
        name = self.fresh_name(size)
        line = _line_of(text, start)
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        col = len(text[line_start:start].encode("utf-8"))
        constant = ast.Constant(value=value, kind="u" if prefix == "u" else None)
        constant.lineno = constant.end_lineno = line
        constant.col_offset, constant.end_col_offset = col, col + size
        self.placeholders[name] = constant
        self.edits.append((start, end, name))

    def fresh_name(self, size: int) -> str:
        """A name of ``size`` characters that the file does not use."""
        while True:
            number, digits = self.next_name, ""
            self.next_name += 1
            while True:
                number, digit = divmod(number, len(_DIGITS))
                digits = _DIGITS[digit] + digits
                if not number:
                    break
            if len(digits) > size - 1:
                raise _Refuse
            name = "_" + digits.rjust(size - 1, "_")
            if not re.search(rf"(?<!\w){name}(?!\w)", self.text):
                return name


def _prefix(text: str, index: int) -> tuple[int, str]:
    """Where the string literal whose quote is at ``index`` starts, and its prefix in lower case."""
    start = index
    while start > index - 2 and start > 0 and text[start - 1] in _PREFIX_LETTERS:
        start -= 1
    if start == index:
        return index, ""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return index, ""  # the letters end a longer word: ``elif"x"``
    prefix = text[start:index].lower()
    if prefix in _TEMPLATE_PREFIXES:
        raise _Refuse
    if prefix not in _PREFIXES:
        return index, ""  # a keyword right before the string: ``if"x"``
    return start, prefix


def _allowed(quote: str, stack: list[str]) -> bool:
    """Whether the older grammar lets a string with ``quote`` sit inside f-strings quoted as in ``stack``."""
    return all(quote[0] != outer[0] if len(outer) == 1 else quote != outer for outer in stack)


def _self_documenting(expression: str) -> bool:
    """Whether a replacement field's expression ends with the ``=`` of ``{expr=}``."""
    stripped = expression.rstrip()
    return stripped.endswith("=") and not stripped.endswith(("==", "!=", "<=", ">="))
