"""Decoding and parsing of Python source files (never imported, never run).

``decode_source(data)`` turns file bytes into text (PEP 263 coding cookie, BOM,
latin-1 as a last resort with a warning).  ``parse_python(text, filename)``
returns a stdlib ``ast.Module`` for the running interpreter even when the file
uses newer syntax (PEP 695/696/701/750/758): the interpreter's parser is tried
first, then again on the text with its PEP 701 f-strings rewritten into the
older grammar (``fstrings``), then libcst, whose tree is converted to the same
``ast`` node types with the same positions.  Failures of any kind raise
``ParseError``.
"""

from secpat.parsing.source import (
    Parsed,
    ParseError,
    SourceText,
    decode_source,
    parse_python,
)

__all__ = ["ParseError", "Parsed", "SourceText", "decode_source", "parse_python"]
