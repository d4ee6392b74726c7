"""The recall benchmark (bench/recall) runs end to end, and its keys point at lines that exist."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RECALL = Path(__file__).resolve().parent.parent / "bench" / "recall"
CORPORA = sorted(p for p in (RECALL / "corpora").iterdir() if p.is_dir())


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_every_key_entry_names_a_line_of_its_file(corpus: Path) -> None:
    for line in (corpus / "KEY.jsonl").read_text().splitlines():
        entry = json.loads(line)
        assert entry["kind"] in ("vuln", "safe")
        text = (corpus / "src" / entry["path"]).read_text().splitlines()
        assert 0 < entry["line"] <= len(text), entry
        assert text[entry["line"] - 1].strip(), entry  # the line a reviewer points at is not blank


def test_the_scorer_runs_and_counts_each_planted_vulnerability() -> None:
    secpat = shutil.which("secpat", path=str(Path(sys.executable).parent)) or "secpat"
    done = subprocess.run(
        [sys.executable, str(RECALL / "score.py"), "--secpat", secpat, "flask_wiki"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    planted = sum(
        json.loads(line)["kind"] == "vuln"
        for line in (RECALL / "corpora" / "flask_wiki" / "KEY.jsonl").read_text().splitlines()
    )
    rows = [line.split() for line in done.stdout.splitlines() if line.startswith("flask_wiki")]
    assert len(rows) == 2  # the default mode and the audit mode
    for row in rows:
        assert int(row[1]) == planted and 0 <= int(row[2]) <= planted
