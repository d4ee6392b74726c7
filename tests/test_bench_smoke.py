"""Smoke test for bench/bench.py: it runs end to end on a tiny local tree.

Nothing is downloaded (``--tree-dir``) and the comparison tools are left out
(``--skip-tools``); no timing is asserted, only that the run completes and the
JSON results have the documented shape.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench" / "bench.py"

SECPAT_CASES = ("secpat_cold", "secpat_warm", "secpat_touched")
FLOOR_CASES = ("floor_1proc", "floor_2proc")


def _make_tree(root: Path) -> Path:
    tree = root / "tinyapp"
    (tree / "app").mkdir(parents=True)
    (tree / "app" / "views.py").write_text(
        "import subprocess\n\n\ndef run(request):\n"
        '    name = request.args.get("name")\n'
        '    return subprocess.run("echo " + name, shell=True)\n'
    )
    (tree / "app" / "models.py").write_text("class User:\n    def __init__(self, name):\n        self.name = name\n")
    (tree / "app" / "utils.py").write_text("def add(a, b):\n    return a + b\n")
    return tree


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, dict, Path]:
    tmp = tmp_path_factory.mktemp("bench")
    tree = _make_tree(tmp)
    out = tmp / "results.json"
    originals = {p: p.read_bytes() for p in tree.rglob("*.py")}
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--quick",
            "--tree-dir",
            str(tree),
            "--skip-tools",
            "bandit,ruff",
            "--runs",
            "1",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, f"bench.py exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert out.is_file(), proc.stderr
    # The touched file is put back byte for byte.
    assert {p: p.read_bytes() for p in tree.rglob("*.py")} == originals
    return proc, json.loads(out.read_text()), tree


def test_top_level_structure(bench_run) -> None:
    _, data, _ = bench_run
    for key in ("started", "finished", "machine", "versions", "config", "trees", "targets", "stress"):
        assert key in data, key
    assert data["config"]["runs"] == 1
    assert data["config"]["quick"] is True
    assert data["scaling"] is None  # --quick leaves it out
    assert sorted(data["config"]["skipped_tools"]) == ["bandit", "ruff"]
    load = data["machine"]["loadavg_start"]
    assert load is None or (isinstance(load, list) and len(load) == 3)
    assert isinstance(data["machine"]["python"], str)


def test_tree_entry(bench_run) -> None:
    _, data, tree = bench_run
    assert len(data["trees"]) == 1
    entry = data["trees"][0]
    assert entry["name"] == tree.name
    assert entry["py_files"] == 3
    assert entry["py_lines"] > 0
    assert entry["touched_file"] and entry["touched_file"].endswith(".py")
    results = entry["results"]
    for case in SECPAT_CASES + FLOOR_CASES:
        assert case in results, case
        res = results[case]
        assert len(res["runs"]) == 1
        wall = res["median_wall_s"]
        assert isinstance(wall, (int, float)) and wall > 0, (case, wall)
        assert isinstance(res["median_cpu_s"], (int, float)) and res["median_cpu_s"] >= 0
        assert isinstance(res["peak_rss_mib"], (int, float)) and res["peak_rss_mib"] > 0
        assert res["ok"], (case, res["errors"])
        assert isinstance(res["command"], list) and res["command"]
    assert "bandit" not in results and "ruff" not in results
    assert results["floor_1proc"]["ratio_floor"] == pytest.approx(1.0)
    assert "--no-cache" in results["secpat_cold"]["command"]
    assert "--cache-dir" in results["secpat_warm"]["command"]


def test_stress_and_targets(bench_run) -> None:
    proc, data, _ = bench_run
    for key in ("large_module", "nested_expression"):
        s = data["stress"][key]
        assert isinstance(s["median_wall_s"], (int, float)) and s["median_wall_s"] > 0
        assert "crashed" in s
    statuses = {t["status"] for t in data["targets"]}
    assert statuses <= {"PASS", "FAIL", "SKIP"}
    assert len(data["targets"]) == 8
    # The printed table names every secpat case.
    for label in ("secpat cold", "secpat warm", "secpat 1 touched", "ast.parse x1"):
        assert label in proc.stdout
