"""Masked forms of secrets: enough to recognise one (`sk_l…9f2a`), never enough to use it.

Every message, snippet, JSON and SARIF field and baseline entry that mentions a
secret goes through `mask` or `mask_line`: a secret is never printed whole.
"""

from __future__ import annotations

from collections.abc import Iterable

ELLIPSIS = "…"


def visible_chars(length: int) -> int:
    """How many characters to show at each end: fewer for short secrets, none below 8."""
    if length < 8:
        return 0
    if length < 12:
        return 1
    if length < 24:
        return 2
    if length < 32:
        return 3
    return 4


def mask(secret: str, public_prefix: int = 0) -> str:
    """`sk_live_4eC39HqLyjWDarjtT1zdp7dc` → `sk_live_…p7dc`; `hunter2!` → `h…!`; `dev` → `…`.

    `public_prefix` is the length of a format's fixed, non-secret prefix (`ghp_`, `AKIA`): it may
    be shown in full as long as what follows stays hidden.
    """
    secret = secret.strip()
    if "\n" in secret:
        secret = secret.splitlines()[0]  # a key block: its first line names it, the rest is the key
    shown = visible_chars(len(secret) - public_prefix)
    if shown == 0:
        return ELLIPSIS
    head = secret[: max(public_prefix, shown)] if len(secret) - public_prefix >= 16 else secret[:shown]
    return f"{head}{ELLIPSIS}{secret[-shown:]}"


def mask_line(line: str, secrets: Iterable[tuple[str, str]]) -> str:
    """The line with every (secret, masked form) pair replaced, longest secret first."""
    for secret, masked in sorted(secrets, key=lambda pair: -len(pair[0])):
        if secret and secret in line:
            line = line.replace(secret, masked)
    return line


def mask_span(line: str, start: int, end: int | None, masked: str) -> str:
    """Replace the characters `line[start:end]` (a string literal's source) with the masked form,
    keeping the literal's prefix and quote so the snippet still reads as code."""
    end = len(line) if end is None or end > len(line) else end
    segment = line[start:end]
    quote_at = min((i for i in (segment.find('"'), segment.find("'")) if i >= 0), default=-1)
    if quote_at < 0:
        return line[:start] + masked + line[end:]
    quote = segment[quote_at]
    return f"{line[:start]}{segment[:quote_at]}{quote}{masked}{quote}{line[end:]}"
