"""Secrets hidden in everything secpat shows: one place decides what is a secret in any text
(a snippet, a message, a data-path note, a notice) and shows it masked (`sk_l…9f2a`).

What counts: known credential formats, private key blocks, URLs with a password, and
literals bound to a secret-promising name (`SECRET_KEY = "…"`, `password="…"`,
`"api_key": "…"`, `TOKEN=…` in env files, `os.getenv("API_TOKEN", "…")`) whose value
looks real. A check that finds another kind of secret (a hard-coded JWT signing key)
passes it as `known`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from secpat.secrets.entropy import judge_value, secret_kind
from secpat.secrets.formats import scan_text
from secpat.secrets.masking import ELLIPSIS, mask

if TYPE_CHECKING:
    from secpat.findings import Finding

Span = tuple[int, int, str]  # text[start:end] is shown as the string

#: Snippet lines longer than this are cut to a window around the finding (minified code).
SNIPPET_WIDTH = 200
#: At most this many lines of a long statement are shown.
SNIPPET_LINES = 6
# How far past a window's edges secrets are looked for, so that a cut never shows part of one.
_MARGIN = 400

_KEY_BLOCK = re.compile(
    r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?P<body>.*?)(?=-----END |\Z)", re.DOTALL
)
_KEY_BODY = re.compile(r"[A-Za-z0-9+/=]{40,}")
# A one-line string literal, its text in `dq` or `sq`.
_QUOTED = r"""[rRbBuU]{0,2}(?:"(?P<dq>(?:\\.|[^"\\\n])*)"|'(?P<sq>(?:\\.|[^'\\\n])*)')"""
# A literal after `=`, `==` or `:`; the name it is bound to is looked for just before it.
_LITERAL = re.compile(r"(?:==?|:)[ \t]*\(?[ \t]*" + _QUOTED)
_NAME_BEFORE = re.compile(r"""([A-Za-z_][A-Za-z0-9_]*)["']?\]?[ \t]*(?::[^=\n]{1,60})?$""")
# `os.getenv("SECRET_KEY", "value")`, `config("API_TOKEN", default="value")`: a literal fallback.
_FALLBACK = re.compile(
    r"""(?:getenv|environ\.get|environ\.setdefault|config|env|env\.str)\([ \t]*"""
    r"""["'](?P<name>\w+)["'][ \t]*,[ \t]*(?:default[ \t]*=[ \t]*)?""" + _QUOTED
)
# `SECRET_KEY=value` on a line of its own, as env files write it.
_ENV_LINE = re.compile(
    r"""^[ \t]*(?:export[ \t]+)?(?P<name>[A-Z][A-Z0-9_]*)=(?P<value>[^\s'"()\[\]{},;]+)[ \t]*$""", re.MULTILINE
)


def secret_spans(text: str, known: Iterable[tuple[str, str]] = ()) -> list[Span]:
    """Where the secrets in `text` are, with their masked forms: sorted, not overlapping."""
    spans: list[Span] = []
    for secret, masked in known:
        start = text.find(secret) if secret else -1
        while start >= 0:
            spans.append((start, start + len(secret), masked))
            start = text.find(secret, start + len(secret))
    for block in _KEY_BLOCK.finditer(text):
        if _KEY_BODY.search(block.group("body")):
            spans.append((block.start("body"), block.end("body"), ELLIPSIS))
    line_starts: list[int] | None = None
    for match in scan_text(text):
        if match.format.multiline:
            continue  # key blocks: masked whole above
        if line_starts is None:
            line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        start = line_starts[match.line - 1] + match.col
        spans.append((start, start + len(match.secret), match.masked))
        # The detector reports a repeated secret once; every copy of it is masked.
        again = text.find(match.secret)
        while again >= 0:
            spans.append((again, again + len(match.secret), match.masked))
            again = text.find(match.secret, again + len(match.secret))
    for literal in _LITERAL.finditer(text):
        group = "dq" if literal.group("dq") is not None else "sq"
        name = _NAME_BEFORE.search(text, max(0, literal.start() - 100), literal.start())
        if name:
            spans.extend(_named(name.group(1), literal.group(group), literal.start(group)))
    for fallback in _FALLBACK.finditer(text):
        group = "dq" if fallback.group("dq") is not None else "sq"
        spans.extend(_named(fallback.group("name"), fallback.group(group), fallback.start(group)))
    for line in _ENV_LINE.finditer(text):
        spans.extend(_named(line.group("name"), line.group("value"), line.start("value")))
    spans.sort(key=lambda span: (span[0], -span[1]))
    kept: list[Span] = []
    for span in spans:
        # A masked form is shown already (`sk_l…9f2a`): masking it again would change it at every pass.
        if (not kept or span[0] >= kept[-1][1]) and ELLIPSIS not in text[span[0] : span[1]]:
            kept.append(span)
    return kept


