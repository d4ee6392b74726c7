"""Shared test set-up: every run of secpat in the tests keeps its cache in a private temporary directory, and
the tests that run the real CLI, git, servers, browsers or other interpreters are marked `slow`, so that
`pytest -m "not slow"` runs the rest in seconds."""

from __future__ import annotations

import os
import tempfile

import pytest

#: Test modules that start processes: the CLI in a subprocess, git repositories, example apps under a real
#: server, a browser, other Python interpreters, long property-based runs.
SLOW_MODULES = frozenset(
    {
        "test_baseline",
        "test_bench_smoke",
        "test_ci_formats",
        "test_ci_recipes",
        "test_cli",
        "test_diff_base",
        "test_examples",
        "test_fuzz",
        "test_history",
        "test_history_bench_smoke",
        "test_history_gate",
        "test_history_real_bench_smoke",
        "test_history_robust",
        "test_history_skip",
        "test_html_report",
        "test_knowledge",
        "test_lint",
        "test_newer_syntax",
        "test_output_safety",
        "test_precommit",
        "test_probe_checks",
        "test_probe_deep",
        "test_probe_e2e",
        "test_probe_honest",
        "test_probe_hostile",
        "test_probe_sessions",
        "test_report_cli",
        "test_untrusted",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.module is not None and item.module.__name__.rpartition(".")[2] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True, scope="session")
def _private_cache_root():
    with tempfile.TemporaryDirectory(prefix="secpat-test-cache-") as directory:
        previous = os.environ.get("SECPAT_CACHE_DIR")
        os.environ["SECPAT_CACHE_DIR"] = directory
        yield directory
        if previous is None:
            os.environ.pop("SECPAT_CACHE_DIR", None)
        else:
            os.environ["SECPAT_CACHE_DIR"] = previous
