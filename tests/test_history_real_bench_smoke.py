"""Smoke test for `bench/history_bench.py --real` and the release-series builder, on a project of three
tiny releases made here (nothing is downloaded) and secpat alone: the repository has the documented
shape, and the run writes the documented table and JSON. No timing is asserted."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture
def bench(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import history_bench
    import history_releases

    monkeypatch.setattr(history_releases, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(history_releases, "PROJECTS", {"tiny": ("1.0", "1.0.1", "1.1")})
    monkeypatch.setattr(history_releases, "REVIEW_BRANCHES", 2)
    folder = tmp_path / "cache" / "sdists" / "tiny"
    folder.mkdir(parents=True)
    for version, extra in (
        ("1.0", {}),
        ("1.0.1", {"tiny/fix.py": "FIXED = True\n"}),
        ("1.1", {"tiny/static/vendor/lib.min.js": "var a=1;\n"}),
    ):
        with tarfile.open(folder / f"tiny-{version}.tar.gz", "w:gz") as tar:
            for name, text in {"tiny/__init__.py": f'VERSION = "{version}"\n', **extra}.items():
                data = text.encode()
                info = tarfile.TarInfo(f"tiny-{version}/{name}")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return history_bench, history_releases


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def test_release_series_repository_has_releases_branches_and_planted_secrets(bench) -> None:
    _, history_releases = bench
    repo = history_releases.build("tiny")
    assert git(repo, "tag").split() == ["v1.0", "v1.0.1", "v1.1"]
    heads = set(git(repo, "branch", "--format=%(refname:short)").split())
    assert {"main", "stable/1.0.x", "review/00", "review/01"} <= heads
    assert {branch for branch, _, _ in history_releases.PLANTED} <= heads
    assert git(repo, "show", "stable/1.0.x:tiny/fix.py") == "FIXED = True\n"
    assert git(repo, "rev-parse", "stable/1.0.x^") == git(repo, "rev-parse", "v1.0")  # cut from its feature release
    assert history_releases.build("tiny") == repo  # cached


def test_real_mode_prints_and_writes_the_table(bench, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    history_bench, _ = bench
    out = tmp_path / "real.json"
    code = history_bench.main(
        [
            "--real",
            "tiny",
            "--runs",
            "2",
            "--skip-trufflehog",
            "--secpat",
            str(Path(sys.executable).with_name("secpat")),
            "--json",
            str(out),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "floor: git log -p --all | grep -E" in printed and "secpat" in printed and "x floor" in printed
    data = json.loads(out.read_text())
    history = data["histories"]["tiny"]
    assert history["repo"]["tags"] == 3 and history["repo"]["commits"] == 3 + 5
    assert [len(runs) for runs in history["runs"].values()] == [2, 2]
    # The planted secrets, less the one in a minified vendored file.
    assert history["findings"] == 4
    assert all(
        run["exit_code"] in (0, 1) and run["load_before"] >= 0 for runs in history["runs"].values() for run in runs
    )
