"""Smoke test for bench/history_bench.py: a tiny generated repository, secpat only.

No comparison tool is installed (``--skip-trufflehog``) and no timing is asserted:
only that the run completes, finds what was planted, and writes the documented JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench" / "history_bench.py"


def test_history_bench_runs_on_a_small_repository(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--commits",
            "20",
            "--skip-trufflehog",
            "--work-dir",
            str(tmp_path / "work"),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    data = json.loads(out.read_text())
    for key in ("schema", "started", "finished", "machine", "versions", "config", "repo", "results", "table"):
        assert key in data, key
    assert data["config"] == {"commits": 20, "skip_trufflehog": True}
    assert data["repo"]["commits"] > 20  # plus the feature branch and its merge
    assert len(data["repo"]["planted"]) == 10
    assert data["results"]["trufflehog"] is None
    secpat = data["results"]["secpat"]
    for key in (
        "command",
        "wall_s",
        "peak_rss_mib",
        "exit_code",
        "planted",
        "found",
        "found_names",
        "missed_names",
        "reports",
        "decoy_reports",
        "ok",
    ):
        assert key in secpat, key
    assert secpat["ok"] and secpat["exit_code"] == 1
    assert secpat["wall_s"] > 0 and secpat["peak_rss_mib"] > 0
    assert secpat["found"] == secpat["planted"] == 10 and secpat["decoy_reports"] == 0
    assert "secpat" in proc.stdout and "trufflehog" in proc.stdout and "skipped" in proc.stdout
