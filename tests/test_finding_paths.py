"""The data path of a finding ends where a reader acts on it: for a digest a helper makes and a caller keeps,
at the caller's line as well as the hash."""

from __future__ import annotations

from secpat.config import load_config
from secpat.engine import ScanOptions, scan
from tests.test_fixtures import FIXTURES


def test_a_kept_digest_names_the_caller_that_keeps_it() -> None:
    root = FIXTURES / "passwords" / "kept_digest_helpers"
    config = load_config(root, overrides={"select": ["PWD002"]})
    result = scan([root], config, ScanOptions(use_cache=False, jobs=1))
    kept = [f for f in result.findings if "its caller keeps the digest" in f.message]
    assert kept, "the fixture has helpers whose callers keep the digest"
    for finding in kept:
        last = finding.flow[-1]
        assert last.note == "the digest kept by the caller"
        assert f"({last.location.path}:{last.location.line})" in finding.message
        line = (root / last.location.path).read_text().splitlines()[last.location.line - 1]
        assert "(" in line  # the call whose result is kept
