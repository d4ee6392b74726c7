"""Shared test set-up: every run of secpat in the tests keeps its cache in a private temporary directory."""

from __future__ import annotations

import os
import tempfile

import pytest


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
