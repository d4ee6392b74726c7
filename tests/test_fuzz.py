"""Property-based tests over every front that reads untrusted text: the Python parser and model,
the template scanner, the ignore-pattern matcher, the secret detectors and redaction, and the
cache codec. Each property is "no crash, and the output keeps its invariants"; the number of
inputs per property is set below (`SECPAT_FUZZ_EXAMPLES` raises it for a long run)."""

from __future__ import annotations

import os
import string
import time
from pathlib import Path

import hypothesmith
import pathspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secpat.cache.codec import CodecError, decode, encode
from secpat.config import load_config
from secpat.discovery import MAX_PATTERN_WILDCARDS, SourceFile, bounded_patterns
from secpat.engine import FileTask, analyse_file
from secpat.findings import Confidence, Finding, FlowStep, Location, NoticeKind, Severity
from secpat.rules.secrets import text_hits
from secpat.secrets.formats import scan_text
from secpat.secrets.redact import redact
from secpat.templates import autoescape_off, blocks, filter_uses

EXAMPLES = int(os.environ.get("SECPAT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
# Generated programs such as `1()` make the compiler warn; the warning is about the input, not secpat.
# Generated ignore patterns such as `[[a]` make `re` warn about future syntax (secpat hides it from users).
pytestmark = [pytest.mark.filterwarnings("ignore::SyntaxWarning"), pytest.mark.filterwarnings("ignore::FutureWarning")]


def _analyse(tmp_path: Path, name: str, kind: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    source = SourceFile(
        path=path, rel=name, kind=kind, module_name=name.rsplit(".", 1)[0] if kind == "python" else "", size=len(data)
    )
    return analyse_file(FileTask(source, load_config(tmp_path), frozenset({"case"})))


@FUZZ
@given(hypothesmith.from_grammar())
def test_generated_python_is_parsed_modelled_and_checked_without_internal_errors(tmp_path: Path, source: str) -> None:
    result = _analyse(tmp_path, "case.py", "python", source.encode("utf-8", "surrogatepass"))
    assert not [n for n in result.notices if n.kind is NoticeKind.INTERNAL_ERROR], result.notices
    for finding in result.findings:
        assert finding.location.line >= 1


@FUZZ
@given(hypothesmith.from_node())
def test_generated_syntax_trees_are_checked_without_internal_errors(tmp_path: Path, source: str) -> None:
    result = _analyse(tmp_path, "case.py", "python", source.encode("utf-8", "surrogatepass"))
    assert not [n for n in result.notices if n.kind is NoticeKind.INTERNAL_ERROR], result.notices


_TEMPLATE_PIECES = st.sampled_from(
    [
        "{{ x }}",
        "{{ x|safe }}",
        "{{ x | safeseq }}",
        "{% autoescape off %}",
        "{% endautoescape %}",
        "{% raw %}",
        "{% endraw %}",
        "{# c #}",
        "{#",
        "#}",
        "{{",
        "}}",
        "{%",
        "%}",
        "<form method=post>",
        "</form>",
        "{% csrf_token %}",
        "<textarea>",
        "<!--",
        "-->",
        "\n",
        " ",
        "|",
        "'",
        '"',
        "\0",
    ]
)


@FUZZ
@given(st.lists(_TEMPLATE_PIECES | st.text(max_size=8), max_size=40).map("".join))
def test_template_scanner_never_crashes(tmp_path: Path, text: str) -> None:
    for block in blocks(text):
        autoescape_off(block)
        list(filter_uses(block, {"safe", "safeseq"}))
    result = _analyse(tmp_path, "page.html", "template", text.encode("utf-8", "surrogatepass"))
    assert not [n for n in result.notices if n.kind is NoticeKind.INTERNAL_ERROR], result.notices


_GLOB = st.text(alphabet="*?[]!/ab.\\-", max_size=24)
_PATH = st.lists(st.text(alphabet="ab.*", min_size=1, max_size=30), min_size=1, max_size=6).map("/".join)


@FUZZ
@given(st.lists(_GLOB, max_size=6), st.lists(_PATH, max_size=10))
def test_ignore_patterns_are_bounded_and_match_without_error(patterns: list[str], paths: list[str]) -> None:
    notices: list = []
    kept = bounded_patterns(patterns, ".gitignore", notices)
    for pattern in kept:
        stars = sum(1 if part == "**" else part.count("*") for part in pattern.split("/"))
        assert stars <= MAX_PATTERN_WILDCARDS
    assert len(kept) + len(notices) == len(patterns)
    spec = pathspec.GitIgnoreSpec.from_lines(kept)
    started = time.perf_counter()
    for path in paths:
        spec.match_file(path)
    assert time.perf_counter() - started < 5


_SECRETS = st.sampled_from(
    [
        "AKIA" + "IOSFODNN7" + "EXAMPLF",
        "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
        "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
        "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "postgres://user:" + "s3cr3tPassw0rd@db/x",
    ]
)


@FUZZ
@given(
    st.lists(
        st.text(max_size=20) | _SECRETS | st.sampled_from(["\n", "=", "SECRET_KEY=", "password: ", "'"]), max_size=20
    ).map("".join)
)
def test_secret_detectors_and_redaction_never_crash_or_leak(text: str) -> None:
    scan_text(text)
    for kind in ("env", "config", "other"):
        text_hits(kind, text)
    redacted = redact(text)
    for match in scan_text(text):
        assert match.secret not in redacted


_FINDINGS = st.builds(
    Finding,
    rule_id=st.sampled_from(["RND001", "SQL002", "XSS004"]),
    location=st.builds(Location, path=st.text(max_size=12), line=st.integers(0, 10**6), col=st.integers(0, 500)),
    message=st.text(max_size=40),
    severity=st.sampled_from(list(Severity)),
    confidence=st.sampled_from(list(Confidence)),
    snippet=st.text(max_size=40),
    flow=st.lists(
        st.builds(
            FlowStep,
            location=st.builds(Location, path=st.text(max_size=5), line=st.integers(1, 9)),
            note=st.text(max_size=10),
        ),
        max_size=3,
    ).map(tuple),
    extra=st.lists(st.tuples(st.text(max_size=5), st.text(max_size=5)), max_size=2).map(tuple),
    audit=st.booleans(),
)


@FUZZ
@given(st.lists(_FINDINGS, max_size=5), st.dictionaries(st.text(max_size=5), st.frozensets(st.integers()), max_size=3))
def test_cache_codec_round_trips_secpat_values(findings: list[Finding], mapping: dict) -> None:
    value = (findings, mapping, {1, 2}, None, 1.5)
    assert decode(encode(value)) == value


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet=string.ascii_letters + ":._", max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(list("tdfserc") + ["x"]), inner, max_size=2)
    ),
    max_leaves=20,
)


@FUZZ
@given(_JSONISH)
def test_cache_codec_rejects_or_rebuilds_anything_else(data: object) -> None:
    try:
        decode(data)
    except CodecError:
        pass