def _named(name: str, value: str, at: int) -> list[Span]:
    kind = secret_kind(name)
    if kind is None or len(value) < 4:
        return []
    judgement = judge_value(value, kind, name)
    if judgement is None:
        return []
    offset = value.find(judgement.secret)  # `Bearer abc…`: the token, not the scheme
    if offset < 0:
        return [(at, at + len(value), mask(value))]
    return [(at + offset, at + offset + len(judgement.secret), mask(judgement.secret))]


def _apply(text: str, spans: list[Span]) -> str:
    parts: list[str] = []
    position = 0
    for start, end, masked in spans:
        parts += [text[position:start], masked]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def redact(text: str, known: Iterable[tuple[str, str]] = ()) -> str:
    """`text` with every secret in it masked; the same object when there is none."""
    known = list(known)
    if len(text) < 8 and not known:
        return text
    spans = secret_spans(text, known)
    return _apply(text, spans) if spans else text


def clip(text: str, col: int = 0, end: int | None = None) -> str:
    """A snippet cut to what a report can show: lines longer than SNIPPET_WIDTH become a window
    around the finding (`col`..`end` on the first line, the start on the others), `…` marking
    each cut; at most SNIPPET_LINES lines. Short snippets are returned unchanged."""
    if len(text) <= SNIPPET_WIDTH:
        return text
    lines = text.split("\n")[:SNIPPET_LINES]
    return "\n".join(
        line if len(line) <= SNIPPET_WIDTH else _window(line, col if i == 0 else 0, end if i == 0 else None)
        for i, line in enumerate(lines)
    )


def _window(line: str, start: int, end: int | None) -> str:
    start = min(max(start, 0), len(line))
    length = min(SNIPPET_WIDTH, end - start if end is not None and end > start else 0)
    # Some code before the finding, the rest after it.
    first = max(0, min(start - (SNIPPET_WIDTH - length) // 3, len(line) - SNIPPET_WIDTH))
    last = first + SNIPPET_WIDTH
    # A secret across an edge is taken whole (it is shown masked) rather than cut in two.
    region = max(0, first - _MARGIN)
    spans = [(s + region, e + region, m) for s, e, m in secret_spans(line[region : last + _MARGIN])]
    for s, e, _ in spans:
        if s < first < e:
            first = s
        if s < last < e:
            last = e
    inside = [(s - first, e - first, m) for s, e, m in spans if first <= s and e <= last]
    shown = _apply(line[first:last], inside)
    return f"{ELLIPSIS if first > 0 else ''}{shown}{ELLIPSIS if last < len(line) else ''}"


def redact_finding(finding: Finding, known: Iterable[tuple[str, str]]) -> Finding:
    """The finding with `known` secrets masked in its snippet, message, data path and details."""
    known = list(known)
    if not known:
        return finding
    flow = tuple(replace(step, note=redact(step.note, known)) for step in finding.flow)
    return replace(
        finding,
        snippet=redact(finding.snippet, known),
        message=redact(finding.message, known),
        flow=flow,
        extra=tuple((key, redact(value, known)) for key, value in finding.extra),
    )
