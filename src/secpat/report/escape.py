"""Text safe to put in a report: file names and code can hold newlines, terminal escape codes and
bytes that are not UTF-8 (`bad\\xff.py`), and none of them may break a line, drive a terminal or
crash an encoder."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

# C0 controls but tab, DEL, C1 controls, the Unicode line and paragraph separators, lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8, as `os.fsdecode` keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """One line for a terminal or CI log: `\\n` shown as `\\\\n`, ESC as `\\\\x1b`, a non-UTF-8
    byte of a file name as `\\\\xff`."""
    return _UNPRINTABLE.sub(_escaped, text)


def encodable(text: str) -> str:
    """Text every UTF-8 encoder accepts: a non-UTF-8 byte of a file name shown as `\\\\xff`.
    Control characters are kept (JSON escapes them)."""
    return _SURROGATE.sub(_escaped, text)


def encodable_data(value: Any) -> Any:
    """`encodable` applied to every string in a JSON-like document."""
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dict):
        return {encodable_data(key): encodable_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [encodable_data(item) for item in value]
    return value


def uri_path(path: str) -> str:
    """A relative path as a URI reference (RFC 3986): the file name's own bytes, percent-encoded."""
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no file name decodes to
        raw = path.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/")
