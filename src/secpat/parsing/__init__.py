"""Decoding and parsing of Python source files (never imported, never run)."""

from secpat.parsing.source import (
    ParseError,
    Parsed,
    SourceText,
    decode_source,
    parse_python,
)

__all__ = ["ParseError", "Parsed", "SourceText", "decode_source", "parse_python"]
