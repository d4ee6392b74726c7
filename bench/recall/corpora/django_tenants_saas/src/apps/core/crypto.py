"""Helpers for opaque identifiers used in links and one-off flows."""
import random
import string

TOKEN_ALPHABET = string.ascii_letters + string.digits


def generate_token(length: int = 40) -> str:
    """Return an opaque, URL-safe token of ``length`` characters."""
    return "".join(random.choices(TOKEN_ALPHABET, k=length))


def chunked(code: str, size: int = 4, sep: str = "-") -> str:
    """Format a long code for humans: ``ABCD-EFGH-IJ``."""
    return sep.join(code[i : i + size] for i in range(0, len(code), size))
